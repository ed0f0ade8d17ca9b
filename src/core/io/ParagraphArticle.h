#pragma once

#include "io/ArticleTextParser.h" // ArticleParseResult

#include <QList>
#include <QString>
#include <QStringList>

namespace newscoder {

// What a paragraph-based reader (PDF, RTF) found besides the paragraphs.
struct ParagraphSource
{
    QString format;          // "pdf", "rtf"
    QString titleProperty;   // the document's title property ("" when none, or a file name)
    QString author;
    QList<MetadataEntry> metadata; // added after "source_file" and "format"
};

// An article from paragraphs (pure): the stored text is the paragraphs (each trimmed at its
// line ends; empty ones dropped) separated by empty lines. Title: `titleProperty`, else a short
// first paragraph (under 30 words, one line, not ending in a full stop), else the file name
// (with a warning). Date: a paragraph of at most 60 characters among the first five that
// parseNewsDate reads ("published" as written, "published_iso"). No paragraph with text is the
// error "no article text found".
ArticleParseResult articleFromParagraphs(const QStringList &paragraphs, const QString &fileName,
                                         const ParagraphSource &source);

} // namespace newscoder
