// "My articles" and blind coding through newscoder-cli, run as a real process:
// `my-articles` lists a coder's assigned articles with done flags and missing
// required values (and follows `assign --done`); while blind coding is on,
// `annotations`, `suggestions` and `search --memos` show a coder (named with
// --as or NEWSCODER_CODER) only their own rows, a lead everyone's, and refuse
// to answer when nobody is named.
#include "StudyFixture.h"

#include <QFile>
#include <QSet>

using namespace newscoder::test;

namespace {

QSet<QString> codersIn(const QJsonArray &rows)
{
    QSet<QString> coders;
    for (const QJsonValue &v : rows)
        coders.insert(v[u"coder"].toString());
    return coders;
}

} // namespace

class TestCliMyArticles : public StudyFixture
{
    Q_OBJECT

    QJsonObject myArticles(const QString &coder)
    {
        return QJsonDocument::fromJson(ok({s("my-articles"), m_project, s("--coder"), coder, s("--json")}).out).object();
    }

    static QJsonObject row(const QJsonObject &mine, const QString &document)
    {
        for (const QJsonValue &v : mine[u"articles"].toArray()) {
            if (v[u"document"].toString() == document)
                return v.toObject();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        buildStudy();
        QVERIFY(ok({s("assign"), m_project, s("--coder"), s("Ana"), s("--documents"), m_festival + u',' + m_harbour}).ok());
        QVERIFY(ok({s("assign"), m_project, s("--coder"), s("Ben"), s("--documents"), m_festival}).ok());
    }

    void listsAssignedArticlesWithDoneAndMissing()
    {
        QJsonObject mine = myArticles(s("Ana"));
        QCOMPARE(mine[u"coder"].toString(), s("Ana"));
        QCOMPARE(mine[u"assigned"].toInt(), 2);
        QCOMPARE(mine[u"done"].toInt(), 0);
        QCOMPARE(mine[u"articles"].toArray().size(), 2);
        const int harbourMissing = row(mine, m_harbour)[u"missing_required"].toInt();
        QVERIFY(harbourMissing > 0); // a Quote without its required Type, required article variables
        int withMissing = 0;
        for (const QJsonValue &v : mine[u"articles"].toArray())
            withMissing += v[u"missing_required"].toInt() > 0 ? 1 : 0;
        QCOMPARE(mine[u"with_missing_required"].toInt(), withMissing);

        QVERIFY(ok({s("assign"), m_project, s("--coder"), s("Ana"), s("--done"), m_festival}).ok());
        mine = myArticles(s("Ana"));
        QCOMPARE(mine[u"done"].toInt(), 1);
        QVERIFY(row(mine, m_festival)[u"done"].toBool());
        QVERIFY(!row(mine, m_harbour)[u"done"].toBool());
        QCOMPARE(myArticles(s("Ben"))[u"done"].toInt(), 0); // Ana's mark is hers

        // A required value given: one missing fewer.
        QVERIFY(ok({s("set-variable"), m_project, s("--document"), m_harbour, s("--coder"), s("Ana"), s("--field"),
                    s("Slant=1")})
                    .ok());
        QCOMPARE(row(myArticles(s("Ana")), m_harbour)[u"missing_required"].toInt(), harbourMissing - 1);

        const CliRun text = ok({s("my-articles"), m_project, s("--coder"), s("Ana")});
        QVERIFY2(text.out.contains("done 1 / 2"), text.out.constData());
        QVERIFY(text.out.contains("✓"));
        QVERIFY(ok({s("assign"), m_project, s("--coder"), s("Ana"), s("--not-done"), m_festival}).ok());
        QCOMPARE(myArticles(s("Ana"))[u"done"].toInt(), 0);
    }

    void badRequestsAreRefused()
    {
        QCOMPARE(runCli({s("my-articles"), m_project}).exitCode, 1);
        const CliRun unknown = runCli({s("my-articles"), m_project, s("--coder"), s("Nobody")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains("Nobody"));
        QCOMPARE(runCli({s("my-articles"), out(s("missing.newscoder")), s("--coder"), s("Ana")}).exitCode, 2);
    }

    void blindCodingKeepsCodersToTheirOwnRows()
    {
        // Memos and suggestions of both coders.
        QVERIFY(!annotate(m_harbour, s("Ana"), {s("--code"), s("Claim"), s("--match"), s("talks"), s("--memo"),
                                                s("harbour memo by Ana")})
                     .isEmpty());
        QVERIFY(!annotate(m_harbour, s("Ben"), {s("--code"), s("Claim"), s("--match"), s("talks"), s("--memo"),
                                                s("harbour memo by Ben")})
                     .isEmpty());
        for (const QString &coder : {s("Ana"), s("Ben")})
            QVERIFY(ok({s("autocode"), m_project, s("talks"), s("--code"), s("Speaker"), s("--coder"), coder}).ok());
        // Open: everyone sees everything, no name needed.
        const auto annotations = [&](const QStringList &extra) {
            return runCli(QStringList{s("annotations"), m_project, s("--json")} + extra);
        };
        QCOMPARE(codersIn(QJsonDocument::fromJson(annotations({}).out).array()), (QSet<QString>{s("Ana"), s("Ben")}));

        QVERIFY(ok({s("coders"), m_project, s("--set"), s("Lea"), s("--role"), s("lead")}).ok());
        QVERIFY(ok({s("coders"), m_project, s("--blind"), s("on")}).ok());

        const CliRun nobody = annotations({});
        QCOMPARE(nobody.exitCode, 2);
        QVERIFY2(nobody.err.contains("--as"), nobody.err.constData());
        QCOMPARE(codersIn(QJsonDocument::fromJson(ok({s("annotations"), m_project, s("--json"), s("--as"), s("Ana")}).out)
                              .array()),
                 QSet<QString>{s("Ana")});
        QCOMPARE(annotations({s("--as"), s("Ana"), s("--coder"), s("Ben")}).exitCode, 2);
        QCOMPARE(codersIn(QJsonDocument::fromJson(ok({s("annotations"), m_project, s("--json"), s("--as"), s("Lea")}).out)
                              .array()),
                 (QSet<QString>{s("Ana"), s("Ben")}));
        // NEWSCODER_CODER names the asker when --as is not given.
        qputenv("NEWSCODER_CODER", "Ben");
        const CliRun ben = annotations({});
        qunsetenv("NEWSCODER_CODER");
        QVERIFY2(ben.ok(), ben.err.constData());
        QCOMPARE(codersIn(QJsonDocument::fromJson(ben.out).array()), QSet<QString>{s("Ben")});

        // Suggestions.
        QCOMPARE(runCli({s("suggestions"), m_project, s("--json")}).exitCode, 2);
        const QJsonArray anasSuggestions =
            QJsonDocument::fromJson(ok({s("suggestions"), m_project, s("--json"), s("--as"), s("Ana")}).out).array();
        QVERIFY(!anasSuggestions.isEmpty());
        QCOMPARE(codersIn(anasSuggestions), QSet<QString>{s("Ana")});
        QCOMPARE(codersIn(QJsonDocument::fromJson(ok({s("suggestions"), m_project, s("--json"), s("--as"), s("Lea")}).out)
                              .array()),
                 (QSet<QString>{s("Ana"), s("Ben")}));
        // Ana rejecting "all" rejects only hers; Ben's stay.
        QVERIFY(ok({s("suggestions"), m_project, s("--reject"), s("--all"), s("--as"), s("Ana")}).ok());
        QCOMPARE(codersIn(QJsonDocument::fromJson(ok({s("suggestions"), m_project, s("--json"), s("--as"), s("Lea")}).out)
                              .array()),
                 QSet<QString>{s("Ben")});

        // Memo search.
        const auto memoHits = [&](const QString &who) {
            QSet<QString> memos;
            const QJsonObject o = QJsonDocument::fromJson(ok({s("search"), m_project, s("harbour memo"), s("--memos"),
                                                              s("--json"), s("--as"), who})
                                                              .out)
                                      .object();
            for (const QJsonValue &h : o[u"hits"].toArray())
                memos.insert(h[u"memo"].toString());
            return memos;
        };
        QCOMPARE(memoHits(s("Ana")), QSet<QString>{s("harbour memo by Ana")});
        QCOMPARE(memoHits(s("Lea")), (QSet<QString>{s("harbour memo by Ana"), s("harbour memo by Ben")}));
        QCOMPARE(runCli({s("search"), m_project, s("harbour memo"), s("--memos")}).exitCode, 2);
        // The article texts are nobody's work: searching them needs no name.
        QVERIFY(ok({s("search"), m_project, s("talks")}).ok());

        // Comparing coders is the lead's, as in the window; a coder exports only their own work.
        for (const QStringList &compare :
             {QStringList{s("agreement"), m_project, s("--json")},
              QStringList{s("review"), m_project, s("--coders"), s("Ana,Ben"), s("--json")},
              QStringList{s("reliability"), m_project, s("--against"), s("Consensus"), s("--json")},
              QStringList{s("disagreement-report"), m_project, s("--coders"), s("Ana,Ben"), s("--out"),
                          m_dir.filePath(s("report.html"))}}) {
            const CliRun coder = runCli(compare + QStringList{s("--as"), s("Ana")});
            QCOMPARE(coder.exitCode, 2);
            QVERIFY2(coder.err.contains("lead"), coder.err.constData());
            QCOMPARE(runCli(compare).exitCode, 2); // nobody named
        }
        QVERIFY(ok({s("agreement"), m_project, s("--json"), s("--as"), s("Lea")}).ok());
        QVERIFY(ok({s("review"), m_project, s("--coders"), s("Ana,Ben"), s("--json"), s("--as"), s("Lea")}).ok());
        QVERIFY(!QFile::exists(m_dir.filePath(s("report.html"))));
        const QString csv = m_dir.filePath(s("ana.csv"));
        QVERIFY(ok({s("export"), m_project, s("--table"), s("segments"), s("--format"), s("csv"), s("--out"), csv,
                    s("--as"), s("Ana")})
                    .ok());
        QFile written(csv);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QByteArray rows = written.readAll();
        QVERIFY(rows.contains(",Ana,"));
        QVERIFY2(!rows.contains(",Ben,"), rows.constData());
        QCOMPARE(runCli({s("export"), m_project, s("--table"), s("segments"), s("--format"), s("csv"), s("--out"),
                         m_dir.filePath(s("ben.csv")), s("--as"), s("Ana"), s("--coders"), s("Ben")})
                     .exitCode,
                 2);
        QVERIFY(!QFile::exists(m_dir.filePath(s("ben.csv"))));

        QVERIFY(ok({s("coders"), m_project, s("--blind"), s("off")}).ok());
        QCOMPARE(codersIn(QJsonDocument::fromJson(annotations({}).out).array()), (QSet<QString>{s("Ana"), s("Ben")}));
    }
};

QTEST_GUILESS_MAIN(TestCliMyArticles)
#include "tst_cli_myarticles.moc"
