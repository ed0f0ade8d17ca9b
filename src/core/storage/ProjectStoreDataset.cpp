#include "storage/DatasetReader.h"

#include "storage/ProjectStore.h"
#include "storage/StoreRows_p.h"

// Streaming the dataset export: a handful of queries (articles, their
// metadata, their variable values, the annotations joined with their values,
// link targets in other articles), each read once as a cursor ordered by
// article id and merged here. Nothing is held beyond one article.

namespace newscoder {

using namespace storage_detail;

namespace {

QString placeholderList(qsizetype count)
{
    QStringList marks;
    marks.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        marks.append(QStringLiteral("?"));
    return marks.join(u',');
}

// A WHERE clause built from conditions with their bound values.
struct Conditions
{
    QStringList sql;
    QVariantList binds;

    void addIn(const QString &column, const QList<QUuid> &ids)
    {
        if (ids.isEmpty())
            return;
        sql.append(QStringLiteral("%1 IN (%2)").arg(column, placeholderList(ids.size())));
        for (const QUuid &id : ids)
            binds.append(idString(id));
    }
    void add(const QString &condition) { sql.append(condition); }
    QString where() const { return sql.isEmpty() ? QString() : QStringLiteral(" WHERE ") + sql.join(QStringLiteral(" AND ")); }
    QString andClause() const { return sql.isEmpty() ? QString() : QStringLiteral(" AND ") + sql.join(QStringLiteral(" AND ")); }
    void bind(QSqlQuery &q) const
    {
        for (const QVariant &v : binds)
            q.addBindValue(v);
    }
};

// The store's connection, for reading only (the store hands it out non-const).
QSqlQuery prepareOn(const ProjectStore &store, const QString &sql)
{
    QSqlQuery q(const_cast<ProjectStore &>(store).database());
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        fail(q.lastError(), QStringLiteral("Cannot prepare a statement"));
    return q;
}

Conditions annotationConditions(const DatasetQuery &query, const QString &alias)
{
    Conditions c;
    c.addIn(alias + QStringLiteral(".coder_id"), query.coderIds);
    c.addIn(alias + QStringLiteral(".code_id"), query.codeIds);
    c.addIn(alias + QStringLiteral(".document_id"), query.documentIds);
    if (!query.includeSuggestions)
        c.add(alias + QStringLiteral(".status <> 'suggested'"));
    return c;
}

// A forward cursor whose first column is the article id, in ascending order.
class Cursor
{
public:
    explicit Cursor(QSqlQuery query) : m_q(std::move(query)) {}
    void start(const QString &context)
    {
        exec(m_q, context);
        m_valid = m_q.next();
    }
    // Skips rows of articles before `documentId`; true when the cursor is on it.
    bool seek(const QString &documentId)
    {
        while (m_valid && m_q.value(0).toString() < documentId)
            m_valid = m_q.next();
        return m_valid && m_q.value(0).toString() == documentId;
    }
    void next() { m_valid = m_q.next(); }
    bool valid() const { return m_valid; }
    const QSqlQuery &row() const { return m_q; }

private:
    QSqlQuery m_q;
    bool m_valid = false;
};

QString slice(const QString &body, int start, int end)
{
    if (start < 0 || end > body.size() || end < start)
        return {};
    return body.mid(start, end - start);
}

} // namespace

void DatasetReader::stream(const DatasetQuery &query, const std::function<bool(const DatasetArticle &)> &onArticle,
                           const std::function<bool(const DatasetSegment &)> &onSegment) const
{
    const auto prepare = [this](const QString &sql) { return prepareOn(m_store, sql); };
    const bool needBodies = query.bodies || query.annotationValues;
    const Conditions annotations = annotationConditions(query, QStringLiteral("a"));

    // Articles, in id order: every selected one, or those with a matching
    // annotation or a variable value of a selected coder.
    Conditions documents;
    documents.addIn(QStringLiteral("d.id"), query.documentIds);
    if (!query.outletIds.isEmpty() || !query.outletNames.isEmpty()) {
        QStringList either;
        if (!query.outletIds.isEmpty())
            either.append(QStringLiteral("d.outlet_id IN (%1)").arg(placeholderList(query.outletIds.size())));
        if (!query.outletNames.isEmpty())
            either.append(QStringLiteral("d.outlet COLLATE NOCASE IN (%1)").arg(placeholderList(query.outletNames.size())));
        documents.add(u'(' + either.join(QStringLiteral(" OR ")) + u')');
        for (const QUuid &id : query.outletIds)
            documents.binds.append(idString(id));
        for (const QString &name : query.outletNames)
            documents.binds.append(name);
    }
    if (query.from.isValid()) {
        documents.add(QStringLiteral("d.published >= ?"));
        documents.binds.append(query.from.toString(Qt::ISODate));
    }
    if (query.to.isValid()) {
        documents.add(QStringLiteral("d.published <> '' AND d.published <= ?"));
        documents.binds.append(query.to.toString(Qt::ISODate));
    }
    if (query.codedOnly) {
        documents.add(QStringLiteral("EXISTS (SELECT 1 FROM annotations a WHERE a.document_id = d.id")
                      + annotations.andClause() + u')');
        documents.binds += annotations.binds;
    }
    if (!query.everyArticle) {
        Conditions values;
        values.addIn(QStringLiteral("dv.coder_id"), query.coderIds);
        const bool variablesCount = query.codeIds.isEmpty();
        QString coded = QStringLiteral("(EXISTS (SELECT 1 FROM annotations a WHERE a.document_id = d.id")
                        + annotations.andClause() + u')';
        if (variablesCount)
            coded += QStringLiteral(" OR EXISTS (SELECT 1 FROM document_values dv WHERE dv.document_id = d.id")
                     + values.andClause() + u')';
        coded += u')';
        documents.add(coded);
        documents.binds += annotations.binds;
        if (variablesCount)
            documents.binds += values.binds;
    }
    QSqlQuery docQuery = prepare(QStringLiteral("SELECT d.id, d.title, d.outlet, d.published, d.url, d.author,"
                                                " d.body_length, d.outlet_id, d.memo")
                                 + (needBodies ? QStringLiteral(", d.body") : QString())
                                 + QStringLiteral(" FROM documents d") + documents.where()
                                 + QStringLiteral(" ORDER BY d.id"));
    documents.bind(docQuery);

    Conditions metaWhere;
    metaWhere.addIn(QStringLiteral("document_id"), query.documentIds);
    QSqlQuery metaQuery = prepare(QStringLiteral("SELECT document_id, name, value FROM document_metadata")
                                  + metaWhere.where() + QStringLiteral(" ORDER BY document_id, position"));
    metaWhere.bind(metaQuery);

    Conditions varWhere;
    varWhere.addIn(QStringLiteral("dv.document_id"), query.documentIds);
    varWhere.addIn(QStringLiteral("dv.coder_id"), query.coderIds);
    QSqlQuery varQuery = prepare(
        QStringLiteral("SELECT dv.document_id, dv.coder_id, dv.field_id, dv.position, dv.value, dv.actor_id, ac.name"
                       " FROM document_values dv LEFT JOIN actors ac ON ac.id = dv.actor_id")
        + varWhere.where() + QStringLiteral(" ORDER BY dv.document_id, dv.coder_id, dv.field_id, dv.position"));
    varWhere.bind(varQuery);

    const QString annotationColumns = QStringLiteral(
        "a.document_id, a.id, a.code_id, ax.start_offset, ax.end_offset, a.coder_id, a.memo, a.created, a.modified,"
        " a.status");
    QString annotationSql;
    if (query.annotationValues) {
        annotationSql = QStringLiteral("SELECT ") + annotationColumns
                        + QStringLiteral(", v.field_id, v.position, v.value, v.actor_id, ac.name, v.target_id,"
                                         " t.code_id, t.document_id, tx.start_offset, tx.end_offset"
                                         " FROM annotations a JOIN annotation_anchors ax ON ax.document_id = a.document_id AND ax.id = a.id"
                                         " LEFT JOIN annotation_values v ON v.annotation_id = a.id"
                                         " LEFT JOIN actors ac ON ac.id = v.actor_id"
                                         " LEFT JOIN annotations t ON t.id = v.target_id"
                                         " LEFT JOIN annotation_anchors tx ON tx.document_id = t.document_id"
                                         " AND tx.id = t.id")
                        + annotations.where()
                        + QStringLiteral(" ORDER BY a.document_id, ax.start_offset, ax.end_offset, a.id, v.field_id,"
                                         " v.position");
    } else {
        annotationSql = QStringLiteral("SELECT ") + annotationColumns
                        + QStringLiteral(" FROM annotations a JOIN annotation_anchors ax ON ax.document_id = a.document_id AND ax.id = a.id") + annotations.where()
                        + QStringLiteral(" ORDER BY a.document_id, ax.start_offset, ax.end_offset, a.id");
    }
    QSqlQuery annotationQuery = prepare(annotationSql);
    annotations.bind(annotationQuery);

    // Texts of link targets that sit in another article than their source (rare).
    QHash<QUuid, QString> foreignTargets;
    if (query.annotationValues) {
        QSqlQuery q = prepare(QStringLiteral("SELECT DISTINCT t.id, tx.start_offset, tx.end_offset, d.body"
                                             " FROM annotation_values v JOIN annotations a ON a.id = v.annotation_id"
                                             " JOIN annotations t ON t.id = v.target_id"
                                             " JOIN annotation_anchors tx ON tx.document_id = t.document_id"
                                             " AND tx.id = t.id"
                                             " JOIN documents d ON d.id = t.document_id"
                                             " WHERE a.document_id <> t.document_id")
                              + annotations.andClause());
        annotations.bind(q);
        exec(q, QStringLiteral("Cannot read link targets"));
        while (q.next())
            foreignTargets.insert(idFromString(q.value(0).toString()),
                                  slice(q.value(3).toString(), q.value(1).toInt(), q.value(2).toInt()));
    }

    const QString context = QStringLiteral("Cannot read the project for export");
    Cursor docs(std::move(docQuery));
    Cursor meta(std::move(metaQuery));
    Cursor vars(std::move(varQuery));
    Cursor notes(std::move(annotationQuery));
    docs.start(context);
    meta.start(context);
    vars.start(context);
    notes.start(context);

    DatasetArticle article;
    DatasetSegment segment;
    while (docs.valid()) {
        const QSqlQuery &d = docs.row();
        const QString docId = d.value(0).toString();
        article = DatasetArticle();
        article.id = idFromString(docId);
        article.title = d.value(1).toString();
        article.outlet = d.value(2).toString();
        article.date = QDate::fromString(d.value(3).toString(), Qt::ISODate);
        article.url = d.value(4).toString();
        article.author = d.value(5).toString();
        article.length = d.value(6).toInt();
        article.outletId = idFromString(d.value(7).toString());
        article.memo = d.value(8).toString();
        if (needBodies)
            article.body = d.value(9).toString();
        for (bool on = meta.seek(docId); on; on = meta.seek(docId)) {
            article.metadata.append({meta.row().value(1).toString(), meta.row().value(2).toString()});
            meta.next();
        }
        for (bool on = vars.seek(docId); on; on = vars.seek(docId)) {
            const QSqlQuery &r = vars.row();
            DatasetValue v;
            v.coderId = idFromString(r.value(1).toString());
            v.fieldId = idFromString(r.value(2).toString());
            v.position = r.value(3).toInt();
            v.text = r.value(4).toString();
            v.actorId = idFromString(r.value(5).toString());
            v.actorName = r.value(6).toString();
            article.variables.append(v);
            vars.next();
        }
        if (!onArticle(article))
            return;

        bool on = notes.seek(docId);
        while (on) {
            const QSqlQuery &r = notes.row();
            segment.annotation = Annotation();
            segment.values.clear();
            Annotation &a = segment.annotation;
            const QString annotationId = r.value(1).toString();
            a.id = idFromString(annotationId);
            a.documentId = article.id;
            a.codeId = idFromString(r.value(2).toString());
            a.start = r.value(3).toInt();
            a.end = r.value(4).toInt();
            a.coderId = idFromString(r.value(5).toString());
            a.memo = r.value(6).toString();
            a.created = parseTimestamp(r.value(7).toString());
            a.modified = parseTimestamp(r.value(8).toString());
            a.status = annotationStatusFromName(r.value(9).toString());
            // One row per value (or one row without a value): gather them.
            do {
                const QSqlQuery &row = notes.row();
                if (query.annotationValues && !row.value(10).isNull()) {
                    DatasetValue v;
                    v.fieldId = idFromString(row.value(10).toString());
                    v.position = row.value(11).toInt();
                    v.text = row.value(12).toString();
                    v.actorId = idFromString(row.value(13).toString());
                    v.actorName = row.value(14).toString();
                    v.targetId = idFromString(row.value(15).toString());
                    v.targetCodeId = idFromString(row.value(16).toString());
                    if (!v.targetId.isNull()) {
                        v.targetText = row.value(17).toString() == docId
                                           ? slice(article.body, row.value(18).toInt(), row.value(19).toInt())
                                           : foreignTargets.value(v.targetId);
                    }
                    segment.values.append(v);
                }
                notes.next();
            } while (notes.valid() && notes.row().value(1).toString() == annotationId);
            if (!onSegment(segment))
                return;
            on = notes.seek(docId);
        }
        docs.next();
    }
}

bool DatasetReader::hasImportedOutlet(const QString &name) const
{
    QSqlQuery q = prepareOn(m_store, QStringLiteral("SELECT 1 FROM documents WHERE outlet = ? COLLATE NOCASE LIMIT 1"));
    q.addBindValue(name);
    exec(q, QStringLiteral("Cannot read the articles' outlets"));
    return q.next();
}

QStringList DatasetReader::metadataKeys(const QList<QUuid> &documentIds) const
{
    const auto prepare = [this](const QString &sql) { return prepareOn(m_store, sql); };
    Conditions where;
    where.addIn(QStringLiteral("document_id"), documentIds);
    QSqlQuery q = prepare(QStringLiteral("SELECT name, MIN(position) AS first FROM document_metadata") + where.where()
                          + QStringLiteral(" GROUP BY name ORDER BY first, name"));
    where.bind(q);
    exec(q, QStringLiteral("Cannot read the articles' metadata"));
    QStringList keys;
    while (q.next())
        keys.append(q.value(0).toString());
    return keys;
}

} // namespace newscoder
