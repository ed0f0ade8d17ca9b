// newscoder-cli, run as a real process: every subcommand's output and JSON
// keys, --help/--version, and every error path with its exit code
// (1 usage error, 2 bad input) and a message on stderr.
#include "CliTestSupport.h"
#include "io/CodebookJson.h"
#include "storage/ProjectStore.h"
#include "storage/StoreError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include "TestPaths.h"

using namespace newscoder;
using namespace newscoder::test;

namespace {

QString articlesDir()
{
    return QStringLiteral(NEWSCODER_TEST_DATA_DIR "/articles");
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

// Succeeded: exit 0 and nothing on stderr. Evaluates `run` once.
#define RUN_OK(run)                                                                                                    \
    do {                                                                                                               \
        const Run &r_ = (run);                                                                                         \
        QVERIFY2(r_.status == QProcess::NormalExit && r_.exitCode == 0, qPrintable(describe(r_)));                   \
        QVERIFY2(r_.err.isEmpty(), qPrintable(describe(r_)));                                                         \
    } while (false)

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project; // three test articles, default codebook
    QString m_festivalId;
    QString m_textFile;
    QString m_newerFile;
    QString m_badOnlyFolder;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    QJsonArray jsonArray(const QStringList &args)
    {
        const Run r = cli(args);
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(describe(r)));
        return QJsonDocument::fromJson(r.out).array();
    }

    int storedAnnotations() const
    {
        return ProjectStore::open(m_project, ProjectAccess::ReadOnly)->annotationCount();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFileInfo::exists(QStringLiteral(NEWSCODER_CLI_PATH)));
        QVERIFY(m_dir.isValid());
        m_project = path(QStringLiteral("shared.newscoder"));
        RUN_OK(cli({QStringLiteral("new"), m_project}));
        RUN_OK(cli({QStringLiteral("import"), m_project, articlesDir()}));
        for (const QJsonValue &v : jsonArray({QStringLiteral("documents"), m_project, QStringLiteral("--json")})) {
            if (v[u"title"].toString().startsWith(QStringLiteral("Festival")))
                m_festivalId = v[u"id"].toString();
        }
        QVERIFY(!m_festivalId.isEmpty());

        m_textFile = path(QStringLiteral("notes.txt"));
        QVERIFY(writeFile(m_textFile, "These are my notes, not a project.\n"));

        m_newerFile = path(QStringLiteral("future.newscoder"));
        RUN_OK(cli({QStringLiteral("new"), m_newerFile}));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
            db.setDatabaseName(m_newerFile);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("UPDATE meta SET value = '99' WHERE name = 'schema_version'")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("newer"));

        m_badOnlyFolder = path(QStringLiteral("bad-only"));
        QVERIFY(QDir().mkpath(m_badOnlyFolder));
        QVERIFY(writeFile(m_badOnlyFolder + QStringLiteral("/binary.txt"), QByteArray("\x7f" "ELF\x02\x01\x01\x00\x00", 9)));
        QVERIFY(writeFile(m_badOnlyFolder + QStringLiteral("/empty.txt"), QByteArray()));
    }

    void help()
    {
        for (const char *flag : {"--help", "-h", "help"}) {
            const Run r = cli({QString::fromLatin1(flag)});
            RUN_OK(r);
            const QString text = QString::fromUtf8(r.out);
            QVERIFY2(text.startsWith(QStringLiteral("Usage: newscoder-cli")), qPrintable(text));
            for (const char *command : {"new", "import", "info", "documents", "text", "annotate", "annotations"})
                QVERIFY2(text.contains(QStringLiteral("\n  %1 ").arg(QLatin1String(command))), command);
        }
        const Run sub = cli({QStringLiteral("annotate"), QStringLiteral("--help")});
        RUN_OK(sub);
        for (const char *option : {"--document", "--code", "--start", "--end", "--coder", "--match"})
            QVERIFY2(sub.out.contains(option), option);
    }

    void version()
    {
        const Run r = cli({QStringLiteral("--version")});
        RUN_OK(r);
        QCOMPARE(r.out, QByteArray("newscoder-cli " NEWSCODER_VERSION "\n"));
    }

    void newAndInfo_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QStringList>("codes");
        QTest::newRow("default codebook") << QStringList()
                                          << QStringList{QStringLiteral("Quote"), QStringLiteral("Speaker"),
                                                         QStringLiteral("Claim"), QStringLiteral("Bias indicator"),
                                                         QStringLiteral("Article"), QStringLiteral("Outlet")};
        QTest::newRow("empty") << QStringList{QStringLiteral("--empty")} << QStringList();
        QTest::newRow("own codebook") << QStringList{QStringLiteral("--codebook"), QStringLiteral("{codebook}")}
                                      << QStringList{QStringLiteral("Frame"), QStringLiteral("Conflict \u2694")};
    }

    void newAndInfo()
    {
        QFETCH(QStringList, options);
        QFETCH(QStringList, codes);
        const QString codebook = path(QStringLiteral("book.json"));
        Code frame;
        frame.id = QUuid::createUuid();
        frame.name = QStringLiteral("Frame");
        frame.color = QColor(Qt::blue);
        Code conflict = frame;
        conflict.id = QUuid::createUuid();
        conflict.parentId = frame.id;
        conflict.name = QStringLiteral("Conflict \u2694");
        QVERIFY(writeFile(codebook, writeCodebookJson({frame, conflict})));
        options.replaceInStrings(QStringLiteral("{codebook}"), codebook);

        const QString project = path(QStringLiteral("new-%1.newscoder").arg(QUuid::createUuid().toString(QUuid::Id128)));
        const Run created = cli(QStringList{QStringLiteral("new"), project} + options);
        RUN_OK(created);
        QCOMPARE(QString::fromUtf8(created.out), QFileInfo(project).absoluteFilePath() + u'\n');
        QVERIFY(QFileInfo::exists(project));

        const Run info = cli({QStringLiteral("info"), project, QStringLiteral("--json")});
        RUN_OK(info);
        const QJsonObject o = QJsonDocument::fromJson(info.out).object();
        QCOMPARE(sortedKeys(o), keyList({"documents", "annotations", "codes", "coders"}));
        QCOMPARE(o[u"documents"].toInt(-1), 0);
        QCOMPARE(o[u"annotations"].toInt(-1), 0);
        QStringList listed = o[u"codes"].toVariant().toStringList();
        if (options.isEmpty())
            QCOMPARE(listed, codes); // the default codebook's order
        // A hierarchy's flat list is ordered by sibling position, then name: compare as sets.
        listed.sort();
        codes.sort();
        QCOMPARE(listed, codes);
        QVERIFY(o[u"coders"].isArray());
        QVERIFY(o[u"coders"].toArray().isEmpty());

        const Run plain = cli({QStringLiteral("info"), project});
        RUN_OK(plain);
        QVERIFY2(plain.out.contains("documents:   0"), plain.out.constData());
    }

    void importReportsImportedAndSkipped()
    {
        const QString project = path(QStringLiteral("import.newscoder"));
        RUN_OK(cli({QStringLiteral("new"), project}));
        const QString folder = path(QStringLiteral("mixed"));
        QVERIFY(QDir().mkpath(folder));
        for (const char *name : {"harbour-talks.txt", "festival-nonbmp.txt"})
            QVERIFY(QFile::copy(articlesDir() + u'/' + QLatin1String(name), folder + u'/' + QLatin1String(name)));
        QVERIFY(writeFile(folder + QStringLiteral("/binary.txt"), QByteArray("\x00\x01\x02\x03garbage", 11)));

        const Run r = cli({QStringLiteral("import"), project, folder, QStringLiteral("--json")});
        RUN_OK(r);
        const QJsonObject report = QJsonDocument::fromJson(r.out).object();
        QVERIFY2(report[u"imported"].isArray() && report[u"skipped"].isArray(), r.out.constData());
        const QJsonArray imported = report[u"imported"].toArray();
        const QJsonArray skipped = report[u"skipped"].toArray();
        QCOMPARE(imported.size(), 2);
        QCOMPARE(skipped.size(), 1);
        QCOMPARE(sortedKeys(skipped[0].toObject()), keyList({"path", "reason"}));
        QVERIFY(skipped[0][u"path"].toString().endsWith(QStringLiteral("binary.txt")));
        QVERIFY(!skipped[0][u"reason"].toString().isEmpty());
        auto store = ProjectStore::open(project, ProjectAccess::ReadOnly);
        QCOMPARE(store->documentCount(), 2);
        for (const QJsonValue &v : imported) {
            const QJsonObject d = v.toObject();
            QVERIFY(d.contains(u"id") && d.contains(u"title") && d.contains(u"path") && d.contains(u"length"));
            const auto summary = store->documentSummary(QUuid::fromString(d[u"id"].toString()));
            QVERIFY2(summary, qPrintable(d[u"id"].toString()));
            QCOMPARE(d[u"title"].toString(), summary->title);
            QVERIFY(!summary->title.isEmpty());
            QCOMPARE(d[u"length"].toInt(), summary->length);
        }

        // Without --json: one line per article and a summary.
        const QString again = path(QStringLiteral("import-plain.newscoder"));
        RUN_OK(cli({QStringLiteral("new"), again}));
        const Run plain = cli({QStringLiteral("import"), again, folder});
        RUN_OK(plain);
        QVERIFY2(plain.out.contains("2 imported, 1 skipped"), plain.out.constData());
    }

    void documentsJson()
    {
        const QJsonArray docs = jsonArray({QStringLiteral("documents"), m_project, QStringLiteral("--json")});
        QCOMPARE(docs.size(), 3);
        auto store = ProjectStore::open(m_project, ProjectAccess::ReadOnly);
        for (const QJsonValue &v : docs) {
            const QJsonObject d = v.toObject();
            QCOMPARE(sortedKeys(d), keyList({"id", "title", "outlet", "date", "url", "length"}));
            const auto summary = store->documentSummary(QUuid::fromString(d[u"id"].toString()));
            QVERIFY(summary);
            QCOMPARE(d[u"title"].toString(), summary->title);
            QCOMPARE(d[u"outlet"].toString(), summary->outlet);
            QCOMPARE(d[u"url"].toString(), summary->url);
            QCOMPARE(d[u"length"].toInt(), summary->length);
            QCOMPARE(d[u"length"].toInt(), int(store->documentText(summary->id).size()));
            if (summary->date.isValid())
                QCOMPARE(d[u"date"].toString(), summary->date.toString(Qt::ISODate));
            else
                QVERIFY(d[u"date"].isNull());
        }
        const Run plain = cli({QStringLiteral("documents"), m_project});
        RUN_OK(plain);
        QCOMPARE(plain.out.count('\n'), 3);
    }

    void textIsByteExact()
    {
        auto store = ProjectStore::open(m_project, ProjectAccess::ReadOnly);
        const QList<DocumentSummary> docs = store->documentSummaries();
        QCOMPARE(docs.size(), 3);
        bool sawNonBmp = false;
        for (const DocumentSummary &s : docs) {
            const QString id = idString(s.id);
            const Run r = cli({QStringLiteral("text"), m_project, QStringLiteral("--document"), id});
            RUN_OK(r);
            const QByteArray expected = store->documentText(s.id).toUtf8();
            QCOMPARE(r.out, expected);
            sawNonBmp = sawNonBmp || expected.contains("\xF0\x9D\x84\x9E"); // U+1D11E in UTF-8
            // A unique prefix works too.
            const Run prefix = cli({QStringLiteral("text"), m_project, QStringLiteral("--document"), id.left(8)});
            RUN_OK(prefix);
            QCOMPARE(prefix.out, expected);
        }
        QVERIFY(sawNonBmp);
        // The stored text is the file's text (only line ends normalised).
        const Run festival = cli({QStringLiteral("text"), m_project, QStringLiteral("--document"), m_festivalId});
        QCOMPARE(festival.out, fileBytes(articlesDir() + QStringLiteral("/festival-nonbmp.txt")));
    }

    void annotateAndList()
    {
        auto store = ProjectStore::open(m_project, ProjectAccess::ReadOnly);
        const QString text = store->documentText(QUuid::fromString(m_festivalId));
        const QString wanted = QStringLiteral("\U0001F1FA\U0001F1E6 flags");
        const int start = int(text.indexOf(wanted));
        QVERIFY(start > 0);
        const int before = store->annotationCount();
        store.reset();

        const Run r = cli({QStringLiteral("annotate"), m_project, QStringLiteral("--document"), m_festivalId,
                           QStringLiteral("--code"), QStringLiteral("Quote"), QStringLiteral("--start"),
                           QString::number(start), QStringLiteral("--end"), QString::number(start + wanted.size()),
                           QStringLiteral("--coder"), QStringLiteral("Alex \u00C9xample"), QStringLiteral("--memo"),
                           QStringLiteral("flag \U0001F3F3")});
        RUN_OK(r);
        QVERIFY(r.out.endsWith('\n'));
        const QString id = QString::fromUtf8(r.out.trimmed());
        QVERIFY2(!QUuid::fromString(id).isNull(), r.out.constData());
        QCOMPARE(storedAnnotations(), before + 1);

        const Run byMatch = cli({QStringLiteral("annotate"), m_project, QStringLiteral("--document"),
                                 m_festivalId.left(6), QStringLiteral("--code"), QStringLiteral("claim"),
                                 QStringLiteral("--match"), QStringLiteral("a day of joy"), QStringLiteral("--coder"),
                                 QStringLiteral("Kim")});
        RUN_OK(byMatch);
        const QString matchId = QString::fromUtf8(byMatch.out.trimmed());

        const QJsonArray all = jsonArray({QStringLiteral("annotations"), m_project, QStringLiteral("--json")});
        QCOMPARE(all.size(), before + 2);
        // Streamed one object at a time, in exactly the indented form Qt gives the whole array.
        const Run listed = cli({QStringLiteral("annotations"), m_project, QStringLiteral("--json")});
        RUN_OK(listed);
        QCOMPARE(listed.out, QJsonDocument(all).toJson(QJsonDocument::Indented));
        const Run none = cli({QStringLiteral("annotations"), m_project, QStringLiteral("--json"),
                              QStringLiteral("--status"), QStringLiteral("needs-review")});
        RUN_OK(none);
        QCOMPARE(none.out, QJsonDocument(QJsonArray()).toJson(QJsonDocument::Indented));
        QJsonObject mine, matched;
        for (const QJsonValue &v : all) {
            QCOMPARE(sortedKeys(v.toObject()), keyList({"id", "document", "code", "start", "end", "text", "coder", "memo", "status", "code_path", "fields"}));
            if (v[u"id"].toString() == id)
                mine = v.toObject();
            if (v[u"id"].toString() == matchId)
                matched = v.toObject();
        }
        QVERIFY(!mine.isEmpty());
        QCOMPARE(mine[u"text"].toString(), wanted);
        QCOMPARE(mine[u"document"].toString(), m_festivalId);
        QCOMPARE(mine[u"code"].toString(), QStringLiteral("Quote"));
        QCOMPARE(mine[u"start"].toInt(), start);
        QCOMPARE(mine[u"end"].toInt(), start + int(wanted.size()));
        QCOMPARE(mine[u"coder"].toString(), QStringLiteral("Alex \u00C9xample"));
        QCOMPARE(mine[u"memo"].toString(), QStringLiteral("flag \U0001F3F3"));
        QCOMPARE(matched[u"text"].toString(), QStringLiteral("a day of joy"));
        QCOMPARE(matched[u"code"].toString(), QStringLiteral("Claim"));

        // Only one document.
        const QJsonArray one = jsonArray({QStringLiteral("annotations"), m_project, QStringLiteral("--document"),
                                          m_festivalId, QStringLiteral("--json")});
        for (const QJsonValue &v : one)
            QCOMPARE(v[u"document"].toString(), m_festivalId);
        QVERIFY(one.size() >= 2);

        const Run info = cli({QStringLiteral("info"), m_project, QStringLiteral("--json")});
        const QJsonObject o = QJsonDocument::fromJson(info.out).object();
        QCOMPARE(o[u"annotations"].toInt(), before + 2);
        QVERIFY(o[u"coders"].toVariant().toStringList().contains(QStringLiteral("Alex \u00C9xample")));
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        const QString p = m_project;
        const QString doc = m_festivalId;
        const auto annotate = [&](const QStringList &extra) {
            return QStringList{QStringLiteral("annotate"), p, QStringLiteral("--document"), doc} + extra;
        };
        const QStringList span = {QStringLiteral("--start"), QStringLiteral("0"), QStringLiteral("--end"),
                                  QStringLiteral("4")};
        const QStringList quote = {QStringLiteral("--code"), QStringLiteral("Quote")};
        const QStringList coder = {QStringLiteral("--coder"), QStringLiteral("Alex")};
        const auto args = [](std::initializer_list<QString> list) { return QStringList(list); };

        QTest::newRow("unknown command") << args({QStringLiteral("frobnicate"), p}) << 1;
        QTest::newRow("no command") << QStringList() << 1;
        QTest::newRow("missing project argument") << args({QStringLiteral("info")}) << 1;
        QTest::newRow("text without --document") << args({QStringLiteral("text"), p}) << 1;
        QTest::newRow("annotate without --end")
            << annotate(quote + coder + QStringList{QStringLiteral("--start"), QStringLiteral("0")}) << 1;
        QTest::newRow("annotate without --coder") << annotate(quote + span) << 1;
        QTest::newRow("unknown option") << args({QStringLiteral("info"), p, QStringLiteral("--bogus")}) << 1;
        QTest::newRow("--match with --start") << annotate(quote + coder + span + QStringList{QStringLiteral("--match"), QStringLiteral("x")}) << 1;
        QTest::newRow("not a project file") << args({QStringLiteral("info"), m_textFile}) << 2;
        QTest::newRow("missing file") << args({QStringLiteral("info"), path(QStringLiteral("nope.newscoder"))}) << 2;
        QTest::newRow("newer version (info)") << args({QStringLiteral("info"), m_newerFile}) << 2;
        QTest::newRow("newer version (annotate)")
            << QStringList{QStringLiteral("annotate"), m_newerFile, QStringLiteral("--document"), doc} + quote + span + coder << 2;
        QTest::newRow("unknown document id")
            << args({QStringLiteral("text"), p, QStringLiteral("--document"),
                     QStringLiteral("00000000-0000-4000-8000-000000000000")})
            << 2;
        QTest::newRow("too short document id") << args({QStringLiteral("text"), p, QStringLiteral("--document"), QStringLiteral("zz")}) << 2;
        QTest::newRow("unknown code") << annotate(QStringList{QStringLiteral("--code"), QStringLiteral("Nonexistent")} + span + coder) << 2;
        QTest::newRow("span past the end")
            << annotate(quote + coder + QStringList{QStringLiteral("--start"), QStringLiteral("0"), QStringLiteral("--end"), QStringLiteral("100000")}) << 2;
        QTest::newRow("empty span")
            << annotate(quote + coder + QStringList{QStringLiteral("--start"), QStringLiteral("5"), QStringLiteral("--end"), QStringLiteral("5")}) << 2;
        QTest::newRow("negative start")
            << annotate(quote + coder + QStringList{QStringLiteral("--start"), QStringLiteral("-3"), QStringLiteral("--end"), QStringLiteral("5")}) << 2;
        QTest::newRow("non-numeric --start")
            << annotate(quote + coder + QStringList{QStringLiteral("--start"), QStringLiteral("abc"), QStringLiteral("--end"), QStringLiteral("5")}) << 2;
        QTest::newRow("blank --coder") << annotate(quote + span + QStringList{QStringLiteral("--coder"), QStringLiteral("  ")}) << 2;
        QTest::newRow("--match not found") << annotate(quote + coder + QStringList{QStringLiteral("--match"), QStringLiteral("zebra")}) << 2;
        QTest::newRow("import of only bad files") << args({QStringLiteral("import"), p, m_badOnlyFolder}) << 2;
        QTest::newRow("import of a missing path") << args({QStringLiteral("import"), p, path(QStringLiteral("gone"))}) << 2;
        QTest::newRow("new on an existing project") << args({QStringLiteral("new"), p}) << 2;
        QTest::newRow("new on an existing file") << args({QStringLiteral("new"), m_textFile}) << 2;
        QTest::newRow("new with a bad codebook") << args({QStringLiteral("new"), path(QStringLiteral("x.newscoder")),
                                                          QStringLiteral("--codebook"), m_textFile})
                                                 << 2;
    }

    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        const QByteArray projectBefore = fileBytes(m_project);
        const QByteArray textBefore = fileBytes(m_textFile);
        const QByteArray newerBefore = fileBytes(m_newerFile);
        const int annotationsBefore = storedAnnotations();
        const int documentsBefore = ProjectStore::open(m_project, ProjectAccess::ReadOnly)->documentCount();

        const Run r = cli(args);
        QVERIFY2(r.status == QProcess::NormalExit, qPrintable(describe(r)));
        QVERIFY2(r.exitCode == exitCode, qPrintable(describe(r)));
        QVERIFY2(!r.err.trimmed().isEmpty(), qPrintable(describe(r)));

        // Nothing was changed or created by a failing command.
        QCOMPARE(storedAnnotations(), annotationsBefore);
        QCOMPARE(ProjectStore::open(m_project, ProjectAccess::ReadOnly)->documentCount(), documentsBefore);
        QCOMPARE(fileBytes(m_textFile), textBefore);
        QCOMPARE(fileBytes(m_newerFile), newerBefore);
        if (args.value(0) == u"new")
            QCOMPARE(fileBytes(m_project), projectBefore);
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("x.newscoder"))));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
