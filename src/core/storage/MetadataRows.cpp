#include "storage/MetadataRows.h"

#include "storage/StoreRows_p.h"

namespace newscoder {

using namespace storage_detail;

QHash<QUuid, QString> metadataByDocument(const ProjectStore &store, const QString &name)
{
    // The store's connection, for reading only (the store hands it out non-const).
    QSqlQuery q(const_cast<ProjectStore &>(store).database());
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("SELECT document_id, value FROM document_metadata WHERE name = ? "
                                  "ORDER BY document_id, position")))
        fail(q.lastError(), QStringLiteral("Cannot prepare a statement"));
    q.addBindValue(name);
    exec(q, QStringLiteral("Cannot read article metadata"));
    QHash<QUuid, QString> values;
    while (q.next()) {
        const QUuid id = QUuid::fromString(q.value(0).toString());
        if (!values.contains(id))
            values.insert(id, q.value(1).toString());
    }
    return values;
}

std::optional<QString> metadataOfDocument(const ProjectStore &store, const QUuid &id, const QString &name)
{
    QSqlQuery q(const_cast<ProjectStore &>(store).database());
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("SELECT value FROM document_metadata WHERE document_id = ? AND name = ? "
                                  "ORDER BY position LIMIT 1")))
        fail(q.lastError(), QStringLiteral("Cannot prepare a statement"));
    q.addBindValue(idString(id));
    q.addBindValue(name);
    exec(q, QStringLiteral("Cannot read article metadata"));
    if (!q.next())
        return std::nullopt;
    return q.value(0).toString();
}

} // namespace newscoder
