#pragma once
// Zero-length annotations for the agreement tests. The schema requires
// end > start, so neither the store nor Project makes one; a file written by
// another tool or version may hold one all the same, and project agreement
// must then treat it as a unit of length 0 (issue 14). This writes such rows
// into a closed project file directly, past the CHECK constraint.
#include "storage/ProjectStore.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace newscoder::testing {

// Sets end = start (or start = end when `atEnd`) for the annotations `ids` in
// the project file at `path` (not open elsewhere). Returns an error or "".
inline QString makeZeroLength(const QString &path, const QList<QPair<QUuid, bool>> &ids)
{
    const QString name = QStringLiteral("zero-length-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            return db.lastError().text();
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA ignore_check_constraints = 1")))
            error = q.lastError().text();
        for (const auto &[id, atEnd] : ids) {
            q.prepare(atEnd ? QStringLiteral("UPDATE annotation_anchors SET start_offset = end_offset WHERE id = ?")
                            : QStringLiteral("UPDATE annotation_anchors SET end_offset = start_offset WHERE id = ?"));
            q.addBindValue(idString(id));
            if (error.isEmpty() && (!q.exec() || q.numRowsAffected() != 1))
                error = QStringLiteral("cannot update %1: %2").arg(idString(id), q.lastError().text());
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

} // namespace newscoder::testing
