#include "io/html/HtmlTree.h"

#include <QRegularExpression>
#include <QSet>

#include <gumbo.h>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace newscoder::html {

namespace {

const QSet<QByteArray> &voidElements()
{
    static const QSet<QByteArray> tags{"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                                       "meta", "param", "source", "track", "wbr", "keygen", "basefont",
                                       "frame", "image"};
    return tags;
}

// Elements the parser closes by themselves (a new <p> or <li> ends the open one): they never
// nest by accident, so the depth estimate does not count them.
const QSet<QByteArray> &selfEndingElements()
{
    static const QSet<QByteArray> tags{"p",  "li", "dt", "dd", "option", "optgroup", "tr", "td", "th",
                                       "tbody", "thead", "tfoot", "colgroup", "rb", "rt", "rp", "rtc"};
    return tags;
}

const QSet<QByteArray> &rawTextElements()
{
    static const QSet<QByteArray> tags{"script", "style", "textarea", "title", "xmp", "noscript", "iframe",
                                       "noembed", "noframes", "plaintext"};
    return tags;
}

bool isNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':';
}

struct MarkupShape
{
    int deepest = 0;    // nesting depth
    int elements = 0;   // start tags
    int attributes = 0; // most attributes in one tag
};

// Attribute-like tokens between a tag's name and its '>'.
int attributeCount(const QByteArray &lower, qsizetype from, qsizetype to)
{
    int count = 0;
    bool inToken = false;
    for (qsizetype k = from; k < to; ++k) {
        const char c = lower.at(k);
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/';
        count += (!space && !inToken) ? 1 : 0;
        inToken = !space;
    }
    return count;
}

// How deep the markup nests, how many elements and attributes it has, estimated from its
// tags (linear, before any tree is built).
MarkupShape markupShape(const QByteArray &bytes)
{
    MarkupShape shape;
    const QByteArray lower = bytes.toLower();
    const qsizetype n = lower.size();
    int depth = 0, &deepest = shape.deepest;
    qsizetype i = 0;
    while ((i = lower.indexOf('<', i)) >= 0 && ++i < n) {
        const bool closing = lower.at(i) == '/';
        if (closing)
            ++i;
        const qsizetype start = i;
        while (i < n && isNameChar(lower.at(i)))
            ++i;
        if (i == start || !(lower.at(start) >= 'a' && lower.at(start) <= 'z'))
            continue; // text "<", comments, doctype
        const QByteArray name = lower.mid(start, i - start);
        const qsizetype end = lower.indexOf('>', i);
        if (end < 0)
            break;
        const bool counted = !voidElements().contains(name) && !selfEndingElements().contains(name);
        if (!closing) {
            ++shape.elements;
            shape.attributes = std::max(shape.attributes, attributeCount(lower, i, end));
        }
        if (closing) {
            if (counted)
                depth = std::max(0, depth - 1);
        } else if (counted && lower.at(end - 1) != '/') {
            deepest = std::max(deepest, ++depth);
        }
        i = end + 1;
        if (!closing && rawTextElements().contains(name)) {
            const qsizetype close = lower.indexOf(QByteArray("</" + name), i);
            if (close < 0)
                break;
            i = close;
        }
    }
    return shape;
}

QByteArray tagName(const GumboElement &element)
{
    if (element.tag != GUMBO_TAG_UNKNOWN)
        return QByteArray::fromRawData(gumbo_normalized_tagname(element.tag),
                                       qsizetype(qstrlen(gumbo_normalized_tagname(element.tag))));
    GumboStringPiece piece = element.original_tag;
    gumbo_tag_from_original_text(&piece);
    return QByteArray(piece.data, qsizetype(piece.length)).toLower();
}

QString attribute(const GumboElement &element, const char *name)
{
    const GumboAttribute *a = gumbo_get_attribute(&element.attributes, name);
    return a ? QString::fromUtf8(a->value) : QString();
}

Kind kindOf(const QByteArray &tag)
{
    static const QSet<QByteArray> dropped{
        "script", "style",  "noscript", "template", "iframe",   "svg",    "math",     "canvas", "object",
        "embed",  "video",  "audio",    "nav",      "aside",    "form",   "button",   "select", "input",
        "textarea", "label", "header",  "footer",   "figure",   "figcaption", "head", "picture", "dialog",
        "map",    "frameset", "frame",  "noembed",  "noframes", "datalist", "output", "meter",  "progress"};
    static const QSet<QByteArray> blocks{
        "html",  "body", "address", "article", "blockquote", "center", "dd", "details", "dir", "div",
        "dl",    "dt",   "fieldset", "h1",     "h2",         "h3",     "h4", "h5",      "h6",  "hgroup",
        "hr",    "li",   "main",     "menu",   "ol",         "p",      "pre", "section", "summary", "table",
        "tbody", "td",   "tfoot",    "th",     "thead",      "tr",     "ul", "caption", "legend", "listing"};
    if (dropped.contains(tag) || tag.startsWith("amp-"))
        return Kind::Dropped;
    if (tag == "br")
        return Kind::Break;
    if (blocks.contains(tag))
        return Kind::Block;
    if (tag.contains('-')) // custom elements are mostly containers
        return Kind::Block;
    return Kind::Inline;
}

// Hidden by the page itself: never shown, never body text.
bool isHidden(const GumboElement &element)
{
    if (gumbo_get_attribute(&element.attributes, "hidden"))
        return true;
    if (attribute(element, "aria-hidden").trimmed().compare(u"true"_s, Qt::CaseInsensitive) == 0)
        return true;
    static const QRegularExpression hiddenStyle(u"display\\s*:\\s*none|visibility\\s*:\\s*hidden"_s,
                                                QRegularExpression::CaseInsensitiveOption);
    const QString style = attribute(element, "style");
    if (!style.isEmpty() && hiddenStyle.match(style).hasMatch())
        return true;
    static const QSet<QString> roles{u"navigation"_s, u"banner"_s,   u"contentinfo"_s, u"complementary"_s,
                                     u"dialog"_s,     u"alertdialog"_s, u"search"_s,   u"menu"_s, u"menubar"_s};
    return roles.contains(attribute(element, "role").trimmed().toLower());
}

QString childText(const GumboNode *node)
{
    QString text;
    const GumboVector &children = node->v.element.children;
    for (unsigned k = 0; k < children.length; ++k) {
        const auto *child = static_cast<const GumboNode *>(children.data[k]);
        if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA || child->type == GUMBO_NODE_WHITESPACE)
            text += QString::fromUtf8(child->v.text.text);
    }
    return text;
}

// Text of an element's subtree (for <title> and <time>), iteratively.
QString subtreeText(const GumboNode *root)
{
    QString text;
    QList<const GumboNode *> stack{root};
    while (!stack.isEmpty()) {
        const GumboNode *node = stack.takeLast();
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
            text += QString::fromUtf8(node->v.text.text);
        } else if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
            const GumboVector &children = node->v.element.children;
            for (unsigned k = children.length; k-- > 0;)
                stack.append(static_cast<const GumboNode *>(children.data[k]));
        }
    }
    return text.simplified();
}

void collectHead(const QByteArray &tag, const GumboNode *node, HeadData &head)
{
    const GumboElement &e = node->v.element;
    if (tag == "meta") {
        QString key = attribute(e, "property");
        if (key.isEmpty())
            key = attribute(e, "name");
        if (key.isEmpty())
            key = attribute(e, "itemprop");
        const GumboAttribute *content = gumbo_get_attribute(&e.attributes, "content");
        if (!key.isEmpty() && content)
            head.meta.append({key.trimmed().toLower(), QString::fromUtf8(content->value).simplified()});
    } else if (tag == "link") {
        const QString rel = attribute(e, "rel").simplified().toLower();
        const QString href = attribute(e, "href").trimmed();
        if (!rel.isEmpty() && !href.isEmpty())
            head.links.append({rel, href});
    } else if (tag == "script") {
        if (attribute(e, "type").trimmed().toLower() == u"application/ld+json"_s)
            head.jsonLd << childText(node);
    } else if (tag == "title") {
        if (head.title.isEmpty())
            head.title = subtreeText(node);
    } else if (tag == "time") {
        const QString datetime = attribute(e, "datetime").trimmed();
        head.times.append({datetime, subtreeText(node)});
    }
}

} // namespace

QString declaredCharset(const QByteArray &bytes)
{
    static const QRegularExpression charset(
        u"<meta[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)"_s, QRegularExpression::CaseInsensitiveOption);
    const QString head = QString::fromLatin1(bytes.left(1024));
    const QRegularExpressionMatch m = charset.match(head);
    return m.hasMatch() ? m.captured(1) : QString();
}

HtmlTree parseHtml(const QByteArray &utf8)
{
    HtmlTree tree;
    const MarkupShape shape = markupShape(utf8);
    if (shape.deepest > kMaxHtmlNesting) {
        tree.error = u"the HTML is nested too deeply (%1 levels; at most %2 are read)"_s.arg(shape.deepest).arg(
            kMaxHtmlNesting);
        return tree;
    }
    if (shape.elements > kMaxHtmlElements) {
        tree.error = u"the HTML has too many elements (%1; at most %2 are read)"_s.arg(shape.elements).arg(
            kMaxHtmlElements);
        return tree;
    }
    if (shape.attributes > kMaxHtmlAttributes) {
        tree.error = u"an HTML tag has too many attributes (%1; at most %2 are read)"_s.arg(shape.attributes).arg(
            kMaxHtmlAttributes);
        return tree;
    }
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 100; // parse errors are not reported; stop collecting them early
    const auto destroy = [options](GumboOutput *o) { gumbo_destroy_output(&options, o); };
    const std::unique_ptr<GumboOutput, decltype(destroy)> output(
        gumbo_parse_with_options(&options, utf8.constData(), size_t(utf8.size())), destroy);
    if (!output) {
        tree.error = u"the HTML could not be parsed"_s;
        return tree;
    }
    struct Pending
    {
        const GumboNode *node;
        int parent;
        bool dropped; // inside a dropped element: kept as Dropped, its head data still read
    };
    QList<Pending> stack{{output->document, -1, false}};
    while (!stack.isEmpty()) {
        const Pending p = stack.takeLast();
        Node node;
        node.parent = p.parent;
        const GumboNode *g = p.node;
        bool dropped = p.dropped;
        if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_WHITESPACE || g->type == GUMBO_NODE_CDATA) {
            node.kind = dropped ? Kind::Dropped : Kind::Text;
            node.text = QString::fromUtf8(g->v.text.text);
        } else if (g->type == GUMBO_NODE_DOCUMENT) {
            node.kind = Kind::Block;
        } else if (g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE) {
            const GumboElement &e = g->v.element;
            node.tag = tagName(e);
            collectHead(node.tag, g, tree.head);
            node.kind = kindOf(node.tag);
            if (node.kind != Kind::Dropped && isHidden(e))
                node.kind = Kind::Dropped;
            if (dropped)
                node.kind = Kind::Dropped;
            dropped = node.kind == Kind::Dropped;
            node.hints = QString(attribute(e, "class") + u' ' + attribute(e, "id")).simplified().toLower();
            node.itemprop = attribute(e, "itemprop").simplified().toLower();
            node.isLink = node.tag == "a" && gumbo_get_attribute(&e.attributes, "href");
        } else {
            continue; // comments
        }
        const int index = int(tree.nodes.size());
        if (p.parent >= 0)
            tree.nodes[p.parent].children.append(index);
        tree.nodes.append(std::move(node));
        if (g->type == GUMBO_NODE_DOCUMENT || g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE) {
            const GumboVector &children =
                g->type == GUMBO_NODE_DOCUMENT ? g->v.document.children : g->v.element.children;
            for (unsigned k = children.length; k-- > 0;)
                stack.append({static_cast<const GumboNode *>(children.data[k]), index, dropped});
        }
    }
    return tree;
}

QStringList blockLines(const HtmlTree &tree, int root)
{
    QStringList lines;
    QString line;
    const auto flush = [&] {
        const QString s = line.simplified();
        if (!s.isEmpty())
            lines << s;
        line.clear();
    };
    // (node, leaving): blocks end their line when they are left.
    QList<QPair<int, bool>> stack{{root, false}};
    while (!stack.isEmpty()) {
        const auto [index, leaving] = stack.takeLast();
        const Node &node = tree.nodes.at(index);
        if (leaving) {
            flush();
            continue;
        }
        switch (node.kind) {
        case Kind::Dropped:
            break;
        case Kind::Text:
            line += node.text;
            break;
        case Kind::Break:
            flush();
            break;
        case Kind::Block:
        case Kind::Inline:
            if (node.kind == Kind::Block) {
                flush();
                stack.append({index, true});
            }
            for (qsizetype k = node.children.size(); k-- > 0;)
                stack.append({node.children.at(k), false});
            break;
        }
    }
    flush();
    return lines;
}

} // namespace newscoder::html
