#include "storage/ProjectStore.h"

#include "storage/StoreRows_p.h"

// What an edit of an article's text writes: only the annotations that move,
// those after the edit in one statement.

namespace newscoder {

using namespace storage_detail;

QList<Annotation> ProjectStore::annotationsOverlapping(const QUuid &documentId, int first, int last) const
{
    QSqlQuery q = prepare(AnnotationSelect
                          + QStringLiteral(" WHERE document_id = ? AND start_offset <= ? AND end_offset >= ?"
                                           " ORDER BY start_offset, end_offset, created"));
    q.addBindValue(idString(documentId));
    q.addBindValue(last);
    q.addBindValue(first);
    return readAll(q, QStringLiteral("Cannot read annotations"), readAnnotationRow);
}

int ProjectStore::shiftAnnotations(const QUuid &documentId, int from, int delta)
{
    if (delta == 0)
        return 0;
    QSqlQuery &q = prepareWrite(QStringLiteral("UPDATE annotation_anchors SET start_offset = start_offset + ?,"
                                               " end_offset = end_offset + ? WHERE document_id = ? AND start_offset >= ?"));
    q.addBindValue(delta);
    q.addBindValue(delta);
    q.addBindValue(idString(documentId));
    q.addBindValue(from);
    exec(q, QStringLiteral("Cannot move the article's annotations"));
    return q.numRowsAffected();
}

QList<Annotation> ProjectStore::flaggedAnnotations() const
{
    QSqlQuery q = prepare(AnnotationSelect
                          + QStringLiteral(" WHERE review_reason > '' ORDER BY document_id, start_offset, end_offset"));
    return readAll(q, QStringLiteral("Cannot read annotations"), readAnnotationRow);
}

} // namespace newscoder
