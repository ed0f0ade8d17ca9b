// Files that are not (intact) Newscoder projects: every one is refused with a
// clear StoreError of the right kind, never a crash, and left exactly as it was.
#include "../CoreTestSupport.h"
#include "storage/Schema.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;
using namespace newscoder::test;

Q_DECLARE_METATYPE(newscoder::StoreError::Kind)

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A real project with enough rows to span many pages.
void makeProject(const QString &path)
{
    auto project = Project::create(path, defaultNewsCodebook());
    QList<Document> docs;
    for (int i = 0; i < 40; ++i)
        docs << makeDocument(QStringLiteral("Article %1").arg(i), PlainText.repeated(60) + NonBmpText);
    project->importDocuments(docs);
}

QByteArray garbage(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator gen(4242);
    for (char &c : bytes)
        c = char(gen.bounded(256));
    return bytes;
}

} // namespace

class TestBadFiles : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_template; // a valid project file to derive damaged ones from

    // Each case gets its own folder so leftovers can be seen.
    QString caseFolder()
    {
        const QString folder = m_dir.filePath(QStringLiteral("case-%1").arg(QUuid::createUuid().toString(QUuid::Id128)));
        QDir().mkpath(folder);
        return folder;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_template = m_dir.filePath(QStringLiteral("template.newscoder"));
        makeProject(m_template);
        QVERIFY(QFileInfo(m_template).size() > 100 * 1024);
        QVERIFY(!QFileInfo::exists(m_template + QStringLiteral("-wal")));
    }

    void refused_data()
    {
        QTest::addColumn<QString>("kind"); // how to make the file
        QTest::addColumn<bool>("readOnly");
        QTest::addColumn<StoreError::Kind>("expected");

        const QList<std::pair<const char *, StoreError::Kind>> cases = {
            {"text file", StoreError::Kind::NotAProject},
            {"empty file", StoreError::Kind::NotAProject},
            {"sqlite header only", StoreError::Kind::NotAProject},
            {"truncated to half", StoreError::Kind::Corrupt},
            {"header intact, garbage pages", StoreError::Kind::Corrupt},
            {"first page garbage", StoreError::Kind::NotAProject},
            {"sqlite without newscoder tables", StoreError::Kind::NotAProject},
            {"meta of another application", StoreError::Kind::NotAProject},
            {"unreadable schema version", StoreError::Kind::NotAProject},
            {"annotations table dropped", StoreError::Kind::NotAProject},
            {"document_metadata table dropped", StoreError::Kind::NotAProject},
            // Save a Copy writes rollback-journal files: nothing may switch them to WAL.
            {"saved copy without annotations", StoreError::Kind::NotAProject},
            // Damaged old files are refused before any upgrade (and its backup) starts.
            {"version 1 without annotations", StoreError::Kind::NotAProject},
        };
        for (const auto &[name, expected] : cases) {
            QTest::addRow("%s (read-write)", name) << QString::fromLatin1(name) << false << expected;
            QTest::addRow("%s (read-only)", name) << QString::fromLatin1(name) << true << expected;
        }
    }

    void refused()
    {
        QFETCH(QString, kind);
        QFETCH(bool, readOnly);
        QFETCH(StoreError::Kind, expected);

        const QString folder = caseFolder();
        const QString path = folder + QStringLiteral("/bad.newscoder");
        const QByteArray valid = readFile(m_template);
        QVERIFY(valid.startsWith(QByteArray("SQLite format 3\0", 16)));
        QString missingTable;
        if (kind == u"text file") {
            QVERIFY(writeFile(path, "Harbour talks stall\n\nThe port authority said on Monday...\n"));
        } else if (kind == u"empty file") {
            QVERIFY(writeFile(path, QByteArray()));
        } else if (kind == u"sqlite header only") {
            QVERIFY(writeFile(path, QByteArray("SQLite format 3\0", 16)));
        } else if (kind == u"truncated to half") {
            QVERIFY(writeFile(path, valid.left(valid.size() / 2)));
        } else if (kind == u"header intact, garbage pages") {
            QVERIFY(writeFile(path, valid.left(4096) + garbage(valid.size() - 4096)));
        } else if (kind == u"first page garbage") {
            QVERIFY(writeFile(path, valid.left(16) + garbage(valid.size() - 16)));
        } else if (kind == u"sqlite without newscoder tables") {
            QVERIFY(execRaw(path, {QStringLiteral("CREATE TABLE shopping (item TEXT, qty INTEGER)"),
                                   QStringLiteral("INSERT INTO shopping VALUES ('tea', 2)")}));
        } else if (kind == u"meta of another application") {
            QVERIFY(execRaw(path, {QStringLiteral("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)"),
                                   QStringLiteral("INSERT INTO meta VALUES ('application', 'othertool')"),
                                   QStringLiteral("INSERT INTO meta VALUES ('schema_version', '1')")}));
        } else if (kind == u"unreadable schema version") {
            QVERIFY(writeFile(path, valid));
            QVERIFY(execRaw(path, {QStringLiteral("UPDATE meta SET value = 'two' WHERE name = 'schema_version'")}));
        } else if (kind == u"annotations table dropped") {
            missingTable = QStringLiteral("annotations");
        } else if (kind == u"document_metadata table dropped") {
            missingTable = QStringLiteral("document_metadata");
        } else if (kind == u"saved copy without annotations") {
            ProjectStore::open(m_template, ProjectAccess::ReadOnly)->saveCopy(path);
            QCOMPARE(queryValue(path, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("delete"));
            QVERIFY(execRaw(path, {QStringLiteral("DROP TABLE annotations")}));
            missingTable = QStringLiteral("annotations");
        } else if (kind == u"version 1 without annotations") {
            QVERIFY(execRaw(path, schema::migrationStatements(1)
                                      + QStringList{QStringLiteral("INSERT INTO meta VALUES ('application', 'newscoder')"),
                                                    QStringLiteral("INSERT INTO meta VALUES ('schema_version', '1')"),
                                                    QStringLiteral("DROP TABLE annotations")}));
            missingTable = QStringLiteral("annotations");
        } else {
            QFAIL("unknown case");
        }
        if (!missingTable.isEmpty() && !QFileInfo::exists(path)) {
            QVERIFY(writeFile(path, valid));
            QVERIFY(execRaw(path, {QStringLiteral("DROP TABLE %1").arg(missingTable)}));
        }
        QVERIFY(QFileInfo::exists(path));
        const QByteArray before = fileHash(path);
        const QStringList entriesBefore = folderEntries(folder);

        try {
            ProjectStore::open(path, readOnly ? ProjectAccess::ReadOnly : ProjectAccess::ReadWrite);
            QFAIL("the file must be refused");
        } catch (const StoreError &e) {
            QVERIFY2(e.kind() == expected, qPrintable(QStringLiteral("kind %1, message: %2")
                                                          .arg(int(e.kind()))
                                                          .arg(e.message())));
            QVERIFY(!e.message().trimmed().isEmpty());
            if (!missingTable.isEmpty())
                QVERIFY2(e.message().contains(missingTable), qPrintable(e.message()));
        } catch (...) {
            QFAIL("only StoreError may be thrown");
        }
        QCOMPARE(fileHash(path), before);
        // No lock, journal or backup left behind.
        const QStringList leftovers = newLeftovers(folder, entriesBefore, path, readOnly);
        QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(u", ")));

        // The same through Project::open (what the application and the CLI use).
        QVERIFY_THROWS_EXCEPTION(StoreError, Project::open(path, readOnly ? ProjectAccess::ReadOnly
                                                                          : ProjectAccess::ReadWrite));
        QCOMPARE(fileHash(path), before);
    }

    void missingPathsAndFolders_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("missing file") << QStringLiteral("does-not-exist.newscoder");
        QTest::newRow("folder") << QStringLiteral("a-folder.newscoder");
        QTest::newRow("missing folder") << QStringLiteral("nowhere/p.newscoder");
    }

    void missingPathsAndFolders()
    {
        QFETCH(QString, name);
        const QString folder = caseFolder();
        QDir(folder).mkdir(QStringLiteral("a-folder.newscoder"));
        const QStringList before = folderEntries(folder);
        for (auto access : {ProjectAccess::ReadWrite, ProjectAccess::ReadOnly}) {
            try {
                ProjectStore::open(folder + u'/' + name, access);
                QFAIL("must throw");
            } catch (const StoreError &e) {
                QCOMPARE(e.kind(), StoreError::Kind::Io);
                QVERIFY(!e.message().isEmpty());
            }
        }
        QCOMPARE(folderEntries(folder), before); // nothing created
    }
};

QTEST_GUILESS_MAIN(TestBadFiles)
#include "tst_badfiles.moc"
