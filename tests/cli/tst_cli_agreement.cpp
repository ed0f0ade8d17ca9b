// newscoder-cli agreement: output keys, values for hand-made projects, the
// units file and its round trip through `reliability --unitizing`, errors.
// Every run goes through the shared runner (CliTestSupport.h): a binary that
// does not start, hangs or crashes fails the test.
#include "CliTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace newscoder::test;

namespace {

QJsonObject jsonOf(const Run &r)
{
    return QJsonDocument::fromJson(r.out).object();
}

// A project with one article of exactly `text`; returns the article id.
QString projectWithArticle(const QTemporaryDir &dir, const QString &project, const QByteArray &text)
{
    QFile article(dir.filePath(QStringLiteral("article.txt")));
    if (!article.open(QIODevice::WriteOnly))
        return {};
    article.write(text);
    article.close();
    if (!cli({QStringLiteral("new"), project}).ok() || !cli({QStringLiteral("import"), project, article.fileName()}).ok())
        return {};
    const QJsonArray docs =
        QJsonDocument::fromJson(cli({QStringLiteral("documents"), project, QStringLiteral("--json")}).out).array();
    return docs.size() == 1 ? docs.first().toObject().value(u"id").toString() : QString();
}

bool annotate(const QString &project, const QString &id, const QString &coder, int start, int end,
              const QString &code = QStringLiteral("Quote"))
{
    return cli({QStringLiteral("annotate"), project, QStringLiteral("--document"), id, QStringLiteral("--code"), code,
                QStringLiteral("--start"), QString::number(start), QStringLiteral("--end"), QString::number(end),
                QStringLiteral("--coder"), coder})
        .ok();
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
        QVERIFY(cli({QStringLiteral("new"), project}).ok());
        QVERIFY(cli({QStringLiteral("import"), project, article.fileName()}).ok());
        const QJsonArray docs =
            QJsonDocument::fromJson(cli({QStringLiteral("documents"), project, QStringLiteral("--json")}).out).array();
        const QString id = docs.first().toObject().value(u"id").toString();
        for (const QString &coder : {QStringLiteral("Ana"), QStringLiteral("Ben")}) {
            const Run r = cli({QStringLiteral("annotate"), project, QStringLiteral("--document"), id,
                               QStringLiteral("--code"), QStringLiteral("Quote"), QStringLiteral("--match"),
                               QStringLiteral("talks are frozen"), QStringLiteral("--coder"), coder});
            QVERIFY2(r.ok(), qPrintable(r.describe()));
        }
        const Run r = cli({QStringLiteral("agreement"), project, QStringLiteral("--codes"), QStringLiteral("Quote"),
                           QStringLiteral("--json")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        const QJsonObject report = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(report.value(u"coders").toArray().size(), 2);
        QCOMPARE(report.value(u"documents").toInt(), 1);
        const QJsonArray rows = report.value(u"rows").toArray();
        QCOMPARE(rows.size(), 2);
        const QJsonObject unitizing = rows.at(0).toObject();
        for (const char *key : {"code", "measure", "level", "value", "observed", "expected", "units", "coders",
                                "pairable_values", "note", "merged", "merges"})
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
        QVERIFY(cli({QStringLiteral("new"), project}).ok());
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
        QVERIFY(cli(QStringList{QStringLiteral("import"), project} + files).ok());
        const QJsonArray docs =
            QJsonDocument::fromJson(cli({QStringLiteral("documents"), project, QStringLiteral("--json")}).out).array();
        QCOMPARE(docs.size(), 6);
        auto annotate = [&](int doc, const QString &coder, const QString &match) {
            const Run r = cli({QStringLiteral("annotate"), project, QStringLiteral("--document"),
                               docs.at(doc).toObject().value(u"id").toString(), QStringLiteral("--code"),
                               QStringLiteral("Quote"), QStringLiteral("--match"), match, QStringLiteral("--coder"),
                               coder});
            QVERIFY2(r.ok(), qPrintable(r.describe()));
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
        QVERIFY2(r.ok(), qPrintable(r.describe()));
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
        QVERIFY2(text.ok(), qPrintable(text.describe()));
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

    // Issue 21: one article of 122 characters; coder A codes Quote [20,40)
    // and [40,60), coder B [20,60) and [70,90). Both commands give the same
    // alpha_u, -2575/167201 = -0.0154 by hand, with 4 units (touching spans
    // are not merged), and the units file reproduces it.
    void touchingSpansGiveOneAnswerInBothCommands()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.newscoder"));
        const QString id = projectWithArticle(dir, project, QByteArray(121, 'x') + '\n');
        QVERIFY(!id.isEmpty());
        const QJsonArray docs =
            QJsonDocument::fromJson(cli({QStringLiteral("documents"), project, QStringLiteral("--json")}).out).array();
        QCOMPARE(docs.first().toObject().value(u"length").toInt(), 122);
        QVERIFY(annotate(project, id, QStringLiteral("A"), 20, 40));
        QVERIFY(annotate(project, id, QStringLiteral("A"), 40, 60));
        QVERIFY(annotate(project, id, QStringLiteral("B"), 20, 60));
        QVERIFY(annotate(project, id, QStringLiteral("B"), 70, 90));

        const QString units = dir.filePath(QStringLiteral("units.csv"));
        const Run agreement = cli({QStringLiteral("agreement"), project, QStringLiteral("--codes"),
                                   QStringLiteral("Quote"), QStringLiteral("--json"), QStringLiteral("--units-csv"),
                                   units});
        QVERIFY2(agreement.ok(), qPrintable(agreement.describe()));
        const QJsonObject report = jsonOf(agreement);
        const QJsonObject row = report.value(u"rows").toArray().at(0).toObject();
        QCOMPARE(row.value(u"measure").toString(), QStringLiteral("unitizing-alpha"));
        const double value = row.value(u"value").toDouble();
        QVERIFY2(std::abs(value - -2575.0 / 167201) < 1e-14, qPrintable(QString::number(value, 'g', 17)));
        QCOMPARE(row.value(u"units").toInt(), 4);
        QCOMPARE(row.value(u"merged").toInt(), 0);
        QCOMPARE(row.value(u"merges").toArray().size(), 0);
        const QJsonObject written = report.value(u"units_csv").toObject();
        QCOMPARE(written.value(u"units").toInt(), 4);
        QCOMPARE(written.value(u"articles").toInt(), 1);
        QCOMPARE(written.value(u"continuum_length").toInt(), 122);

        // The units file: a row per coder for the article, then the spans.
        QFile file(units);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        QVERIFY2(csv.startsWith("coder,category,article,begin,length\r\nA,,") && csv.contains(",0,122\r\n") &&
                     csv.contains(QByteArray("A,Quote," + id.toUtf8() + ",40,20\r\n")),
                 csv.constData());
        // reliability --unitizing on it: the same alpha_u, to the last bit.
        for (const QStringList &extra : {QStringList{}, QStringList{QStringLiteral("--continuum"), QStringLiteral("0:122")}}) {
            const Run reliability = cli(QStringList{QStringLiteral("reliability"), units, QStringLiteral("--unitizing"),
                                                    QStringLiteral("--json")} + extra);
            QVERIFY2(reliability.ok(), qPrintable(reliability.describe()));
            const QJsonObject quote = jsonOf(reliability).value(u"per_category").toObject().value(u"Quote").toObject();
            QCOMPARE(quote.value(u"value").toDouble(), value);
            QCOMPARE(quote.value(u"observed").toDouble(), row.value(u"observed").toDouble());
            QCOMPARE(quote.value(u"expected").toDouble(), row.value(u"expected").toDouble());
            QCOMPARE(quote.value(u"units").toInt(), 4);
        }
        // And the four spans as in the issue, on one continuum without articles.
        QFile plain(dir.filePath(QStringLiteral("u.csv")));
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.write("coder,category,begin,length\nA,Quote,20,20\nA,Quote,40,20\nB,Quote,20,40\nB,Quote,70,20\n");
        plain.close();
        const Run issue = cli({QStringLiteral("reliability"), plain.fileName(), QStringLiteral("--unitizing"),
                               QStringLiteral("--continuum"), QStringLiteral("0:122"), QStringLiteral("--json")});
        QVERIFY2(issue.ok(), qPrintable(issue.describe()));
        QCOMPARE(jsonOf(issue).value(u"value").toDouble(), value);
        QCOMPARE(jsonOf(issue).value(u"units").toInt(), 4);
    }

    // Overlapping spans of one coder and code are merged and reported: the
    // count per row, and in the JSON the coder, article, spans and annotations.
    void mergedOverlapsAreReported()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.newscoder"));
        const QString id = projectWithArticle(dir, project, "Title\n\n" + QByteArray(200, 'y') + '\n');
        QVERIFY(!id.isEmpty());
        QVERIFY(annotate(project, id, QStringLiteral("Ana"), 10, 30));
        QVERIFY(annotate(project, id, QStringLiteral("Ana"), 25, 40));
        QVERIFY(annotate(project, id, QStringLiteral("Ana"), 40, 50)); // touches: stays a unit of its own
        QVERIFY(annotate(project, id, QStringLiteral("Ben"), 10, 40));
        const Run r = cli({QStringLiteral("agreement"), project, QStringLiteral("--codes"), QStringLiteral("Quote"),
                           QStringLiteral("--json")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        const QJsonObject row = jsonOf(r).value(u"rows").toArray().at(0).toObject();
        QCOMPARE(row.value(u"merged").toInt(), 1);
        QCOMPARE(row.value(u"units").toInt(), 3);
        const QJsonObject merge = row.value(u"merges").toArray().at(0).toObject();
        QCOMPARE(merge.value(u"coder").toString(), QStringLiteral("Ana"));
        QCOMPARE(merge.value(u"article").toString(), id);
        QCOMPARE(merge.value(u"spans").toArray(), (QJsonArray{QJsonArray{10, 30}, QJsonArray{25, 40}}));
        QCOMPARE(merge.value(u"unit").toArray(), (QJsonArray{10, 40}));
        QCOMPARE(merge.value(u"annotations").toArray().size(), 2);
        const QJsonArray annotations =
            QJsonDocument::fromJson(cli({QStringLiteral("annotations"), project, QStringLiteral("--json")}).out).array();
        for (const QJsonValue &a : annotations) {
            const QJsonObject o = a.toObject();
            const bool merged = merge.value(u"annotations").toArray().contains(o.value(u"id"));
            QCOMPARE(merged, o.value(u"coder").toString() == u"Ana" && o.value(u"start").toInt() < 40);
        }
        // The text output gives the count and lists the merge.
        const Run text = cli({QStringLiteral("agreement"), project, QStringLiteral("--codes"), QStringLiteral("Quote")});
        QVERIFY2(text.ok(), qPrintable(text.describe()));
        QVERIFY2(text.out.contains("merged 1") && text.out.contains("Ana") && text.out.contains("[10,30) + [25,40) -> [10,40)"),
                 text.out.constData());
        // The help says what each number is.
        const Run help = cli({QStringLiteral("agreement"), QStringLiteral("--help")});
        QVERIFY(help.ok());
        QVERIFY(help.out.contains("--units-csv") && help.out.contains("observed and expected") &&
                help.out.contains("merged"));
    }

    // A span whose text was edited away stays a unit (flagged for review, on
    // the character where its text was) and the units file carries it.
    // (Units of length 0 through the CLI: tst_cli_reliability; in a project:
    // tst_projectagreement.)
    void orphanedSpanStillCounts()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.newscoder"));
        const QString id = projectWithArticle(dir, project, "Title\n\nThe minister said it.\n");
        QVERIFY(!id.isEmpty());
        QVERIFY(annotate(project, id, QStringLiteral("Ana"), 7, 20));
        QVERIFY(annotate(project, id, QStringLiteral("Ben"), 7, 20));
        QVERIFY(annotate(project, id, QStringLiteral("Ben"), 22, 25));
        // Ben's second span loses its text.
        const Run edit = cli({QStringLiteral("edit-text"), project, QStringLiteral("--document"), id,
                              QStringLiteral("--at"), QStringLiteral("22"), QStringLiteral("--remove"), QStringLiteral("3")});
        QVERIFY2(edit.ok(), qPrintable(edit.describe()));
        const QString units = dir.filePath(QStringLiteral("units.csv"));
        const Run r = cli({QStringLiteral("agreement"), project, QStringLiteral("--codes"), QStringLiteral("Quote"),
                           QStringLiteral("--json"), QStringLiteral("--units-csv"), units});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        const QJsonObject row = jsonOf(r).value(u"rows").toArray().at(0).toObject();
        QCOMPARE(row.value(u"units").toInt(), 3);
        QVERIFY(row.value(u"value").isDouble());
        const Run again = cli({QStringLiteral("reliability"), units, QStringLiteral("--unitizing"), QStringLiteral("--json")});
        QVERIFY2(again.ok(), qPrintable(again.describe()));
        QCOMPARE(jsonOf(again).value(u"value").toDouble(), row.value(u"value").toDouble());
    }

    void unitsCsvIsAllOrNothing()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.newscoder"));
        const QString id = projectWithArticle(dir, project, "Title\n\nThe minister said it.\n");
        QVERIFY(annotate(project, id, QStringLiteral("Ana"), 7, 20));
        QVERIFY(annotate(project, id, QStringLiteral("Ben"), 8, 20));
        // A folder that does not exist: exit 2, a message, nothing on stdout, no file.
        const QString bad = dir.filePath(QStringLiteral("missing/units.csv"));
        const Run r = cli({QStringLiteral("agreement"), project, QStringLiteral("--units-csv"), bad});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("cannot write"), r.err.constData());
        QVERIFY(r.out.isEmpty());
        QVERIFY(!QFile::exists(bad));
        // An existing file is replaced whole.
        const QString units = dir.filePath(QStringLiteral("units.csv"));
        QFile old(units);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write(QByteArray(100000, 'z'));
        old.close();
        const Run ok = cli({QStringLiteral("agreement"), project, QStringLiteral("--units-csv"), units});
        QVERIFY2(ok.ok(), qPrintable(ok.describe()));
        QVERIFY(ok.out.contains("units written to"));
        QFile written(units);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QByteArray csv = written.readAll();
        QVERIFY(csv.startsWith("coder,category,article,begin,length\r\n") && !csv.contains('z'));
    }

    void errors()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.newscoder"));
        QVERIFY(cli({QStringLiteral("new"), project}).ok());
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
