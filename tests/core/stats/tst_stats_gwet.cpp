// Gwet's AC1/AC2, Brennan-Prediger and weighted kappa against Gwet's irrCAC
// values, and the agreement weights. Every expected value names its
// published source; where a value is derived by hand, so says the comment.

#include "StatsTestData.h"
#include "stats/KappaFamily.h"
#include "stats/KrippendorffAlpha.h"

#include <QTest>
#include <random>

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

} // namespace

class TestStatsGwet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gwet2014FourRaters();
    void gwet2014BenAndGerry();
    void gwetHandExample();
    void irrCacContingencyTables();
    void weightSchemesMatchTheirMatrices();
    void manyCategoriesStayCheap();
};

void TestStatsGwet::gwet2014FourRaters()
{
    // Gwet (2014), Handbook of Inter-Rater Reliability, 4th ed., p. 120, data
    // set cac.raw4raters (the same data as Krippendorff 2011, section C). The
    // expected values (3 decimals) are those of Gwet's irrCAC package
    // (gwet.ac1.raw, fleiss.kappa.raw, bp.coeff.raw), as asserted by the
    // tests of its Python port (afergadis/irrCAC):
    //   AC1 .775 (p_a .818, p_e .190); Fleiss .761 (p_e .239);
    //   Brennan-Prediger .773 (p_e .200);
    //   AC2 linear .859 (p_a .939, p_e .571); AC2 quadratic .914 (p_a .975, p_e .714).
    const ReliabilityData data = krippendorff2011Example(false);
    auto check = [](const AgreementResult &r, double value, double pa, double pe) {
        QVERIFY2(r.isValid(), qPrintable(r.error));
        COMPARE_NEAR(*r.value, value, 0.0005);
        COMPARE_NEAR(*r.observed, pa, 0.0005);
        COMPARE_NEAR(*r.expected, pe, 0.0005);
    };
    check(gwetAc1(data), 0.775, 0.818, 0.190);
    check(fleissKappa(data), 0.761, 0.818, 0.239);
    check(bennettS(data), 0.773, 0.818, 0.200);
    check(gwetAc2(data, AgreementWeights::make(Weighting::Linear, 5)), 0.859, 0.939, 0.571);
    check(gwetAc2(data, AgreementWeights::make(Weighting::Quadratic, 5)), 0.914, 0.975, 0.714);
    // p_a by hand: of the 11 units with two or more ratings 8 agree fully,
    // units 2 and 8 have 6 of 12 ordered pairs agreeing and unit 6 none:
    // p_a = (8 + .5 + .5) / 11 = 9/11.
    COMPARE_NEAR(*gwetAc1(data).observed, 9.0 / 11, 1e-12);
    QCOMPARE(gwetAc1(data).units, 11);
    // AC2 with identity weights is AC1.
    COMPARE_NEAR(*gwetAc2(data, AgreementWeights::make(Weighting::Identity, 5)).value, *gwetAc1(data).value,
                 1e-15);
}

void TestStatsGwet::gwet2014BenAndGerry()
{
    // Gwet (2014), data set cac.ben.gerry: two raters, 12 units, one rating
    // missing. irrCAC values (Python port tests): AC1 .661 (p_a .727,
    // p_e .194), Fleiss .649 (p_e .222), Brennan-Prediger .659 (p_e .200).
    // p_a = 8/11 by hand (units with both ratings); the shares pi_k include
    // the unit rated once.
    const ReliabilityData data = ReliabilityData::fromRows({u"aabbdcccedda"_s, u"abbbbccce.dd"_s},
                                                           {u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s});
    COMPARE_NEAR(*gwetAc1(data).value, 0.661, 0.0005);
    COMPARE_NEAR(*gwetAc1(data).observed, 8.0 / 11, 1e-12);
    COMPARE_NEAR(*gwetAc1(data).expected, 0.194, 0.0005);
    COMPARE_NEAR(*fleissKappa(data).value, 0.649, 0.0005);
    COMPARE_NEAR(*fleissKappa(data).expected, 0.222, 0.0005);
    COMPARE_NEAR(*bennettS(data).value, 0.659, 0.0005);
}

void TestStatsGwet::gwetHandExample()
{
    // Gwet (2008), BJMSP 61(1): 29-48, defines AC1 with
    // p_e = sum_k pi_k (1 - pi_k) / (q - 1). Hand-checkable case (also in
    // DKPro Statistics' Gwet2008Test): 8 (y,y), 1 (n,n), 1 (y,n): p_a = .9;
    // pi_y = 17/20, pi_n = 3/20, p_e = 2 * .85 * .15 = .255;
    // AC1 = .645/.745 = .86577; Scott's pi = (.9 - .745)/.255 = .6078.
    const ReliabilityData data = fromGroups({{8, {0, 0}}, {1, {1, 1}}, {1, {0, 1}}}, {u"y"_s, u"n"_s});
    const AgreementResult r = gwetAc1(data);
    COMPARE_NEAR(*r.observed, 0.9, 1e-12);
    COMPARE_NEAR(*r.expected, 0.255, 1e-12);
    COMPARE_NEAR(*r.value, 0.645 / 0.745, 1e-12);
    COMPARE_NEAR(*scottPi(data).value, 0.155 / 0.255, 1e-12);
}

void TestStatsGwet::irrCacContingencyTables()
{
    // Gwet's irrCAC package (vignette "Calculating Chance-corrected Agreement
    // Coefficients"), table cont3x3abstractors (Gwet 2014): Cohen's kappa
    // 0.7964094, Scott's pi 0.7962397; weighted kappa (irrCAC kappa2.table,
    // 3 decimals as in the Python port's tests): linear .843, quadratic .892.
    // Table cont4x4diagnosis: kappa .432, linear .407, quadratic .383.
    const ReliabilityData abstractors =
        fromTable({{13, 0, 0}, {0, 20, 7}, {0, 4, 56}}, {u"Ectopic"_s, u"AIU"_s, u"NIU"_s});
    COMPARE_NEAR(*cohenKappa(abstractors).value, 0.7964094, 5e-8);
    COMPARE_NEAR(*scottPi(abstractors).value, 0.7962397, 5e-8);
    COMPARE_NEAR(*weightedCohenKappa(abstractors, AgreementWeights::make(Weighting::Linear, 3)).value, 0.843,
                 0.0005);
    COMPARE_NEAR(*weightedCohenKappa(abstractors, AgreementWeights::make(Weighting::Quadratic, 3)).value,
                 0.892, 0.0005);
    const ReliabilityData diagnosis =
        fromTable({{40, 4, 4, 17}, {6, 25, 2, 13}, {4, 1, 21, 12}, {15, 5, 9, 45}}, labels(4));
    COMPARE_NEAR(*cohenKappa(diagnosis).value, 0.432, 0.0005);
    COMPARE_NEAR(*weightedCohenKappa(diagnosis, AgreementWeights::make(Weighting::Linear, 4)).value, 0.407,
                 0.0005);
    COMPARE_NEAR(*weightedCohenKappa(diagnosis, AgreementWeights::make(Weighting::Quadratic, 4)).value, 0.383,
                 0.0005);
}

void TestStatsGwet::weightSchemesMatchTheirMatrices()
{
    // The schemes are computed in O(k) (moments, prefix sums); a custom matrix
    // with the same weights goes through the general O(k^2) path. By the
    // definitions w = 1 - |i-j|/(k-1) and w = 1 - (i-j)^2/(k-1)^2 both must agree.
    std::mt19937 gen{7};
    std::vector<std::vector<double>> units;
    for (int u = 0; u < 300; ++u)
        units.push_back({double(gen() % 6), gen() % 9 == 0 ? NA : double(gen() % 6)});
    const ReliabilityData data = fromUnits(units, labels(6));
    for (Weighting scheme : {Weighting::Identity, Weighting::Linear, Weighting::Quadratic}) {
        const AgreementWeights w = AgreementWeights::make(scheme, 6);
        std::vector<double> matrix;
        for (int a = 0; a < 6; ++a)
            for (int b = 0; b < 6; ++b)
                matrix.push_back(w(a, b));
        const AgreementWeights m = AgreementWeights::custom(6, matrix);
        COMPARE_NEAR(w.total(), m.total(), 1e-12);
        COMPARE_NEAR(*weightedCohenKappa(data, w).value, *weightedCohenKappa(data, m).value, 1e-12);
        COMPARE_NEAR(*weightedCohenKappa(data, w).expected, *weightedCohenKappa(data, m).expected, 1e-12);
        COMPARE_NEAR(*gwetAc2(data, w).value, *gwetAc2(data, m).value, 1e-12);
    }
}

void TestStatsGwet::manyCategoriesStayCheap()
{
    // 300,000 declared categories (e.g. free text read as labels): nothing may
    // allocate a k x k table. By hand: every unit agrees, each category used
    // once, so A_o = 1 and kappa = 1 (A_e = 300000/300000^2).
    const int k = 300000;
    std::vector<std::vector<double>> units;
    for (int u = 0; u < k; ++u)
        units.push_back({double(u), double(u)});
    QStringList many;
    for (int i = 0; i < k; ++i)
        many << QString::number(i);
    const ReliabilityData data = fromUnits(units, many);
    COMPARE_NEAR(*cohenKappa(data).value, 1.0, 1e-12);
    COMPARE_NEAR(*scottPi(data).value, 1.0, 1e-12);
    COMPARE_NEAR(*weightedCohenKappa(data, AgreementWeights::make(Weighting::Quadratic, k)).value, 1.0,
                 1e-12);
    COMPARE_NEAR(*weightedCohenKappa(data, AgreementWeights::make(Weighting::Linear, k)).value, 1.0, 1e-12);
    COMPARE_NEAR(*fleissKappa(data).value, 1.0, 1e-12);
    COMPARE_NEAR(*gwetAc2(data, AgreementWeights::make(Weighting::Linear, k)).value, 1.0, 1e-12);
    COMPARE_NEAR(*krippendorffAlpha(data, Level::Ordinal).value, 1.0, 1e-12);
}

QTEST_GUILESS_MAIN(TestStatsGwet)
#include "tst_stats_gwet.moc"
