// Percent agreement and the kappa family. Every expected value names its
// published source; where a value is derived by hand, so says the comment.

#include "StatsTestData.h"
#include "stats/KappaFamily.h"
#include "stats/KrippendorffAlpha.h"

#include <QTest>

using namespace newscoder::stats;
using namespace testdata;
using namespace Qt::StringLiterals;

namespace {

QStringList labels(int count)
{
    QStringList out;
    for (int i = 1; i <= count; ++i)
        out << QString::number(i);
    return out;
}

// Fleiss (1971), "Measuring nominal scale agreement among many raters",
// Psychological Bulletin 76(5): 378-382, example on p. 379 (data as in DKPro
// Statistics' Fleiss1971Test): 30 patients, 6 psychiatrists each, 5 diagnoses
// (1 depression, 2 personality disorder, 3 schizophrenia, 4 neurosis,
// 5 other); one row per patient (the order within a row carries no meaning).
ReliabilityData fleiss1971Example()
{
    const int rows[30][6] = {
        {4, 4, 4, 4, 4, 4}, {2, 2, 2, 5, 5, 5}, {2, 3, 3, 3, 3, 5}, {5, 5, 5, 5, 5, 5}, {2, 2, 2, 4, 4, 4},
        {1, 1, 3, 3, 3, 3}, {3, 3, 3, 3, 5, 5}, {1, 1, 3, 3, 3, 4}, {1, 1, 4, 4, 4, 4}, {5, 5, 5, 5, 5, 5},
        {1, 4, 4, 4, 4, 4}, {1, 2, 4, 4, 4, 4}, {2, 2, 2, 3, 3, 3}, {1, 4, 4, 4, 4, 4}, {2, 2, 4, 4, 4, 5},
        {3, 3, 3, 3, 3, 5}, {1, 1, 1, 4, 5, 5}, {1, 1, 1, 1, 1, 2}, {2, 2, 4, 4, 4, 4}, {1, 3, 3, 5, 5, 5},
        {5, 5, 5, 5, 5, 5}, {2, 4, 4, 4, 4, 4}, {2, 2, 4, 5, 5, 5}, {1, 1, 4, 4, 4, 4}, {1, 4, 4, 4, 4, 5},
        {2, 2, 2, 2, 2, 4}, {1, 1, 1, 1, 5, 5}, {2, 2, 4, 4, 4, 4}, {1, 3, 3, 3, 3, 3}, {5, 5, 5, 5, 5, 5},
    };
    std::vector<std::vector<double>> units;
    for (const auto &row : rows) {
        std::vector<double> u;
        for (int v : row)
            u.push_back(v - 1);
        units.push_back(u);
    }
    return fromUnits(units, labels(5));
}

} // namespace

class TestStatsKappa : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cohen1960();
    void artsteinPoesio2008TwoCategories();
    void artsteinPoesio2008ThreeCategories();
    void krippendorff2004OtherCoefficients();
    void fleiss1971();
    void randolph2005();
    void warrens2010();
    void percentAgreementPoolsPairs();
    void wrongNumberOfCoders();
    void emptyInput();
    void nothingVaries();
    void negativeKappa();
    void invalidInput();
};

void TestStatsKappa::cohen1960()
{
    // Cohen (1960), "A coefficient of agreement for nominal scales",
    // Educational and Psychological Measurement 20(1): 37-46, the 200-case
    // example on p. 45 (table as in DKPro's Cohen1960Test): p_o = .70,
    // p_c = .41, kappa = .492.
    // By hand: kappa = (.70 - .41) / (1 - .41) = 29/59.
    const ReliabilityData data = fromTable({{88, 14, 18}, {10, 40, 10}, {2, 6, 12}}, labels(3));
    const AgreementResult r = cohenKappa(data);
    COMPARE_NEAR(*r.observed, 0.70, 1e-12);
    COMPARE_NEAR(*r.expected, 0.41, 1e-12);
    COMPARE_NEAR(*r.value, 0.492, 0.0005);
    COMPARE_NEAR(*r.value, 29.0 / 59, 1e-12);
    QCOMPARE(r.units, 200);
    QCOMPARE(r.pairableValues, 400);
}

void TestStatsKappa::artsteinPoesio2008TwoCategories()
{
    // Artstein & Poesio (2008), "Inter-coder agreement for computational
    // linguistics", Computational Linguistics 34(4), p. 558: STAT/IReq table
    // (20, 10 / 20, 50). Values (as also asserted by DKPro Statistics'
    // ArtsteinPoesio2008Test), re-derived by hand: A_o = .7; S: A_e = .5,
    // S = .4; pi: pooled shares .35/.65, A_e = .545, pi = .155/.455 = .341;
    // kappa: A_e = .3*.4 + .7*.6 = .54, kappa = .16/.46 = .348.
    const ReliabilityData data = fromTable({{20, 10}, {20, 50}}, {u"STAT"_s, u"IReq"_s});
    COMPARE_NEAR(*percentAgreement(data).value, 0.7, 1e-12);
    const AgreementResult s = bennettS(data);
    COMPARE_NEAR(*s.expected, 0.5, 1e-12);
    COMPARE_NEAR(*s.value, 0.4, 1e-12);
    const AgreementResult pi = scottPi(data);
    COMPARE_NEAR(*pi.expected, 0.545, 1e-12);
    COMPARE_NEAR(*pi.value, 0.341, 0.0005);
    const AgreementResult kappa = cohenKappa(data);
    COMPARE_NEAR(*kappa.expected, 0.54, 1e-12);
    COMPARE_NEAR(*kappa.value, 0.348, 0.0005);
    COMPARE_NEAR(*kappa.value, 0.16 / 0.46, 1e-12);
}

void TestStatsKappa::artsteinPoesio2008ThreeCategories()
{
    // Artstein & Poesio (2008), p. 568: STAT/IReq/Chck, 100 items. Values as
    // in DKPro Statistics' ArtsteinPoesio2008Test: A_o = .88; S = .82
    // (A_e = 1/3); pi = .799 (A_e = .4014); kappa = .801 (A_e = .396);
    // alpha = .800; weighted kappa with agreement weight .5 between Chck and
    // the other two = .8163. By hand for the latter (marginals .46/.44/.10 and
    // .52/.32/.16): A_o = .88 + .5 * .06 = .91; A_e = .396 + .5 * (.46*.16 +
    // .44*.16 + .10*.52 + .10*.32) = .51; kappa_w = .40/.49.
    const ReliabilityData data =
        fromTable({{46, 0, 0}, {6, 32, 6}, {0, 0, 10}}, {u"STAT"_s, u"IReq"_s, u"Chck"_s});
    COMPARE_NEAR(*percentAgreement(data).value, 0.88, 1e-12);
    COMPARE_NEAR(*bennettS(data).value, 0.82, 1e-12);
    COMPARE_NEAR(*scottPi(data).expected, 0.4014, 1e-12);
    COMPARE_NEAR(*scottPi(data).value, 0.799, 0.001);           // DKPro: .799 and .7995, +-.001
    COMPARE_NEAR(*scottPi(data).value, 0.4786 / 0.5986, 1e-12); // by hand: (.88 - .4014)/(1 - .4014)
    COMPARE_NEAR(*cohenKappa(data).expected, 0.396, 1e-12);
    COMPARE_NEAR(*cohenKappa(data).value, 0.801, 0.0005);
    COMPARE_NEAR(*krippendorffAlpha(data, Level::Nominal).value, 0.800, 0.0010);
    const AgreementWeights chck = AgreementWeights::custom(3, {1, 0, 0.5, 0, 1, 0.5, 0.5, 0.5, 1});
    const AgreementResult w = weightedCohenKappa(data, chck);
    COMPARE_NEAR(*w.observed, 0.91, 1e-12);
    COMPARE_NEAR(*w.expected, 0.51, 1e-12);
    COMPARE_NEAR(*w.value, 0.8163, 0.00005);
    // Identity weights reproduce the unweighted kappa.
    COMPARE_NEAR(*weightedCohenKappa(data, AgreementWeights::make(Weighting::Identity, 3)).value,
                 *cohenKappa(data).value, 1e-15);
}

void TestStatsKappa::krippendorff2004OtherCoefficients()
{
    // Krippendorff (2004), Content Analysis, 2nd ed., p. 246 (tables as in
    // DKPro Statistics' Krippendorff2004Test): two tables with the same
    // agreement (.46) and pooled marginals, different individual marginals:
    // S = .190 and pi = .186 for both, kappa = .186 and .258. By hand:
    // S = (.46 - 1/3)/(2/3) = .19; table b: A_e(kappa) = .48*.12 + .32*.32 +
    // .20*.56 = .272, kappa = .188/.728 = .258.
    const ReliabilityData a = fromTable({{12, 9, 9}, {9, 14, 9}, {9, 9, 20}}, {u"a"_s, u"b"_s, u"c"_s});
    const ReliabilityData b = fromTable({{12, 18, 18}, {0, 14, 18}, {0, 0, 20}}, {u"a"_s, u"b"_s, u"c"_s});
    for (const ReliabilityData *d : {&a, &b}) {
        COMPARE_NEAR(*percentAgreement(*d).value, 0.46, 1e-12);
        COMPARE_NEAR(*bennettS(*d).value, 0.19, 1e-12);
        COMPARE_NEAR(*scottPi(*d).value, 0.186, 0.0005);
    }
    COMPARE_NEAR(*cohenKappa(a).value, 0.186, 0.0005);
    COMPARE_NEAR(*cohenKappa(b).value, 0.258, 0.0005);
    COMPARE_NEAR(*cohenKappa(b).value, 0.188 / 0.728, 1e-12);
}

void TestStatsKappa::fleiss1971()
{
    // Fleiss (1971): kappa = .430. The components, as asserted (tolerance
    // .001) by DKPro's Fleiss1971Test: P-bar = .5556, P-bar_e = .2201. Exact
    // from the data: P-bar = 5/9; the category totals (of 180) have squares
    // summing to 7126, so P-bar_e = 7126/32400 = .21994.
    const AgreementResult r = fleissKappa(fleiss1971Example());
    COMPARE_NEAR(*r.observed, 0.5556, 0.001);
    COMPARE_NEAR(*r.expected, 0.2201, 0.001);
    COMPARE_NEAR(*r.observed, 5.0 / 9, 1e-12);
    COMPARE_NEAR(*r.expected, 7126.0 / 32400, 1e-12);
    COMPARE_NEAR(*r.value, 0.430, 0.0005);
    QCOMPARE(r.units, 30);
    QCOMPARE(r.pairableValues, 180);
}

void TestStatsKappa::randolph2005()
{
    // Randolph (2005), "Free-marginal multirater kappa (multirater kappa_free):
    // An alternative to Fleiss' fixed-marginal multirater kappa", Joensuu
    // Learning and Instruction Symposium, p. 17 (examples as in DKPro's
    // Randolph2005Test): 3 raters, 4 cases, yes/no.
    // Example 1: Fleiss' kappa = .33 and kappa_free = .33; example 2 (same
    // observed agreement .667, skewed marginals): Fleiss' kappa = -.20 while
    // kappa_free stays .33. By hand: P_o = (1 + 1/3 + 1/3 + 1)/4 = 2/3,
    // kappa_free = (2/3 - 1/2)/(1/2) = 1/3; example 2: p_yes = 10/12,
    // P_e = (100 + 4)/144, kappa = (2/3 - 104/144)/(40/144) = -0.2.
    const QStringList yn{u"Y"_s, u"N"_s};
    const ReliabilityData one = ReliabilityData::fromRows({u"YYNN"_s, u"YYNN"_s, u"YNYN"_s}, yn);
    const ReliabilityData two = ReliabilityData::fromRows({u"YYYY"_s, u"YYYY"_s, u"YNNY"_s}, yn);
    COMPARE_NEAR(*fleissKappa(one).value, 1.0 / 3, 1e-12);
    COMPARE_NEAR(*randolphKappa(one).value, 1.0 / 3, 1e-12);
    COMPARE_NEAR(*fleissKappa(two).value, -0.2, 1e-12);
    COMPARE_NEAR(*randolphKappa(two).value, 1.0 / 3, 1e-12);
    COMPARE_NEAR(*bennettS(two).value, 1.0 / 3, 1e-12);
}

void TestStatsKappa::warrens2010()
{
    // Warrens (2010), "Inequalities between multi-rater kappas", Advances in
    // Data Analysis and Classification 4(4), p. 284, on data of O'Malley et
    // al. (2006, Modern Pathology 19(2), p. 176): 8 pathologists, 30 cases,
    // N(ormal)/A(typia). Randolph's (Brennan-Prediger) kappa = .8358,
    // Fleiss' kappa = .8324 (values and tolerance .0001 as in DKPro Statistics'
    // Warrens2010Test). By hand: P_o = 257/280, kappa_free = 2 P_o - 1 = 117/140.
    const ReliabilityData data = fromGroups({{14, {0, 0, 0, 0, 0, 0, 0, 0}},
                                             {1, {0, 0, 0, 1, 0, 0, 0, 0}},
                                             {1, {0, 0, 0, 0, 0, 0, 0, 1}},
                                             {10, {1, 1, 1, 1, 1, 1, 1, 1}},
                                             {2, {1, 1, 0, 1, 1, 1, 1, 0}},
                                             {1, {1, 1, 0, 1, 0, 1, 1, 0}},
                                             {1, {1, 1, 0, 1, 0, 1, 0, 0}}},
                                            {u"N"_s, u"A"_s});
    COMPARE_NEAR(*randolphKappa(data).value, 0.8358, 0.0001);
    COMPARE_NEAR(*randolphKappa(data).value, 117.0 / 140, 1e-12);
    COMPARE_NEAR(*fleissKappa(data).value, 0.8324, 0.0001);
}

void TestStatsKappa::percentAgreementPoolsPairs()
{
    // By hand: units (a,a,a), (a,b,-), (b,b,-) give 6 + 2 + 2 = 10 ordered
    // pairs of which 6 + 0 + 2 agree: 0.8 (a mean of per-unit agreement would
    // give 2/3); the unit (b,-,-) has no pair and does not count.
    const ReliabilityData data =
        fromUnits({{0, 0, 0}, {0, 1, NA}, {1, 1, NA}, {1, NA, NA}}, {u"a"_s, u"b"_s});
    const AgreementResult r = percentAgreement(data);
    COMPARE_NEAR(*r.value, 0.8, 1e-15);
    QVERIFY(!r.expected);
    QCOMPARE(r.units, 3);
    QCOMPARE(r.pairableValues, 7);
}

void TestStatsKappa::wrongNumberOfCoders()
{
    const ReliabilityData three = fromUnits({{0, 1, 0}, {1, 1, 1}}, {u"a"_s, u"b"_s});
    QVERIFY(!cohenKappa(three).isValid());
    QVERIFY(!scottPi(three).isValid());
    QVERIFY(!weightedCohenKappa(three, AgreementWeights::make(Weighting::Linear, 2)).isValid());
    QVERIFY(fleissKappa(three).isValid());
    const ReliabilityData one = fromUnits({{0}, {1}}, {u"a"_s, u"b"_s});
    for (const auto &r : {percentAgreement(one), cohenKappa(one), scottPi(one), fleissKappa(one),
                          bennettS(one), randolphKappa(one), gwetAc1(one)}) {
        QVERIFY(!r.isValid());
        QVERIFY(r.error.contains(u"two coders"_s));
        QVERIFY(!r.value);
    }
}

void TestStatsKappa::emptyInput()
{
    const ReliabilityData empty = fromUnits({}, {u"a"_s, u"b"_s});
    for (const auto &r : {percentAgreement(empty), cohenKappa(empty), scottPi(empty), fleissKappa(empty),
                          bennettS(empty), randolphKappa(empty), gwetAc1(empty),
                          weightedCohenKappa(empty, AgreementWeights::make(Weighting::Quadratic, 2))}) {
        QVERIFY(r.isValid());
        QVERIFY(!r.value);
        QVERIFY(!r.note.isEmpty());
        QCOMPARE(r.units, 0);
    }
}

void TestStatsKappa::nothingVaries()
{
    // Everyone says "a": A_e = 1 for kappa, pi and Fleiss -> undefined (null,
    // never a silent 1.0). S, Randolph and AC1 have A_e < 1 by construction
    // and give 1, with a note that nothing varies.
    const ReliabilityData data = fromUnits({{0, 0}, {0, 0}, {0, NA}}, {u"a"_s, u"b"_s, u"c"_s});
    for (const auto &r : {cohenKappa(data), scottPi(data), fleissKappa(data),
                          weightedCohenKappa(data, AgreementWeights::make(Weighting::Linear, 3))}) {
        QVERIFY(r.isValid());
        QVERIFY(!r.value);
        COMPARE_NEAR(*r.expected, 1.0, 0);
        QVERIFY(r.note.contains(u"nothing varies"_s));
    }
    for (const auto &r : {bennettS(data), randolphKappa(data), gwetAc1(data), percentAgreement(data)}) {
        QCOMPARE(*r.value, 1.0);
        QVERIFY(r.note.contains(u"nothing varies"_s));
    }
    QVERIFY(cohenKappa(data).note.contains(u"only one coder"_s));
    // A single declared category: S and AC1 are undefined.
    const ReliabilityData single = fromUnits({{0, 0}, {0, 0}}, {u"a"_s});
    QVERIFY(!bennettS(single).value);
    QVERIFY(!gwetAc1(single).value);
}

void TestStatsKappa::negativeKappa()
{
    // By hand: complete disagreement with balanced marginals: A_o = 0,
    // A_e = .5, kappa = pi = -1.
    const ReliabilityData data = fromTable({{0, 5}, {5, 0}}, {u"a"_s, u"b"_s});
    COMPARE_NEAR(*cohenKappa(data).value, -1.0, 1e-15);
    COMPARE_NEAR(*scottPi(data).value, -1.0, 1e-15);
}

void TestStatsKappa::invalidInput()
{
    const ReliabilityData outside = fromUnits({{0, 2}}, {u"a"_s, u"b"_s});
    QVERIFY(!cohenKappa(outside).isValid());
    QVERIFY(!gwetAc1(outside).isValid());
    const ReliabilityData fractional = fromUnits({{0, 0.5}}, {u"a"_s, u"b"_s});
    QVERIFY(!fleissKappa(fractional).isValid());
    const ReliabilityData ok = fromUnits({{0, 1}}, {u"a"_s, u"b"_s});
    QVERIFY(!weightedCohenKappa(ok, AgreementWeights::make(Weighting::Linear, 3)).isValid());
    QVERIFY(!gwetAc2(ok, AgreementWeights::make(Weighting::Linear, 4)).isValid());
}

QTEST_GUILESS_MAIN(TestStatsKappa)
#include "tst_stats_kappa.moc"
