#pragma once

#include "io/ArticleTextParser.h" // ArticleParseResult, kMaxArticleFileBytes

#include <QByteArray>
#include <QString>

namespace newscoder {

// True when the bytes look like an HTML page: after a BOM and white space they begin with
// "<!doctype html", "<html", "<head", "<body" or a comment followed by one of these, or the
// first 1024 bytes hold an <html>, <head> or <body> tag (UTF-16 pages included).
bool looksLikeHtml(const QByteArray &bytes);

// Reads one saved news page (pure function: no I/O, no network, no scripts).
//
// Decoding: decodeText (io/TextDecoding.h) with the page's <meta charset> as the declared
// encoding; `encoding` overrides it. The page is parsed with gumbo (html/HtmlTree.h; pages
// over kMaxArticleFileBytes or nested deeper than html::kMaxHtmlNesting are refused), the
// main text found as html/MainText.h describes; when the page's JSON-LD articleBody holds
// text the extraction missed (less than 80 % of its words found), the articleBody is used.
//
// The stored text is the headline, an empty line, then the body paragraphs, one line each,
// separated by empty lines. Document fields: title, date (parseNewsDate of the published
// date), url (canonical), outlet (og:site_name / publisher, else the URL's host), author.
// Metadata entries: "source_file", "format" = "html", and when the page gives them
// "published" (as written), "published_iso" (ISO 8601 with the time when given),
// "modified", "description", "section", "keywords", "site_name", "html_title" (the
// <title>), "schema_type", "body_source" ("articleBody" when the JSON-LD text was used).
// A page without article text is an error ("no article text found").
ArticleParseResult parseHtmlArticle(const QByteArray &bytes, const QString &fileName, const QString &encoding = {});

} // namespace newscoder
