#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace newscoder::creation {

// A new project is built in a hidden temporary file next to it and moved into
// place when complete. Its name says who builds it:
// ".newscoder-new-<host tag>-<pid>-XXXXXX" (XXXXXX: QTemporaryFile's part).
QString temporaryTemplate(const QString &folder);

// How long a leftover of another host (whose process cannot be checked) must
// be untouched before it counts as stale. Building a project takes well under
// a second.
constexpr qint64 StaleAfterSeconds = 10 * 60;

// Removes what interrupted creations left in `folder` (the temporary files and
// their -journal, -wal and -shm files), but only when provably stale: made on
// this host by a process that no longer runs, or untouched for
// StaleAfterSeconds. Someone else's creation in progress is never touched.
// Returns the names removed.
QStringList removeStaleLeftovers(const QString &folder, const QDateTime &now = QDateTime::currentDateTimeUtc());

} // namespace newscoder::creation
