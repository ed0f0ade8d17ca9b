// newscoder-cli import of many-article files, run as a real process: a Nexis export splits
// into its articles, tables take --map, bad --map values and missing columns are clear errors,
// and a failing file never stops the others.
#include "CliTestSupport.h"
#include "storage/ProjectStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include "TestPaths.h"

using namespace Qt::StringLiterals;
using newscoder::ProjectStore;
using Run = newscoder::test::CliRun;

namespace {

QString sample(const QString &name)
{
    return QStringLiteral(NEWSCODER_TEST_DATA_DIR "/import/") + name;
}

QString metadataValue(const newscoder::Document &doc, const QString &key)
{
    for (const auto &[k, v] : doc.metadata)
        if (k == key)
            return v;
    return {};
}

} // namespace

class TestCliImportFormats : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString newProject(const QString &name)
    {
        const QString project = m_dir.filePath(name);
        const Run r = newscoder::test::runCli({u"new"_s, project});
        return r.ok() ? project : QString();
    }
    QJsonObject importJson(const QStringList &args, Run *run)
    {
        *run = newscoder::test::runCli(QStringList{u"import"_s} + args + QStringList{u"--json"_s});
        return QJsonDocument::fromJson(run->out).object();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void nexisExportSplitsIntoArticles()
    {
        const QString project = newProject(u"nexis.newscoder"_s);
        QVERIFY(!project.isEmpty());
        Run run;
        const QJsonObject report = importJson({project, sample(u"nexis/three-articles.txt"_s)}, &run);
        QVERIFY2(run.ok(), qPrintable(run.describe()));
        const QJsonArray imported = report[u"imported"].toArray();
        QCOMPARE(imported.size(), 3);
        QStringList titles;
        for (const QJsonValue &v : imported) {
            titles << v[u"title"].toString();
            QCOMPARE(v[u"format"].toString(), u"nexis"_s);
            QVERIFY(v[u"path"].toString().endsWith(u"three-articles.txt"_s));
        }
        QCOMPARE(titles, QStringList({u"Ferry operator adds a night crossing to Skerra"_s,
                                      u"Tram vote postponed after council tie"_s,
                                      u"Harbour cranes to run on shore power"_s}));
        QCOMPARE(imported[1][u"date"].toString(), u"2022-01-27"_s);
        QCOMPARE(imported[1][u"outlet"].toString(), u"Oster Sund Tidende"_s);
        QCOMPARE(report[u"skipped"].toArray().size(), 0);
        QCOMPARE(report[u"warnings"].toArray().size(), 1); // the cover page, left out with a note

        auto store = ProjectStore::open(project, newscoder::ProjectAccess::ReadOnly);
        QCOMPARE(store->documentCount(), 3);
        const auto ferry = store->document(QUuid(imported[0][u"id"].toString()));
        QVERIFY(ferry);
        QCOMPARE(ferry->author, u"Britt Aalund"_s);
        QCOMPARE(metadataValue(*ferry, u"byline"_s), u"Britt Aalund"_s);
        QCOMPARE(metadataValue(*ferry, u"load_date"_s), u"December 12, 2021"_s);
        QVERIFY(ferry->text.startsWith(u"Ferry operator adds a night crossing to Skerra\n\nThe ferry company"_s));
    }

    void tableWithMap()
    {
        const QString project = newProject(u"table.newscoder"_s);
        QVERIFY(!project.isEmpty());
        Run run;
        const QJsonObject report =
            importJson({project, sample(u"tables/articles.csv"_s), u"--map"_s, u"text=body,title=headline"_s,
                        u"--map"_s, u"id=section,outlet=source"_s},
                       &run);
        QVERIFY2(run.ok(), qPrintable(run.describe()));
        const QJsonArray imported = report[u"imported"].toArray();
        QCOMPARE(imported.size(), 3);
        QCOMPARE(imported[0][u"title"].toString(), u"Ferry adds a night crossing"_s);
        QCOMPARE(imported[0][u"format"].toString(), u"csv"_s);
        // Rows not read are listed with their number and reason, never dropped silently.
        const QJsonArray skipped = report[u"skipped"].toArray();
        QCOMPARE(skipped.size(), 2);
        QVERIFY(skipped[0][u"path"].toString().endsWith(u"articles.csv"_s));
        QCOMPARE(skipped[0][u"reason"].toString(), u"row 5: empty row"_s);
        QCOMPARE(skipped[1][u"reason"].toString(), u"row 6: the text column \"body\" is empty"_s);

        auto store = ProjectStore::open(project, newscoder::ProjectAccess::ReadOnly);
        const auto ferry = store->document(QUuid(imported[0][u"id"].toString()));
        QVERIFY(ferry);
        QCOMPARE(metadataValue(*ferry, u"external_id"_s), u"NEWS"_s);       // --map id=section
        QCOMPARE(metadataValue(*ferry, u"article_id"_s), u"A-101"_s);      // other columns: metadata
        QCOMPARE(metadataValue(*ferry, u"external_id_column"_s), u"section"_s);
    }

    void badMapIsBadInput_data()
    {
        QTest::addColumn<QString>("map");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown field") << u"body=text"_s << u"unknown field \"body\" in --map"_s;
        QTest::newRow("no column") << u"text"_s << u"--map text names no column"_s;
    }
    void badMapIsBadInput()
    {
        QFETCH(QString, map);
        QFETCH(QString, message);
        const QString project = newProject(u"badmap.newscoder"_s);
        QVERIFY(!project.isEmpty());
        const Run r = newscoder::test::runCli({u"import"_s, project, sample(u"tables/articles.csv"_s), u"--map"_s, map});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
        auto store = ProjectStore::open(project, newscoder::ProjectAccess::ReadOnly);
        QCOMPARE(store->documentCount(), 0);
        QVERIFY(QFile::remove(project));
    }

    void missingTextColumnIsReportedPerFile()
    {
        const QString project = newProject(u"missing.newscoder"_s);
        QVERIFY(!project.isEmpty());
        Run run;
        const QJsonObject report = importJson({project, sample(u"tables/articles.csv"_s),
                                               sample(u"factiva/two-articles.txt"_s), u"--map"_s, u"text=story"_s},
                                              &run);
        QVERIFY2(run.ok(), qPrintable(run.describe())); // the Factiva file is still imported
        QCOMPARE(report[u"imported"].toArray().size(), 2);
        const QJsonArray skipped = report[u"skipped"].toArray();
        QCOMPARE(skipped.size(), 1);
        QVERIFY(skipped[0][u"reason"].toString().startsWith(u"no column \"story\" (mapped to text)"_s));

        // Alone, the table gives nothing: exit 2 and the reason on stdout.
        const Run alone = newscoder::test::runCli(
            {u"import"_s, project, sample(u"tables/articles.csv"_s), u"--map"_s, u"text=story"_s});
        QCOMPARE(alone.exitCode, 2);
        QVERIFY(alone.out.contains("no column \"story\""));
        auto store = ProjectStore::open(project, newscoder::ProjectAccess::ReadOnly);
        QCOMPARE(store->documentCount(), 2);
    }
};

QTEST_GUILESS_MAIN(TestCliImportFormats)
#include "tst_cli_importformats.moc"
