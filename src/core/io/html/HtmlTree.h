#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace newscoder::html {

// What a node of the page is, as far as text extraction cares.
enum class Kind : quint8 {
    Text,
    Block,     // p, div, section, li, h2 … : starts a line of its own
    Inline,    // a, span, em, b … : flows within its line
    Break,     // br
    Dropped,   // script, style, nav, aside, form, figure, hidden elements … : never body text
};

// One node of a parsed page, flattened (the gumbo tree is freed after reading).
struct Node
{
    int parent = -1;
    QList<int> children;
    Kind kind = Kind::Inline;
    QByteArray tag;   // lower-case element name ("" for text)
    QString text;     // text nodes: the text (entities decoded by the parser)
    QString hints;    // lower-case class and id, space-separated
    QString itemprop; // lower-case itemprop attribute
    bool isLink = false; // <a href>
};

// <meta> and <link> elements and JSON-LD blocks of a page, in document order.
struct HeadData
{
    QList<QPair<QString, QString>> meta;  // (lower-case name / property / itemprop, content)
    QList<QPair<QString, QString>> links; // (lower-case rel, href)
    QStringList jsonLd;                   // text of <script type="application/ld+json">
    QString title;                        // <title> text, whitespace-collapsed
    QList<QPair<QString, QString>> times; // <time datetime> inside the body: (datetime, text)
};

struct HtmlTree
{
    QList<Node> nodes; // nodes[0] is the document root; parents come before children
    HeadData head;
    QString error;     // set when the page was refused (too deep, too large)
};

// Largest nesting the reader accepts (measured on the raw markup before parsing; news
// pages nest well under 100 levels). Deeper markup is refused, not parsed.
inline constexpr int kMaxHtmlNesting = 1000;
// Most elements (start tags) a page may have: news pages have a few thousand; more would only
// cost memory and time (a tree node each).
inline constexpr int kMaxHtmlElements = 250000;
// Most attributes one tag may carry (the parser compares each with the tag's others).
inline constexpr int kMaxHtmlAttributes = 256;

// The charset a page declares in its first 1024 bytes (<meta charset=…> or
// http-equiv Content-Type), or empty.
QString declaredCharset(const QByteArray &bytes);

// Parses UTF-8 HTML with gumbo (an HTML5 parser: entities, broken markup and implied
// elements as browsers handle them). No network access, no scripts. Refuses markup nested
// deeper than kMaxHtmlNesting, with more than kMaxHtmlElements elements or a tag with more
// than kMaxHtmlAttributes attributes (measured on the raw markup before parsing, in one
// linear pass). Every walk over the tree is iterative.
HtmlTree parseHtml(const QByteArray &utf8);

// Whitespace-collapsed text of a subtree (Dropped nodes skipped), one line per block.
QStringList blockLines(const HtmlTree &tree, int root);

} // namespace newscoder::html
