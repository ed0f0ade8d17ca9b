// Helpers shared by the core tests: fixture projects, a second read-only
// connection to prove what reached the file, file hashes, and comparisons
// that explain themselves when they fail.
#pragma once

#include "io/CodebookJson.h"
#include "model/Annotation.h"
#include "model/Code.h"
#include "model/Document.h"
#include "project/Project.h"
#include "storage/ProjectStore.h"
#include "storage/StoreError.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QTemporaryDir>
#include <QUuid>

#include <functional>
#include <memory>

namespace newscoder::test {

// UTF-16 offsets: "Fans sang " = 10 units, U+1D11E (𝄞) is a surrogate pair at
// [10, 12), the flag 🇺🇦 (two regional indicators) is at [23, 27).
inline const QString NonBmpText = QStringLiteral(
    "Fans sang \U0001D11E and waved \U0001F1FA\U0001F1E6 flags.\nThe mayor called it \"a day of joy\".");
inline const QString PlainText = QStringLiteral(
    "Minister Ana Reyes said: \"Talks are frozen until May.\" The port stayed closed.");

inline Document makeDocument(const QString &title, const QString &text, const QList<MetadataEntry> &metadata = {})
{
    Document d;
    d.title = title;
    d.outlet = QStringLiteral("harbourgazette.example");
    d.date = QDate(2024, 3, 14);
    d.url = QStringLiteral("https://harbourgazette.example/") + title.toLower().replace(u' ', u'-');
    d.author = QStringLiteral("Ana Writer");
    d.text = text;
    d.metadata = metadata;
    d.importSource = QStringLiteral("/import/") + title + QStringLiteral(".txt");
    return d;
}

// A fresh connection that sees only what was committed to the file.
inline std::unique_ptr<ProjectStore> reader(const QString &path)
{
    return ProjectStore::open(path, ProjectAccess::ReadOnly);
}

inline QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray("<unreadable>");
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

// Every entry of a folder (hidden ones too), sorted: shows leftovers such as
// lock, WAL or backup files.
inline QStringList folderEntries(const QString &folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                                  QDir::Name);
}

// Entries of `folder` that were not in `before`. A read-only SQLite connection
// to a WAL file cannot remove the "-shm" index and the (empty) "-wal" file it
// needed for reading; with `allowReaderFiles` those two are tolerated as long
// as the -wal holds nothing.
inline QStringList newLeftovers(const QString &folder, const QStringList &before, const QString &file,
                                bool allowReaderFiles)
{
    QStringList added;
    const QString base = QFileInfo(file).fileName();
    for (const QString &entry : folderEntries(folder)) {
        if (before.contains(entry))
            continue;
        if (allowReaderFiles && entry == base + QStringLiteral("-shm"))
            continue;
        if (allowReaderFiles && entry == base + QStringLiteral("-wal") && QFileInfo(folder + u'/' + entry).size() == 0)
            continue;
        added << entry;
    }
    return added;
}

// Runs `work` on a plain QtSql connection of its own (closed afterwards).
inline bool withRawDatabase(const QString &path, const std::function<bool(QSqlDatabase &)> &work)
{
    const QString name = QStringLiteral("raw-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open())
            ok = work(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

inline bool execRaw(const QString &path, const QStringList &statements)
{
    return withRawDatabase(path, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        for (const QString &s : statements) {
            if (!q.exec(s))
                return false;
        }
        return true;
    });
}

// The first value of the first row of `sql`, or an invalid QVariant.
inline QVariant queryValue(const QString &path, const QString &sql)
{
    QVariant value;
    withRawDatabase(path, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        if (q.exec(sql) && q.next())
            value = q.value(0);
        return true;
    });
    return value;
}

// Empty when equal, else what differs (for QVERIFY2).
inline QString annotationDiff(const Annotation &a, const Annotation &b)
{
    QStringList diffs;
    if (a.id != b.id)
        diffs << QStringLiteral("id %1 != %2").arg(a.id.toString(), b.id.toString());
    if (a.documentId != b.documentId)
        diffs << QStringLiteral("document");
    if (a.codeId != b.codeId)
        diffs << QStringLiteral("code %1 != %2").arg(a.codeId.toString(), b.codeId.toString());
    if (a.start != b.start || a.end != b.end)
        diffs << QStringLiteral("span %1-%2 != %3-%4").arg(a.start).arg(a.end).arg(b.start).arg(b.end);
    if (a.coderId != b.coderId)
        diffs << QStringLiteral("coder");
    if (a.memo != b.memo)
        diffs << QStringLiteral("memo '%1' != '%2'").arg(a.memo, b.memo);
    if (a.created != b.created)
        diffs << QStringLiteral("created %1 != %2").arg(a.created.toString(Qt::ISODateWithMs),
                                                       b.created.toString(Qt::ISODateWithMs));
    if (a.modified != b.modified)
        diffs << QStringLiteral("modified %1 != %2").arg(a.modified.toString(Qt::ISODateWithMs),
                                                        b.modified.toString(Qt::ISODateWithMs));
    if (a.status != b.status)
        diffs << QStringLiteral("status %1 != %2").arg(annotationStatusName(a.status), annotationStatusName(b.status));
    return diffs.join(u"; ");
}

inline QString annotationListDiff(QList<Annotation> a, QList<Annotation> b)
{
    const auto byId = [](const Annotation &x, const Annotation &y) { return x.id.toString() < y.id.toString(); };
    std::sort(a.begin(), a.end(), byId);
    std::sort(b.begin(), b.end(), byId);
    if (a.size() != b.size())
        return QStringLiteral("%1 annotations != %2").arg(a.size()).arg(b.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString d = annotationDiff(a[i], b[i]);
        if (!d.isEmpty())
            return d;
    }
    return {};
}

inline QString documentDiff(const Document &a, const Document &b)
{
    QStringList diffs;
    if (a.id != b.id)
        diffs << QStringLiteral("id");
    if (a.title != b.title)
        diffs << QStringLiteral("title '%1' != '%2'").arg(a.title, b.title);
    if (a.outlet != b.outlet)
        diffs << QStringLiteral("outlet '%1' != '%2'").arg(a.outlet, b.outlet);
    if (a.date != b.date)
        diffs << QStringLiteral("date %1 != %2").arg(a.date.toString(Qt::ISODate), b.date.toString(Qt::ISODate));
    if (a.url != b.url)
        diffs << QStringLiteral("url");
    if (a.author != b.author)
        diffs << QStringLiteral("author '%1' != '%2'").arg(a.author, b.author);
    if (a.text != b.text)
        diffs << QStringLiteral("text");
    if (a.metadata != b.metadata)
        diffs << QStringLiteral("metadata");
    if (a.importSource != b.importSource)
        diffs << QStringLiteral("importSource");
    if (a.outletId != b.outletId)
        diffs << QStringLiteral("outletId %1 != %2").arg(a.outletId.toString(), b.outletId.toString());
    if (a.memo != b.memo)
        diffs << QStringLiteral("memo '%1' != '%2'").arg(a.memo, b.memo);
    return diffs.join(u"; ");
}

inline QString codeDiff(const Code &a, const Code &b)
{
    QStringList diffs;
    if (a.id != b.id)
        diffs << QStringLiteral("id");
    if (a.parentId != b.parentId)
        diffs << QStringLiteral("parent");
    if (a.name != b.name)
        diffs << QStringLiteral("name '%1' != '%2'").arg(a.name, b.name);
    if (a.color != b.color)
        diffs << QStringLiteral("color %1 != %2").arg(a.color.name(), b.color.name());
    if (a.description != b.description)
        diffs << QStringLiteral("description");
    if (a.shortcut != b.shortcut)
        diffs << QStringLiteral("shortcut '%1' != '%2'").arg(a.shortcut, b.shortcut);
    if (a.position != b.position)
        diffs << QStringLiteral("position %1 != %2").arg(a.position).arg(b.position);
    if (a.unit != b.unit)
        diffs << QStringLiteral("unit %1 != %2").arg(codeUnitName(a.unit), codeUnitName(b.unit));
    if (a.useWhen != b.useWhen)
        diffs << QStringLiteral("useWhen");
    if (a.avoidWhen != b.avoidWhen)
        diffs << QStringLiteral("avoidWhen");
    if (a.example != b.example)
        diffs << QStringLiteral("example");
    if (a.memo != b.memo)
        diffs << QStringLiteral("memo '%1' != '%2'").arg(a.memo, b.memo);
    if (a.fields.size() != b.fields.size()) {
        diffs << QStringLiteral("%1 fields != %2").arg(a.fields.size()).arg(b.fields.size());
    } else {
        for (qsizetype i = 0; i < a.fields.size(); ++i) {
            if (!(a.fields[i] == b.fields[i]))
                diffs << QStringLiteral("field %1 ('%2' / '%3')").arg(i).arg(a.fields[i].name, b.fields[i].name);
        }
    }
    return diffs.join(u"; ");
}

inline QString codeListDiff(QList<Code> a, QList<Code> b)
{
    const auto byId = [](const Code &x, const Code &y) { return x.id.toString() < y.id.toString(); };
    std::sort(a.begin(), a.end(), byId);
    std::sort(b.begin(), b.end(), byId);
    if (a.size() != b.size())
        return QStringLiteral("%1 codes != %2").arg(a.size()).arg(b.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString d = codeDiff(a[i], b[i]);
        if (!d.isEmpty())
            return a[i].name + QStringLiteral(": ") + d;
    }
    return {};
}

inline QList<Annotation> allAnnotations(const ProjectReader &store)
{
    QList<Annotation> all;
    store.forEachAnnotation([&](const Annotation &a) {
        all.append(a);
        return true;
    });
    return all;
}

// A project with the default codebook and two articles (plain and non-BMP),
// a coder name set and an empty undo stack.
struct ProjectFixture
{
    explicit ProjectFixture(const QString &folder)
        : path(folder + QStringLiteral("/fixture.newscoder"))
    {
        project = Project::create(path, defaultNewsCodebook());
        const QList<QUuid> ids = project->importDocuments(
            {makeDocument(QStringLiteral("Harbour talks stall"), PlainText,
                          {{QStringLiteral("byline"), QStringLiteral("By Ana Writer")}}),
             makeDocument(QStringLiteral("Festival in the square"), NonBmpText)});
        plainDoc = ids.value(0);
        nonBmpDoc = ids.value(1);
        project->undoStack()->clear();
        project->setCoderName(QStringLiteral("Alex Example"));
    }

    QUuid codeId(const QString &name) const
    {
        const auto c = project->codeByName(name);
        return c ? c->id : QUuid();
    }

    QString path;
    std::unique_ptr<Project> project;
    QUuid plainDoc;
    QUuid nonBmpDoc;
};

// A fresh ProjectFixture in a folder of its own for every test function:
// a test class's init() calls openFixture, its cleanup() closeFixture.
inline bool openFixture(std::unique_ptr<QTemporaryDir> &dir, std::unique_ptr<ProjectFixture> &fx)
{
    fx.reset();
    dir = std::make_unique<QTemporaryDir>();
    if (!dir->isValid())
        return false;
    fx = std::make_unique<ProjectFixture>(dir->path());
    return true;
}

inline void closeFixture(std::unique_ptr<QTemporaryDir> &dir, std::unique_ptr<ProjectFixture> &fx)
{
    fx.reset(); // the project closes before its folder goes
    dir.reset();
}

} // namespace newscoder::test
