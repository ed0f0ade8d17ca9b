// newscoder-cli agreement: output keys, values for a hand-made project, errors.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run cli(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(NEWSCODER_CLI_PATH), arguments);
    process.waitForFinished(60000);
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

} // namespace

class TestCliAgreement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agreementOfTwoCoders()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.newscoder"));
        QFile article(dir.filePath(QStringLiteral("a.txt")));
        QVERIFY(article.open(QIODevice::WriteOnly));
        article.write("Harbour talks stall\n\nThe minister said \"talks are frozen\" until May.\n");
        article.close();
        QCOMPARE(cli({QStringLiteral("new"), project}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("import"), project, article.fileName()}).exitCode, 0);
        const QJsonArray docs =
            QJsonDocument::fromJson(cli({QStringLiteral("documents"), project, QStringLiteral("--json")}).out).array();
        const QString id = docs.first().toObject().value(u"id").toString();
        for (const QString &coder : {QStringLiteral("Ana"), QStringLiteral("Ben")}) {
            const Run r = cli({QStringLiteral("annotate"), project, QStringLiteral("--document"), id,
                               QStringLiteral("--code"), QStringLiteral("Quote"), QStringLiteral("--match"),
                               QStringLiteral("talks are frozen"), QStringLiteral("--coder"), coder});
            QCOMPARE(r.exitCode, 0);
        }
        const Run r = cli({QStringLiteral("agreement"), project, QStringLiteral("--codes"), QStringLiteral("Quote"),
                           QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject report = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(report.value(u"coders").toArray().size(), 2);
        QCOMPARE(report.value(u"documents").toInt(), 1);
        const QJsonArray rows = report.value(u"rows").toArray();
        QCOMPARE(rows.size(), 2);
        const QJsonObject unitizing = rows.at(0).toObject();
        for (const char *key : {"code", "measure", "level", "value", "observed", "expected", "units", "coders",
                                "pairable_values", "note"})
            QVERIFY2(unitizing.contains(QLatin1String(key)), key);
        QCOMPARE(unitizing.value(u"measure").toString(), QStringLiteral("unitizing-alpha"));
        QCOMPARE(unitizing.value(u"value").toDouble(), 1.0);
        // Presence: one article, both coded it present: nothing varies -> null with a note.
        const QJsonObject presence = rows.at(1).toObject();
        QVERIFY(presence.value(u"value").isNull());
        QVERIFY(!presence.value(u"note").toString().isEmpty());
    }

    void errors()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.newscoder"));
        QCOMPARE(cli({QStringLiteral("new"), project}).exitCode, 0);
        Run r = cli({QStringLiteral("agreement"), project}); // no coders at all
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("two coders"));
        r = cli({QStringLiteral("agreement")});
        QCOMPARE(r.exitCode, 1);
        r = cli({QStringLiteral("agreement"), dir.filePath(QStringLiteral("missing.newscoder"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.err.isEmpty());
        r = cli({QStringLiteral("agreement"), project, QStringLiteral("--documents"), QStringLiteral("ffff")});
        QCOMPARE(r.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliAgreement)
#include "tst_cli_agreement.moc"
