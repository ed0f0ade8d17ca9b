// `autocode PROJECT --quotes [--documents ID,...] --coder NAME` and
// `suggestions PROJECT --json` with the speaker links and actors (issue 20),
// accepting a quote with its speaker and a new actor, bad input.
#include "CliTestSupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include "TestPaths.h"

using namespace newscoder::test;
using namespace Qt::StringLiterals;

namespace {

const QString Article =
    u"Port strike looms\n\nHarbour minister Ana Reyes said on Monday that the port would reopen in May. \"We will not "
    u"wait any longer,\" Reyes told reporters. Union leader Tomás Brandt warned that workers would strike. \"This plan "
    u"is dead,\" he said.\n"_s;
const QString Other = u"Quiet day at the market\n\n\"Prices are fair,\" trader Lio Ambers said.\n"_s;

QString sharedDir()
{
    return qEnvironmentVariableIsSet("NEWSCODER_SHARED_DIR") ? qEnvironmentVariable("NEWSCODER_SHARED_DIR")
                                                             : QStringLiteral(NEWSCODER_DEFAULT_SHARED_DIR);
}

bool runningInCi()
{
    return qEnvironmentVariable("CI") == QLatin1String("true");
}

bool writeText(const QString &path, const QString &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text.toUtf8()) > 0;
}

// The quote suggestion row whose "quote" object has a speaker with this text.
QJsonObject rowWithSpeaker(const QJsonArray &rows, const QString &speaker)
{
    for (const QJsonValue &v : rows) {
        const QJsonObject q = v.toObject().value(u"quote"_s).toObject();
        if (q.value(u"speaker"_s).toObject().value(u"text"_s).toString() == speaker)
            return v.toObject();
    }
    return {};
}

} // namespace

class TestCliQuoteSuggest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project;
    QString m_reyes;
    QStringList m_docs; // ids: Article, Other

    QJsonArray suggestionsJson()
    {
        const CliRun r = runCli({u"suggestions"_s, m_project, u"--json"_s});
        if (!r.ok())
            return {};
        return QJsonDocument::fromJson(r.out).array();
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_project = m_dir.filePath(QUuid::createUuid().toString(QUuid::WithoutBraces) + u".newscoder"_s);
        QVERIFY(runCli({u"new"_s, m_project}).ok());
        const QString a = m_dir.filePath(u"a.txt"_s), b = m_dir.filePath(u"b.txt"_s);
        QVERIFY(writeText(a, Article) && writeText(b, Other));
        QVERIFY(runCli({u"import"_s, m_project, a, b}).ok());
        QVERIFY(runCli({u"actor-add"_s, m_project, u"Ana Reyes"_s}).ok());
        const QJsonArray actors = QJsonDocument::fromJson(runCli({u"actors"_s, m_project, u"--json"_s}).out).array();
        m_reyes = actors.at(0).toObject().value(u"id"_s).toString();
        const QJsonArray docs = QJsonDocument::fromJson(runCli({u"documents"_s, m_project, u"--json"_s}).out).array();
        m_docs.clear();
        for (const QString &title : {u"Port strike looms"_s, u"Quiet day at the market"_s}) {
            for (const QJsonValue &d : docs) {
                if (d.toObject().value(u"title"_s).toString() == title)
                    m_docs << d.toObject().value(u"id"_s).toString();
            }
        }
        QCOMPARE(m_docs.size(), 2);
    }

    void suggestsQuotesWithSpeakerLinksAndActors()
    {
        CliRun r = runCli({u"autocode"_s, m_project, u"--quotes"_s, u"--coder"_s, u"Alex"_s, u"--json"_s});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        const QJsonObject summary = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(summary.value(u"documents"_s).toInt(), 2);
        const int quotes = summary.value(u"quotes"_s).toInt();
        QVERIFY(quotes >= 3);
        QCOMPARE(summary.value(u"ids"_s).toArray().size(), quotes);
        const QJsonArray rows = suggestionsJson();
        int quoteRows = 0, speakerRows = 0;
        for (const QJsonValue &v : rows) {
            const QString code = v.toObject().value(u"code"_s).toString();
            quoteRows += code == u"Quote";
            speakerRows += code == u"Speaker";
            if (code == u"Quote")
                QVERIFY(v.toObject().contains(u"quote"_s));
        }
        QCOMPARE(quoteRows, quotes);
        QCOMPARE(speakerRows, summary.value(u"speakers"_s).toInt());
        // A matched actor: the registry's id.
        const QJsonObject reyes = rowWithSpeaker(rows, u"Reyes"_s).value(u"quote"_s).toObject();
        QCOMPARE(reyes.value(u"kind"_s).toString(), u"direct"_s);
        QVERIFY(!reyes.value(u"rule"_s).toString().isEmpty());
        QVERIFY(reyes.value(u"confidence"_s).toDouble() > 0.0);
        QCOMPARE(reyes.value(u"actor"_s).toObject().value(u"id"_s).toString(), m_reyes);
        QCOMPARE(reyes.value(u"actor"_s).toObject().value(u"new"_s).toBool(), false);
        // A pronoun speaker, an actor proposed.
        const QJsonObject he = rowWithSpeaker(rows, u"he"_s);
        const QJsonObject heQuote = he.value(u"quote"_s).toObject();
        QCOMPARE(heQuote.value(u"actor"_s).toObject().value(u"name"_s).toString(), u"Tomás Brandt"_s);
        QCOMPARE(heQuote.value(u"actor"_s).toObject().value(u"new"_s).toBool(), true);
        QVERIFY(heQuote.value(u"actor"_s).toObject().value(u"id"_s).isNull());
        // The speaker span's offsets are its text's.
        const QJsonObject speaker = heQuote.value(u"speaker"_s).toObject();
        QCOMPARE(speaker.value(u"end"_s).toInt() - speaker.value(u"start"_s).toInt(), 2);

        // Accepting it makes the quote, the speaker and the new actor.
        r = runCli({u"suggestions"_s, m_project, u"--accept"_s, he.value(u"id"_s).toString()});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        const QJsonArray left = suggestionsJson();
        QCOMPARE(left.size(), rows.size() - 2);
        QVERIFY(rowWithSpeaker(left, u"he"_s).isEmpty());
        const QJsonArray actors = QJsonDocument::fromJson(runCli({u"actors"_s, m_project, u"--json"_s}).out).array();
        QCOMPARE(actors.size(), 2);
        bool brandt = false;
        for (const QJsonValue &a : actors)
            brandt |= a.toObject().value(u"name"_s).toString() == u"Tomás Brandt"_s
                && a.toObject().value(u"links"_s).toInt() == 1;
        QVERIFY(brandt);

        // Again: nothing new.
        r = runCli({u"autocode"_s, m_project, u"--quotes"_s, u"--coder"_s, u"Alex"_s, u"--json"_s});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(u"quotes"_s).toInt(), 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(u"skipped"_s).toInt(), quotes);
    }

    void onlyTheChosenArticles()
    {
        const CliRun r = runCli({u"autocode"_s, m_project, u"--quotes"_s, u"--documents"_s, m_docs[1].left(8),
                                 u"--coder"_s, u"Alex"_s, u"--json"_s});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        const QJsonObject summary = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(summary.value(u"documents"_s).toInt(), 1);
        QCOMPARE(summary.value(u"quotes"_s).toInt(), 1);
        const QJsonArray rows = suggestionsJson();
        for (const QJsonValue &v : rows)
            QCOMPARE(v.toObject().value(u"document"_s).toString(), m_docs[1]);
        const QJsonObject q = rowWithSpeaker(rows, u"trader Lio Ambers"_s).value(u"quote"_s).toObject();
        QCOMPARE(q.value(u"actor"_s).toObject().value(u"name"_s).toString(), u"Lio Ambers"_s);
    }

    void badInputIsRefused()
    {
        const QByteArray before = fileHash(m_project);
        CliRun r = runCli({u"autocode"_s, m_project, u"--quotes"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("--coder"));
        r = runCli({u"autocode"_s, m_project, u"--quotes"_s, u"--documents"_s, u"ffffffff"_s, u"--coder"_s, u"A"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("no document"), r.err.constData());
        r = runCli({u"autocode"_s, m_dir.filePath(u"missing.newscoder"_s), u"--quotes"_s, u"--coder"_s, u"A"_s});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(fileHash(m_project), before);
    }

    void realCorpusQuotesHaveSpeakers()
    {
        const QDir corpus(sharedDir() + u"/corpus"_s);
        const QStringList files = corpus.entryList({u"*.txt"_s}, QDir::Files, QDir::Name);
        if (files.size() < 5) {
            if (runningInCi())
                QFAIL("no corpus under NEWSCODER_SHARED_DIR with CI=true");
            QSKIP("real corpus not available (set NEWSCODER_SHARED_DIR)");
        }
        const QString project = m_dir.filePath(u"corpus.newscoder"_s);
        QVERIFY(runCli({u"new"_s, project}).ok());
        QStringList args{u"import"_s, project};
        for (const QString &f : files)
            args << corpus.filePath(f);
        QVERIFY(runCli(args).ok());
        const CliRun r = runCli({u"autocode"_s, project, u"--quotes"_s, u"--coder"_s, u"Alex"_s, u"--json"_s});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(u"documents"_s).toInt(), int(files.size()));
        const QJsonArray rows = QJsonDocument::fromJson(runCli({u"suggestions"_s, project, u"--json"_s}).out).array();
        int quotes = 0, withSpeaker = 0, peskov = 0;
        for (const QJsonValue &v : rows) {
            const QJsonObject q = v.toObject().value(u"quote"_s).toObject();
            if (q.isEmpty())
                continue;
            ++quotes;
            withSpeaker += q.value(u"speaker"_s).isObject();
            peskov += q.value(u"actor"_s).toObject().value(u"name"_s).toString().contains(u"Peskov"_s);
        }
        // Five articles built of "…," Peskov said: many quotes, nearly all with a speaker span.
        QVERIFY2(quotes >= 25, qPrintable(QString::number(quotes)));
        QVERIFY2(withSpeaker * 10 >= quotes * 9, qPrintable(u"%1 of %2"_s.arg(withSpeaker).arg(quotes)));
        QVERIFY(peskov >= 5);
    }
};

QTEST_GUILESS_MAIN(TestCliQuoteSuggest)
#include "tst_cli_quotesuggest.moc"
