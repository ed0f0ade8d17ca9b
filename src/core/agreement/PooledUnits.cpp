#include "agreement/PooledUnits.h"

#include "storage/ProjectReader.h"

#include <QDir>
#include <QSaveFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace newscoder {

namespace {

QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') && !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

} // namespace

qint64 PooledUnits::continuumLength() const
{
    qint64 total = 0;
    for (const PooledArticle &a : articles)
        total += a.length;
    return total;
}

qint64 PooledUnits::unitCount() const
{
    qint64 count = 0;
    for (const stats::UnitizingDocument &doc : data.documents)
        for (const QList<stats::UnitizingSpan> &spans : doc.spansByCoder)
            count += spans.size();
    return count;
}

stats::UnitizingData PooledUnits::only(const QString &category) const
{
    stats::UnitizingData out;
    out.coders = data.coders;
    out.documents.reserve(data.documents.size());
    for (const stats::UnitizingDocument &doc : data.documents) {
        stats::UnitizingDocument filtered{doc.begin, doc.length, {}};
        filtered.spansByCoder.resize(doc.spansByCoder.size());
        for (qsizetype c = 0; c < doc.spansByCoder.size(); ++c)
            for (const stats::UnitizingSpan &s : doc.spansByCoder[c])
                if (s.category == category)
                    filtered.spansByCoder[c].append(s);
        out.documents.append(filtered);
    }
    return out;
}

QByteArray pooledUnitsCsv(const PooledUnits &units)
{
    QStringList coders;
    for (const QString &c : units.data.coders)
        coders << csvField(c);
    QString out = u"coder,category,article,begin,length\r\n"_s;
    QList<stats::UnitizingSpan> sorted;
    for (qsizetype d = 0; d < units.articles.size(); ++d) {
        const PooledArticle &article = units.articles[d];
        const QString id = idString(article.documentId);
        // Concatenated, never QString::arg(): a name may contain "%1".
        const QString extent = u',' + QString::number(article.begin) + u',' + QString::number(article.length);
        for (const QString &coder : std::as_const(coders))
            out += coder + u",,"_s + id + extent + u"\r\n"_s;
        const stats::UnitizingDocument &doc = units.data.documents[d];
        for (qsizetype c = 0; c < doc.spansByCoder.size(); ++c) {
            sorted = doc.spansByCoder[c];
            std::sort(sorted.begin(), sorted.end(), [](const stats::UnitizingSpan &a, const stats::UnitizingSpan &b) {
                return std::tie(a.category, a.begin, a.length) < std::tie(b.category, b.begin, b.length);
            });
            for (const stats::UnitizingSpan &s : std::as_const(sorted))
                out += coders[c] + u',' + csvField(s.category) + u',' + id + u',' + QString::number(s.begin) +
                       u',' + QString::number(s.length) + u"\r\n"_s;
        }
    }
    return out.toUtf8();
}

bool writePooledUnitsCsv(const PooledUnits &units, const QString &path, QString *error)
{
    const QByteArray bytes = pooledUnitsCsv(units);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = u"cannot write %1: %2"_s.arg(QDir::toNativeSeparators(path), file.errorString());
        file.cancelWriting();
        return false;
    }
    return true;
}

} // namespace newscoder
