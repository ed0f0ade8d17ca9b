// Learning from disagreement through newscoder-cli: two coders code one
// article differently, the lead adjudicates (quote: Ana's, speaker: Ben's
// boundaries, Ben's claim rejected), then each coder against the consensus
// (reliability PROJECT --against Consensus), a coder's own review against
// the consensus, and the HTML disagreement report. Bad input exits 2.
#include "CliTestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace newscoder::test;

class TestCliConsensus : public QObject
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
    QString annotate(const QString &coder, const QString &code, const QString &match, const QStringList &more = {})
    {
        const CliRun r = cli(QStringList{s("annotate"), s("--document"), m_article, s("--code"), code, s("--match"),
                                         match, s("--coder"), coder}
                             + more);
        if (!r.ok())
            qWarning("%s", qPrintable(r.describe()));
        return QString::fromUtf8(r.out).trimmed();
    }
    QJsonObject reviewItem(const QString &code)
    {
        const CliRun r = cli({s("review"), s("--coders"), s("Ana,Ben"), s("--json")});
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out).array()) {
            for (const char *side : {"a", "b"}) {
                if (v[QLatin1String(side)][QLatin1String("annotation")][QLatin1String("code")].toString() == code)
                    return v.toObject();
            }
        }
        return {};
    }
    void decide(const QString &code, const QString &decision)
    {
        const QString id = reviewItem(code)[QLatin1String("id")].toString();
        QVERIFY(!id.isEmpty());
        const CliRun r = cli({s("adjudicate"), s("--item"), id, s("--decision"), decision, s("--memo"),
                              s("training <note> & more")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_project = m_dir.filePath(s("study.newscoder"));
        QVERIFY(runCli({s("new"), m_project}).ok());
        const QString path = m_dir.filePath(s("harbour.txt"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Harbour talks stall\n\nMayor Ines Roth said \"we will not sign this week\". "
                "Critics called the plan reckless and costly.\n");
        f.close();
        QVERIFY(runCli({s("import"), m_project, path}).ok());
        const CliRun docs = runCli({s("documents"), m_project, s("--json")});
        m_article = QJsonDocument::fromJson(docs.out).array().at(0)[QLatin1String("id")].toString();
        QVERIFY(!m_article.isEmpty());

        const QString speakerA = annotate(s("Ana"), s("Speaker"), s("Mayor Ines Roth"));
        annotate(s("Ana"), s("Quote"), s("\"we will not sign this week\""),
                 {s("--field"), s("Type=direct"), s("--link"), speakerA});
        const QString speakerB = annotate(s("Ben"), s("Speaker"), s("Ines Roth"));
        annotate(s("Ben"), s("Quote"), s("\"we will not sign this week\""),
                 {s("--field"), s("Type=partial"), s("--link"), speakerB});
        annotate(s("Ben"), s("Claim"), s("Critics called the plan reckless"));
        QVERIFY(cli({s("coders"), s("--set"), s("Lena"), s("--role"), s("lead")}).ok());
        decide(s("Quote"), s("accept:Ana"));
        decide(s("Speaker"), s("accept:Ben"));
        decide(s("Claim"), s("reject"));
    }

    // Ana: Speaker boundary (her "Mayor Ines Roth" against "Ines Roth"), Quote
    // agrees → 1 of 2. Ben: Speaker agrees, Quote Type differs, his Claim is
    // extra (rejected) → 1 of 3.
    void eachCoderAgainstTheConsensus()
    {
        const CliRun r = cli({s("reliability"), s("--against"), s("Consensus"), s("--json")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        const QJsonObject out = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(out[QLatin1String("consensus")].toString(), s("Consensus"));
        QCOMPARE(out[QLatin1String("documents")].toInt(), 1);
        const QJsonArray coders = out[QLatin1String("coders")].toArray();
        QCOMPARE(coders.size(), 2);
        const QJsonObject ana = objectWith(coders, "coder", s("Ana"));
        QCOMPARE(ana[QLatin1String("units")].toInt(), 2);
        QCOMPARE(ana[QLatin1String("agreements")].toInt(), 1);
        QCOMPARE(ana[QLatin1String("percent_agreement")].toDouble(), 0.5);
        QCOMPARE(ana[QLatin1String("errors")][QLatin1String("boundary")].toInt(), 1);
        const QJsonObject ben = objectWith(coders, "coder", s("Ben"));
        QCOMPARE(ben[QLatin1String("units")].toInt(), 3);
        QCOMPARE(ben[QLatin1String("agreements")].toInt(), 1);
        QCOMPARE(ben[QLatin1String("errors")][QLatin1String("extra")].toInt(), 1);
        QCOMPARE(ben[QLatin1String("errors")][QLatin1String("fields")].toInt(), 1);
        QCOMPARE(ben[QLatin1String("field_differences")][QLatin1String("Type")].toInt(), 1);
        const QJsonObject benQuote = objectWith(ben[QLatin1String("codes")].toArray(), "code", s("Quote"));
        QCOMPARE(benQuote[QLatin1String("errors")][QLatin1String("fields")].toInt(), 1);
        // Ben's quote span is the consensus's: unitizing α of Quote is 1.
        QCOMPARE(benQuote[QLatin1String("unitizing_alpha")].toDouble(), 1.0);
        const QJsonObject anaSpeaker = objectWith(ana[QLatin1String("codes")].toArray(), "code", s("Speaker"));
        QVERIFY(anaSpeaker[QLatin1String("unitizing_alpha")].toDouble() < 1.0);

        // The text form and one coder.
        const CliRun text = cli({s("reliability"), s("--against"), s("Consensus"), s("--coders"), s("Ben")});
        QVERIFY2(text.ok(), qPrintable(text.describe()));
        QVERIFY(text.out.contains("Ben"));
        QVERIFY(!text.out.contains("Ana"));
        QVERIFY(text.out.contains("field Type differs in 1"));
    }

    // A coder's own view: review against the consensus.
    void reviewAgainstTheConsensus()
    {
        const CliRun r = cli({s("review"), s("--coders"), s("Ana,Consensus"), s("--json")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        const QJsonArray items = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items[0][QLatin1String("kind")].toString(), s("boundary"));
        QCOMPARE(items[0][QLatin1String("b")][QLatin1String("coder")].toString(), s("Consensus"));
    }

    void disagreementReport()
    {
        const QString path = m_dir.filePath(s("report.html"));
        CliRun r = cli({s("disagreement-report"), s("--against"), s("Consensus"), s("--out"), path});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QVERIFY(r.out.contains("3 disputed passages in 3 codes")); // Ana: Speaker; Ben: Quote, Claim
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(f.readAll());
        QVERIFY(html.contains(s("<mark>Critics called the plan reckless</mark>")));
        QVERIFY(html.contains(s("training &lt;note&gt; &amp; more"))); // the rationale, escaped
        QVERIFY(html.contains(s("<h2>Claim</h2>")));
        // Ben's claim is extra because the lead rejected it: the report says so.
        const qsizetype claim = html.indexOf(s("<h2>Claim</h2>"));
        QVERIFY(html.indexOf(s("<th>Decision</th><td>reject — by Lena"), claim) > claim);

        const QString pair = m_dir.filePath(s("pair.html"));
        r = cli({s("disagreement-report"), s("--coders"), s("Ana,Ben"), s("--out"), pair, s("--context"), s("10")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QVERIFY(QFile::exists(pair));
    }

    void badInput()
    {
        const QString path = m_dir.filePath(s("bad.html"));
        const QList<QStringList> bad = {
            {s("disagreement-report"), s("--against"), s("Nobody"), s("--out"), path},
            {s("disagreement-report"), s("--coders"), s("Ana"), s("--out"), path},
            {s("disagreement-report"), s("--against"), s("Consensus")},
            {s("disagreement-report"), s("--against"), s("Consensus"), s("--out"), path, s("--context"), s("-3")},
            {s("reliability"), s("--against"), s("Nobody")},
            {s("reliability"), s("--against"), s("Consensus"), s("--coders"), s("Consensus")},
            {s("reliability"), s("--against"), s("Consensus"), s("--codes"), s("No such code")},
        };
        for (const QStringList &args : bad) {
            const CliRun r = cli(args);
            QVERIFY2(r.exitCode == 2, qPrintable(args.join(u' ') + u' ' + r.describe()));
            QVERIFY2(!r.err.isEmpty(), qPrintable(args.join(u' ')));
        }
        QVERIFY(!QFile::exists(path));
        const CliRun missing = runCli({s("reliability"), m_dir.filePath(s("none.newscoder")), s("--against"), s("Consensus")});
        QCOMPARE(missing.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliConsensus)
#include "tst_cli_consensus.moc"
