// Grouped counts the views show per coder (the article list's Annotations column).
#include "storage/ProjectStore.h"
#include "storage/StoreError.h"

#include <QSqlError>
#include <QSqlQuery>

namespace newscoder {

QHash<QUuid, int> ProjectStore::annotationCountsByDocumentOfCoder(const QUuid &coderId) const
{
    QSqlQuery q(m_db);
    if (!q.prepare(QStringLiteral("SELECT document_id, COUNT(*) FROM annotations WHERE coder_id = ? "
                                  "GROUP BY document_id")))
        throw StoreError(StoreError::Kind::Query, QStringLiteral("Cannot count annotations: %1").arg(q.lastError().text()));
    q.addBindValue(idString(coderId));
    if (!q.exec())
        throw StoreError(StoreError::Kind::Query, QStringLiteral("Cannot count annotations: %1").arg(q.lastError().text()));
    QHash<QUuid, int> result;
    while (q.next())
        result.insert(idFromString(q.value(0).toString()), q.value(1).toInt());
    return result;
}

} // namespace newscoder
