// The bootstrap confidence interval (stats/Bootstrap.h). Point estimates
// come from Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability",
// section C (nominal alpha = .743, exactly 113/152; see tst_stats_alpha).

#include "StatsTestData.h"
#include "stats/Bootstrap.h"
#include "stats/KappaFamily.h"
#include "stats/KrippendorffAlpha.h"

#include <QTest>
#include <random>

using namespace newscoder::stats;
using namespace testdata;
using namespace Qt::StringLiterals;

class TestStatsBootstrap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bootstrapIsReproducible();
    void bootstrapOfOtherCoefficients();
    void bootstrapOfUnitizingAlphaResamplesContinua();
    void cancelStopsTheBootstrap();
};

void TestStatsBootstrap::bootstrapIsReproducible()
{
    // The generator is fully specified by the C++ standard ([rand.predef]):
    // the 10000th output of a default-constructed mt19937_64.
    std::mt19937_64 check;
    check.discard(9999);
    QCOMPARE(quint64(check()), Q_UINT64_C(9981545732273789042));

    const ReliabilityData data = krippendorff2011Example(false);
    const BootstrapOptions options{2000, 42, 0.95};
    const auto a = bootstrapAlpha(data, Level::Nominal, options);
    const auto b = bootstrapAlpha(data, Level::Nominal, options);
    QVERIFY(a && b);
    QCOMPARE(a->lower, b->lower);
    QCOMPARE(a->upper, b->upper);
    QCOMPARE(a->draws, 2000);
    QCOMPARE(a->seed, quint64(42));
    QVERIFY(a->usableDraws > 1900);
    QVERIFY(a->lower < 113.0 / 152 && 113.0 / 152 < a->upper);
    QVERIFY(a->lower > 0.2 && a->upper <= 1.0);
    const auto other = bootstrapAlpha(data, Level::Nominal, {2000, 43, 0.95});
    QVERIFY(other->lower != a->lower || other->upper != a->upper);
    // Perfect agreement with variation: every defined draw is 1.
    const ReliabilityData perfect = fromUnits({{0, 0}, {1, 1}, {2, 2}, {0, 0}}, {u"a"_s, u"b"_s, u"c"_s});
    const auto p = bootstrapAlpha(perfect, Level::Interval, {500, 7, 0.95});
    QCOMPARE(p->lower, 1.0);
    QCOMPARE(p->upper, 1.0);
    // Nothing to resample.
    QVERIFY(!bootstrapAlpha(ReliabilityData({u"a"_s, u"b"_s}), Level::Nominal, options));
}

void TestStatsBootstrap::bootstrapOfOtherCoefficients()
{
    // The generic bootstrap agrees with the fast alpha path in distribution:
    // both intervals bracket the point estimate of Krippendorff (2011) C.
    const ReliabilityData data = krippendorff2011Example(false);
    const auto generic = bootstrapCoefficient(
        data, [](const ReliabilityData &d) { return krippendorffAlpha(d, Level::Nominal); }, {500, 3, 0.95});
    QVERIFY(generic);
    QVERIFY(generic->lower < 113.0 / 152 && 113.0 / 152 < generic->upper);
    const auto fleiss = bootstrapCoefficient(data, fleissKappa, {300, 3, 0.9});
    QVERIFY(fleiss && fleiss->lower <= fleiss->upper);
    COMPARE_NEAR(fleiss->level, 0.9, 0);
}

void TestStatsBootstrap::bootstrapOfUnitizingAlphaResamplesContinua()
{
    // Four continua; the coders agree exactly on two and differ on the others.
    UnitizingData data;
    data.coders = {u"a"_s, u"b"_s};
    data.documents = {
        {0, 100, {{{u"q"_s, 10, 20}}, {{u"q"_s, 10, 20}}}},
        {0, 80, {{{u"q"_s, 5, 10}}, {{u"q"_s, 8, 10}}}},
        {0, 120, {{{u"q"_s, 30, 40}, {u"q"_s, 90, 10}}, {{u"q"_s, 30, 40}}}},
        {0, 60, {{{u"q"_s, 0, 30}}, {{u"q"_s, 0, 30}}}},
    };
    const AgreementResult point = unitizingAlpha(data, u"q"_s);
    QVERIFY(point.value && *point.value < 1.0);
    const BootstrapOptions options{1000, 9, 0.95};
    const auto a = bootstrapUnitizingAlpha(data, u"q"_s, options);
    const auto b = bootstrapUnitizingAlpha(data, u"q"_s, options);
    QVERIFY(a && b);
    QCOMPARE(a->lower, b->lower);
    QCOMPARE(a->upper, b->upper);
    QCOMPARE(a->draws, 1000);
    QCOMPARE(a->usableDraws, 1000); // every sample has a marked unit, so alpha_u is always defined
    QVERIFY(a->lower <= *point.value && *point.value <= a->upper);
    QVERIFY(a->lower < a->upper);
    QVERIFY(a->upper <= 1.0);
    // A sample of the two agreeing continua only (probability 1/16 > 2.5%) has alpha_u = 1 exactly.
    QCOMPARE(a->upper, 1.0);
    const auto other = bootstrapUnitizingAlpha(data, u"q"_s, {1000, 10, 0.95});
    QVERIFY(other && (other->lower != a->lower || other->upper != a->upper));

    // One continuum: every sample is that continuum, so the interval is the value.
    UnitizingData one = data;
    one.documents = {data.documents[1]};
    const auto single = bootstrapUnitizingAlpha(one, u"q"_s, {50, 1, 0.95});
    QVERIFY(single);
    QCOMPARE(single->lower, *unitizingAlpha(one, u"q"_s).value);
    QCOMPARE(single->upper, single->lower);
    // A category nobody marked, no continuum, invalid data: no interval.
    QVERIFY(!bootstrapUnitizingAlpha(data, u"other"_s, options));
    QVERIFY(!bootstrapUnitizingAlpha(UnitizingData{{u"a"_s, u"b"_s}, {}}, u"q"_s, options));
    UnitizingData invalid = data;
    invalid.coders = {u"a"_s};
    QVERIFY(!bootstrapUnitizingAlpha(invalid, u"q"_s, options));
}

void TestStatsBootstrap::cancelStopsTheBootstrap()
{
    std::atomic_bool cancel{true};
    BootstrapOptions options{500, 1, 0.95};
    options.cancel = &cancel;
    const ReliabilityData data = krippendorff2011Example(false);
    QVERIFY(!bootstrapAlpha(data, Level::Nominal, options));
    QVERIFY(!bootstrapCoefficient(data, fleissKappa, options));
    UnitizingData u{{u"a"_s, u"b"_s}, {{0, 10, {{{u"q"_s, 0, 5}}, {{u"q"_s, 1, 4}}}}}};
    QVERIFY(!bootstrapUnitizingAlpha(u, u"q"_s, options));
    cancel = false; // the same options without the flag set give intervals
    QVERIFY(bootstrapAlpha(data, Level::Nominal, options));
    QVERIFY(bootstrapCoefficient(data, fleissKappa, options));
    QVERIFY(bootstrapUnitizingAlpha(u, u"q"_s, options));
}

QTEST_GUILESS_MAIN(TestStatsBootstrap)
#include "tst_stats_bootstrap.moc"
