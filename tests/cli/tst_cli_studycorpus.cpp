// The whole several-coder loop through newscoder-cli on the five real
// articles of ../shared/corpus: a double-coded reliability sample, a package
// per coder, each coder coding their package differently, the lead merging
// both (twice: the second time the file stays byte for byte the same),
// reviewing side by side, adjudicating every item, and exporting the
// consensus — the segments CSV read back by Python's csv module.
#include "../core/export/ExternalReader.h"
#include "CliTestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include "TestPaths.h"

using namespace newscoder::test;

namespace {

QString sharedDir()
{
    return qEnvironmentVariableIsSet("NEWSCODER_SHARED_DIR") ? qEnvironmentVariable("NEWSCODER_SHARED_DIR")
                                                              : QStringLiteral(NEWSCODER_DEFAULT_SHARED_DIR);
}

#define CLI_OK(run)                                                                                                    \
    do {                                                                                                               \
        const CliRun &r_ = (run);                                                                                      \
        QVERIFY2(r_.ok(), qPrintable(r_.describe()));                                                                  \
    } while (false)

} // namespace

class TestCliStudyCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wholeStudyOnTheRealArticles()
    {
        const QDir corpus(sharedDir() + QStringLiteral("/corpus"));
        const QStringList files = corpus.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
        if (files.size() < 5) {
            if (runningInCi())
                QFAIL("no corpus under NEWSCODER_SHARED_DIR with CI=true");
            QSKIP("real corpus not available (set NEWSCODER_SHARED_DIR)");
        }
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString master = dir.filePath(QStringLiteral("study.newscoder"));
        CLI_OK(runCli({QStringLiteral("new"), master}));
        QStringList paths;
        for (const QString &f : files)
            paths << corpus.filePath(f);
        CLI_OK(runCli(QStringList{QStringLiteral("import"), master} + paths));
        CLI_OK(runCli({QStringLiteral("coders"), master, QStringLiteral("--set"), QStringLiteral("Lena"),
                       QStringLiteral("--role"), QStringLiteral("lead")}));
        CliRun r = runCli({QStringLiteral("assign"), master, QStringLiteral("--sample"), QStringLiteral("2"),
                           QStringLiteral("--coders"), QStringLiteral("Ana,Ben"), QStringLiteral("--seed"),
                           QStringLiteral("7"), QStringLiteral("--json")});
        CLI_OK(r);
        QCOMPARE(json(r)[QLatin1String("assignments_written")].toInt(), 7); // 2 shared × 2 + 3 split

        // Each coder codes their package: a speaker on the first "Peskov" (or "Russia") of every
        // article, with the actor; Ben's ends two letters short, and he adds a claim.
        QHash<QString, QString> package;
        for (const QString &coder : {QStringLiteral("Ana"), QStringLiteral("Ben")}) {
            package[coder] = dir.filePath(coder.toLower() + QStringLiteral(".newscoder"));
            CLI_OK(runCli({QStringLiteral("package"), master, QStringLiteral("--coder"), coder, QStringLiteral("--out"),
                           package[coder]}));
            r = runCli({QStringLiteral("documents"), package[coder], QStringLiteral("--json")});
            CLI_OK(r);
            const QJsonArray docs = json(r).array();
            QVERIFY(docs.size() >= 3 && docs.size() <= 4);
            for (const QJsonValue &d : docs) {
                const QString id = d[QLatin1String("id")].toString();
                r = runCli({QStringLiteral("text"), package[coder], QStringLiteral("--document"), id});
                CLI_OK(r);
                const QString text = QString::fromUtf8(r.out);
                QString word = QStringLiteral("Peskov");
                qsizetype at = text.indexOf(word);
                if (at < 0) {
                    word = QStringLiteral("Russia");
                    at = text.indexOf(word);
                }
                QVERIFY2(at >= 0, qPrintable(d[QLatin1String("title")].toString()));
                const qsizetype end = at + word.size() - (coder == QLatin1String("Ben") ? 2 : 0);
                CLI_OK(runCli({QStringLiteral("annotate"), package[coder], QStringLiteral("--document"), id,
                               QStringLiteral("--code"), QStringLiteral("Speaker"), QStringLiteral("--start"),
                               QString::number(at), QStringLiteral("--end"), QString::number(end),
                               QStringLiteral("--coder"), coder, QStringLiteral("--field"),
                               QStringLiteral("Actor=") + word}));
                if (coder == QLatin1String("Ben"))
                    CLI_OK(runCli({QStringLiteral("annotate"), package[coder], QStringLiteral("--document"), id,
                                   QStringLiteral("--code"), QStringLiteral("Claim"), QStringLiteral("--start"),
                                   QString::number(at), QStringLiteral("--end"),
                                   QString::number(std::min<qsizetype>(text.size(), at + 40)),
                                   QStringLiteral("--coder"), coder}));
            }
        }

        // The lead merges both; again, and nothing changes.
        r = runCli({QStringLiteral("merge"), master, package[QStringLiteral("Ana")], package[QStringLiteral("Ben")],
                    QStringLiteral("--json")});
        CLI_OK(r);
        const QJsonArray reports = json(r).array();
        QCOMPARE(reports.size(), 2);
        const int anaAdded = reports[0][QLatin1String("added")][QLatin1String("annotations")].toInt();
        const int benAdded = reports[1][QLatin1String("added")][QLatin1String("annotations")].toInt();
        QVERIFY(anaAdded >= 3);
        QCOMPARE(benAdded, 2 * (benAdded / 2)); // a speaker and a claim per article
        // The same actor names, created in both packages: one actor each.
        r = runCli({QStringLiteral("actors"), master, QStringLiteral("--json")});
        CLI_OK(r);
        QStringList names;
        for (const QJsonValue &a : json(r).array())
            names << a[QLatin1String("name")].toString();
        QCOMPARE(names.size(), int(QSet<QString>(names.cbegin(), names.cend()).size()));
        const QByteArray merged = fileHash(master);
        CLI_OK(runCli({QStringLiteral("merge"), master, package[QStringLiteral("Ben")], package[QStringLiteral("Ana")]}));
        QCOMPARE(fileHash(master), merged);

        // Review the double-coded sample: every shared article has a boundary difference and Ben's claim.
        r = runCli({QStringLiteral("review"), master, QStringLiteral("--coders"), QStringLiteral("Ana,Ben"),
                    QStringLiteral("--json")});
        CLI_OK(r);
        const QJsonArray items = json(r).isArray() ? json(r).array() : json(r)[QLatin1String("items")].toArray();
        QStringList kinds;
        for (const QJsonValue &item : items)
            kinds << item[QLatin1String("kind")].toString();
        QCOMPARE(kinds.count(QStringLiteral("boundary")), 2);
        QCOMPARE(kinds.count(QStringLiteral("only-one")), 2);
        for (const QJsonValue &item : items) {
            const QString decision = item[QLatin1String("kind")].toString() == QLatin1String("only-one")
                                         ? QStringLiteral("reject")
                                         : QStringLiteral("accept:Ana");
            CLI_OK(runCli({QStringLiteral("adjudicate"), master, QStringLiteral("--item"),
                           item[QLatin1String("id")].toString(), QStringLiteral("--decision"), decision,
                           QStringLiteral("--memo"), QStringLiteral("head noun only")}));
        }
        r = runCli({QStringLiteral("decisions"), master, QStringLiteral("--json")});
        CLI_OK(r);
        QCOMPARE(json(r).array().size(), int(items.size()));

        // The consensus is the dataset: two speakers, read back by Python's csv module.
        REQUIRE_PYTHON_MODULE("csv");
        const QString csvPath = dir.filePath(QStringLiteral("consensus.csv"));
        CLI_OK(runCli({QStringLiteral("export"), master, QStringLiteral("--table"), QStringLiteral("segments"),
                       QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--coders"),
                       QStringLiteral("Consensus"), QStringLiteral("--out"), csvPath}));
        QString error;
        const QJsonDocument rows = runPythonJson(
            QStringLiteral("import csv, json, sys\n"
                           "rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))\n"
                           "print(json.dumps([[r['code'], r['coder'], r['text']] for r in rows]))\n"),
            {csvPath}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(rows.array().size(), 2);
        for (const QJsonValue &row : rows.array()) {
            QCOMPARE(row[0].toString(), QStringLiteral("Speaker"));
            QCOMPARE(row[1].toString(), QStringLiteral("Consensus"));
            QVERIFY(row[2].toString() == QLatin1String("Peskov") || row[2].toString() == QLatin1String("Russia"));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliStudyCorpus)
#include "tst_cli_studycorpus.moc"
