// Pinned bootstrap results. The quantile rule is Hyndman & Fan (1996) type 7
// (linear interpolation between order statistics: h = (n − 1)·p, value =
// x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋])), the interval is the (1 − level)/2
// and (1 + level)/2 quantiles of the defined draws, units are drawn with
// std::mt19937_64 seeded with the seed, and a draw of two units maps each
// generator output to the unit given by its top bit. A case small enough to
// enumerate by hand checks all of this; golden intervals for fixed seeds keep
// published results reproducible across releases (a change of the resampler,
// the quantile rule or the use of `level` turns them red).
#include "StatsTestData.h"
#include "stats/Bootstrap.h"
#include "stats/KappaFamily.h"
#include "stats/KrippendorffAlpha.h"

#include <QTest>
#include <random>

using namespace newscoder::stats;
using namespace testdata;
using namespace Qt::StringLiterals;

class TestStatsBootstrapPinned : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void handEnumeratedCase();
    void goldenIntervals();
};

void TestStatsBootstrapPinned::handEnumeratedCase()
{
    // Two units: A agrees (yes, yes), B does not (yes, no). Percent agreement of a
    // sample of two units: A A → 1, A B or B A → 0.5, B B → 0.
    const ReliabilityData data = fromUnits({{0, 0}, {0, 1}}, {u"yes"_s, u"no"_s});
    QCOMPARE(*percentAgreement(data).value, 0.5);

    // Seed 11: the top bits of the first twelve outputs, i.e. the units drawn.
    std::mt19937_64 generator(11);
    QList<int> units;
    for (int i = 0; i < 12; ++i)
        units << int(generator() >> 63);
    QCOMPARE(units, (QList<int>{0, 1, 0, 1, 0, 0, 1, 1, 1, 1, 0, 0}));
    // Six draws: (A,B) (A,B) (A,A) (B,B) (B,B) (A,A) → 0.5 0.5 1 0 0 1,
    // sorted 0 0 0.5 0.5 1 1 (n = 6).
    // level 0.5: p = 0.25, h = 1.25 → 0 + 0.25·(0.5 − 0) = 0.125;
    //            p = 0.75, h = 3.75 → 0.5 + 0.75·(1 − 0.5) = 0.875.
    const auto half = bootstrapCoefficient(data, percentAgreement, {6, 11, 0.5});
    QVERIFY(half);
    QCOMPARE(half->usableDraws, 6);
    QCOMPARE(half->lower, 0.125);
    QCOMPARE(half->upper, 0.875);
    QCOMPARE(half->level, 0.5);
    // level 0.95: p = 0.025, h = 0.125 → 0; p = 0.975, h = 4.875 → 1 + 0.875·0 = 1.
    const auto wide = bootstrapCoefficient(data, percentAgreement, {6, 11, 0.95});
    QCOMPARE(wide->lower, 0.0);
    QCOMPARE(wide->upper, 1.0);
    // level 0.2: p = 0.4, h = 2 → 0.5; p = 0.6, h = 3 → 0.5.
    const auto narrow = bootstrapCoefficient(data, percentAgreement, {6, 11, 0.2});
    QCOMPARE(narrow->lower, 0.5);
    QCOMPARE(narrow->upper, 0.5);
    // The first four draws only: 0.5 0.5 1 0 → sorted 0 0.5 0.5 1;
    // level 0.5: h = 0.75 → 0.375; h = 2.25 → 0.5 + 0.25·0.5 = 0.625.
    const auto four = bootstrapCoefficient(data, percentAgreement, {4, 11, 0.5});
    QCOMPARE(four->lower, 0.375);
    QCOMPARE(four->upper, 0.625);
}

void TestStatsBootstrapPinned::goldenIntervals()
{
    const ReliabilityData k2011 = krippendorff2011Example(false);
    const auto alpha95 = bootstrapAlpha(k2011, Level::Nominal, {2000, 42, 0.95});
    const auto alpha90 = bootstrapAlpha(k2011, Level::Nominal, {2000, 42, 0.90});
    const auto interval95 = bootstrapAlpha(krippendorff2011Example(true), Level::Interval, {1000, 7, 0.95});
    const auto fleiss = bootstrapCoefficient(k2011, fleissKappa, {300, 3, 0.9});
    UnitizingData spans;
    spans.coders = {u"a"_s, u"b"_s};
    spans.documents = {
        {0, 100, {{{u"q"_s, 10, 20}}, {{u"q"_s, 10, 20}}}},
        {0, 80, {{{u"q"_s, 5, 10}}, {{u"q"_s, 8, 10}}}},
        {0, 120, {{{u"q"_s, 30, 40}, {u"q"_s, 90, 10}}, {{u"q"_s, 30, 40}}}},
        {0, 60, {{{u"q"_s, 0, 30}}, {{u"q"_s, 0, 30}}}},
    };
    const auto unitizing = bootstrapUnitizingAlpha(spans, u"q"_s, {1000, 9, 0.95});
    QVERIFY(alpha95 && alpha90 && interval95 && fleiss && unitizing);
    // Golden values (type-7 quantiles of the defined draws; recorded with this
    // code; a deliberate change of the method must update them and say so).
    // Krippendorff (2011) C, nominal, 2000 draws, seed 42: level 0.95 and 0.90.
    QCOMPARE(alpha95->usableDraws, 2000);
    QCOMPARE(alpha95->lower, 0.41787935323383091);
    QCOMPARE(alpha95->upper, 1.0);
    QCOMPARE(alpha90->lower, 0.47096586646661664);
    QCOMPARE(alpha90->upper, 0.93236202381540589);
    // The same data as numbers, interval alpha, 1000 draws, seed 7, level 0.95.
    QCOMPARE(interval95->usableDraws, 1000);
    QCOMPARE(interval95->lower, 0.45239143774754753);
    QCOMPARE(interval95->upper, 1.0);
    // Fleiss' kappa through the generic resampler, 300 draws, seed 3, level 0.90.
    QCOMPARE(fleiss->usableDraws, 300);
    QCOMPARE(fleiss->lower, 0.5055627906976744);
    QCOMPARE(fleiss->upper, 0.93940579963329063);
    // Unitizing alpha resampling four continua, 1000 draws, seed 9, level 0.95.
    QCOMPARE(unitizing->usableDraws, 1000);
    QCOMPARE(unitizing->lower, 0.92638909274559478);
    QCOMPARE(unitizing->upper, 1.0);
}

QTEST_GUILESS_MAIN(TestStatsBootstrapPinned)
#include "tst_stats_bootstrap_pinned.moc"
