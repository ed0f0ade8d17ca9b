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
        // No bootstrap asked: the interval is there, as null.
        QVERIFY(unitizing.contains(u"ci95") && unitizing.value(u"ci95").isNull());
        QVERIFY(presence.contains(u"ci95") && presence.value(u"ci95").isNull());
        QVERIFY(!report.contains(u"bootstrap"));
    }

    void bootstrapInterval()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.newscoder"));
        QCOMPARE(cli({QStringLiteral("new"), project}).exitCode, 0);
        // Six articles; Ana and Ben agree on the quote in some and not in others.
        QStringList files;
        for (int i = 0; i < 6; ++i) {
            QFile article(dir.filePath(QStringLiteral("a%1.txt").arg(i)));
            QVERIFY(article.open(QIODevice::WriteOnly));
            article.write(QStringLiteral("Story %1\n\nThe minister said \"talks are frozen\" until May, and the "
                                         "union said \"we will strike\" on Friday.\n")
                              .arg(i)
                              .toUtf8());
            files << article.fileName();
        }
        QCOMPARE(cli(QStringList{QStringLiteral("import"), project} + files).exitCode, 0);
        const QJsonArray docs =
            QJsonDocument::fromJson(cli({QStringLiteral("documents"), project, QStringLiteral("--json")}).out).array();
        QCOMPARE(docs.size(), 6);
        auto annotate = [&](int doc, const QString &coder, const QString &match) {
            const Run r = cli({QStringLiteral("annotate"), project, QStringLiteral("--document"),
                               docs.at(doc).toObject().value(u"id").toString(), QStringLiteral("--code"),
                               QStringLiteral("Quote"), QStringLiteral("--match"), match, QStringLiteral("--coder"),
                               coder});
            QCOMPARE(r.exitCode, 0);
        };
        for (int i = 0; i < 6; ++i) {
            annotate(i, QStringLiteral("Ana"), QStringLiteral("talks are frozen"));
            annotate(i, QStringLiteral("Ben"),
                     i % 2 ? QStringLiteral("talks are frozen") : QStringLiteral("we will strike"));
        }

        const QStringList base{QStringLiteral("agreement"), project, QStringLiteral("--codes"), QStringLiteral("Quote"),
                               QStringLiteral("--json")};
        const Run r = cli(base + QStringList{QStringLiteral("--bootstrap"), QStringLiteral("500"),
                                             QStringLiteral("--seed"), QStringLiteral("7")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject report = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(report.value(u"bootstrap").toObject().value(u"draws").toInt(), 500);
        QCOMPARE(report.value(u"bootstrap").toObject().value(u"seed").toInteger(), 7);
        const QJsonObject unitizing = report.value(u"rows").toArray().at(0).toObject();
        QCOMPARE(unitizing.value(u"measure").toString(), QStringLiteral("unitizing-alpha"));
        const double value = unitizing.value(u"value").toDouble();
        QVERIFY(value < 1.0);
        const QJsonArray ci = unitizing.value(u"ci95").toArray();
        QCOMPARE(ci.size(), 2);
        QVERIFY(ci.at(0).isDouble() && ci.at(1).isDouble());
        QVERIFY(ci.at(0).toDouble() <= value && value <= ci.at(1).toDouble());
        QVERIFY(ci.at(0).toDouble() < ci.at(1).toDouble());
        // Present in every article for both: undefined, so no interval.
        const QJsonObject presence = report.value(u"rows").toArray().at(1).toObject();
        QVERIFY(presence.value(u"value").isNull());
        QVERIFY(presence.value(u"ci95").isNull());

        // The same seed again: the same interval; the text output shows it too.
        const Run again = cli(base + QStringList{QStringLiteral("--bootstrap"), QStringLiteral("500"),
                                                 QStringLiteral("--seed"), QStringLiteral("7")});
        QCOMPARE(QJsonDocument::fromJson(again.out).object().value(u"rows").toArray().at(0).toObject().value(u"ci95"),
                 QJsonValue(ci));
        const Run text = cli({QStringLiteral("agreement"), project, QStringLiteral("--codes"), QStringLiteral("Quote"),
                              QStringLiteral("--bootstrap"), QStringLiteral("500"), QStringLiteral("--seed"),
                              QStringLiteral("7")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("95% CI [%1, %2]")
                                       .arg(QString::number(ci.at(0).toDouble(), 'f', 3),
                                            QString::number(ci.at(1).toDouble(), 'f', 3))
                                       .toUtf8()),
                 text.out.constData());

        // Bad numbers of draws and seeds: exit 2, a message on stderr, nothing on stdout.
        for (const QString &bad : {QStringLiteral("0"), QStringLiteral("-5"), QStringLiteral("abc"),
                                   QStringLiteral("100001"), QStringLiteral("2.5"), QString()}) {
            const Run e = cli(base + QStringList{QStringLiteral("--bootstrap"), bad});
            QCOMPARE(e.exitCode, 2);
            QVERIFY2(e.err.contains("--bootstrap needs a number of draws from 1 to 100000"), e.err.constData());
            QVERIFY(e.out.isEmpty());
        }
        Run e = cli(base + QStringList{QStringLiteral("--bootstrap"), QStringLiteral("10"), QStringLiteral("--seed"),
                                       QStringLiteral("x")});
        QCOMPARE(e.exitCode, 2);
        QVERIFY(e.err.contains("--seed"));
        e = cli(base + QStringList{QStringLiteral("--seed"), QStringLiteral("3")});
        QCOMPARE(e.exitCode, 2);
        QVERIFY(e.err.contains("--seed needs --bootstrap"));
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
