// Coder packages through newscoder-cli: package for two coders, each codes
// their package with `annotate`, `merge --json` brings both back (report
// counts), merging again changes nothing (file hash), the coders'
// annotations are in the master; bad input exits 2 and writes nothing.
#include "CliTestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace newscoder::test;

namespace {

} // namespace

class TestCliMerge : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_master;
    QStringList m_articles;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_master = path(QStringLiteral("master.newscoder"));
        QVERIFY(runCli({QStringLiteral("new"), m_master}).ok());
        const QStringList texts = {
            QStringLiteral("Harbour talks stall\n\nMayor Ines Roth said \"we will not sign this week\".\n"),
            QStringLiteral("Ferry fares rise\n\nThe operator said fares rise in May. Nobody objected.\n")};
        QStringList files;
        for (int i = 0; i < texts.size(); ++i) {
            QFile f(path(QStringLiteral("article%1.txt").arg(i)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(texts[i].toUtf8());
            files << f.fileName();
        }
        QVERIFY(runCli(QStringList{QStringLiteral("import"), m_master} + files).ok());
        const CliRun docs = runCli({QStringLiteral("documents"), m_master, QStringLiteral("--json")});
        QVERIFY2(docs.ok(), qPrintable(docs.describe()));
        for (const QJsonValue &d : json(docs).array()) { // the harbour article first: the coders code it
            if (d[QLatin1String("title")].toString() == QLatin1String("Harbour talks stall"))
                m_articles.prepend(d[QLatin1String("id")].toString());
            else
                m_articles.append(d[QLatin1String("id")].toString());
        }
        QCOMPARE(m_articles.size(), 2);
        for (const QString &coder : {QStringLiteral("Ana"), QStringLiteral("Ben")}) {
            const CliRun r = runCli({QStringLiteral("assign"), m_master, QStringLiteral("--coder"), coder,
                                     QStringLiteral("--documents"), m_articles.join(u',')});
            QVERIFY2(r.ok(), qPrintable(r.describe()));
        }
    }

    void packageCodeAndMerge()
    {
        for (const QString &coder : {QStringLiteral("Ana"), QStringLiteral("Ben")}) {
            const QString out = path(coder.toLower() + QStringLiteral(".newscoder"));
            const CliRun r = runCli({QStringLiteral("package"), m_master, QStringLiteral("--coder"), coder,
                                     QStringLiteral("--out"), out, QStringLiteral("--json")});
            QVERIFY2(r.ok(), qPrintable(r.describe()));
            QCOMPARE(json(r)[QLatin1String("articles")].toInt(), 2);
            QCOMPARE(json(r)[QLatin1String("annotations")].toInt(), 0);
        }
        const auto annotate = [&](const QString &file, const QString &coder, const QString &code, const QString &match) {
            const CliRun r = runCli({QStringLiteral("annotate"), file, QStringLiteral("--document"), m_articles[0],
                                     QStringLiteral("--code"), code, QStringLiteral("--match"), match,
                                     QStringLiteral("--coder"), coder});
            QVERIFY2(r.ok(), qPrintable(r.describe()));
        };
        annotate(path(QStringLiteral("ana.newscoder")), QStringLiteral("Ana"), QStringLiteral("Speaker"),
                 QStringLiteral("Mayor Ines Roth"));
        annotate(path(QStringLiteral("ana.newscoder")), QStringLiteral("Ana"), QStringLiteral("Quote"),
                 QStringLiteral("\"we will not sign this week\""));
        annotate(path(QStringLiteral("ben.newscoder")), QStringLiteral("Ben"), QStringLiteral("Speaker"),
                 QStringLiteral("Ines Roth"));
        // Ben found another article and imported it into his package: the merge adds it.
        {
            QFile brief(path(QStringLiteral("brief.txt")));
            QVERIFY(brief.open(QIODevice::WriteOnly));
            brief.write("Ferry timetable\n\nThe winter timetable for the island ferry starts next week.\n");
        }
        const CliRun imported = runCli({QStringLiteral("import"), path(QStringLiteral("ben.newscoder")),
                                        path(QStringLiteral("brief.txt"))});
        QVERIFY2(imported.ok(), qPrintable(imported.describe()));

        CliRun r = runCli({QStringLiteral("merge"), m_master, path(QStringLiteral("ana.newscoder")),
                           path(QStringLiteral("ben.newscoder")), QStringLiteral("--json")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        const QJsonArray reports = json(r).array();
        QCOMPARE(reports.size(), 2);
        QCOMPARE(reports[0][QLatin1String("added")][QLatin1String("annotations")].toInt(), 2);
        QCOMPARE(reports[1][QLatin1String("added")][QLatin1String("annotations")].toInt(), 1);
        QCOMPARE(reports[0][QLatin1String("added")][QLatin1String("articles")].toInt(), 0);
        QCOMPARE(reports[1][QLatin1String("added")][QLatin1String("articles")].toInt(), 1);
        QVERIFY(reports[0][QLatin1String("conflicts")].toArray().isEmpty());
        QVERIFY(reports[1][QLatin1String("conflicts")].toArray().isEmpty());
        r = runCli({QStringLiteral("documents"), m_master, QStringLiteral("--json")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QCOMPARE(json(r).array().size(), 3);
        r = runCli({QStringLiteral("annotations"), m_master, QStringLiteral("--coder"), QStringLiteral("Ana"),
                    QStringLiteral("--json")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QCOMPARE(json(r).array().size(), 2);

        // Again: the same report of nothing to do, the file untouched.
        const QByteArray before = fileHash(m_master);
        r = runCli({QStringLiteral("merge"), m_master, path(QStringLiteral("ben.newscoder")),
                    path(QStringLiteral("ana.newscoder")), QStringLiteral("--json")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        for (const QJsonValue &report : json(r).array()) {
            QCOMPARE(report[QLatin1String("added")][QLatin1String("annotations")].toInt(), 0);
            QCOMPARE(report[QLatin1String("added")][QLatin1String("articles")].toInt(), 0);
            QCOMPARE(report[QLatin1String("updated")][QLatin1String("annotations")].toInt(), 0);
            QVERIFY(report[QLatin1String("unchanged")][QLatin1String("annotations")].toInt() > 0);
        }
        QCOMPARE(fileHash(m_master), before);
    }

    void blindCodingSetting()
    {
        CliRun r = runCli({QStringLiteral("coders"), m_master});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QVERIFY(r.out.contains("Blind coding: off"));
        r = runCli({QStringLiteral("coders"), m_master, QStringLiteral("--blind"), QStringLiteral("on")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QVERIFY(runCli({QStringLiteral("coders"), m_master}).out.contains("Blind coding: on"));
        r = runCli({QStringLiteral("coders"), m_master, QStringLiteral("--blind"), QStringLiteral("maybe")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(runCli({QStringLiteral("coders"), m_master, QStringLiteral("--blind"), QStringLiteral("off")}).ok());
        QVERIFY(runCli({QStringLiteral("coders"), m_master}).out.contains("Blind coding: off"));
    }

    void badInputWritesNothing()
    {
        const QByteArray before = fileHash(m_master);
        QFile junk(path(QStringLiteral("junk.newscoder")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not a project");
        junk.close();
        CliRun r = runCli({QStringLiteral("merge"), m_master, path(QStringLiteral("ana.newscoder")), junk.fileName()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.err.isEmpty());
        r = runCli({QStringLiteral("merge"), m_master, path(QStringLiteral("missing.newscoder"))});
        QCOMPARE(r.exitCode, 2);
        r = runCli({QStringLiteral("package"), m_master, QStringLiteral("--coder"), QStringLiteral("Nobody"),
                    QStringLiteral("--out"), path(QStringLiteral("nobody.newscoder"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("nobody.newscoder"))));
        r = runCli({QStringLiteral("merge"), m_master, QStringLiteral("--prefer"), QStringLiteral("both"),
                    path(QStringLiteral("ana.newscoder"))});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(fileHash(m_master), before);
    }
};

QTEST_GUILESS_MAIN(TestCliMerge)
#include "tst_cli_merge.moc"
