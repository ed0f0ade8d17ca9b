#include "dataset/FieldJson.h"
#include "export/Exporter.h"
#include "export/Writers_p.h"
#include "storage/ProjectReader.h"
#include "storage/StoreError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// JSON Lines: one compact JSON object per line, one line per article, with
// the article's header, text, metadata, variables per coder and its
// annotations (offsets in UTF-16 units and code points, every field, links).

namespace newscoder::exporting {

namespace {

struct FieldInfo
{
    QString codeName;
    CodeField field;
};

// Groups values by field (they arrive grouped) and calls `use` per field.
template <typename Use>
void forEachField(const QList<DatasetValue> &values, Use use)
{
    qsizetype i = 0;
    while (i < values.size()) {
        const QUuid fieldId = values[i].fieldId;
        QList<const DatasetValue *> run;
        while (i < values.size() && values[i].fieldId == fieldId)
            run.append(&values[i++]);
        use(fieldId, run);
    }
}

QList<FieldValue> plainValues(const QList<const DatasetValue *> &values)
{
    QList<FieldValue> result;
    for (const DatasetValue *v : values)
        result.append(FieldValue{v->fieldId, v->text, v->targetId, v->actorId});
    return result;
}

} // namespace

ExportResult exportJsonl(const dataset::Dataset &dataset, const QString &path, const ExportProgress &progress)
{
    ExportResult result;
    QSaveFile file;
    if (!detail::openTarget(file, path, result))
        return result;
    QHash<QUuid, FieldInfo> fields;
    for (const Code &c : dataset.codes()) {
        for (const CodeField &f : c.fields)
            fields.insert(f.id, {c.name, f});
    }
    QHash<QUuid, QString> actorNames;
    for (const Actor &a : dataset.actors())
        actorNames.insert(a.id, a.name);
    const auto actorName = [&](const QUuid &id) { return actorNames.value(id); };

    DatasetQuery query = dataset.query();
    query.bodies = true;
    query.annotationValues = true;
    query.everyArticle = dataset.filter().uncodedArticles;
    QJsonObject object;
    QJsonArray annotations;
    QString body;
    std::optional<dataset::CodePointIndex> index;
    bool pending = false;
    bool go = true;
    qint64 segments = 0;
    auto flush = [&]() {
        if (!pending)
            return true;
        pending = false;
        object.insert(QStringLiteral("annotations"), annotations);
        QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact);
        line += '\n';
        if (file.write(line) != line.size()) {
            result.error = QStringLiteral("Cannot write %1: %2").arg(path, file.errorString());
            return false;
        }
        ++result.rows;
        if (progress && !progress(segments)) {
            result.cancelled = true;
            return false;
        }
        return true;
    };
    try {
        dataset.reader().streamDataset(
            query,
            [&](const DatasetArticle &a) {
                go = flush();
                if (!go)
                    return false;
                pending = true;
                body = a.body;
                index.emplace(body);
                annotations = QJsonArray();
                QJsonObject metadata;
                for (const MetadataEntry &m : a.metadata)
                    metadata.insert(m.first, m.second);
                QJsonObject variables;
                // Variables per coder, then code, then field.
                QList<DatasetValue> byCoder = a.variables;
                qsizetype i = 0;
                while (i < byCoder.size()) {
                    const QUuid coderId = byCoder[i].coderId;
                    QList<DatasetValue> mine;
                    while (i < byCoder.size() && byCoder[i].coderId == coderId)
                        mine.append(byCoder[i++]);
                    QJsonObject perCode;
                    forEachField(mine, [&](const QUuid &fieldId, const QList<const DatasetValue *> &run) {
                        const auto info = fields.constFind(fieldId);
                        if (info == fields.constEnd())
                            return;
                        QJsonObject codeObject = perCode.value(info->codeName).toObject();
                        codeObject.insert(info->field.name,
                                          dataset::fieldValueJson(info->field, plainValues(run), actorName));
                        perCode.insert(info->codeName, codeObject);
                    });
                    variables.insert(dataset.coderName(coderId), perCode);
                }
                object = QJsonObject{
                    {QStringLiteral("article_id"), idString(a.id)},
                    {QStringLiteral("title"), a.title},
                    {QStringLiteral("outlet"), dataset.outletName(a.outletId, a.outlet)},
                    {QStringLiteral("date"), a.date.isValid() ? QJsonValue(a.date.toString(Qt::ISODate))
                                                              : QJsonValue(QJsonValue::Null)},
                    {QStringLiteral("url"), a.url},
                    {QStringLiteral("author"), a.author},
                    {QStringLiteral("memo"), a.memo},
                    {QStringLiteral("length"), a.length},
                    {QStringLiteral("text"), a.body},
                    {QStringLiteral("metadata"), metadata},
                    {QStringLiteral("variables"), variables},
                };
                return true;
            },
            [&](const DatasetSegment &s) {
                const Annotation &an = s.annotation;
                QJsonObject fieldObject;
                QJsonArray links;
                forEachField(s.values, [&](const QUuid &fieldId, const QList<const DatasetValue *> &run) {
                    const auto info = fields.constFind(fieldId);
                    if (info == fields.constEnd())
                        return;
                    fieldObject.insert(info->field.name,
                                       dataset::fieldValueJson(info->field, plainValues(run), actorName));
                    for (const DatasetValue *v : run) {
                        if (!v->targetId.isNull())
                            links.append(QJsonObject{{QStringLiteral("field"), info->field.name},
                                                     {QStringLiteral("target_annotation"), idString(v->targetId)},
                                                     {QStringLiteral("target_code"), dataset.codeName(v->targetCodeId)},
                                                     {QStringLiteral("target_text"), v->targetText}});
                        else if (!v->actorId.isNull())
                            links.append(QJsonObject{{QStringLiteral("field"), info->field.name},
                                                     {QStringLiteral("target_actor"), idString(v->actorId)},
                                                     {QStringLiteral("target_name"), v->actorName}});
                    }
                });
                annotations.append(QJsonObject{
                    {QStringLiteral("annotation_id"), idString(an.id)},
                    {QStringLiteral("code"), dataset.codeName(an.codeId)},
                    {QStringLiteral("code_path"), dataset.codePath(an.codeId)},
                    {QStringLiteral("coder"), dataset.coderName(an.coderId)},
                    {QStringLiteral("status"), annotationStatusName(an.status)},
                    {QStringLiteral("start"), an.start},
                    {QStringLiteral("end"), an.end},
                    {QStringLiteral("start_char"), index->at(an.start)},
                    {QStringLiteral("end_char"), index->at(an.end)},
                    {QStringLiteral("text"), body.mid(an.start, an.end - an.start)},
                    {QStringLiteral("memo"), an.memo},
                    {QStringLiteral("created_at"), an.created.toUTC().toString(Qt::ISODateWithMs)},
                    {QStringLiteral("modified_at"), an.modified.toUTC().toString(Qt::ISODateWithMs)},
                    {QStringLiteral("fields"), fieldObject},
                    {QStringLiteral("links"), links},
                });
                ++segments;
                return true;
            });
        if (go)
            flush();
    } catch (const StoreError &e) {
        result.error = e.message();
    }
    return detail::finish(file, result);
}

} // namespace newscoder::exporting
