#include "storage/StudyRows.h"

#include "storage/StoreRows_p.h"

namespace newscoder {

using namespace storage_detail;

namespace {

QSqlQuery readOn(const ProjectStore &store, const QString &sql)
{
    QSqlQuery q(const_cast<ProjectStore &>(store).database()); // reads only
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        fail(q.lastError(), QStringLiteral("Cannot prepare a statement"));
    return q;
}

} // namespace

void StudyRows::forEachSharedSpan(const std::function<bool(const Span &)> &visit,
                                  const QList<QUuid> &documentIds) const
{
    // Who worked on an article: coded spans of non-consensus coders, and
    // assignments marked done (a coder who found nothing to code counts too).
    const QString sql = QStringLiteral(
        "WITH coded AS ("
        "  SELECT a.document_id AS document_id, a.coder_id AS coder_id, a.code_id AS code_id,"
        "         ax.start_offset AS s, ax.end_offset AS e"
        "  FROM annotations a JOIN annotation_anchors ax ON ax.document_id = a.document_id AND ax.id = a.id"
        "  JOIN coders c ON c.id = a.coder_id"
        "  WHERE a.status <> 'suggested' AND c.role <> 'consensus' ?docsA),"
        " finished AS ("
        "  SELECT s.document_id AS document_id, s.coder_id AS coder_id, NULL AS code_id, -1 AS s, -1 AS e"
        "  FROM assignments s JOIN coders c ON c.id = s.coder_id"
        "  WHERE s.done IS NOT NULL AND c.role <> 'consensus' ?docsS),"
        " everything AS (SELECT * FROM coded UNION ALL SELECT * FROM finished),"
        " shared AS (SELECT document_id FROM everything GROUP BY document_id"
        "            HAVING COUNT(DISTINCT coder_id) >= 2)"
        " SELECT document_id, coder_id, code_id, s, e FROM everything"
        " WHERE document_id IN (SELECT document_id FROM shared)"
        " ORDER BY document_id, coder_id");
    constexpr qsizetype ChunkSize = 500;
    for (qsizetype from = 0; from == 0 || from < documentIds.size(); from += ChunkSize) {
        const QList<QUuid> chunk = documentIds.mid(from, ChunkSize);
        QString statement = sql;
        QString marks;
        for (qsizetype i = 0; i < chunk.size(); ++i)
            marks += i == 0 ? QStringLiteral("?") : QStringLiteral(", ?");
        statement.replace(QStringLiteral("?docsA"),
                          chunk.isEmpty() ? QString() : QStringLiteral("AND a.document_id IN (%1)").arg(marks));
        statement.replace(QStringLiteral("?docsS"),
                          chunk.isEmpty() ? QString() : QStringLiteral("AND s.document_id IN (%1)").arg(marks));
        QSqlQuery q = readOn(m_store, statement);
        for (int pass = 0; pass < 2; ++pass) {
            for (const QUuid &id : chunk)
                q.addBindValue(idString(id));
        }
        exec(q, QStringLiteral("Cannot read the coded spans"));
        Span span;
        while (q.next()) {
            span.documentId = idFromString(q.value(0).toString());
            span.coderId = idFromString(q.value(1).toString());
            span.codeId = q.value(2).isNull() ? QUuid() : idFromString(q.value(2).toString());
            span.start = q.value(3).toInt();
            span.end = q.value(4).toInt();
            if (!visit(span))
                return;
        }
        if (documentIds.isEmpty())
            return;
    }
}

QHash<QUuid, int> StudyRows::annotationCountsByCodeOfCoder(const QUuid &coderId) const
{
    QSqlQuery q = readOn(m_store, QStringLiteral("SELECT code_id, COUNT(*) FROM annotations WHERE coder_id = ? "
                                                 "GROUP BY code_id"));
    q.addBindValue(idString(coderId));
    exec(q, QStringLiteral("Cannot count annotations"));
    QHash<QUuid, int> counts;
    while (q.next())
        counts.insert(idFromString(q.value(0).toString()), q.value(1).toInt());
    return counts;
}

QSet<QUuid> StudyRows::memoAnnotationsOfOtherCoders(const QUuid &coderId) const
{
    QSqlQuery q = readOn(m_store, QStringLiteral("SELECT id FROM annotations WHERE memo <> '' AND coder_id <> ?"));
    q.addBindValue(idString(coderId));
    exec(q, QStringLiteral("Cannot read the annotation memos"));
    QSet<QUuid> ids;
    while (q.next())
        ids.insert(idFromString(q.value(0).toString()));
    return ids;
}

} // namespace newscoder
