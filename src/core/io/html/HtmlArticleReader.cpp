#include "io/html/HtmlArticleReader.h"

#include "io/NewsDate.h"
#include "io/TextDecoding.h"
#include "io/html/HtmlTree.h"
#include "io/html/MainText.h"
#include "io/html/PageMetadata.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace newscoder {

namespace {

constexpr double kMinArticleBodyRecall = 0.8;
constexpr qsizetype kMinArticleBodyChars = 200;

QStringList words(const QString &text)
{
    static const QRegularExpression separators(u"[^\\p{L}\\p{N}]+"_s);
    return text.toLower().split(separators, Qt::SkipEmptyParts);
}

// Share of the articleBody's words that the extracted lines hold.
double recallOf(const QString &articleBody, const QStringList &lines)
{
    const QStringList expected = words(articleBody);
    if (expected.isEmpty())
        return 1.0;
    const QStringList found = words(lines.join(u' '));
    const QSet<QString> have(found.cbegin(), found.cend());
    qsizetype hits = 0;
    for (const QString &w : expected)
        hits += have.contains(w) ? 1 : 0;
    return double(hits) / double(expected.size());
}

QStringList paragraphsOf(const QString &plain)
{
    QStringList lines;
    for (const QString &line : plain.split(u'\n')) {
        const QString s = line.simplified();
        if (!s.isEmpty())
            lines << s;
    }
    return lines;
}

} // namespace

bool looksLikeHtml(const QByteArray &bytes)
{
    QByteArray head = bytes.left(2048);
    head.replace('\0', QByteArray()); // UTF-16/32: the ASCII letters remain
    if (head.startsWith("\xEF\xBB\xBF"))
        head.remove(0, 3);
    if (head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF"))
        head.remove(0, 2);
    head = head.left(1024).toLower();
    const QByteArray start = head.trimmed();
    for (const char *opening : {"<!doctype html", "<html", "<head", "<body"}) {
        if (start.startsWith(opening))
            return true;
    }
    static const QRegularExpression tag(u"<(?:html|head|body)[\\s>]"_s);
    return (start.startsWith("<!--") || start.startsWith("<?xml") || start.startsWith("<meta"))
           && tag.match(QString::fromLatin1(head)).hasMatch();
}

ArticleParseResult parseHtmlArticle(const QByteArray &bytes, const QString &fileName, const QString &encoding)
{
    ArticleParseResult result;
    if (bytes.size() > kMaxArticleFileBytes) {
        result.error = u"larger than 20 MiB (not a single news article)"_s;
        return result;
    }
    if (bytes.isEmpty()) {
        result.error = u"the file is empty"_s;
        return result;
    }
    DecodedText decoded = decodeText(bytes, encoding, html::declaredCharset(bytes));
    result.warnings = decoded.warnings;
    result.encoding = decoded.encoding;
    result.encodingSource = decoded.source;
    if (!decoded.error.isEmpty()) {
        result.error = decoded.error;
        return result;
    }
    const html::HtmlTree tree = html::parseHtml(decoded.text.toUtf8());
    decoded.text.clear();
    if (!tree.error.isEmpty()) {
        result.error = tree.error;
        return result;
    }
    const html::PageMetadata meta = html::readPageMetadata(tree.head);
    QStringList lines = html::mainTextLines(tree);
    bool fromArticleBody = false;
    if (meta.articleBody.simplified().size() >= kMinArticleBodyChars
        && recallOf(meta.articleBody, lines) < kMinArticleBodyRecall) {
        lines = paragraphsOf(meta.articleBody);
        fromArticleBody = true;
    }
    if (lines.isEmpty()) {
        result.error = u"no article text found"_s;
        return result;
    }

    Document doc;
    doc.importSource = fileName;
    doc.title = meta.title;
    if (doc.title.isEmpty()) {
        doc.title = QFileInfo(fileName).completeBaseName();
        result.warnings << u"No headline found; the file name is used as the title."_s;
    }
    // A body that starts with the headline does not repeat it.
    if (!lines.isEmpty() && lines.first().compare(doc.title, Qt::CaseInsensitive) == 0)
        lines.removeFirst();
    if (lines.isEmpty()) {
        result.error = u"no article text found"_s;
        return result;
    }
    doc.text = doc.title + u"\n\n"_s + lines.join(u"\n\n"_s) + u'\n';
    doc.url = meta.url;
    doc.outlet = !meta.siteName.isEmpty() ? meta.siteName : outletFromUrl(QUrl(meta.url));
    doc.author = meta.author;
    const NewsDate published = parseNewsDate(meta.published);
    doc.date = published.date;

    const auto add = [&doc](const QString &key, const QString &value) {
        if (!value.trimmed().isEmpty())
            doc.metadata.append({key, value.trimmed()});
    };
    add(u"source_file"_s, fileName);
    add(u"format"_s, u"html"_s);
    add(u"published"_s, meta.published);
    if (published.isValid())
        add(u"published_iso"_s, published.toIso());
    else if (!meta.published.isEmpty())
        result.warnings << u"The publication date \"%1\" could not be read."_s.arg(meta.published);
    add(u"modified"_s, meta.modified);
    add(u"description"_s, meta.description);
    add(u"section"_s, meta.section);
    add(u"keywords"_s, meta.keywords);
    add(u"site_name"_s, meta.siteName);
    if (tree.head.title != doc.title)
        add(u"html_title"_s, tree.head.title);
    add(u"schema_type"_s, meta.schemaType);
    if (fromArticleBody)
        add(u"body_source"_s, u"articleBody"_s);
    result.document = std::move(doc);
    return result;
}

} // namespace newscoder
