#pragma once

#include <QSqlDatabase>
#include <QStringList>

namespace newscoder::schema {

// The schema version this build writes. A file with a higher version is refused.
int currentVersion();

// Tables every migrated project must have.
QStringList requiredTables();

// The statements that bring a file from `version - 1` to `version` (1-based).
// Portable SQL (SQLite and PostgreSQL): TEXT UUID keys, no AUTOINCREMENT, no
// WITHOUT ROWID, no SQLite-only column types.
QStringList migrationStatements(int version);

} // namespace newscoder::schema
