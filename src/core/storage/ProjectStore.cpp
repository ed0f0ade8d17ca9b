#include "storage/ProjectStore.h"

#include "storage/CreationLeftovers.h"
#include "storage/ProjectLock.h"
#include "storage/Schema.h"
#include "storage/StoreError.h"
#include "storage/StoreRows_p.h"
#include "storage/TestKillPoint.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QVariant>

#include <fcntl.h>
#include <unistd.h>

namespace newscoder {

using Kind = StoreError::Kind;

QString idString(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QUuid idFromString(const QString &text)
{
    return QUuid::fromString(text);
}

using namespace storage_detail;

namespace {

const QString ApplicationTag = QStringLiteral("newscoder");
// The temporary folder of an upgraded copy (see open()): removed when the store closes.
const QString UpgradedCopyFolder = QStringLiteral("newscoder-upgraded-");

bool hasSqliteHeader(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray header = file.read(16);
    return header == QByteArray("SQLite format 3\0", 16);
}

// Makes a rename in `folder` durable (the file's own data SQLite has synced).
void syncFolder(const QString &folder)
{
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

// The tables a file of schema `version` must have: those its migrations created.
QStringList tablesOfVersion(int version)
{
    const QString create = QStringLiteral("CREATE TABLE ");
    QStringList tables;
    for (int v = 1; v <= version; ++v) {
        for (const QString &statement : schema::migrationStatements(v)) {
            if (statement.startsWith(create))
                tables << statement.mid(create.size()).section(u' ', 0, 0).section(u'(', 0, 0);
        }
    }
    return tables;
}

} // namespace

ProjectStore::ProjectStore(QString path, Access access)
    : m_path(std::move(path)), m_access(access),
      m_connectionName(QStringLiteral("newscoder-") + idString(QUuid::createUuid()))
{
}

ProjectStore::~ProjectStore()
{
    m_writeStatements.clear();
    QString upgradedCopy; // the temporary copy an older file opened read-only is read from
    if (m_db.isValid()) {
        if (m_transactionDepth > 0)
            rollback();
        m_db.close();
        if (m_db.databaseName() != m_path)
            upgradedCopy = m_db.databaseName();
    }
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    const QFileInfo copy(upgradedCopy);
    if (!upgradedCopy.isEmpty() && copy.absoluteDir().dirName().startsWith(UpgradedCopyFolder))
        QDir(copy.absolutePath()).removeRecursively();
}

std::unique_ptr<ProjectStore> ProjectStore::create(const QString &path,
                                                   const std::function<void(ProjectStore &)> &setup)
{
    const QFileInfo info(path);
    if (info.exists())
        throw StoreError(Kind::Exists, QStringLiteral("%1 already exists.").arg(QDir::toNativeSeparators(path)));
    if (!QFileInfo(info.absolutePath()).isDir())
        throw StoreError(Kind::Io, QStringLiteral("The folder %1 does not exist.")
                                       .arg(QDir::toNativeSeparators(info.absolutePath())));
    creation::removeStaleLeftovers(info.absolutePath());

    // Build the whole new project in a temporary file, then move it into
    // place: killed at any moment, the folder has a complete project or none.
    QTemporaryFile temp(creation::temporaryTemplate(info.absolutePath()));
    if (!temp.open())
        throw StoreError(Kind::Io, QStringLiteral("Cannot create a file in %1: %2")
                                       .arg(QDir::toNativeSeparators(info.absolutePath()), temp.errorString()));
    const QString tempPath = temp.fileName();
    temp.close();
    {
        std::unique_ptr<ProjectStore> scratch(new ProjectStore(tempPath, Access::ReadWrite));
        scratch->connect();
        QSqlQuery q(scratch->m_db);
        if (!q.exec(QStringLiteral("PRAGMA foreign_keys=ON")))
            fail(q.lastError(), QStringLiteral("Cannot create the project"));
        // A fresh file: rollback journal while building, WAL afterwards.
        WriteTransaction tx(*scratch);
        for (int version = 1; version <= schema::currentVersion(); ++version) {
            for (const QString &statement : schema::migrationStatements(version)) {
                if (!q.exec(statement))
                    fail(q.lastError(), QStringLiteral("Cannot create the project"));
            }
        }
        QSqlQuery meta = scratch->prepare(QStringLiteral("INSERT INTO meta (name, value) VALUES (?, ?)"));
        const QList<QPair<QString, QString>> values = {
            {QStringLiteral("application"), ApplicationTag},
            {QStringLiteral("schema_version"), QString::number(schema::currentVersion())},
            {QStringLiteral("project_id"), idString(QUuid::createUuid())},
            {QStringLiteral("created"), timestamp(QDateTime::currentDateTimeUtc())},
        };
        for (const auto &[name, value] : values) {
            meta.addBindValue(name);
            meta.addBindValue(value);
            exec(meta, QStringLiteral("Cannot create the project"));
        }
        meta.finish();
        if (setup)
            setup(*scratch);
        testKillPoint("create-in-transaction");
        tx.commit();
        scratch->m_writeStatements.clear(); // no statement may be open for the switch to WAL
        if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")))
            fail(q.lastError(), QStringLiteral("Cannot create the project"));
        q.finish();
    }
    // Closed: checkpointed, the WAL files are gone, the file is synced.
    temp.setAutoRemove(false);
    testKillPoint("create-before-rename");
    // QFile::rename never replaces an existing file (renameat2 RENAME_NOREPLACE on Linux).
    if (QFileInfo::exists(path) || !QFile::rename(tempPath, path)) {
        QFile::remove(tempPath);
        throw StoreError(Kind::Io, QStringLiteral("Cannot create %1.").arg(QDir::toNativeSeparators(path)));
    }
    syncFolder(info.absolutePath());
    testKillPoint("create-after-rename");
    return open(path, Access::ReadWrite);
}

QString ProjectStore::lockNotice() const
{
    return m_lock ? m_lock->takeOverNotice() : QString();
}

std::unique_ptr<ProjectStore> ProjectStore::open(const QString &path, Access access)
{
    const QFileInfo info(path);
    const QString shown = QDir::toNativeSeparators(path);
    if (!info.exists())
        throw StoreError(Kind::Io, QStringLiteral("%1 does not exist.").arg(shown));
    if (!info.isFile() || !info.isReadable())
        throw StoreError(Kind::Io, QStringLiteral("%1 cannot be read.").arg(shown));
    if (!hasSqliteHeader(path))
        throw StoreError(Kind::NotAProject,
                         QStringLiteral("%1 is not a Newscoder project (it is not an SQLite database).").arg(shown));

    std::unique_ptr<ProjectStore> store(new ProjectStore(info.absoluteFilePath(), access));
    if (access == Access::ReadWrite) {
        if (!info.isWritable())
            throw StoreError(Kind::Io, QStringLiteral("%1 is write-protected; open it read-only.").arg(shown));
        // Held by the kernel for this open file: it ends with the process.
        store->m_lock = ProjectLock::acquire(store->m_path + QStringLiteral(".lock"), shown);
        creation::removeStaleLeftovers(info.absolutePath());
    }
    store->connect();
    store->validate();
    if (access == Access::ReadWrite) {
        store->applyPragmas();
        store->migrate();
    } else if (store->schemaVersion() < schema::currentVersion()) {
        // An older file opened read-only is never written: it is copied
        // (VACUUM INTO only reads it) into a temporary folder, the copy is
        // upgraded there and read instead, and removed when the store closes.
        QTemporaryDir folder(QDir::tempPath() + u'/' + UpgradedCopyFolder + QStringLiteral("XXXXXX"));
        if (!folder.isValid())
            throw StoreError(Kind::Io, QStringLiteral("%1 was made by an older Newscoder: reading it read-only needs "
                                                      "an upgraded temporary copy, which cannot be made (%2). Open it "
                                                      "for editing to upgrade it.")
                                           .arg(shown, folder.errorString()));
        const QString copy = folder.filePath(QStringLiteral("upgraded.newscoder"));
        store->saveCopy(copy);
        store->m_db.close();
        store->m_db.setDatabaseName(copy); // from here on the connection reads the copy (see the destructor)
        store->m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        folder.setAutoRemove(false);
        if (!store->m_db.open()) {
            QDir(folder.path()).removeRecursively();
            fail(store->m_db.lastError(), QStringLiteral("Cannot open an upgraded copy of %1").arg(shown));
        }
        store->m_access = Access::ReadWrite; // to upgrade the copy; the file keeps no backup (migrate)
        store->migrate();
        store->m_access = Access::ReadOnly;
        store->m_writeStatements.clear();
        store->m_db.close();
        store->m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_READONLY"));
        if (!store->m_db.open())
            fail(store->m_db.lastError(), QStringLiteral("Cannot open an upgraded copy of %1").arg(shown));
    }
    store->checkTables();
    return store;
}

std::unique_ptr<ProjectStore> ProjectStore::openReadConnection(const QString &location)
{
    if (!QFileInfo::exists(location))
        throw StoreError(Kind::Io, QStringLiteral("%1 does not exist.").arg(QDir::toNativeSeparators(location)));
    std::unique_ptr<ProjectStore> store(new ProjectStore(location, Access::ReadOnly));
    store->connect();
    if (store->schemaVersion() != schema::currentVersion())
        throw StoreError(Kind::NotAProject, QStringLiteral("%1 changed format while it was open.")
                                                .arg(QDir::toNativeSeparators(location)));
    return store;
}

void ProjectStore::connect()
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(m_path);
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
    if (m_access == Access::ReadOnly)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    m_db.setConnectOptions(options);
    if (!m_db.open())
        fail(m_db.lastError(), QStringLiteral("Cannot open %1").arg(QDir::toNativeSeparators(m_path)));
}

// Reads only: nothing here writes to the file.
void ProjectStore::validate()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master")))
        fail(q.lastError(), QStringLiteral("Cannot read the project"));
    if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next())
        fail(q.lastError(), QStringLiteral("Cannot check the project"));
    if (q.value(0).toString() != QLatin1String("ok"))
        throw StoreError(Kind::Corrupt, QStringLiteral("The project file is damaged (%1). It was not changed.")
                                            .arg(q.value(0).toString()));
    q.finish();
    if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'meta'")))
        fail(q.lastError(), QStringLiteral("Cannot read the project"));
    if (!q.next())
        throw StoreError(Kind::NotAProject, QStringLiteral("%1 is an SQLite database but not a Newscoder project.")
                                                .arg(QDir::toNativeSeparators(m_path)));
    q.finish();
    if (!q.exec(QStringLiteral("SELECT value FROM meta WHERE name = 'application'")) || !q.next()
        || q.value(0).toString() != ApplicationTag)
        throw StoreError(Kind::NotAProject, QStringLiteral("%1 is an SQLite database but not a Newscoder project.")
                                                .arg(QDir::toNativeSeparators(m_path)));
    q.finish();
    const int version = schemaVersion();
    if (version < 1)
        throw StoreError(Kind::NotAProject,
                         QStringLiteral("%1 has no valid schema version.").arg(QDir::toNativeSeparators(m_path)));
    if (version > schema::currentVersion())
        throw StoreError(Kind::NewerVersion,
                         QStringLiteral("%1 was saved by a newer Newscoder (project format %2; this version reads "
                                        "up to %3). Please update Newscoder. The file was not changed.")
                             .arg(QDir::toNativeSeparators(m_path))
                             .arg(version)
                             .arg(schema::currentVersion()));
    // A damaged file is refused here, before applyPragmas()/migrate() write to it.
    const QStringList tables = m_db.tables();
    QStringList missing;
    for (const QString &table : tablesOfVersion(version)) {
        if (!tables.contains(table))
            missing << table;
    }
    if (!missing.isEmpty())
        throw StoreError(Kind::NotAProject, QStringLiteral("%1 is damaged: tables missing (%2).")
                                                .arg(QDir::toNativeSeparators(m_path), missing.join(u", ")));
}

void ProjectStore::applyPragmas()
{
    QSqlQuery q(m_db);
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON",
                               "PRAGMA cache_size=-65536"}) {
        if (!q.exec(QString::fromLatin1(pragma)))
            fail(q.lastError(), QStringLiteral("Cannot prepare the project for writing"));
        q.finish();
    }
}

void ProjectStore::migrate()
{
    const int from = schemaVersion();
    if (from >= schema::currentVersion())
        return;
    // Keep the untouched original next to the upgraded file (an upgraded
    // temporary copy of a file opened read-only, see open(), needs none).
    const QString backup = m_path + QStringLiteral(".v%1.bak").arg(from);
    if (m_db.databaseName() == m_path && !QFileInfo::exists(backup))
        saveCopy(backup);
    // Foreign keys off while tables are rebuilt (version 5): dropping the
    // old annotations table must not cascade to the rows that point at it.
    // Checked whole before the commit, and on again whatever happens.
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA foreign_keys=OFF")))
        fail(q.lastError(), QStringLiteral("Cannot upgrade the project"));
    const auto foreignKeysOn = qScopeGuard([this] { QSqlQuery(m_db).exec(QStringLiteral("PRAGMA foreign_keys=ON")); });
    WriteTransaction tx(*this);
    for (int version = from + 1; version <= schema::currentVersion(); ++version) {
        for (const QString &statement : schema::migrationStatements(version)) {
            if (faultInjected(statement))
                fail(injectedFault(), QStringLiteral("Cannot upgrade the project to format %1").arg(version));
            if (!q.exec(statement))
                fail(q.lastError(), QStringLiteral("Cannot upgrade the project to format %1").arg(version));
        }
    }
    if (!q.exec(QStringLiteral("PRAGMA foreign_key_check")))
        fail(q.lastError(), QStringLiteral("Cannot upgrade the project"));
    if (q.next())
        throw StoreError(Kind::Invalid, QStringLiteral("Cannot upgrade the project: table %1 has rows that point "
                                                       "nowhere. The file was not changed.")
                                            .arg(q.value(0).toString()));
    q.finish();
    testKillPoint("migrate-in-transaction");
    QSqlQuery &setVersion = prepareWrite(QStringLiteral("UPDATE meta SET value = ? WHERE name = 'schema_version'"));
    setVersion.addBindValue(QString::number(schema::currentVersion()));
    exec(setVersion, QStringLiteral("Cannot upgrade the project"));
    tx.commit();
}

void ProjectStore::checkTables()
{
    const QStringList tables = m_db.tables();
    QStringList missing;
    for (const QString &table : schema::requiredTables()) {
        if (!tables.contains(table))
            missing << table;
    }
    if (!missing.isEmpty())
        throw StoreError(Kind::NotAProject, QStringLiteral("%1 is damaged: tables missing (%2).")
                                                .arg(QDir::toNativeSeparators(m_path), missing.join(u", ")));
}

int ProjectStore::schemaVersion() const
{
    QSqlQuery q = prepare(QStringLiteral("SELECT value FROM meta WHERE name = 'schema_version'"));
    exec(q, QStringLiteral("Cannot read the project format"));
    bool ok = false;
    const int version = q.next() ? q.value(0).toString().toInt(&ok) : 0;
    return ok ? version : 0;
}

QUuid ProjectStore::projectId() const
{
    QSqlQuery q = prepare(QStringLiteral("SELECT value FROM meta WHERE name = 'project_id'"));
    exec(q, QStringLiteral("Cannot read the project"));
    return q.next() ? idFromString(q.value(0).toString()) : QUuid();
}

void ProjectStore::saveCopy(const QString &path) const
{
    const QFileInfo target(path);
    if (target.absoluteFilePath() == QFileInfo(m_path).absoluteFilePath())
        throw StoreError(Kind::Invalid, QStringLiteral("A copy cannot replace the open project itself."));
    QTemporaryFile temp(target.absolutePath() + QStringLiteral("/.newscoder-copy-XXXXXX"));
    if (!temp.open())
        throw StoreError(Kind::Io, QStringLiteral("Cannot write to %1: %2")
                                       .arg(QDir::toNativeSeparators(target.absolutePath()), temp.errorString()));
    const QString tempPath = temp.fileName();
    temp.close();
    QFile::remove(tempPath); // VACUUM INTO wants a new file
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("VACUUM INTO ?"));
    q.addBindValue(tempPath);
    if (!q.exec()) {
        QFile::remove(tempPath);
        fail(q.lastError(), QStringLiteral("Cannot write the copy"));
    }
    if (QFileInfo::exists(path) && !QFile::remove(path)) {
        QFile::remove(tempPath);
        throw StoreError(Kind::Io, QStringLiteral("Cannot replace %1.").arg(QDir::toNativeSeparators(path)));
    }
    if (!QFile::rename(tempPath, path)) {
        QFile::remove(tempPath);
        throw StoreError(Kind::Io, QStringLiteral("Cannot write %1.").arg(QDir::toNativeSeparators(path)));
    }
}

QSqlQuery &ProjectStore::prepareWrite(const QString &sql)
{
    // Writes are re-run in bulk (imports, merges): keep them prepared. Reads
    // are not cached, so no half-read statement keeps a snapshot open.
    auto &slot = m_writeStatements[sql];
    if (!slot) {
        slot = std::make_unique<QSqlQuery>(m_db);
        if (!slot->prepare(sql)) {
            const QSqlError error = slot->lastError();
            slot.reset();
            fail(error, QStringLiteral("Cannot prepare a statement"));
        }
    }
    return *slot;
}

QSqlQuery ProjectStore::prepare(const QString &sql) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        fail(q.lastError(), QStringLiteral("Cannot prepare a statement"));
    return q;
}

void ProjectStore::begin()
{
    if (m_access == Access::ReadOnly)
        throw StoreError(Kind::Invalid, QStringLiteral("The project is open read-only."));
    if (m_transactionDepth++ > 0)
        return;
    m_rollbackOnly = false;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        m_transactionDepth = 0;
        fail(q.lastError(), QStringLiteral("Cannot start writing"));
    }
}

void ProjectStore::commit()
{
    if (m_transactionDepth <= 0)
        throw StoreError(Kind::Invalid, QStringLiteral("commit without a transaction"));
    if (--m_transactionDepth > 0)
        return;
    QSqlQuery q(m_db);
    if (m_rollbackOnly) {
        q.exec(QStringLiteral("ROLLBACK"));
        throw StoreError(Kind::Query, QStringLiteral("A nested write failed; nothing was saved."));
    }
    testKillPoint("before-commit");
    if (faultInjected(u"COMMIT") || !q.exec(QStringLiteral("COMMIT"))) {
        const QSqlError error = q.lastError().isValid() ? q.lastError() : injectedFault();
        q.exec(QStringLiteral("ROLLBACK"));
        fail(error, QStringLiteral("Cannot save"));
    }
}

void ProjectStore::rollback() noexcept
{
    if (m_transactionDepth <= 0)
        return;
    if (--m_transactionDepth > 0) {
        m_rollbackOnly = true;
        return;
    }
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("ROLLBACK"));
}

} // namespace newscoder
