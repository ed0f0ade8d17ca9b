#pragma once

#include "io/ArticleTextParser.h" // ArticleParseResult

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace newscoder {

// Largest PDF read, and most pages (a news article has a few; an export a few hundred).
inline constexpr qint64 kMaxPdfFileBytes = qint64(100) * 1024 * 1024;
inline constexpr int kMaxPdfPages = 5000;

// The text of a PDF as paragraphs (pdf::pdfParagraphs over the lines Poppler gives in reading
// order), with the document's information. `error` is set for a file Poppler cannot open,
// an encrypted PDF that needs a password, more than kMaxPdfPages pages or no text at all.
struct PdfText
{
    QStringList paragraphs;
    QString title, author, subject, keywords, creator;
    QString created; // ISO 8601, empty when not given
    int pages = 0;
    QString error;
};
PdfText readPdfText(const QByteArray &bytes);

// Reads one article from a PDF (pure: no I/O beyond the bytes given), through Poppler.
// The stored text is the paragraphs, separated by empty lines (headers, footers and page
// numbers dropped, hyphenated line ends joined; see io/pdf/PdfLayout.h). Title: the PDF's
// Title property unless it is a file name, else a short first paragraph, else the file name.
// Date: a short paragraph among the first five that is a date (parseNewsDate). Author: the
// Author property. Metadata: "source_file", "format" = "pdf", "pages", "document_title",
// "document_created", "subject", "keywords", "published"/"published_iso" when found.
ArticleParseResult parsePdfArticle(const QByteArray &bytes, const QString &fileName);

} // namespace newscoder
