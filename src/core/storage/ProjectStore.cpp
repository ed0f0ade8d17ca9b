#include "storage/ProjectStore.h"

#include "storage/Schema.h"
#include "storage/StoreError.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryFile>
#include <QVariant>

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

namespace {

const QString ApplicationTag = QStringLiteral("newscoder");

QVariant nullableId(const QUuid &id)
{
    return id.isNull() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(idString(id));
}

// QtSql binds a null QString as SQL NULL; text columns are NOT NULL.
QVariant text(const QString &value)
{
    return QVariant(value.isNull() ? QStringLiteral("") : value);
}

QString timestamp(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime parseTimestamp(const QString &text)
{
    // Fast path for what timestamp() writes: yyyy-MM-ddTHH:mm:ss.zzzZ
    if (text.size() == 24 && text.at(10) == u'T' && text.at(23) == u'Z') {
        const QStringView v(text);
        bool ok[7];
        const QDate date(v.sliced(0, 4).toInt(&ok[0]), v.sliced(5, 2).toInt(&ok[1]), v.sliced(8, 2).toInt(&ok[2]));
        const QTime time(v.sliced(11, 2).toInt(&ok[3]), v.sliced(14, 2).toInt(&ok[4]), v.sliced(17, 2).toInt(&ok[5]),
                         v.sliced(20, 3).toInt(&ok[6]));
        if (std::all_of(std::begin(ok), std::end(ok), [](bool b) { return b; }) && date.isValid() && time.isValid())
            return QDateTime(date, time, QTimeZone::UTC);
    }
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    time.setTimeZone(QTimeZone::UTC);
    return time;
}

Kind classify(const QSqlError &error)
{
    const QString text = error.databaseText() + error.driverText();
    if (text.contains(QLatin1String("not a database")))
        return Kind::NotAProject;
    if (text.contains(QLatin1String("malformed")) || text.contains(QLatin1String("corrupt")))
        return Kind::Corrupt;
    if (text.contains(QLatin1String("readonly")) || text.contains(QLatin1String("unable to open"))
        || text.contains(QLatin1String("disk I/O")) || text.contains(QLatin1String("database or disk is full")))
        return Kind::Io;
    return Kind::Query;
}

[[noreturn]] void fail(const QSqlError &error, const QString &context)
{
    const Kind kind = classify(error);
    QString message;
    switch (kind) {
    case Kind::NotAProject:
        message = QStringLiteral("This file is not a Newscoder project (it is not an SQLite database).");
        break;
    case Kind::Corrupt:
        message = QStringLiteral("The project file is damaged (%1). It was not changed.").arg(error.text());
        break;
    default:
        message = QStringLiteral("%1: %2").arg(context, error.text());
        break;
    }
    throw StoreError(kind, message);
}

void exec(QSqlQuery &query, const QString &context)
{
    if (!query.exec())
        fail(query.lastError(), context);
}

Document readDocumentRow(const QSqlQuery &q)
{
    Document d;
    d.id = idFromString(q.value(0).toString());
    d.title = q.value(1).toString();
    d.outlet = q.value(2).toString();
    d.date = QDate::fromString(q.value(3).toString(), Qt::ISODate);
    d.url = q.value(4).toString();
    d.author = q.value(5).toString();
    d.text = q.value(6).toString();
    d.importSource = q.value(7).toString();
    return d;
}

DocumentSummary readSummaryRow(const QSqlQuery &q)
{
    DocumentSummary s;
    s.id = idFromString(q.value(0).toString());
    s.title = q.value(1).toString();
    s.outlet = q.value(2).toString();
    s.date = QDate::fromString(q.value(3).toString(), Qt::ISODate);
    s.url = q.value(4).toString();
    s.length = q.value(5).toInt();
    s.annotationCount = q.value(6).toInt();
    return s;
}

const QString SummarySelect = QStringLiteral(
    "SELECT d.id, d.title, d.outlet, d.published, d.url, d.body_length,"
    " (SELECT COUNT(*) FROM annotations a WHERE a.document_id = d.id) FROM documents d");

Code readCodeRow(const QSqlQuery &q)
{
    Code c;
    c.id = idFromString(q.value(0).toString());
    c.parentId = idFromString(q.value(1).toString());
    c.name = q.value(2).toString();
    c.color = QColor::fromString(q.value(3).toString());
    c.description = q.value(4).toString();
    c.shortcut = q.value(5).toString();
    c.position = q.value(6).toInt();
    return c;
}

const QString CodeSelect =
    QStringLiteral("SELECT id, parent_id, name, color, description, shortcut, position FROM codes");

Annotation readAnnotationRow(const QSqlQuery &q)
{
    Annotation a;
    a.id = idFromString(q.value(0).toString());
    a.documentId = idFromString(q.value(1).toString());
    a.codeId = idFromString(q.value(2).toString());
    a.start = q.value(3).toInt();
    a.end = q.value(4).toInt();
    a.coderId = idFromString(q.value(5).toString());
    a.memo = q.value(6).toString();
    a.created = parseTimestamp(q.value(7).toString());
    a.modified = parseTimestamp(q.value(8).toString());
    return a;
}

const QString AnnotationSelect = QStringLiteral(
    "SELECT id, document_id, code_id, start_offset, end_offset, coder_id, memo, created, modified FROM annotations");

bool hasSqliteHeader(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray header = file.read(16);
    return header == QByteArray("SQLite format 3\0", 16);
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
    if (m_db.isValid()) {
        if (m_transactionDepth > 0)
            rollback();
        m_db.close();
    }
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

std::unique_ptr<ProjectStore> ProjectStore::create(const QString &path)
{
    const QFileInfo info(path);
    if (info.exists())
        throw StoreError(Kind::Exists, QStringLiteral("%1 already exists.").arg(QDir::toNativeSeparators(path)));
    if (!QFileInfo(info.absolutePath()).isDir())
        throw StoreError(Kind::Io, QStringLiteral("The folder %1 does not exist.")
                                       .arg(QDir::toNativeSeparators(info.absolutePath())));

    // Build the new project in a temporary file, then move it into place, so
    // a failure never leaves a half-made project behind.
    QTemporaryFile temp(info.absolutePath() + QStringLiteral("/.newscoder-new-XXXXXX"));
    if (!temp.open())
        throw StoreError(Kind::Io, QStringLiteral("Cannot create a file in %1: %2")
                                       .arg(QDir::toNativeSeparators(info.absolutePath()), temp.errorString()));
    const QString tempPath = temp.fileName();
    temp.close();
    {
        std::unique_ptr<ProjectStore> scratch(new ProjectStore(tempPath, Access::ReadWrite));
        scratch->connect();
        QSqlQuery q(scratch->m_db);
        // A fresh file: rollback journal while building, WAL afterwards.
        scratch->begin();
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
        scratch->commit();
        if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")))
            fail(q.lastError(), QStringLiteral("Cannot create the project"));
        q.finish();
    }
    // Checkpoint happened at close; the WAL files are gone. Move into place.
    temp.setAutoRemove(false);
    if (QFileInfo::exists(path) || !QFile::rename(tempPath, path)) {
        QFile::remove(tempPath);
        throw StoreError(Kind::Io, QStringLiteral("Cannot create %1.").arg(QDir::toNativeSeparators(path)));
    }
    return open(path, Access::ReadWrite);
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
        store->m_lock = std::make_unique<QLockFile>(store->m_path + QStringLiteral(".lock"));
        store->m_lock->setStaleLockTime(0); // stale only when the owning process is gone
        if (!store->m_lock->tryLock(0)) {
            qint64 pid = 0;
            QString host, app;
            store->m_lock->getLockInfo(&pid, &host, &app);
            const QString who = pid > 0 ? QStringLiteral(" (process %1 on %2)").arg(pid).arg(host) : QString();
            throw StoreError(Kind::Locked, QStringLiteral("%1 is already open for editing in another Newscoder%2. "
                                                          "You can open it read-only.")
                                               .arg(shown, who));
        }
    }
    store->connect();
    store->validate();
    if (access == Access::ReadWrite) {
        store->applyPragmas();
        store->migrate();
    } else if (store->schemaVersion() < schema::currentVersion()) {
        throw StoreError(Kind::Invalid, QStringLiteral("%1 was made by an older Newscoder and must be upgraded: "
                                                       "open it for editing once.")
                                            .arg(shown));
    }
    store->checkTables();
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
    // Keep the untouched original next to the upgraded file.
    const QString backup = m_path + QStringLiteral(".v%1.bak").arg(from);
    if (!QFileInfo::exists(backup))
        saveCopy(backup);
    WriteTransaction tx(*this);
    QSqlQuery q(m_db);
    for (int version = from + 1; version <= schema::currentVersion(); ++version) {
        for (const QString &statement : schema::migrationStatements(version)) {
            if (!q.exec(statement))
                fail(q.lastError(), QStringLiteral("Cannot upgrade the project to format %1").arg(version));
        }
    }
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
    if (!q.exec(QStringLiteral("COMMIT"))) {
        const QSqlError error = q.lastError();
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

// ---------------------------------------------------------------- documents

QList<DocumentSummary> ProjectStore::documentSummaries() const
{
    QSqlQuery q = prepare(SummarySelect + QStringLiteral(" ORDER BY d.published, d.title"));
    exec(q, QStringLiteral("Cannot list documents"));
    QList<DocumentSummary> result;
    while (q.next())
        result.append(readSummaryRow(q));
    return result;
}

std::optional<DocumentSummary> ProjectStore::documentSummary(const QUuid &id) const
{
    QSqlQuery q = prepare(SummarySelect + QStringLiteral(" WHERE d.id = ?"));
    q.addBindValue(idString(id));
    exec(q, QStringLiteral("Cannot read a document"));
    if (!q.next())
        return std::nullopt;
    return readSummaryRow(q);
}

std::optional<Document> ProjectStore::document(const QUuid &id) const
{
    QSqlQuery q = prepare(QStringLiteral("SELECT id, title, outlet, published, url, author, body, import_source "
                                         "FROM documents WHERE id = ?"));
    q.addBindValue(idString(id));
    exec(q, QStringLiteral("Cannot read a document"));
    if (!q.next())
        return std::nullopt;
    Document d = readDocumentRow(q);
    QSqlQuery m = prepare(QStringLiteral(
        "SELECT name, value FROM document_metadata WHERE document_id = ? ORDER BY position"));
    m.addBindValue(idString(id));
    exec(m, QStringLiteral("Cannot read a document's metadata"));
    while (m.next())
        d.metadata.append({m.value(0).toString(), m.value(1).toString()});
    return d;
}

QString ProjectStore::documentText(const QUuid &id) const
{
    QSqlQuery q = prepare(QStringLiteral("SELECT body FROM documents WHERE id = ?"));
    q.addBindValue(idString(id));
    exec(q, QStringLiteral("Cannot read a document"));
    return q.next() ? q.value(0).toString() : QString();
}

int ProjectStore::documentCount() const
{
    QSqlQuery q = prepare(QStringLiteral("SELECT COUNT(*) FROM documents"));
    exec(q, QStringLiteral("Cannot count documents"));
    return q.next() ? q.value(0).toInt() : 0;
}

void ProjectStore::insertDocument(const Document &d)
{
    if (d.id.isNull())
        throw StoreError(Kind::Invalid, QStringLiteral("A document needs an id."));
    QSqlQuery &q = prepareWrite(QStringLiteral(
        "INSERT INTO documents (id, title, outlet, published, url, author, body, body_length, import_source, created)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(idString(d.id));
    q.addBindValue(text(d.title));
    q.addBindValue(text(d.outlet));
    q.addBindValue(d.date.isValid() ? QVariant(d.date.toString(Qt::ISODate)) : QVariant(QMetaType(QMetaType::QString)));
    q.addBindValue(text(d.url));
    q.addBindValue(text(d.author));
    q.addBindValue(text(d.text));
    q.addBindValue(d.text.size());
    q.addBindValue(text(d.importSource));
    q.addBindValue(timestamp(QDateTime::currentDateTimeUtc()));
    exec(q, QStringLiteral("Cannot save the document “%1”").arg(d.title));
    replaceDocumentMetadata(d.id, d.metadata);
}

void ProjectStore::deleteDocument(const QUuid &id)
{
    QSqlQuery &q = prepareWrite(QStringLiteral("DELETE FROM documents WHERE id = ?"));
    q.addBindValue(idString(id));
    exec(q, QStringLiteral("Cannot remove a document"));
}

void ProjectStore::updateDocumentHeader(const Document &d)
{
    QSqlQuery &q = prepareWrite(QStringLiteral(
        "UPDATE documents SET title = ?, outlet = ?, published = ?, url = ?, author = ? WHERE id = ?"));
    q.addBindValue(text(d.title));
    q.addBindValue(text(d.outlet));
    q.addBindValue(d.date.isValid() ? QVariant(d.date.toString(Qt::ISODate)) : QVariant(QMetaType(QMetaType::QString)));
    q.addBindValue(text(d.url));
    q.addBindValue(text(d.author));
    q.addBindValue(idString(d.id));
    exec(q, QStringLiteral("Cannot save the document's details"));
    if (q.numRowsAffected() != 1)
        throw StoreError(Kind::Invalid, QStringLiteral("The document no longer exists."));
}

void ProjectStore::replaceDocumentMetadata(const QUuid &id, const QList<MetadataEntry> &metadata)
{
    QSqlQuery &del = prepareWrite(QStringLiteral("DELETE FROM document_metadata WHERE document_id = ?"));
    del.addBindValue(idString(id));
    exec(del, QStringLiteral("Cannot save the document's metadata"));
    QSqlQuery &ins = prepareWrite(
        QStringLiteral("INSERT INTO document_metadata (document_id, position, name, value) VALUES (?, ?, ?, ?)"));
    for (qsizetype i = 0; i < metadata.size(); ++i) {
        ins.addBindValue(idString(id));
        ins.addBindValue(int(i));
        ins.addBindValue(text(metadata[i].first));
        ins.addBindValue(text(metadata[i].second));
        exec(ins, QStringLiteral("Cannot save the document's metadata"));
    }
}

// -------------------------------------------------------------------- codes

QList<Code> ProjectStore::codes() const
{
    QSqlQuery q = prepare(CodeSelect + QStringLiteral(" ORDER BY position, name"));
    exec(q, QStringLiteral("Cannot read the codebook"));
    QList<Code> result;
    while (q.next())
        result.append(readCodeRow(q));
    return result;
}

std::optional<Code> ProjectStore::code(const QUuid &id) const
{
    QSqlQuery q = prepare(CodeSelect + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(idString(id));
    exec(q, QStringLiteral("Cannot read a code"));
    if (!q.next())
        return std::nullopt;
    return readCodeRow(q);
}

std::optional<Code> ProjectStore::codeByName(const QString &name) const
{
    QSqlQuery q = prepare(CodeSelect + QStringLiteral(" WHERE name = ? ORDER BY position"));
    q.addBindValue(text(name));
    exec(q, QStringLiteral("Cannot read a code"));
    if (!q.next())
        return std::nullopt;
    return readCodeRow(q);
}

void ProjectStore::insertCode(const Code &c)
{
    QSqlQuery &q = prepareWrite(QStringLiteral(
        "INSERT INTO codes (id, parent_id, name, color, description, shortcut, position) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(idString(c.id));
    q.addBindValue(nullableId(c.parentId));
    q.addBindValue(text(c.name));
    q.addBindValue(c.color.name(QColor::HexRgb));
    q.addBindValue(text(c.description));
    q.addBindValue(text(c.shortcut));
    q.addBindValue(c.position);
    exec(q, QStringLiteral("Cannot save the code “%1”").arg(c.name));
}

void ProjectStore::updateCode(const Code &c)
{
    QSqlQuery &q = prepareWrite(QStringLiteral(
        "UPDATE codes SET parent_id = ?, name = ?, color = ?, description = ?, shortcut = ?, position = ? WHERE id = ?"));
    q.addBindValue(nullableId(c.parentId));
    q.addBindValue(text(c.name));
    q.addBindValue(c.color.name(QColor::HexRgb));
    q.addBindValue(text(c.description));
    q.addBindValue(text(c.shortcut));
    q.addBindValue(c.position);
    q.addBindValue(idString(c.id));
    exec(q, QStringLiteral("Cannot save the code “%1”").arg(c.name));
    if (q.numRowsAffected() != 1)
        throw StoreError(Kind::Invalid, QStringLiteral("The code “%1” no longer exists.").arg(c.name));
}

void ProjectStore::deleteCode(const QUuid &id)
{
    QSqlQuery &q = prepareWrite(QStringLiteral("DELETE FROM codes WHERE id = ?"));
    q.addBindValue(idString(id));
    exec(q, QStringLiteral("Cannot remove a code"));
}

QHash<QUuid, int> ProjectStore::annotationCountsByCode() const
{
    QSqlQuery q = prepare(QStringLiteral("SELECT code_id, COUNT(*) FROM annotations GROUP BY code_id"));
    exec(q, QStringLiteral("Cannot count annotations"));
    QHash<QUuid, int> result;
    while (q.next())
        result.insert(idFromString(q.value(0).toString()), q.value(1).toInt());
    return result;
}

// ------------------------------------------------------------------- coders

QList<Coder> ProjectStore::coders() const
{
    QSqlQuery q = prepare(QStringLiteral("SELECT id, name FROM coders ORDER BY name"));
    exec(q, QStringLiteral("Cannot read coders"));
    QList<Coder> result;
    while (q.next())
        result.append({idFromString(q.value(0).toString()), q.value(1).toString()});
    return result;
}

std::optional<Coder> ProjectStore::coderByName(const QString &name) const
{
    QSqlQuery q = prepare(QStringLiteral("SELECT id, name FROM coders WHERE name = ?"));
    q.addBindValue(text(name));
    exec(q, QStringLiteral("Cannot read coders"));
    if (!q.next())
        return std::nullopt;
    return Coder{idFromString(q.value(0).toString()), q.value(1).toString()};
}

QUuid ProjectStore::ensureCoder(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        throw StoreError(Kind::Invalid, QStringLiteral("A coder needs a name."));
    if (const auto existing = coderByName(trimmed))
        return existing->id;
    const QUuid id = QUuid::createUuid();
    QSqlQuery &q = prepareWrite(QStringLiteral("INSERT INTO coders (id, name) VALUES (?, ?)"));
    q.addBindValue(idString(id));
    q.addBindValue(text(trimmed));
    exec(q, QStringLiteral("Cannot save the coder “%1”").arg(trimmed));
    return id;
}

// -------------------------------------------------------------- annotations

QList<Annotation> ProjectStore::annotationsForDocument(const QUuid &documentId) const
{
    QSqlQuery q = prepare(AnnotationSelect
                          + QStringLiteral(" WHERE document_id = ? ORDER BY start_offset, end_offset, created"));
    q.addBindValue(idString(documentId));
    exec(q, QStringLiteral("Cannot read annotations"));
    QList<Annotation> result;
    while (q.next())
        result.append(readAnnotationRow(q));
    return result;
}

QList<Annotation> ProjectStore::annotationsForCode(const QUuid &codeId) const
{
    QSqlQuery q = prepare(AnnotationSelect + QStringLiteral(" WHERE code_id = ?"));
    q.addBindValue(idString(codeId));
    exec(q, QStringLiteral("Cannot read annotations"));
    QList<Annotation> result;
    while (q.next())
        result.append(readAnnotationRow(q));
    return result;
}

std::optional<Annotation> ProjectStore::annotation(const QUuid &id) const
{
    QSqlQuery q = prepare(AnnotationSelect + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(idString(id));
    exec(q, QStringLiteral("Cannot read an annotation"));
    if (!q.next())
        return std::nullopt;
    return readAnnotationRow(q);
}

int ProjectStore::annotationCount() const
{
    QSqlQuery q = prepare(QStringLiteral("SELECT COUNT(*) FROM annotations"));
    exec(q, QStringLiteral("Cannot count annotations"));
    return q.next() ? q.value(0).toInt() : 0;
}

void ProjectStore::forEachAnnotation(const std::function<bool(const Annotation &)> &visit) const
{
    QSqlQuery q = prepare(AnnotationSelect + QStringLiteral(" ORDER BY document_id, start_offset, end_offset"));
    exec(q, QStringLiteral("Cannot read annotations"));
    while (q.next()) {
        if (!visit(readAnnotationRow(q)))
            break;
    }
}

void ProjectStore::insertAnnotation(const Annotation &a)
{
    QSqlQuery &q = prepareWrite(QStringLiteral(
        "INSERT INTO annotations (id, document_id, code_id, start_offset, end_offset, coder_id, memo, created, modified)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(idString(a.id));
    q.addBindValue(idString(a.documentId));
    q.addBindValue(idString(a.codeId));
    q.addBindValue(a.start);
    q.addBindValue(a.end);
    q.addBindValue(idString(a.coderId));
    q.addBindValue(text(a.memo));
    q.addBindValue(timestamp(a.created));
    q.addBindValue(timestamp(a.modified));
    exec(q, QStringLiteral("Cannot save the annotation"));
}

void ProjectStore::deleteAnnotation(const QUuid &id)
{
    QSqlQuery &q = prepareWrite(QStringLiteral("DELETE FROM annotations WHERE id = ?"));
    q.addBindValue(idString(id));
    exec(q, QStringLiteral("Cannot remove the annotation"));
}

void ProjectStore::updateAnnotation(const Annotation &a)
{
    QSqlQuery &q = prepareWrite(QStringLiteral("UPDATE annotations SET code_id = ?, start_offset = ?, end_offset = ?,"
                                         " memo = ?, modified = ? WHERE id = ?"));
    q.addBindValue(idString(a.codeId));
    q.addBindValue(a.start);
    q.addBindValue(a.end);
    q.addBindValue(text(a.memo));
    q.addBindValue(timestamp(a.modified));
    q.addBindValue(idString(a.id));
    exec(q, QStringLiteral("Cannot save the annotation"));
    if (q.numRowsAffected() != 1)
        throw StoreError(Kind::Invalid, QStringLiteral("The annotation no longer exists."));
}

} // namespace newscoder
