// newscoder-cli leftovers: an imported scraped article's leftovers as JSON
// (rule, label, text), what its text stated; --unmark and --mark change the
// article's details and nothing else; `search` leaves leftovers out; bad input
// exits 2 and writes nothing.
#include "CliTestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder::test;

namespace {

// Fictional: a scraper's page with leftovers around a short article.
const char *const Page = "- Meridian Wire, 1920\n"
                         "\n"
                         "Harbour pilots strike over night shifts\n"
                         "\n"
                         "Meridian Web Team\n"
                         "BrightportUpdated: Apr 2, 2025, 06:15 PM GMT\n"
                         "lighthouse\n"
                         "Harbour pilots in Brightport walked out on Wednesday over a new roster of night shifts.\n"
                         "The union said talks with the port would resume once the roster was withdrawn.\n"
                         "To participate in the discussion\n"
                         "log in or register\n";

} // namespace

class TestCliLeftovers : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project;
    QString m_id;

    QJsonObject listed()
    {
        const CliRun r = runCli({QStringLiteral("leftovers"), m_project, QStringLiteral("--document"), m_id, QStringLiteral("--json")});
        if (!r.ok())
            qWarning("%s", qPrintable(r.describe()));
        return json(r).object();
    }

    int searchHits(const QString &word, const QStringList &extra = {})
    {
        const CliRun r = runCli(QStringList{QStringLiteral("search"), m_project, word, QStringLiteral("--json")} + extra);
        if (!r.ok())
            return -1;
        const QJsonDocument doc = json(r);
        return int(doc.isArray() ? doc.array().size() : doc[QLatin1String("hits")].toArray().size());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_project = m_dir.filePath(QStringLiteral("p.newscoder"));
        QVERIFY(runCli({QStringLiteral("new"), m_project}).ok());
        QFile page(m_dir.filePath(QStringLiteral("pilots.txt")));
        QVERIFY(page.open(QIODevice::WriteOnly));
        page.write(Page);
        page.close();
        QVERIFY(runCli({QStringLiteral("import"), m_project, page.fileName()}).ok());
        const CliRun docs = runCli({QStringLiteral("documents"), m_project, QStringLiteral("--json")});
        QVERIFY2(docs.ok(), qPrintable(docs.describe()));
        const QJsonObject doc = json(docs).array().first().toObject();
        m_id = doc[QLatin1String("id")].toString();
        QCOMPARE(doc[QLatin1String("outlet")].toString(), QStringLiteral("Meridian Wire")); // the credit states it
        QCOMPARE(doc[QLatin1String("date")].toString(), QStringLiteral("2025-04-02"));     // the "Updated:" line
    }

    void listsEachLeftoverWithItsRule()
    {
        const QJsonObject o = listed();
        QStringList rules, texts;
        for (const QJsonValue &v : o[QLatin1String("leftovers")].toArray()) {
            rules << v[QLatin1String("rule")].toString();
            texts << v[QLatin1String("text")].toString();
            QVERIFY(!v[QLatin1String("label")].toString().isEmpty());
            QVERIFY(v[QLatin1String("start")].toInt() < v[QLatin1String("end")].toInt());
        }
        QVERIFY2(rules.contains(QStringLiteral("credit")), qPrintable(rules.join(u',')));
        QVERIFY(rules.contains(QStringLiteral("byline")));
        QVERIFY(rules.contains(QStringLiteral("timestamp")));
        QVERIFY(rules.contains(QStringLiteral("tag")));
        QVERIFY(texts.contains(QStringLiteral("lighthouse")));
        QVERIFY(!texts.join(u'\n').contains(QStringLiteral("walked out"))); // the article is not a leftover
        const QJsonObject stated = o[QLatin1String("stated")].toObject();
        QCOMPARE(stated[QLatin1String("outlet_from_text")].toString(), QStringLiteral("- Meridian Wire, 1920"));
        QCOMPARE(stated[QLatin1String("dateline_place")].toString(), QStringLiteral("Brightport"));
    }

    void unmarkAndMarkChangeOnlyTheSplit()
    {
        QCOMPARE(searchHits(QStringLiteral("lighthouse")), 0);
        QCOMPARE(searchHits(QStringLiteral("lighthouse"), {QStringLiteral("--leftovers")}), 1); // asked for: found there too
        QVERIFY(runCli({QStringLiteral("leftovers"), m_project, QStringLiteral("--document"), m_id, QStringLiteral("--unmark")}).ok());
        QVERIFY(listed()[QLatin1String("leftovers")].toArray().isEmpty());
        QCOMPARE(searchHits(QStringLiteral("lighthouse")), 1);
        const CliRun text = runCli({QStringLiteral("text"), m_project, QStringLiteral("--document"), m_id});
        QCOMPARE(text.out, QByteArray(Page)); // the text never changes
        QVERIFY(runCli({QStringLiteral("leftovers"), m_project, QStringLiteral("--document"), m_id, QStringLiteral("--mark")}).ok());
        QVERIFY(listed()[QLatin1String("leftovers")].toArray().size() >= 4);
        QCOMPARE(searchHits(QStringLiteral("lighthouse")), 0);
    }

    void badInputExitsTwoAndWritesNothing()
    {
        const QByteArray before = fileHash(m_project);
        for (const QStringList &args :
             {QStringList{QStringLiteral("leftovers"), m_project},
              QStringList{QStringLiteral("leftovers"), m_project, QStringLiteral("--document"), QStringLiteral("ffffffff")},
              QStringList{QStringLiteral("leftovers"), m_project, QStringLiteral("--document"), m_id, QStringLiteral("--mark"),
                          QStringLiteral("--unmark")},
              QStringList{QStringLiteral("leftovers"), m_dir.filePath(QStringLiteral("missing.newscoder")),
                          QStringLiteral("--document"), m_id}}) {
            const CliRun r = runCli(args);
            QCOMPARE(r.exitCode, 2);
            QVERIFY(!r.err.isEmpty());
        }
        QCOMPARE(fileHash(m_project), before);
    }
};

QTEST_GUILESS_MAIN(TestCliLeftovers)
#include "tst_cli_leftovers.moc"
