// A study through newscoder-cli: coders and a reliability sample, two coders
// coding differently, review --json, adjudicate (each decision, then every
// agreement), the consensus as annotations --coder Consensus, and the
// decision log as JSON and as CSV read back by Python's csv module. Bad input
// exits 2 and leaves the project file as it was.
#include "../core/export/ExternalReader.h"
#include "CliTestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace newscoder::test;

namespace {

// The review item whose side `coder` has an annotation of `code`.
QJsonObject itemOf(const QJsonArray &items, const QString &coderSide, const QString &code)
{
    return firstObject(items, [&](const QJsonValue &v) {
        const QJsonValue annotation = v[coderSide][QLatin1String("annotation")];
        return annotation.isObject() && annotation[QLatin1String("code")].toString() == code;
    });
}

} // namespace

class TestCliReview : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project;
    QString m_article;

    CliRun cli(QStringList args)
    {
        args.insert(1, m_project);
        return runCli(args);
    }
    QString annotate(const QString &coder, const QString &code, const QString &match,
                     const QStringList &more = {})
    {
        const CliRun r = cli(QStringList{QStringLiteral("annotate"), QStringLiteral("--document"), m_article,
                                         QStringLiteral("--code"), code, QStringLiteral("--match"), match,
                                         QStringLiteral("--coder"), coder}
                             + more);
        if (!r.ok())
            qWarning("%s", qPrintable(r.describe()));
        return QString::fromUtf8(r.out).trimmed();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_project = m_dir.filePath(QStringLiteral("study.newscoder"));
        QVERIFY(runCli({QStringLiteral("new"), m_project}).ok());
        const QStringList texts = {
            QStringLiteral("Harbour talks stall\n\nMayor Ines Roth said \"we will not sign this week\". "
                           "Critics called the plan reckless and costly.\n"),
            QStringLiteral("Ferry fares rise\n\nThe operator said fares rise in May. Nobody objected.\n")};
        QStringList files;
        for (int i = 0; i < texts.size(); ++i) {
            const QString path = m_dir.filePath(QStringLiteral("article%1.txt").arg(i));
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(texts[i].toUtf8());
            files << path;
        }
        QVERIFY(runCli(QStringList{QStringLiteral("import"), m_project} + files).ok());
        const CliRun docs = runCli({QStringLiteral("documents"), m_project, QStringLiteral("--json")});
        QVERIFY2(docs.ok(), qPrintable(docs.describe()));
        for (const QJsonValue &d : json(docs).array()) {
            if (d[QLatin1String("title")].toString() == QLatin1String("Harbour talks stall"))
                m_article = d[QLatin1String("id")].toString();
        }
        QVERIFY(!m_article.isEmpty());
    }

    void codersAndSample()
    {
        CliRun r = cli({QStringLiteral("coders"), QStringLiteral("--set"), QStringLiteral("Lena"),
                        QStringLiteral("--role"), QStringLiteral("lead"), QStringLiteral("--colour"),
                        QStringLiteral("#aa3300")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        r = cli({QStringLiteral("assign"), QStringLiteral("--sample"), QStringLiteral("50%"), QStringLiteral("--coders"),
                 QStringLiteral("Ana,Ben"), QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--json")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QCOMPARE(json(r)[QLatin1String("assignments_written")].toInt(), 3); // 1 shared × 2 + 1 split
        QVERIFY(json(r)[QLatin1String("sample")][QLatin1String("description")].toString().contains(
            QStringLiteral("seed 7")));
        r = cli({QStringLiteral("coders"), QStringLiteral("--json")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QHash<QString, QJsonObject> coders;
        for (const QJsonValue &c : json(r).array())
            coders.insert(c[QLatin1String("name")].toString(), c.toObject());
        QCOMPARE(coders.size(), 3);
        QCOMPARE(coders[QStringLiteral("Lena")][QLatin1String("role")].toString(), QStringLiteral("lead"));
        QCOMPARE(coders[QStringLiteral("Lena")][QLatin1String("colour")].toString(), QStringLiteral("#aa3300"));
        QCOMPARE(coders[QStringLiteral("Ana")][QLatin1String("assigned")].toInt()
                     + coders[QStringLiteral("Ben")][QLatin1String("assigned")].toInt(),
                 3);
    }

    void reviewAndAdjudicate()
    {
        const QString speakerA = annotate(QStringLiteral("Ana"), QStringLiteral("Speaker"), QStringLiteral("Mayor Ines Roth"),
                                          {QStringLiteral("--field"), QStringLiteral("Actor=Ines Roth")});
        annotate(QStringLiteral("Ana"), QStringLiteral("Quote"), QStringLiteral("\"we will not sign this week\""),
                 {QStringLiteral("--field"), QStringLiteral("Type=direct"), QStringLiteral("--link"), speakerA});
        const QString speakerB = annotate(QStringLiteral("Ben"), QStringLiteral("Speaker"), QStringLiteral("Ines Roth"),
                                          {QStringLiteral("--field"), QStringLiteral("Actor=Ines Roth")});
        annotate(QStringLiteral("Ben"), QStringLiteral("Quote"), QStringLiteral("\"we will not sign this week\""),
                 {QStringLiteral("--field"), QStringLiteral("Type=partial"), QStringLiteral("--link"), speakerB});
        annotate(QStringLiteral("Ben"), QStringLiteral("Claim"), QStringLiteral("Critics called the plan reckless"));
        QVERIFY(!speakerA.isEmpty() && !speakerB.isEmpty());

        CliRun r = cli({QStringLiteral("review"), QStringLiteral("--coders"), QStringLiteral("Ana,Ben"),
                        QStringLiteral("--document"), m_article, QStringLiteral("--json")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        const QJsonArray items = json(r).array();
        QCOMPARE(items.size(), 3);
        const QJsonObject speaker = itemOf(items, QStringLiteral("a"), QStringLiteral("Speaker"));
        const QJsonObject quote = itemOf(items, QStringLiteral("a"), QStringLiteral("Quote"));
        const QJsonObject claim = itemOf(items, QStringLiteral("b"), QStringLiteral("Claim"));
        QCOMPARE(speaker[QLatin1String("kind")].toString(), QStringLiteral("boundary"));
        QCOMPARE(quote[QLatin1String("kind")].toString(), QStringLiteral("fields"));
        QCOMPARE(quote[QLatin1String("differences")].toArray(), QJsonArray{QStringLiteral("field:Type")});
        QCOMPARE(quote[QLatin1String("a")][QLatin1String("fields")][QLatin1String("Type")].toString(),
                 QStringLiteral("direct"));
        QCOMPARE(quote[QLatin1String("b")][QLatin1String("fields")][QLatin1String("Type")].toString(),
                 QStringLiteral("partial"));
        QCOMPARE(claim[QLatin1String("kind")].toString(), QStringLiteral("only-one"));
        QVERIFY(claim[QLatin1String("a")][QLatin1String("annotation")].isNull());
        QCOMPARE(claim[QLatin1String("status")].toString(), QStringLiteral("open"));

        // Bad decisions change nothing.
        const QByteArray before = fileHash(m_project);
        r = cli({QStringLiteral("adjudicate"), QStringLiteral("--item"), claim[QLatin1String("id")].toString(),
                 QStringLiteral("--decision"), QStringLiteral("accept:Ana")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("marked nothing"));
        r = cli({QStringLiteral("adjudicate"), QStringLiteral("--item"), QStringLiteral("ffffffffffff"),
                 QStringLiteral("--decision"), QStringLiteral("reject")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("no review item"));
        r = cli({QStringLiteral("adjudicate"), QStringLiteral("--item"), quote[QLatin1String("id")].toString(),
                 QStringLiteral("--decision"), QStringLiteral("perhaps")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(fileHash(m_project), before);

        // The quote first (Ana's), then the speaker (Ben's boundaries): the
        // consensus quote ends up linked to the consensus speaker.
        const QString prefix = quote[QLatin1String("id")].toString().left(6);
        r = cli({QStringLiteral("adjudicate"), QStringLiteral("--item"), prefix, QStringLiteral("--decision"),
                 QStringLiteral("accept:Ana"), QStringLiteral("--memo"), QStringLiteral("verbatim, so direct"),
                 QStringLiteral("--json")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        r = cli({QStringLiteral("adjudicate"), QStringLiteral("--item"), speaker[QLatin1String("id")].toString(),
                 QStringLiteral("--decision"), QStringLiteral("accept:Ben")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        r = cli({QStringLiteral("adjudicate"), QStringLiteral("--item"), claim[QLatin1String("id")].toString(),
                 QStringLiteral("--decision"), QStringLiteral("reject"), QStringLiteral("--by"), QStringLiteral("Ana")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));

        r = cli({QStringLiteral("annotations"), QStringLiteral("--coder"), QStringLiteral("Consensus"),
                 QStringLiteral("--json")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        const QJsonArray consensus = json(r).array();
        QCOMPARE(consensus.size(), 2);
        QJsonObject cSpeaker, cQuote;
        for (const QJsonValue &a : consensus)
            (a[QLatin1String("code")].toString() == QLatin1String("Speaker") ? cSpeaker : cQuote) = a.toObject();
        QCOMPARE(cSpeaker[QLatin1String("text")].toString(), QStringLiteral("Ines Roth"));
        QCOMPARE(cQuote[QLatin1String("fields")][QLatin1String("Type")].toString(), QStringLiteral("direct"));
        QCOMPARE(cQuote[QLatin1String("fields")][QLatin1String("Speaker")].toString(),
                 cSpeaker[QLatin1String("id")].toString());

        // Every item decided; --open lists none.
        r = cli({QStringLiteral("review"), QStringLiteral("--coders"), QStringLiteral("Ana,Ben"), QStringLiteral("--open"),
                 QStringLiteral("--json")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QCOMPARE(json(r).array().size(), 0);
    }

    void agreementsTwiceChangeNothingTheSecondTime()
    {
        annotate(QStringLiteral("Ana"), QStringLiteral("Bias indicator"), QStringLiteral("reckless"),
                 {QStringLiteral("--field"), QStringLiteral("Type=loaded-language")});
        annotate(QStringLiteral("Ben"), QStringLiteral("Bias indicator"), QStringLiteral("reckless"),
                 {QStringLiteral("--field"), QStringLiteral("Type=loaded-language")});
        CliRun r = cli({QStringLiteral("adjudicate"), QStringLiteral("--accept-agreements"), QStringLiteral("--json")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QCOMPARE(json(r).array().size(), 1);
        const QByteArray after = fileHash(m_project);
        r = cli({QStringLiteral("adjudicate"), QStringLiteral("--accept-agreements"), QStringLiteral("--json")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QCOMPARE(json(r).array().size(), 0);
        QCOMPARE(fileHash(m_project), after);
    }

    void decisionLogAsJsonAndCsv()
    {
        CliRun r = cli({QStringLiteral("decisions"), QStringLiteral("--json")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        const QJsonArray log = json(r).array();
        QCOMPARE(log.size(), 4);
        QCOMPARE(log[0][QLatin1String("decision")].toString(), QStringLiteral("accept:Ana"));
        QCOMPARE(log[0][QLatin1String("decided_by")].toString(), QStringLiteral("Lena"));
        QCOMPARE(log[0][QLatin1String("memo")].toString(), QStringLiteral("verbatim, so direct"));
        QCOMPARE(log[2][QLatin1String("decided_by")].toString(), QStringLiteral("Ana"));
        QCOMPARE(log[3][QLatin1String("decision")].toString(), QStringLiteral("agreement"));

        REQUIRE_PYTHON_MODULE("csv");
        const QString csvPath = m_dir.filePath(QStringLiteral("decisions.csv"));
        r = cli({QStringLiteral("decisions"), QStringLiteral("--out"), csvPath});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QString error;
        const QJsonDocument rows = runPythonJson(
            QStringLiteral("import csv, json, sys\n"
                           "rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))\n"
                           "print(json.dumps([[r['decision'], r['memo'], r['kind'], r['superseded'],"
                           " len(json.loads(r['sources']))] for r in rows]))\n"),
            {csvPath}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(rows.array().size(), 4);
        QCOMPARE(rows.array()[0].toArray()[0].toString(), QStringLiteral("accept:Ana"));
        QCOMPARE(rows.array()[0].toArray()[1].toString(), QStringLiteral("verbatim, so direct"));
        QCOMPARE(rows.array()[0].toArray()[2].toString(), QStringLiteral("fields"));
        QCOMPARE(rows.array()[0].toArray()[3].toString(), QStringLiteral("0"));
        QCOMPARE(rows.array()[0].toArray()[4].toInt(), 2);
    }

    void usageAndAmbiguity()
    {
        // A third coder: review needs --coders.
        QVERIFY(cli({QStringLiteral("coders"), QStringLiteral("--set"), QStringLiteral("Cem")}).ok());
        CliRun r = cli({QStringLiteral("review")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--coders"));
        r = cli({QStringLiteral("review"), QStringLiteral("--coders"), QStringLiteral("Ana,Nobody")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("Nobody"));
        r = cli({QStringLiteral("adjudicate"), QStringLiteral("--item"), QStringLiteral("abcd")});
        QCOMPARE(r.exitCode, 1); // --item without --decision
        r = cli({QStringLiteral("assign"), QStringLiteral("--sample"), QStringLiteral("150%"), QStringLiteral("--coders"),
                 QStringLiteral("Ana,Ben")});
        QCOMPARE(r.exitCode, 2);
        r = cli({QStringLiteral("coders"), QStringLiteral("--set"), QStringLiteral("Ana"), QStringLiteral("--role"),
                 QStringLiteral("boss")});
        QCOMPARE(r.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliReview)
#include "tst_cli_review.moc"
