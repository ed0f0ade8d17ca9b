#pragma once

#include "io/ArticleTextParser.h" // ArticleParseResult

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace newscoder {

// Largest RTF read (pictures make RTF files large), and deepest group nesting accepted.
inline constexpr qint64 kMaxRtfFileBytes = qint64(100) * 1024 * 1024;
inline constexpr int kMaxRtfNesting = 256;

struct RtfText
{
    QStringList paragraphs; // one per \par (a \line is a new line inside it)
    QString title, author;  // from the {\info} group
    QString codepage;       // the encoding 8-bit text was read with ("windows-1252", …)
    QString error;
};

// Reads the text of an RTF file as plain paragraphs (pure, one linear pass).
//
// Why by hand: Debian has no C or C++ library that reads RTF (unrtf is a program, LibreOffice a
// whole office suite); a reader of the text is small. It understands groups, \par, \line,
// \tab, \cell/\row, \'hh bytes in the \ansicpg code page, \uN with its \ucN fallback
// characters, the usual typographic symbols, and {\info} title and author. Destinations that
// are not body text are skipped: \* groups, font/colour/style/list tables, pictures, objects,
// headers, footers, footnotes, annotations and field instructions (a field's result is kept).
// Caps: kMaxRtfFileBytes, kMaxRtfNesting (deeper groups are an error, not a crash).
RtfText readRtfText(const QByteArray &bytes);

// True when the bytes begin with "{\rtf" (after white space).
bool looksLikeRtf(const QByteArray &bytes);

// One article from an RTF file: articleFromParagraphs (io/ParagraphArticle.h) with the {\info}
// title and author; metadata "format" = "rtf", "code_page".
ArticleParseResult parseRtfArticle(const QByteArray &bytes, const QString &fileName);

} // namespace newscoder
