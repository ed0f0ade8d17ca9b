// `newscoder-cli reliability` through the real binary: every measure once,
// unitizing alpha, the bootstrap, and every error path (exit code + stderr).
// Published values are cited at each use; the engine's own tests
// (tests/core/stats) hold the detailed derivations.

#include "CliTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include "TestPaths.h"

using namespace Qt::StringLiterals;

namespace {

struct Run : newscoder::test::CliRun
{
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

// Through the shared runner: a binary that does not start or finish fails the test.
Run cli(const QStringList &arguments)
{
    return {newscoder::test::runCli(QStringList{u"reliability"_s} + arguments)};
}

QString data(const QString &name)
{
    return QStringLiteral(NEWSCODER_TEST_DATA_DIR "/stats/") + name;
}

// Rows of a two-coder contingency table as CSV lines.
QByteArray tableCsv(const QStringList &labels, const std::vector<std::vector<int>> &table)
{
    QByteArray out = "first,second\n";
    for (size_t a = 0; a < table.size(); ++a)
        for (size_t b = 0; b < table[a].size(); ++b)
            for (int i = 0; i < table[a][b]; ++i)
                out += (labels[qsizetype(a)] + u',' + labels[qsizetype(b)] + u'\n').toUtf8();
    return out;
}

#define CHECK_VALUE(run, expected, tolerance)                                                                \
    do {                                                                                                     \
        QCOMPARE((run).exitCode, 0);                                                                         \
        const QJsonValue v_ = (run).json().value(u"value"_s);                                                \
        QVERIFY2(v_.isDouble(), (run).out.constData());                                                      \
        QVERIFY2(std::abs(v_.toDouble() - (expected)) <= (tolerance), (run).out.constData());                \
    } while (false)

#define CHECK_FAILS(run, code)                                                                               \
    do {                                                                                                     \
        const Run r_ = (run);                                                                                \
        QCOMPARE(r_.exitCode, code);                                                                         \
        QVERIFY(!r_.err.trimmed().isEmpty());                                                                \
        QVERIFY(r_.out.isEmpty());                                                                           \
    } while (false)

} // namespace

class TestCliReliability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void alphaAllLevels_data();
    void alphaAllLevels();
    void kappaFamily();
    void twoCoderMeasures();
    void bootstrap();
    void unitizing();
    void headerOnlyIsNull();
    void humanReadableSummary();
    void csvDialect();
    void help();
    void usageErrors();
    void badInput();
    void garbageNeverCrashes();

private:
    QString write(const QString &name, const QByteArray &content);
    QTemporaryDir m_dir;
};

QString TestCliReliability::write(const QString &name, const QByteArray &content)
{
    QFile f(m_dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(content);
    return f.fileName();
}

void TestCliReliability::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QFile::exists(QStringLiteral(NEWSCODER_CLI_PATH)));
}

void TestCliReliability::alphaAllLevels_data()
{
    QTest::addColumn<QString>("level");
    QTest::addColumn<double>("expected");
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C.
    QTest::newRow("nominal") << u"nominal"_s << 0.743;
    QTest::newRow("ordinal") << u"ordinal"_s << 0.815;
    QTest::newRow("interval") << u"interval"_s << 0.849;
    QTest::newRow("ratio") << u"ratio"_s << 0.797;
}

void TestCliReliability::alphaAllLevels()
{
    QFETCH(QString, level);
    QFETCH(double, expected);
    const Run r =
        cli({data(u"krippendorff2011.csv"_s), u"--measure"_s, u"alpha"_s, u"--level"_s, level, u"--json"_s});
    CHECK_VALUE(r, expected, 0.0005);
    const QJsonObject o = r.json();
    QCOMPARE(o.value(u"measure"_s).toString(), u"alpha"_s);
    QCOMPARE(o.value(u"level"_s).toString(), level);
    QCOMPARE(o.value(u"units"_s).toInt(), 11);
    QCOMPARE(o.value(u"pairable_values"_s).toInt(), 40);
    QVERIFY(o.value(u"observed"_s).isDouble());
    QVERIFY(o.value(u"expected"_s).isDouble());
    QVERIFY(o.value(u"note"_s).isNull());
    QVERIFY(o.value(u"ci95"_s).isNull());
    QCOMPARE(o.value(u"categories"_s).toArray().size(), 5);
    QCOMPARE(o.value(u"categories"_s).toArray().first().toString(), u"1"_s);
}

void TestCliReliability::kappaFamily()
{
    // Gwet (2014), Handbook, data cac.raw4raters (= Krippendorff 2011 C);
    // values of Gwet's irrCAC: AC1 .775, AC2 quadratic .914, Fleiss .761,
    // Brennan-Prediger (= Randolph) .773. Percent agreement by hand: 86 of
    // 110 ordered pairs agree = 43/55.
    const QString file = data(u"krippendorff2011.csv"_s);
    CHECK_VALUE(cli({file, u"--measure"_s, u"gwet"_s, u"--json"_s}), 0.775, 0.0005);
    const Run ac2 = cli({file, u"--measure"_s, u"gwet"_s, u"--weights"_s, u"quadratic"_s, u"--json"_s});
    CHECK_VALUE(ac2, 0.914, 0.0005);
    QCOMPARE(ac2.json().value(u"weights"_s).toString(), u"quadratic"_s);
    QVERIFY(ac2.json().value(u"level"_s).isNull());
    CHECK_VALUE(cli({file, u"--measure"_s, u"fleiss"_s, u"--json"_s}), 0.761, 0.0005);
    CHECK_VALUE(cli({file, u"--measure"_s, u"bennett"_s, u"--json"_s}), 0.773, 0.0005);
    CHECK_VALUE(cli({file, u"--measure"_s, u"randolph"_s, u"--json"_s}), 0.773, 0.0005);
    const Run percent = cli({file, u"--measure"_s, u"percent"_s, u"--json"_s});
    CHECK_VALUE(percent, 43.0 / 55, 1e-12);
    QVERIFY(percent.json().value(u"expected"_s).isNull());
}

void TestCliReliability::twoCoderMeasures()
{
    // Cohen (1960), p. 45: kappa = .492.
    const QString cohen =
        write(u"cohen.csv"_s, tableCsv({u"1"_s, u"2"_s, u"3"_s}, {{88, 14, 18}, {10, 40, 10}, {2, 6, 12}}));
    const Run k = cli({cohen, u"--measure"_s, u"cohen"_s, u"--json"_s});
    CHECK_VALUE(k, 0.492, 0.0005);
    QCOMPARE(k.json().value(u"units"_s).toInt(), 200);
    QCOMPARE(k.json().value(u"observed"_s).toDouble(), 0.7);
    // Artstein & Poesio (2008), p. 558: Scott's pi = .341.
    const QString ap = write(u"ap.csv"_s, tableCsv({u"STAT"_s, u"IReq"_s}, {{20, 10}, {20, 50}}));
    CHECK_VALUE(cli({ap, u"--measure"_s, u"scott"_s, u"--json"_s}), 0.341, 0.0005);
    // irrCAC's cont3x3abstractors (Gwet 2014): quadratic weighted kappa .892;
    // the declared order is not the order of first appearance.
    const QString abs = write(u"abstractors.csv"_s, tableCsv({u"NIU"_s, u"AIU"_s, u"Ectopic"_s},
                                                             {{56, 4, 0}, {7, 20, 0}, {0, 0, 13}}));
    const Run w = cli({abs, u"--measure"_s, u"weighted-cohen"_s, u"--weights"_s, u"quadratic"_s,
                       u"--categories"_s, u"Ectopic,AIU,NIU"_s, u"--json"_s});
    CHECK_VALUE(w, 0.892, 0.0005);
    QCOMPARE(w.json().value(u"categories"_s).toArray().first().toString(), u"Ectopic"_s);
}

void TestCliReliability::bootstrap()
{
    const QStringList args{data(u"krippendorff2011.csv"_s),
                           u"--measure"_s,
                           u"alpha"_s,
                           u"--bootstrap"_s,
                           u"500"_s,
                           u"--seed"_s,
                           u"7"_s,
                           u"--json"_s};
    const Run a = cli(args);
    const Run b = cli(args);
    CHECK_VALUE(a, 0.743, 0.0005);
    QCOMPARE(a.out, b.out); // reproducible
    const QJsonArray ci = a.json().value(u"ci95"_s).toArray();
    QCOMPARE(ci.size(), 2);
    QVERIFY(ci[0].toDouble() < 0.743 && 0.743 < ci[1].toDouble());
    QCOMPARE(a.json().value(u"bootstrap"_s).toObject().value(u"draws"_s).toInt(), 500);
    QCOMPARE(a.json().value(u"bootstrap"_s).toObject().value(u"seed"_s).toInt(), 7);
    // Other measures resample units too.
    const Run k = cli({data(u"krippendorff2011.csv"_s), u"--measure"_s, u"fleiss"_s, u"--bootstrap"_s,
                       u"200"_s, u"--json"_s});
    QCOMPARE(k.json().value(u"ci95"_s).toArray().size(), 2);
}

void TestCliReliability::unitizing()
{
    // Krippendorff (2004, Content Analysis, p. 254) example as in DKPro
    // Statistics: alpha_u(c) = .7286; over both categories .8591 (+-.0005).
    const QString spans = data(u"krippendorff2004_spans.csv"_s);
    const Run all = cli({spans, u"--unitizing"_s, u"--continuum"_s, u"150:300"_s, u"--json"_s});
    CHECK_VALUE(all, 0.8591, 0.0005);
    const QJsonObject o = all.json();
    QCOMPARE(o.value(u"measure"_s).toString(), u"unitizing-alpha"_s);
    QCOMPARE(o.value(u"units"_s).toInt(), 9);
    QCOMPARE(o.value(u"pairable_values"_s).toInt(), 600);
    QCOMPARE(o.value(u"categories"_s).toArray().size(), 2);
    QCOMPARE(o.value(u"per_category"_s).toObject().value(u"k"_s).toObject().value(u"value"_s).toDouble(),
             1.0);
    const Run c =
        cli({spans, u"--unitizing"_s, u"--continuum"_s, u"150:300"_s, u"--category"_s, u"c"_s, u"--json"_s});
    CHECK_VALUE(c, 0.7286, 0.00005);
    QCOMPARE(c.json().value(u"category"_s).toString(), u"c"_s);
    // A third coder who marked nothing still counts and lowers agreement.
    const Run three = cli({spans, u"--unitizing"_s, u"--continuum"_s, u"150:300"_s, u"--coders"_s,
                           u"i,j,silent"_s, u"--json"_s});
    QCOMPARE(three.exitCode, 0);
    QVERIFY(three.json().value(u"value"_s).toDouble() < 0.5);
    QCOMPARE(three.json().value(u"pairable_values"_s).toInt(), 900);
    // Overall D_o and D_e are the means over the categories (as DKPro
    // Statistics prints them); alpha is 1 - their ratio either way.
    const QJsonObject perCategory = o.value(u"per_category"_s).toObject();
    const double meanObserved = (perCategory.value(u"c"_s).toObject().value(u"observed"_s).toDouble() +
                                 perCategory.value(u"k"_s).toObject().value(u"observed"_s).toDouble()) / 2;
    const double meanExpected = (perCategory.value(u"c"_s).toObject().value(u"expected"_s).toDouble() +
                                 perCategory.value(u"k"_s).toObject().value(u"expected"_s).toDouble()) / 2;
    QVERIFY(std::abs(o.value(u"observed"_s).toDouble() - meanObserved) < 1e-15);
    QVERIFY(std::abs(o.value(u"expected"_s).toDouble() - meanExpected) < 1e-15);
    QVERIFY(std::abs(o.value(u"value"_s).toDouble() - (1 - meanObserved / meanExpected)) < 1e-14);
    // Units of length 0 are units (issue 14): j's point at 380 lies inside
    // i's [370, 400) (and in a gap of j), so it adds to D_o.
    QFile source(spans);
    QVERIFY(source.open(QIODevice::ReadOnly));
    const QString withPoint = write(u"point.csv"_s, source.readAll() + "j,c,380,0\n");
    const Run point = cli({withPoint, u"--unitizing"_s, u"--continuum"_s, u"150:300"_s, u"--json"_s});
    QCOMPARE(point.exitCode, 0);
    const QJsonObject pointC = point.json().value(u"per_category"_s).toObject().value(u"c"_s).toObject();
    QCOMPARE(pointC.value(u"units"_s).toInt(), 6);
    QVERIFY(pointC.value(u"observed"_s).toDouble() >
            perCategory.value(u"c"_s).toObject().value(u"observed"_s).toDouble());
    // A category nobody marked: null with a note.
    const Run none =
        cli({spans, u"--unitizing"_s, u"--continuum"_s, u"150:300"_s, u"--category"_s, u"zz"_s, u"--json"_s});
    QCOMPARE(none.exitCode, 0);
    QVERIFY(none.json().value(u"value"_s).isNull());
    QVERIFY(!none.json().value(u"note"_s).toString().isEmpty());
}

void TestCliReliability::headerOnlyIsNull()
{
    const QString file = write(u"header.csv"_s, "A,B,C\n");
    for (const QString &measure : {u"alpha"_s, u"cohen"_s, u"fleiss"_s}) {
        const Run r = cli({file, u"--measure"_s, measure, u"--json"_s});
        if (measure == u"cohen"_s) { // three coders: not a two-coder measure
            CHECK_FAILS(r, 2);
            continue;
        }
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.json().value(u"value"_s).isNull());
        QVERIFY(!r.json().value(u"note"_s).toString().isEmpty());
        QCOMPARE(r.json().value(u"units"_s).toInt(), 0);
    }
    const QString spans = write(u"spans-header.csv"_s, "coder,category,begin,length\n");
    const Run u =
        cli({spans, u"--unitizing"_s, u"--continuum"_s, u"0:100"_s, u"--coders"_s, u"a,b"_s, u"--json"_s});
    QCOMPARE(u.exitCode, 0);
    QVERIFY(u.json().value(u"value"_s).isNull());
}

void TestCliReliability::humanReadableSummary()
{
    const Run r =
        cli({data(u"krippendorff2011.csv"_s), u"--measure"_s, u"alpha"_s, u"--level"_s, u"interval"_s});
    QCOMPARE(r.exitCode, 0);
    const QString text = QString::fromUtf8(r.out);
    QVERIFY(text.startsWith(u"Krippendorff's alpha (interval): 0.8491"_s));
    QVERIFY(text.contains(u"pairable values: 40"_s));
}

void TestCliReliability::csvDialect()
{
    // UTF-8 BOM, CRLF, quoted names and values with commas: the binary example
    // of Krippendorff (2011, section A), alpha = .095.
    const QString file = write(u"dialect.csv"_s, "\xEF\xBB\xBF\"Coder, A\",\"B\"\r\n"
                                                 "no,yes\r\n\"yes\",yes\r\nno,yes\r\nno,no\r\nno,no\r\n"
                                                 "no,yes\r\nno,no\r\nno,no\r\nyes,no\r\nno,no\r\n");
    CHECK_VALUE(cli({file, u"--measure"_s, u"alpha"_s, u"--json"_s}), 0.095, 0.0005);
}

void TestCliReliability::help()
{
    const Run r = cli({u"--help"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("--measure"));
    QVERIFY(r.out.contains("newscoder-cli reliability"));
}

void TestCliReliability::usageErrors()
{
    const QString file = data(u"krippendorff2011.csv"_s);
    CHECK_FAILS(cli({file, u"--measure"_s, u"alpha"_s, u"--bogus"_s}), 1);
    CHECK_FAILS(cli({u"--measure"_s, u"alpha"_s}), 1);
    CHECK_FAILS(cli({file, file, u"--measure"_s, u"alpha"_s}), 1);
    CHECK_FAILS(cli({file}), 1);
    CHECK_FAILS(cli({file, u"--measure"_s, u"kappa"_s}), 1);
    CHECK_FAILS(cli({file, u"--measure"_s, u"alpha"_s, u"--level"_s, u"cardinal"_s}), 1);
    CHECK_FAILS(cli({file, u"--measure"_s, u"fleiss"_s, u"--level"_s, u"ordinal"_s}), 1);
    CHECK_FAILS(cli({file, u"--measure"_s, u"weighted-cohen"_s}), 1);
    CHECK_FAILS(cli({file, u"--measure"_s, u"cohen"_s, u"--weights"_s, u"linear"_s}), 1);
    CHECK_FAILS(cli({file, u"--measure"_s, u"gwet"_s, u"--weights"_s, u"cubic"_s}), 1);
    CHECK_FAILS(cli({file, u"--measure"_s, u"alpha"_s, u"--bootstrap"_s, u"0"_s}), 1);
    CHECK_FAILS(cli({file, u"--measure"_s, u"alpha"_s, u"--bootstrap"_s, u"many"_s}), 1);
    CHECK_FAILS(cli({file, u"--measure"_s, u"alpha"_s, u"--seed"_s, u"3"_s}), 1);
    CHECK_FAILS(cli({file, u"--measure"_s, u"alpha"_s, u"--categories"_s, u"1,,2"_s}), 1);
    CHECK_FAILS(cli({file, u"--measure"_s, u"alpha"_s, u"--continuum"_s, u"0:10"_s}), 1);
    // Spans without an article column need the continuum.
    CHECK_FAILS(cli({data(u"krippendorff2004_spans.csv"_s), u"--unitizing"_s}), 1);
    CHECK_FAILS(cli({file, u"--unitizing"_s, u"--continuum"_s, u"10"_s}), 1);
    CHECK_FAILS(cli({file, u"--unitizing"_s, u"--continuum"_s, u"0:-5"_s}), 1);
    CHECK_FAILS(cli({file, u"--unitizing"_s, u"--continuum"_s, u"0:10"_s, u"--measure"_s, u"alpha"_s}), 1);
}

void TestCliReliability::badInput()
{
    const QStringList alpha{u"--measure"_s, u"alpha"_s};
    const QStringList interval{u"--measure"_s, u"alpha"_s, u"--level"_s, u"interval"_s};
    CHECK_FAILS(cli(QStringList{m_dir.filePath(u"missing.csv"_s)} + alpha), 2);
    CHECK_FAILS(cli(QStringList{m_dir.path()} + alpha), 2);              // a directory
    CHECK_FAILS(cli(QStringList{write(u"empty.csv"_s, "")} + alpha), 2); // no header
    CHECK_FAILS(cli(QStringList{write(u"ragged.csv"_s, "A,B\n1,2\n1,2,3\n")} + alpha), 2);
    CHECK_FAILS(cli(QStringList{write(u"text.csv"_s, "A,B\n1,2\n1,two\n")} + interval), 2);
    CHECK_FAILS(cli(QStringList{write(u"one.csv"_s, "A\n1\n2\n")} + alpha), 2); // one coder
    CHECK_FAILS(cli(QStringList{write(u"dup.csv"_s, "A,A\n1\n")} + alpha), 2);
    CHECK_FAILS(cli(QStringList{data(u"krippendorff2011.csv"_s), u"--measure"_s, u"alpha"_s,
                                u"--categories"_s, u"1,2,3,4"_s}),
                2); // 5 is not declared
    CHECK_FAILS(cli(QStringList{data(u"krippendorff2011.csv"_s), u"--measure"_s, u"cohen"_s}), 2); // 4 coders
    CHECK_FAILS(cli(QStringList{write(u"neg.csv"_s, "A,B\n-1,2\n3,3\n")} +
                    QStringList{u"--measure"_s, u"alpha"_s, u"--level"_s, u"ratio"_s}),
                2);
    CHECK_FAILS(cli(QStringList{write(u"quote.csv"_s, "A,B\n\"1,2\n")} + alpha), 2);
    CHECK_FAILS(cli(QStringList{write(u"latin1.csv"_s, "A,B\n\xE4,\xF6\n")} + alpha), 2);
    const QStringList unitizing{u"--unitizing"_s, u"--continuum"_s, u"150:300"_s};
    CHECK_FAILS(
        cli(QStringList{write(u"outside.csv"_s, "coder,category,begin,length\ni,c,440,20\nj,c,150,5\n")} +
            unitizing),
        2);
    CHECK_FAILS(cli(QStringList{write(u"columns.csv"_s, "coder,begin,length\ni,150,5\n")} + unitizing), 2);
    CHECK_FAILS(
        cli(QStringList{write(u"solo.csv"_s, "coder,category,begin,length\ni,c,150,5\n")} + unitizing), 2);
    CHECK_FAILS(cli(QStringList{data(u"krippendorff2004_spans.csv"_s)} + unitizing +
                    QStringList{u"--coders"_s, u"i,x"_s}),
                2); // j not named
}

void TestCliReliability::garbageNeverCrashes()
{
    // Arbitrary bytes: a clear failure or a result, never a crash or a hang.
    QByteArray bytes;
    quint32 x = 12345;
    for (int i = 0; i < 4000; ++i) {
        x = x * 1664525u + 1013904223u;
        const char alphabet[] = "ab1,\"\r\n \xC3\xA4-.5e";
        bytes += alphabet[(x >> 24) % (sizeof alphabet - 1)];
    }
    const QString file = write(u"garbage.csv"_s, bytes);
    for (const QStringList &args :
         {QStringList{u"--measure"_s, u"alpha"_s}, QStringList{u"--measure"_s, u"gwet"_s},
          QStringList{u"--measure"_s, u"alpha"_s, u"--level"_s, u"ratio"_s},
          QStringList{u"--unitizing"_s, u"--continuum"_s, u"0:1000"_s}}) {
        const Run r = cli(QStringList{file} + args);
        QVERIFY2(r.exitCode == 0 || r.exitCode == 2, r.err.constData());
    }
}

QTEST_GUILESS_MAIN(TestCliReliability)
#include "tst_cli_reliability.moc"
