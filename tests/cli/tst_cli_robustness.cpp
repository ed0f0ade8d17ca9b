// newscoder-cli on projects it cannot or must not write: a project open for
// editing elsewhere (locked), a damaged project, and document ids given by an
// ambiguous prefix. Each is refused with exit 2, a message on stderr, and the
// file unchanged.
#include "CliTestSupport.h"
#include "io/CodebookJson.h"
#include "project/Project.h"
#include "storage/ProjectStore.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include "TestPaths.h"

using namespace newscoder;
using namespace newscoder::test;
using newscoder::test::CliRun;
using newscoder::test::runCli;

namespace {

Document article(const QString &id, const QString &title)
{
    Document d;
    d.id = QUuid::fromString(id);
    d.title = title;
    d.text = QStringLiteral("Minister Ana Reyes said the port stays closed until May.");
    d.url = QStringLiteral("https://harbourgazette.example/") + title;
    return d;
}

} // namespace

#define EXPECT_BAD_INPUT(run, fragment)                                                                               \
    do {                                                                                                               \
        const CliRun &r_ = (run);                                                                                      \
        QVERIFY2(r_.status == QProcess::NormalExit && r_.exitCode == 2, qPrintable(r_.describe()));                  \
        QVERIFY2(QString::fromUtf8(r_.err).contains(QStringLiteral(fragment)), qPrintable(r_.describe()));           \
    } while (false)

class TestCliRobustness : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // A project with three articles; two ids share the prefix "abcd0000".
    QString makeProject(const char *name)
    {
        const QString path = m_dir.filePath(QString::fromLatin1(name));
        auto project = Project::create(path, defaultNewsCodebook());
        project->importDocuments({article(s("abcd0000-0000-4000-8000-000000000001"), s("harbour")),
                                  article(s("abcd0000-0000-4000-8000-000000000002"), s("ferry")),
                                  article(s("12340000-0000-4000-8000-000000000003"), s("storm"))});
        return path;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Another Newscoder (here: this process) has the project open for editing.
    void lockedProjectIsRefusedForWriting()
    {
        const QString path = makeProject("locked.newscoder");
        auto holder = ProjectStore::open(path); // holds the lock
        const QByteArray before = fileHash(path);
        const QString doc = s("12340000-0000-4000-8000-000000000003");

        const QList<QStringList> writes = {
            {s("annotate"), path, s("--document"), doc, s("--code"), s("Quote"), s("--start"), s("0"), s("--end"),
             s("8"), s("--coder"), s("Ana")},
            {s("import"), path, QStringLiteral(NEWSCODER_TEST_DATA_DIR "/articles")},
            {s("actor-add"), path, s("Ana Reyes")},
            {s("edit-text"), path, s("--document"), doc, s("--at"), s("0"), s("--remove"), s("1")},
        };
        for (const QStringList &args : writes) {
            const CliRun r = runCli(args);
            EXPECT_BAD_INPUT(r, "already open for editing");
            QVERIFY2(r.out.isEmpty(), qPrintable(r.describe()));
            QCOMPARE(fileHash(path), before);
        }
        // Reading needs no lock.
        const CliRun info = runCli({s("info"), path, s("--json")});
        QVERIFY2(info.ok(), qPrintable(info.describe()));
        QVERIFY(info.out.contains("\"documents\": 3"));
        holder.reset();
        // Once the other one is closed, writing works.
        const CliRun annotate = runCli(writes.first());
        QVERIFY2(annotate.ok(), qPrintable(annotate.describe()));
    }

    void damagedProjectIsRefused()
    {
        const QString path = makeProject("damaged.newscoder");
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.size() > 8192);
        QVERIFY(file.seek(4096)); // page 2: a b-tree page of the schema
        QVERIFY(file.write(QByteArray(4096, '\x55')) == 4096);
        file.close();
        const QByteArray before = fileHash(path);
        for (const QStringList &args :
             {QStringList{s("info"), path}, QStringList{s("documents"), path, s("--json")},
              QStringList{s("actor-add"), path, s("Ana Reyes")},
              QStringList{s("import"), path, QStringLiteral(NEWSCODER_TEST_DATA_DIR "/articles")}}) {
            const CliRun r = runCli(args);
            EXPECT_BAD_INPUT(r, "damaged");
            QVERIFY2(r.out.isEmpty(), qPrintable(r.describe()));
            QCOMPARE(fileHash(path), before);
        }
        // Not a project at all.
        const QString text = m_dir.filePath(s("notes.newscoder"));
        QFile notes(text);
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("These are my notes, not a project.\n");
        notes.close();
        EXPECT_BAD_INPUT(runCli({s("info"), text}), "not a Newscoder project");
    }

    void ambiguousIdPrefixListsTheCandidates()
    {
        const QString path = makeProject("prefix.newscoder");
        const QByteArray before = fileHash(path);
        for (const QString &command : {s("text"), s("variables")}) {
            const CliRun r = runCli({command, path, s("--document"), s("abcd")});
            EXPECT_BAD_INPUT(r, "'abcd' matches 2 document ids");
            const QString err = QString::fromUtf8(r.err);
            QVERIFY2(err.contains(s("abcd0000-0000-4000-8000-000000000001  harbour")), qPrintable(err));
            QVERIFY2(err.contains(s("abcd0000-0000-4000-8000-000000000002  ferry")), qPrintable(err));
            QVERIFY2(!err.contains(s("12340000")), qPrintable(err));
        }
        const CliRun annotate = runCli({s("annotate"), path, s("--document"), s("ABCD0000"), s("--code"), s("Quote"),
                                        s("--start"), s("0"), s("--end"), s("8"), s("--coder"), s("Ana")});
        EXPECT_BAD_INPUT(annotate, "matches 2 document ids");
        const CliRun edit = runCli({s("edit-text"), path, s("--document"), s("abcd0"), s("--at"), s("0"),
                                    s("--remove"), s("1")});
        EXPECT_BAD_INPUT(edit, "matches 2 document ids");
        // edit-text finds its article as every other subcommand does: the candidates with their titles.
        QVERIFY2(QString::fromUtf8(edit.err).contains(s("abcd0000-0000-4000-8000-000000000002  ferry")),
                 qPrintable(edit.describe()));
        QCOMPARE(fileHash(path), before);

        // Too short, unknown, and unambiguous prefixes.
        EXPECT_BAD_INPUT(runCli({s("text"), path, s("--document"), s("abc")}), "at least its first 4 characters");
        EXPECT_BAD_INPUT(runCli({s("text"), path, s("--document"), s("ffff")}), "no document with id ffff");
        const CliRun one = runCli({s("text"), path, s("--document"), s("abcd0000-0000-4000-8000-0000000000")});
        EXPECT_BAD_INPUT(one, "matches 2 document ids");
        const CliRun unique = runCli({s("text"), path, s("--document"), s("{ABCD0000-0000-4000-8000-000000000002}")});
        QVERIFY2(unique.ok(), qPrintable(unique.describe()));
        QCOMPARE(QString::fromUtf8(unique.out), article({}, {}).text);
        const CliRun prefix = runCli({s("text"), path, s("--document"), s("1234")});
        QVERIFY2(prefix.ok(), qPrintable(prefix.describe()));
    }
};

QTEST_GUILESS_MAIN(TestCliRobustness)
#include "tst_cli_robustness.moc"
