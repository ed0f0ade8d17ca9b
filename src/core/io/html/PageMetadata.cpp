#include "io/html/PageMetadata.h"

#include "io/NewsDate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace newscoder::html {

namespace {

constexpr qsizetype kMaxJsonLdBytes = 4 * 1024 * 1024;
constexpr int kMaxJsonLdObjects = 1000;

QString metaValue(const HeadData &head, std::initializer_list<QString> keys)
{
    for (const QString &key : keys) {
        for (const auto &[name, content] : head.meta) {
            if (name == key && !content.isEmpty())
                return content;
        }
    }
    return {};
}

QStringList metaValues(const HeadData &head, const QString &key)
{
    QStringList values;
    for (const auto &[name, content] : head.meta) {
        if (name == key && !content.isEmpty() && !values.contains(content))
            values << content;
    }
    return values;
}

bool isArticleType(const QJsonValue &type)
{
    static const QSet<QString> types{u"newsarticle"_s,      u"article"_s,          u"reportagenewsarticle"_s,
                                     u"analysisnewsarticle"_s, u"opinionnewsarticle"_s, u"backgroundnewsarticle"_s,
                                     u"reviewnewsarticle"_s, u"blogposting"_s,      u"liveblogposting"_s,
                                     u"socialmediaposting"_s, u"scholarlyarticle"_s, u"report"_s};
    if (type.isArray()) {
        for (const QJsonValue &t : type.toArray())
            if (isArticleType(t))
                return true;
        return false;
    }
    return types.contains(type.toString().trimmed().toLower());
}

QString typeName(const QJsonValue &type)
{
    if (type.isArray())
        return type.toArray().isEmpty() ? QString() : type.toArray().first().toString();
    return type.toString();
}

// Every JSON object of the JSON-LD blocks (arrays and @graph unfolded), breadth-first, bounded.
QList<QJsonObject> jsonLdObjects(const QStringList &blocks)
{
    QList<QJsonObject> objects;
    for (QString block : blocks) {
        if (block.size() > kMaxJsonLdBytes)
            continue;
        block.remove(u"<!--"_s).remove(u"-->"_s).remove(u"<![CDATA["_s).remove(u"]]>"_s);
        const QJsonDocument doc = QJsonDocument::fromJson(block.trimmed().toUtf8());
        QList<QJsonValue> queue;
        if (doc.isArray())
            queue << doc.array();
        else if (doc.isObject())
            queue << doc.object();
        while (!queue.isEmpty() && objects.size() < kMaxJsonLdObjects) {
            const QJsonValue v = queue.takeFirst();
            if (v.isArray()) {
                for (const QJsonValue &item : v.toArray())
                    queue << item;
            } else if (v.isObject()) {
                const QJsonObject o = v.toObject();
                objects << o;
                if (o.contains(u"@graph"_s))
                    queue << o.value(u"@graph"_s);
            }
        }
    }
    return objects;
}

// "name" of an object, a plain string, or the names of an array of either.
QStringList names(const QJsonValue &v)
{
    if (v.isString())
        return {v.toString().simplified()};
    if (v.isObject())
        return {v.toObject().value(u"name"_s).toString().simplified()};
    QStringList out;
    if (v.isArray()) {
        for (const QJsonValue &item : v.toArray())
            out += names(item);
    }
    out.removeAll(QString());
    return out;
}

QString idOrString(const QJsonValue &v)
{
    if (v.isString())
        return v.toString().trimmed();
    if (v.isObject())
        return v.toObject().value(u"@id"_s).toString().trimmed();
    return {};
}

QString joinedKeywords(const QJsonValue &v)
{
    if (v.isString())
        return v.toString().simplified();
    QStringList words;
    for (const QJsonValue &item : v.toArray())
        if (item.isString())
            words << item.toString().simplified();
    return words.join(u", "_s);
}

// "Harbour reopens | The Northline Daily" -> "Harbour reopens" (the site's name, or a short
// last part after " | ", " - ", " – ", " — ", " :: ").
QString withoutSiteSuffix(const QString &title, const QString &site)
{
    static const QRegularExpression separator(u"\\s+(?:\\||-|\u2013|\u2014|::|\u00B7|\u2022)\\s+"_s);
    QList<QRegularExpressionMatch> matches;
    for (auto it = separator.globalMatch(title); it.hasNext();)
        matches << it.next();
    if (matches.isEmpty())
        return title;
    const QRegularExpressionMatch last = matches.last();
    const QString head = title.left(last.capturedStart()).trimmed();
    const QString tail = title.mid(last.capturedEnd()).trimmed();
    const bool isSite = !site.isEmpty() && tail.compare(site, Qt::CaseInsensitive) == 0;
    const int tailWords = int(tail.split(u' ', Qt::SkipEmptyParts).size());
    const int headWords = int(head.split(u' ', Qt::SkipEmptyParts).size());
    if (isSite || (tailWords <= 4 && headWords >= 3))
        return head;
    return title;
}

} // namespace

PageMetadata readPageMetadata(const HeadData &head)
{
    PageMetadata m;
    QJsonObject article;
    for (const QJsonObject &o : jsonLdObjects(head.jsonLd)) {
        if (isArticleType(o.value(u"@type"_s))) {
            article = o;
            break;
        }
    }
    if (!article.isEmpty())
        m.schemaType = typeName(article.value(u"@type"_s));

    m.title = article.value(u"headline"_s).toString().simplified();
    if (m.title.isEmpty())
        m.title = metaValue(head, {u"og:title"_s, u"twitter:title"_s, u"headline"_s});
    m.siteName = metaValue(head, {u"og:site_name"_s, u"application-name"_s});
    if (m.siteName.isEmpty())
        m.siteName = names(article.value(u"publisher"_s)).value(0);
    if (m.title.isEmpty())
        m.title = withoutSiteSuffix(head.title, m.siteName);

    // The first candidate that reads as a date wins; without one, the first given.
    QStringList dates{metaValue(head, {u"article:published_time"_s, u"og:article:published_time"_s}),
                      article.value(u"datePublished"_s).toString(),
                      metaValue(head, {u"datepublished"_s, u"date"_s, u"pubdate"_s, u"publishdate"_s,
                                       u"publish-date"_s, u"dc.date.issued"_s, u"dc.date"_s, u"dcterms.date"_s,
                                       u"parsely-pub-date"_s, u"sailthru.date"_s, u"article.published"_s})};
    for (const auto &[datetime, text] : head.times)
        dates << datetime << text;
    dates.removeAll(QString());
    for (const QString &d : std::as_const(dates)) {
        if (parseNewsDate(d).isValid()) {
            m.published = d.simplified();
            break;
        }
    }
    if (m.published.isEmpty() && !dates.isEmpty())
        m.published = dates.first().simplified();
    m.modified = metaValue(head, {u"article:modified_time"_s, u"og:updated_time"_s, u"datemodified"_s});
    if (m.modified.isEmpty())
        m.modified = article.value(u"dateModified"_s).toString().simplified();

    QStringList authors = names(article.value(u"author"_s));
    if (authors.isEmpty()) {
        for (const QString &key : {u"author"_s, u"article:author"_s, u"dc.creator"_s, u"parsely-author"_s,
                                   u"sailthru.author"_s, u"byl"_s}) {
            for (const QString &value : metaValues(head, key)) {
                if (!value.startsWith(u"http"_s, Qt::CaseInsensitive) && !authors.contains(value))
                    authors << value;
            }
            if (!authors.isEmpty())
                break;
        }
    }
    m.author = authors.join(u", "_s);

    m.description = metaValue(head, {u"description"_s, u"og:description"_s, u"twitter:description"_s});
    if (m.description.isEmpty())
        m.description = article.value(u"description"_s).toString().simplified();

    for (const auto &[rel, href] : head.links) {
        if (rel.split(u' ').contains(u"canonical"_s) && href.startsWith(u"http"_s, Qt::CaseInsensitive)) {
            m.url = href;
            break;
        }
    }
    if (m.url.isEmpty())
        m.url = metaValue(head, {u"og:url"_s});
    if (m.url.isEmpty())
        m.url = idOrString(article.value(u"url"_s));
    if (m.url.isEmpty())
        m.url = idOrString(article.value(u"mainEntityOfPage"_s));
    if (!m.url.startsWith(u"http"_s, Qt::CaseInsensitive))
        m.url.clear();

    m.section = metaValue(head, {u"article:section"_s});
    if (m.section.isEmpty())
        m.section = names(article.value(u"articleSection"_s)).join(u", "_s);
    m.keywords = metaValue(head, {u"news_keywords"_s, u"keywords"_s});
    if (m.keywords.isEmpty())
        m.keywords = metaValues(head, u"article:tag"_s).join(u", "_s);
    if (m.keywords.isEmpty())
        m.keywords = joinedKeywords(article.value(u"keywords"_s));
    m.articleBody = article.value(u"articleBody"_s).toString();
    return m;
}

} // namespace newscoder::html
