#include "storage/ProjectStore.h"

#include "storage/StoreRows_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// Reading and writing code fields and the values annotations, articles and
// outlets hold for them.

namespace newscoder {

using namespace storage_detail;

namespace {

using Owner = StoredValue::Owner;

QByteArray optionsJson(const QList<FieldOption> &options)
{
    QJsonArray array;
    for (const FieldOption &o : options)
        array.append(QJsonObject{{QStringLiteral("value"), o.value}, {QStringLiteral("label"), o.label}});
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QList<FieldOption> optionsFromJson(const QString &json)
{
    QList<FieldOption> options;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &v : array)
        options.append({v[u"value"].toString(), v[u"label"].toString()});
    return options;
}

QByteArray idsJson(const QList<QUuid> &ids)
{
    QJsonArray array;
    for (const QUuid &id : ids)
        array.append(idString(id));
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QList<QUuid> idsFromJson(const QString &json)
{
    QList<QUuid> ids;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &v : array)
        ids.append(idFromString(v.toString()));
    return ids;
}

CodeField readFieldRow(const QSqlQuery &q)
{
    CodeField f;
    f.id = idFromString(q.value(0).toString());
    f.codeId = idFromString(q.value(1).toString());
    f.position = q.value(2).toInt();
    f.name = q.value(3).toString();
    f.kind = fieldKindFromName(q.value(4).toString()).value_or(FieldKind::Text);
    f.required = q.value(5).toInt() != 0;
    f.multiple = q.value(6).toInt() != 0;
    f.options = optionsFromJson(q.value(7).toString());
    f.linkCodes = idsFromJson(q.value(8).toString());
    f.description = q.value(9).toString();
    return f;
}

FieldValue readValue(const QSqlQuery &q, int first)
{
    FieldValue v;
    v.fieldId = idFromString(q.value(first).toString());
    v.text = q.value(first + 1).toString();
    v.annotationId = idFromString(q.value(first + 2).toString());
    v.actorId = idFromString(q.value(first + 3).toString());
    return v;
}

// Selects of StoredValue rows: owner id, coder id, position, field, value, target, actor.
QString storedSelect(Owner owner)
{
    switch (owner) {
    case Owner::Annotation:
        return QStringLiteral("SELECT annotation_id, NULL, position, field_id, value, target_id, actor_id"
                              " FROM annotation_values");
    case Owner::Document:
        return QStringLiteral("SELECT document_id, coder_id, position, field_id, value, NULL, actor_id"
                              " FROM document_values");
    case Owner::Outlet:
        break;
    }
    return QStringLiteral("SELECT outlet_id, NULL, position, field_id, value, NULL, actor_id FROM outlet_values");
}

StoredValue readStored(const QSqlQuery &q, Owner owner)
{
    StoredValue s;
    s.owner = owner;
    s.ownerId = idFromString(q.value(0).toString());
    s.coderId = idFromString(q.value(1).toString());
    s.position = q.value(2).toInt();
    s.value = readValue(q, 3);
    return s;
}

} // namespace

// ------------------------------------------------------------------- fields

QHash<QUuid, QList<CodeField>> ProjectStore::fieldsByCode(const QUuid &codeId) const
{
    const QString select = QStringLiteral("SELECT id, code_id, position, name, kind, required, multiple, options,"
                                          " link_codes, description FROM code_fields");
    QSqlQuery q = prepare(codeId.isNull() ? select + QStringLiteral(" ORDER BY code_id, position")
                                          : select + QStringLiteral(" WHERE code_id = ? ORDER BY position"));
    if (!codeId.isNull())
        q.addBindValue(idString(codeId));
    QHash<QUuid, QList<CodeField>> result;
    for (const CodeField &f : readAll(q, QStringLiteral("Cannot read the codebook's fields"), readFieldRow))
        result[f.codeId].append(f);
    return result;
}

void ProjectStore::writeField(const QUuid &codeId, const CodeField &f)
{
    if (f.id.isNull())
        throw StoreError(Kind::Invalid, QStringLiteral("A field needs an id."));
    QSqlQuery &q = prepareWrite(QStringLiteral(
        "INSERT INTO code_fields (id, code_id, position, name, kind, required, multiple, options, link_codes,"
        " description) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
        " code_id = excluded.code_id, position = excluded.position, name = excluded.name, kind = excluded.kind,"
        " required = excluded.required, multiple = excluded.multiple, options = excluded.options,"
        " link_codes = excluded.link_codes, description = excluded.description"));
    q.addBindValue(idString(f.id));
    q.addBindValue(idString(codeId));
    q.addBindValue(f.position);
    q.addBindValue(text(f.name));
    q.addBindValue(fieldKindName(f.kind));
    q.addBindValue(f.required ? 1 : 0);
    q.addBindValue(f.multiple ? 1 : 0);
    q.addBindValue(QString::fromUtf8(optionsJson(f.options)));
    q.addBindValue(QString::fromUtf8(idsJson(f.linkCodes)));
    q.addBindValue(text(f.description));
    exec(q, QStringLiteral("Cannot save the field “%1”").arg(f.name));
}

void ProjectStore::deleteField(const QUuid &fieldId)
{
    QSqlQuery &q = prepareWrite(QStringLiteral("DELETE FROM code_fields WHERE id = ?"));
    q.addBindValue(idString(fieldId));
    exec(q, QStringLiteral("Cannot remove a field"));
}

// ------------------------------------------------------------------- values

QList<FieldValue> ProjectStore::annotationValues(const QUuid &annotationId) const
{
    QSqlQuery q = prepare(QStringLiteral("SELECT field_id, value, target_id, actor_id FROM annotation_values"
                                         " WHERE annotation_id = ? ORDER BY field_id, position"));
    q.addBindValue(idString(annotationId));
    return readAll(q, QStringLiteral("Cannot read an annotation's values"),
                   [](const QSqlQuery &row) { return readValue(row, 0); });
}

QHash<QUuid, QList<FieldValue>> ProjectStore::annotationValuesForDocument(const QUuid &documentId) const
{
    QSqlQuery q = prepare(QStringLiteral(
        "SELECT v.annotation_id, v.field_id, v.value, v.target_id, v.actor_id FROM annotation_values v"
        " JOIN annotations a ON a.id = v.annotation_id WHERE a.document_id = ?"
        " ORDER BY v.annotation_id, v.field_id, v.position"));
    q.addBindValue(idString(documentId));
    exec(q, QStringLiteral("Cannot read the article's annotation values"));
    QHash<QUuid, QList<FieldValue>> result;
    while (q.next())
        result[idFromString(q.value(0).toString())].append(readValue(q, 1));
    return result;
}

void ProjectStore::replaceAnnotationValues(const QUuid &annotationId, const QUuid &fieldId,
                                           const QList<FieldValue> &values)
{
    QSqlQuery &del = prepareWrite(
        QStringLiteral("DELETE FROM annotation_values WHERE annotation_id = ? AND field_id = ?"));
    del.addBindValue(idString(annotationId));
    del.addBindValue(idString(fieldId));
    exec(del, QStringLiteral("Cannot save the annotation's values"));
    QList<StoredValue> rows;
    for (qsizetype i = 0; i < values.size(); ++i)
        rows.append({Owner::Annotation, annotationId, {}, int(i), values[i]});
    insertStoredValues(rows);
}

QList<FieldValue> ProjectStore::documentValues(const QUuid &documentId, const QUuid &coderId) const
{
    QSqlQuery q = prepare(QStringLiteral("SELECT field_id, value, NULL, actor_id FROM document_values"
                                         " WHERE document_id = ? AND coder_id = ? ORDER BY field_id, position"));
    q.addBindValue(idString(documentId));
    q.addBindValue(idString(coderId));
    return readAll(q, QStringLiteral("Cannot read the article's variables"),
                   [](const QSqlQuery &row) { return readValue(row, 0); });
}

void ProjectStore::replaceDocumentValues(const QUuid &documentId, const QUuid &coderId, const QUuid &fieldId,
                                         const QList<FieldValue> &values)
{
    QSqlQuery &del = prepareWrite(QStringLiteral(
        "DELETE FROM document_values WHERE document_id = ? AND coder_id = ? AND field_id = ?"));
    del.addBindValue(idString(documentId));
    del.addBindValue(idString(coderId));
    del.addBindValue(idString(fieldId));
    exec(del, QStringLiteral("Cannot save the article's variables"));
    QList<StoredValue> rows;
    for (qsizetype i = 0; i < values.size(); ++i)
        rows.append({Owner::Document, documentId, coderId, int(i), values[i]});
    insertStoredValues(rows);
}

QList<FieldValue> ProjectStore::outletValues(const QUuid &outletId) const
{
    QSqlQuery q = prepare(QStringLiteral("SELECT field_id, value, NULL, actor_id FROM outlet_values"
                                         " WHERE outlet_id = ? ORDER BY field_id, position"));
    q.addBindValue(idString(outletId));
    return readAll(q, QStringLiteral("Cannot read the outlet's variables"),
                   [](const QSqlQuery &row) { return readValue(row, 0); });
}

void ProjectStore::replaceOutletValues(const QUuid &outletId, const QUuid &fieldId, const QList<FieldValue> &values)
{
    QSqlQuery &del = prepareWrite(QStringLiteral("DELETE FROM outlet_values WHERE outlet_id = ? AND field_id = ?"));
    del.addBindValue(idString(outletId));
    del.addBindValue(idString(fieldId));
    exec(del, QStringLiteral("Cannot save the outlet's variables"));
    QList<StoredValue> rows;
    for (qsizetype i = 0; i < values.size(); ++i)
        rows.append({Owner::Outlet, outletId, {}, int(i), values[i]});
    insertStoredValues(rows);
}

namespace {

// Runs `select` + `where` (with `?list` standing for a placeholder list) over
// `ids` in chunks; every `?list` of one chunk binds the same ids.
QList<StoredValue> selectStored(const std::function<QSqlQuery(const QString &)> &prepare, Owner owner,
                                const QString &where, const QList<QUuid> &ids)
{
    QList<StoredValue> result;
    const int lists = int(where.count(QStringLiteral("?list")));
    for (qsizetype from = 0; from < ids.size(); from += ChunkSize) {
        const QList<QUuid> chunk = ids.mid(from, ChunkSize);
        QString clause = where;
        clause.replace(QStringLiteral("?list"), placeholders(chunk.size()));
        QSqlQuery q = prepare(storedSelect(owner) + u' ' + clause);
        for (int l = 0; l < lists; ++l) {
            for (const QUuid &id : chunk)
                q.addBindValue(idString(id));
        }
        result.append(readAll(q, QStringLiteral("Cannot read stored values"),
                              [owner](const QSqlQuery &row) { return readStored(row, owner); }));
    }
    return result;
}

} // namespace

QList<StoredValue> ProjectStore::valuesTouchingAnnotations(const QList<QUuid> &annotationIds) const
{
    const auto p = [this](const QString &sql) { return prepare(sql); };
    return selectStored(p, Owner::Annotation, QStringLiteral("WHERE annotation_id IN (?list) OR target_id IN (?list)"),
                        annotationIds);
}

QList<StoredValue> ProjectStore::valuesTouchingActors(const QList<QUuid> &actorIds) const
{
    const auto p = [this](const QString &sql) { return prepare(sql); };
    const QString where = QStringLiteral("WHERE actor_id IN (?list)");
    return selectStored(p, Owner::Annotation, where, actorIds) + selectStored(p, Owner::Document, where, actorIds)
           + selectStored(p, Owner::Outlet, where, actorIds);
}

QList<StoredValue> ProjectStore::valuesOfFields(const QList<QUuid> &fieldIds) const
{
    const auto p = [this](const QString &sql) { return prepare(sql); };
    const QString where = QStringLiteral("WHERE field_id IN (?list)");
    return selectStored(p, Owner::Annotation, where, fieldIds) + selectStored(p, Owner::Document, where, fieldIds)
           + selectStored(p, Owner::Outlet, where, fieldIds);
}

QList<StoredValue> ProjectStore::valuesTouchingDocuments(const QList<QUuid> &documentIds) const
{
    const auto p = [this](const QString &sql) { return prepare(sql); };
    return selectStored(p, Owner::Annotation,
                        QStringLiteral("WHERE annotation_id IN (SELECT id FROM annotations WHERE document_id IN (?list))"
                                       " OR target_id IN (SELECT id FROM annotations WHERE document_id IN (?list))"),
                        documentIds)
           + selectStored(p, Owner::Document, QStringLiteral("WHERE document_id IN (?list)"), documentIds);
}

QList<StoredValue> ProjectStore::valuesOfOutlets(const QList<QUuid> &outletIds) const
{
    const auto p = [this](const QString &sql) { return prepare(sql); };
    return selectStored(p, Owner::Outlet, QStringLiteral("WHERE outlet_id IN (?list)"), outletIds);
}

void ProjectStore::insertStoredValues(const QList<StoredValue> &values)
{
    for (const StoredValue &s : values) {
        QSqlQuery *q = nullptr;
        switch (s.owner) {
        case Owner::Annotation:
            q = &prepareWrite(QStringLiteral(
                "INSERT INTO annotation_values (annotation_id, position, field_id, value, target_id, actor_id)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (annotation_id, field_id, position) DO UPDATE SET"
                " value = excluded.value, target_id = excluded.target_id, actor_id = excluded.actor_id"));
            q->addBindValue(idString(s.ownerId));
            break;
        case Owner::Document:
            q = &prepareWrite(QStringLiteral(
                "INSERT INTO document_values (document_id, coder_id, position, field_id, value, actor_id)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (document_id, field_id, coder_id, position) DO UPDATE SET"
                " value = excluded.value, actor_id = excluded.actor_id"));
            q->addBindValue(idString(s.ownerId));
            q->addBindValue(idString(s.coderId));
            break;
        case Owner::Outlet:
            q = &prepareWrite(QStringLiteral(
                "INSERT INTO outlet_values (outlet_id, position, field_id, value, actor_id)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (outlet_id, field_id, position) DO UPDATE SET"
                " value = excluded.value, actor_id = excluded.actor_id"));
            q->addBindValue(idString(s.ownerId));
            break;
        }
        q->addBindValue(s.position);
        q->addBindValue(idString(s.value.fieldId));
        q->addBindValue(text(s.value.text));
        if (s.owner == Owner::Annotation)
            q->addBindValue(nullableId(s.value.annotationId));
        q->addBindValue(nullableId(s.value.actorId));
        exec(*q, QStringLiteral("Cannot save a field value"));
    }
}

void ProjectStore::deleteStoredValues(const QList<StoredValue> &values)
{
    for (const StoredValue &s : values) {
        QSqlQuery *q = nullptr;
        switch (s.owner) {
        case Owner::Annotation:
            q = &prepareWrite(QStringLiteral(
                "DELETE FROM annotation_values WHERE annotation_id = ? AND field_id = ? AND position = ?"));
            q->addBindValue(idString(s.ownerId));
            break;
        case Owner::Document:
            q = &prepareWrite(QStringLiteral("DELETE FROM document_values WHERE document_id = ? AND coder_id = ?"
                                             " AND field_id = ? AND position = ?"));
            q->addBindValue(idString(s.ownerId));
            q->addBindValue(idString(s.coderId));
            break;
        case Owner::Outlet:
            q = &prepareWrite(
                QStringLiteral("DELETE FROM outlet_values WHERE outlet_id = ? AND field_id = ? AND position = ?"));
            q->addBindValue(idString(s.ownerId));
            break;
        }
        q->addBindValue(idString(s.value.fieldId));
        q->addBindValue(s.position);
        exec(*q, QStringLiteral("Cannot remove a field value"));
    }
}

QList<QUuid> ProjectStore::annotationsLinkingTo(const QUuid &annotationId) const
{
    QSqlQuery q = prepare(
        QStringLiteral("SELECT DISTINCT annotation_id FROM annotation_values WHERE target_id = ?"));
    q.addBindValue(idString(annotationId));
    return readAll(q, QStringLiteral("Cannot read links"),
                   [](const QSqlQuery &row) { return idFromString(row.value(0).toString()); });
}

QHash<QUuid, int> ProjectStore::missingRequiredCounts(const QUuid &coderId, const QList<QUuid> &documentIds) const
{
    // ?docs stands for the article filter of one branch (empty: all articles).
    const QString sql = QStringLiteral(
        "SELECT doc, SUM(n) FROM ("
        " SELECT a.document_id AS doc, COUNT(*) AS n FROM annotations a"
        "  JOIN code_fields f ON f.code_id = a.code_id AND f.required = 1"
        "  WHERE a.coder_id = ? ?docsA"
        "  AND NOT EXISTS (SELECT 1 FROM annotation_values v WHERE v.annotation_id = a.id AND v.field_id = f.id)"
        "  GROUP BY a.document_id"
        " UNION ALL"
        " SELECT d.id AS doc, COUNT(*) AS n FROM documents d"
        "  JOIN code_fields f ON f.required = 1"
        "  JOIN codes c ON c.id = f.code_id AND c.unit IN ('article', 'outlet')"
        "  WHERE NOT EXISTS (SELECT 1 FROM document_values dv WHERE dv.document_id = d.id AND dv.field_id = f.id"
        "   AND dv.coder_id = ?) ?docsD"
        "  AND NOT (c.unit = 'outlet' AND d.outlet_id IS NOT NULL AND EXISTS (SELECT 1 FROM outlet_values ov"
        "   WHERE ov.outlet_id = d.outlet_id AND ov.field_id = f.id))"
        "  GROUP BY d.id"
        ") GROUP BY doc");
    QHash<QUuid, int> result;
    const auto run = [&](const QList<QUuid> &chunk) {
        QString statement = sql;
        statement.replace(QStringLiteral("?docsA"), chunk.isEmpty() ? QString()
                                                                    : QStringLiteral("AND a.document_id IN (%1)")
                                                                          .arg(placeholders(chunk.size())));
        statement.replace(QStringLiteral("?docsD"), chunk.isEmpty() ? QString()
                                                                    : QStringLiteral("AND d.id IN (%1)")
                                                                          .arg(placeholders(chunk.size())));
        QSqlQuery q = prepare(statement);
        q.addBindValue(idString(coderId));
        for (const QUuid &id : chunk)
            q.addBindValue(idString(id));
        q.addBindValue(idString(coderId));
        for (const QUuid &id : chunk)
            q.addBindValue(idString(id));
        exec(q, QStringLiteral("Cannot count missing required values"));
        while (q.next()) {
            if (const int n = q.value(1).toInt(); n > 0)
                result.insert(idFromString(q.value(0).toString()), n);
        }
    };
    if (documentIds.isEmpty()) {
        run({});
        return result;
    }
    for (qsizetype from = 0; from < documentIds.size(); from += ChunkSize)
        run(documentIds.mid(from, ChunkSize));
    return result;
}

} // namespace newscoder
