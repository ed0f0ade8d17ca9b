#include "study/MergeUnits.h"

#include "storage/ProjectReader.h"

#include <QCryptographicHash>

#include <algorithm>

namespace newscoder::study {

QString annotationUnitKey(const QUuid &id)
{
    return QStringLiteral("a:") + idString(id);
}

QString variablesUnitKey(const QUuid &documentId, const QUuid &coderId)
{
    return QStringLiteral("v:") + idString(documentId) + u':' + idString(coderId);
}

QString actorUnitKey(const QUuid &id)
{
    return QStringLiteral("r:") + idString(id);
}

QString textUnitKey(const QUuid &documentId)
{
    return QStringLiteral("t:") + idString(documentId);
}

namespace {

const QChar Sep(0x1f);

QString valueText(const StoredValue &v)
{
    return idString(v.value.fieldId) + Sep + QString::number(v.position) + Sep + v.value.text + Sep
           + (v.value.actorId.isNull() ? QString() : idString(v.value.actorId)) + Sep
           + (v.value.annotationId.isNull() ? QString() : idString(v.value.annotationId));
}

QString valuesText(const QList<StoredValue> &values)
{
    QStringList parts;
    parts.reserve(values.size());
    for (const StoredValue &v : values)
        parts << valueText(v);
    std::sort(parts.begin(), parts.end());
    return parts.join(QChar(0x1e));
}

QString hex(const QString &content)
{
    return QString::fromLatin1(QCryptographicHash::hash(content.toUtf8(), QCryptographicHash::Sha1).toHex());
}

} // namespace

QString fingerprint(const MergeUnit &u)
{
    switch (u.kind) {
    case MergeUnit::Kind::Annotation: {
        const Annotation &a = u.annotation;
        return hex(QStringList{idString(a.documentId), idString(a.codeId), idString(a.coderId), QString::number(a.start),
                               QString::number(a.end), a.memo, annotationStatusName(a.status), a.reviewReason,
                               valuesText(u.values)}
                       .join(Sep));
    }
    case MergeUnit::Kind::Variables:
        return hex(valuesText(u.values));
    case MergeUnit::Kind::Actor: {
        const Actor &r = u.actor();
        QStringList custom;
        for (const MetadataEntry &e : r.custom)
            custom << e.first + u'=' + e.second;
        return hex(QStringList{r.name, r.aliases.join(QChar(0x1e)), r.role, r.affiliation, r.country, r.memo,
                               custom.join(QChar(0x1e))}
                       .join(Sep));
    }
    case MergeUnit::Kind::Text:
        return u.textFingerprint;
    }
    return {};
}

QHash<QString, QString> fingerprints(const MergeUnits &units)
{
    QHash<QString, QString> result;
    result.reserve(units.units.size());
    for (auto it = units.units.cbegin(); it != units.units.cend(); ++it)
        result.insert(it.key(), fingerprint(it.value()));
    return result;
}

MergeUnits readMergeFrame(const ProjectReader &store)
{
    MergeUnits result;
    result.projectId = store.projectId();
    result.packageId = store.setting(PackageIdSetting);
    result.packageCoder = QUuid::fromString(store.setting(PackageCoderSetting));
    for (const Coder &c : store.coders())
        result.coders.insert(c.id, c);
    for (const Code &c : store.codes()) {
        result.codes.insert(c.id);
        result.codeNames.insert(c.id, c.name);
        for (const CodeField &f : c.fields)
            result.fields.insert(f.id);
    }
    store.forEachDocumentTextById([&](const QUuid &id, const QString &text) {
        result.documents.insert(id);
        MergeUnit u;
        u.kind = MergeUnit::Kind::Text;
        u.documentId = id;
        u.textFingerprint = hex(text);
        result.units.insert(textUnitKey(id), u);
    });
    result.annotations.reserve(store.annotationCount());
    store.forEachAnnotation([&](const Annotation &a) {
        result.annotations.insert(a.id);
        return true;
    });
    for (const Actor &r : store.actors()) {
        MergeUnit u;
        u.kind = MergeUnit::Kind::Actor;
        u.setActor(r);
        result.units.insert(actorUnitKey(r.id), u);
    }
    return result;
}

QStringList readArticleUnits(const ProjectReader &store, const QList<QUuid> &documents, MergeUnits &into,
                             MergeProgress *progress)
{
    QStringList keys;
    QSet<QUuid> batch; // this batch's annotations (not those of earlier batches)
    for (const Annotation &a : store.annotationsOfDocuments(documents)) {
        batch.insert(a.id);
        MergeUnit u;
        u.kind = MergeUnit::Kind::Annotation;
        u.annotation = a;
        u.documentId = a.documentId;
        const QString key = annotationUnitKey(a.id);
        into.units.insert(key, u);
        keys.append(key);
        if (progress && !progress->step())
            return keys;
    }
    // The values of these articles' annotations and their coders' variables
    // (links from other articles into them are those articles' own; outlet
    // values are the lead's, not merged).
    for (const StoredValue &v : store.valuesTouchingDocuments(documents)) {
        if (!into.fields.contains(v.value.fieldId))
            continue;
        if (v.owner == StoredValue::Owner::Annotation) {
            if (!batch.contains(v.ownerId))
                continue;
            auto it = into.units.find(annotationUnitKey(v.ownerId));
            if (it != into.units.end())
                it->values.append(v);
        } else if (v.owner == StoredValue::Owner::Document) {
            const QString key = variablesUnitKey(v.ownerId, v.coderId);
            auto it = into.units.find(key);
            if (it == into.units.end()) {
                MergeUnit u;
                u.kind = MergeUnit::Kind::Variables;
                u.documentId = v.ownerId;
                u.coderId = v.coderId;
                it = into.units.insert(key, u);
                keys.append(key);
            }
            it->values.append(v);
        }
    }
    return keys;
}

namespace {

// The project's articles in id order, in batches.
QList<QList<QUuid>> articleBatches(const MergeUnits &frame)
{
    QList<QUuid> ids(frame.documents.cbegin(), frame.documents.cend());
    std::sort(ids.begin(), ids.end());
    QList<QList<QUuid>> batches;
    for (qsizetype from = 0; from < ids.size(); from += MergeBatchArticles)
        batches.append(ids.mid(from, MergeBatchArticles));
    return batches;
}

} // namespace

QHash<QString, QString> mergeFingerprints(const ProjectReader &store)
{
    MergeUnits units = readMergeFrame(store);
    QHash<QString, QString> result = fingerprints(units);
    for (const QList<QUuid> &batch : articleBatches(units)) {
        for (const QString &key : readArticleUnits(store, batch, units)) {
            result.insert(key, fingerprint(units.units.value(key)));
            units.units.remove(key);
        }
    }
    return result;
}

} // namespace newscoder::study
