#include "storage/MergeRows.h"

#include "storage/StoreRows_p.h"

namespace newscoder {

using namespace storage_detail;

namespace {

// The store's connection, for reading only (the store hands it out non-const).
QSqlQuery readOn(const ProjectStore &store, const QString &sql)
{
    QSqlQuery q(const_cast<ProjectStore &>(store).database());
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        fail(q.lastError(), QStringLiteral("Cannot prepare a statement"));
    return q;
}

void write(ProjectStore &store, const QString &sql, const QVariantList &binds, const QString &context)
{
    if (store.isReadOnly())
        throw StoreError(Kind::Invalid, QStringLiteral("The project is open read-only."));
    QSqlQuery q(store.database());
    if (!q.prepare(sql))
        fail(q.lastError(), context);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (faultInjected(sql))
        fail(injectedFault(), context);
    if (!q.exec())
        fail(q.lastError(), context);
}

} // namespace

QHash<QString, QString> MergeRows::mergeBase(const QString &sourceId) const
{
    QSqlQuery q = readOn(m_store, QStringLiteral("SELECT unit, fingerprint FROM merge_bases WHERE source_id = ?"));
    q.addBindValue(sourceId);
    exec(q, QStringLiteral("Cannot read the merge base"));
    QHash<QString, QString> base;
    while (q.next())
        base.insert(q.value(0).toString(), q.value(1).toString());
    return base;
}

void MergeRows::forEachDocumentText(const std::function<void(const QUuid &, const QString &)> &visit) const
{
    QSqlQuery q = readOn(m_store, QStringLiteral("SELECT id, body FROM documents ORDER BY id"));
    exec(q, QStringLiteral("Cannot read the articles"));
    while (q.next())
        visit(idFromString(q.value(0).toString()), q.value(1).toString());
}

void MergeRows::changeMergeBase(ProjectStore &store, const QString &sourceId, const QHash<QString, QString> &write,
                                const QStringList &remove)
{
    const QString context = QStringLiteral("Cannot write the merge base");
    if (store.isReadOnly())
        throw StoreError(Kind::Invalid, QStringLiteral("The project is open read-only."));
    const QString drop = QStringLiteral("DELETE FROM merge_bases WHERE source_id = ? AND unit = ?");
    const QString upsert = QStringLiteral("INSERT INTO merge_bases (source_id, unit, fingerprint) VALUES (?, ?, ?)"
                                          " ON CONFLICT (source_id, unit) DO UPDATE SET fingerprint = excluded.fingerprint");
    QSqlQuery dropQuery(store.database());
    QSqlQuery upsertQuery(store.database());
    if (!dropQuery.prepare(drop))
        fail(dropQuery.lastError(), context);
    if (!upsertQuery.prepare(upsert))
        fail(upsertQuery.lastError(), context);
    for (const QString &unit : remove) {
        dropQuery.addBindValue(sourceId);
        dropQuery.addBindValue(unit);
        if (faultInjected(drop))
            fail(injectedFault(), context);
        if (!dropQuery.exec())
            fail(dropQuery.lastError(), context);
    }
    for (auto it = write.cbegin(); it != write.cend(); ++it) {
        upsertQuery.addBindValue(sourceId);
        upsertQuery.addBindValue(it.key());
        upsertQuery.addBindValue(it.value());
        if (faultInjected(upsert))
            fail(injectedFault(), context);
        if (!upsertQuery.exec())
            fail(upsertQuery.lastError(), context);
    }
}

void MergeRows::replaceMergeBase(ProjectStore &store, const QString &sourceId, const QHash<QString, QString> &fingerprints)
{
    write(store, QStringLiteral("DELETE FROM merge_bases WHERE source_id = ?"), {sourceId},
          QStringLiteral("Cannot write the merge base"));
    changeMergeBase(store, sourceId, fingerprints, {});
}

void MergeRows::trimToCoderPackage(ProjectStore &store, const QUuid &coderId, const QList<QUuid> &documentIds)
{
    const QString context = QStringLiteral("Cannot write the coder package");
    const auto run = [&](const QString &sql, const QVariantList &binds = {}) { write(store, sql, binds, context); };
    const QString coder = idString(coderId);
    // The articles to keep, in a temporary table (no placeholder limit).
    run(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS package_documents (id TEXT PRIMARY KEY)"));
    run(QStringLiteral("DELETE FROM temp.package_documents"));
    for (const QUuid &id : documentIds)
        run(QStringLiteral("INSERT OR IGNORE INTO temp.package_documents (id) VALUES (?)"), {idString(id)});
    run(QStringLiteral("DELETE FROM documents WHERE id NOT IN (SELECT id FROM temp.package_documents)"));
    run(QStringLiteral("DELETE FROM annotations WHERE coder_id <> ?"), {coder});
    run(QStringLiteral("DELETE FROM document_values WHERE coder_id <> ?"), {coder});
    run(QStringLiteral("DELETE FROM assignments WHERE coder_id <> ?"
                       " OR document_id NOT IN (SELECT id FROM temp.package_documents)"),
        {coder});
    run(QStringLiteral("UPDATE assignments SET sample_id = NULL"));
    run(QStringLiteral("DELETE FROM decisions"));
    run(QStringLiteral("DELETE FROM reliability_samples"));
    run(QStringLiteral("DELETE FROM merge_bases"));
    run(QStringLiteral("DELETE FROM coders WHERE id <> ?"), {coder});
    run(QStringLiteral("DROP TABLE temp.package_documents"));
}

} // namespace newscoder
