#pragma once

#include "io/TextDecoding.h"
#include "model/Document.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <optional>

namespace newscoder {

// Largest article file Newscoder reads (the importer also checks the size before reading).
inline constexpr qint64 kMaxArticleFileBytes = qint64(20) * 1024 * 1024;

struct ArticleParseResult
{
    std::optional<Document> document;
    QString error;        // human-readable reason when there is no document
    QStringList warnings; // non-fatal remarks (e.g. encoding fallback)
    QString encoding;     // the encoding the bytes were read with ("UTF-8", "windows-1251", …)
    EncodingSource encodingSource = EncodingSource::Utf8;
};

// Reads one scraped plain-text news article (pure function: no I/O, no database).
//
// Decoding (decodeText, io/TextDecoding.h): a BOM selects UTF-8, UTF-16 or UTF-32 (the
// BOM is not part of the text). Without a BOM the bytes are read as UTF-8. Invalid
// sequences in a UTF-8 file are replaced with U+FFFD where they are, and a warning gives
// their count and lines; the rest of the file stays exactly as decoded. Only a file
// without a single valid non-ASCII UTF-8 character is read in a legacy encoding detected
// with uchardet (Windows-1252 when nothing is detected), with a warning naming it.
// `encoding` (non-empty) reads the bytes with that encoding instead.
// Binary content (NUL characters, or more than 2 % control characters), empty and
// whitespace-only files and files over kMaxArticleFileBytes are rejected with an error.
//
// The stored text is the complete decoded file. The ONLY change made to it is line-ending
// normalisation: CRLF and lone CR become LF. Nothing is deleted - scraper headers,
// repeated titles, tag words and other leftovers all stay, so offsets match what the
// coder sees and nothing is lost.
//
// Metadata is read from the text without changing it:
//  - scraper header: if the first non-empty line is "date YYYY-MM-DD http(s)://..."
//    (leading whitespace allowed) it gives date, url and outlet (outletFromUrl).
//    Without one, date/url/outlet stay empty; only a byline date can fill the date.
//  - title: the first headline-shaped line near the top, see ArticleTextParser.cpp.
//  - author: a "By NAME" or "By NAME // DATE" byline among the first lines.
//  - metadata entries: "source_file", "scraper_header" (raw line), "byline".
//  - the scraper's leftovers (io/ScraperResidue.h) as line ranges in the entry
//    "scraper_residue" (the text itself is not changed), and what the text states
//    when the header and byline did not say it: date, outlet and author from
//    "Updated:" lines, picture credits, team bylines, datelines, with the line
//    that said it in "date_from_text", "outlet_from_text", "author_from_text";
//    a dateline's place in "dateline_place".
// importSource is fileName.
ArticleParseResult parseArticleText(const QByteArray &bytes, const QString &fileName,
                                    const QString &encoding = {});

// "https://www.sputniknews.com/x" -> "sputniknews.com": lower-cased host without the
// "www.", "m." and "amp." prefixes. Empty for URLs without a host.
QString outletFromUrl(const QUrl &url);

} // namespace newscoder
