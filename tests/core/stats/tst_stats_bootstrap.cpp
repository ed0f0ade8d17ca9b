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

QTEST_GUILESS_MAIN(TestStatsBootstrap)
#include "tst_stats_bootstrap.moc"
