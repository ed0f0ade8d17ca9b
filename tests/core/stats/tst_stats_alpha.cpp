// Krippendorff's alpha (nominal, ordinal, interval, ratio).
// Every expected value names its published source; where a value is derived
// by hand, the derivation is in the comment.

#include "StatsTestData.h"
#include "stats/KappaFamily.h"
#include "stats/KrippendorffAlpha.h"

#include <QTest>
#include <map>
#include <random>

using namespace newscoder::stats;
using namespace testdata;
using namespace Qt::StringLiterals;

namespace {

// Reference implementation straight from the coincidence matrix definition
// (Krippendorff 2011, eqs. for o_ck, n_c, delta^2 and alpha), quadratic in
// the number of values, for cross-checking the closed forms of the engine.
double bruteForceAlpha(const ReliabilityData &data, Level level)
{
    std::map<double, std::map<double, double>> o; // coincidences o_ck
    for (qsizetype u = 0; u < data.unitCount(); ++u) {
        std::vector<double> v;
        for (int c = 0; c < data.coderCount(); ++c)
            if (auto x = data.value(u, c))
                v.push_back(*x);
        if (v.size() < 2)
            continue;
        for (size_t i = 0; i < v.size(); ++i)
            for (size_t j = 0; j < v.size(); ++j)
                if (i != j)
                    o[v[i]][v[j]] += 1.0 / double(v.size() - 1);
    }
    std::map<double, double> n;
    double total = 0;
    for (auto &[c, row] : o)
        for (auto &[k, x] : row)
            n[c] += x, total += x;
    auto delta2 = [&](double c, double k) -> double {
        switch (level) {
        case Level::Nominal:
            return c == k ? 0 : 1;
        case Level::Ordinal: { // declared order = numeric order of the indices; unused values have n = 0
            const double lo = std::min(c, k), hi = std::max(c, k);
            double s = 0;
            for (auto &[g, ng] : n)
                if (g >= lo && g <= hi)
                    s += ng;
            s -= (n[c] + n[k]) / 2;
            return s * s;
        }
        case Level::Interval:
            return (c - k) * (c - k);
        case Level::Ratio:
            return c + k == 0 ? 0 : ((c - k) / (c + k)) * ((c - k) / (c + k));
        }
        return 0;
    };
    double observed = 0, expected = 0;
    for (auto &[c, row] : o)
        for (auto &[k, x] : row)
            observed += x * delta2(c, k);
    for (auto &[c, nc] : n)
        for (auto &[k, nk] : n)
            expected += nc * nk * delta2(c, k);
    return 1.0 - (total - 1) * observed / expected;
}

} // namespace

class TestStatsAlpha : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void krippendorff2011_data();
    void krippendorff2011();
    void ordinalUsesDeclaredOrder();
    void binaryTwoCoders();
    void multipleCategoriesTwoCoders();
    void matchesCoincidenceMatrixDefinition_data();
    void matchesCoincidenceMatrixDefinition();
    void missingValuesDoNotCount();
    void oneCoderIsAnError();
    void emptyInputIsNull();
    void oneValueIsNull();
    void allAgreeWithVariationIsOne();
    void allAgreeWithoutVariationIsNull();
    void negativeAlpha();
    void invalidValuesAreErrors();
    void intervalIsShiftInvariant();
    void millionsOfUnitsDoNotOverflow();
};

void TestStatsAlpha::krippendorff2011_data()
{
    QTest::addColumn<int>("level");
    QTest::addColumn<double>("published");
    QTest::addColumn<double>("exact");
    QTest::addColumn<double>("observed");
    QTest::addColumn<double>("expected");
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability",
    // section C (4 observers x 12 units, missing values): alpha = .743
    // nominal, .815 ordinal, .849 interval, .797 ratio.
    // By hand: n = 40 pairable values (unit 12 has a single value), n_1..n_5 =
    // 9, 13, 10, 5, 3. Nominal: units 2, 6 and 8 hold 6, 12 and 6 ordered
    // disagreeing pairs, each divided by m_u - 1 = 3: D_o = 8/40 = 0.2;
    // D_e = (40^2 - (81+169+100+25+9)) / (40*39) = 1216/1560; alpha = 113/152.
    // Interval: D_o = 13/30, D_e = 112/39, alpha = 2853/3360.
    // Ordinal/ratio components: from the reference implementation above.
    QTest::newRow("nominal") << int(Level::Nominal) << 0.743 << 113.0 / 152 << 0.2 << 1216.0 / 1560;
    QTest::newRow("ordinal") << int(Level::Ordinal) << 0.815 << 0.8153875037548813 << 47.275
                             << 256.07692307692307;
    QTest::newRow("interval") << int(Level::Interval) << 0.849 << 2853.0 / 3360 << 13.0 / 30 << 112.0 / 39;
    QTest::newRow("ratio") << int(Level::Ratio) << 0.797 << 0.797402774711612 << 0.022432728647014365
                           << 0.11072574471383996;
}

void TestStatsAlpha::krippendorff2011()
{
    QFETCH(int, level);
    QFETCH(double, published);
    QFETCH(double, exact);
    QFETCH(double, observed);
    QFETCH(double, expected);
    const Level l = Level(level);
    const bool numeric = l == Level::Interval || l == Level::Ratio;
    const AgreementResult r = krippendorffAlpha(krippendorff2011Example(numeric), l);
    QVERIFY2(r.isValid(), qPrintable(r.error));
    QVERIFY(r.value.has_value());
    COMPARE_NEAR(*r.value, published, 0.0005);
    COMPARE_NEAR(*r.value, exact, 1e-12);
    COMPARE_NEAR(*r.observed, observed, 1e-9);
    COMPARE_NEAR(*r.expected, expected, 1e-9);
    QCOMPARE(r.units, 11);
    QCOMPARE(r.pairableValues, 40);
    QVERIFY(r.note.isEmpty());
}

void TestStatsAlpha::ordinalUsesDeclaredOrder()
{
    // Same data as Krippendorff (2011) section C (ordinal alpha = .815), with
    // labels whose lexical order differs from the declared order, and with an
    // unused declared value in the middle (n = 0, so the ranks do not change).
    ReliabilityData data = krippendorff2011Example(false);
    data.setCategories({u"e-low"_s, u"d"_s, u"c"_s, u"b"_s, u"a-high"_s});
    COMPARE_NEAR(*krippendorffAlpha(data, Level::Ordinal).value, 0.8153875037548813, 1e-12);

    ReliabilityData withUnused(data.coders(), data.unitCount());
    withUnused.setCategories({u"1"_s, u"2"_s, u"2.5"_s, u"3"_s, u"4"_s, u"5"_s});
    for (qsizetype u = 0; u < data.unitCount(); ++u)
        for (int c = 0; c < data.coderCount(); ++c)
            if (auto k = data.category(u, c))
                withUnused.setCategory(u, c, *k >= 2 ? *k + 1 : *k);
    COMPARE_NEAR(*krippendorffAlpha(withUnused, Level::Ordinal).value, 0.8153875037548813, 1e-12);
    // ...and nominal alpha does not care about the unused value either.
    COMPARE_NEAR(*krippendorffAlpha(withUnused, Level::Nominal).value, 113.0 / 152, 1e-12);

    // A different declared order (3 before 2) gives a different ordinal alpha.
    ReliabilityData swapped = data;
    for (qsizetype u = 0; u < data.unitCount(); ++u)
        for (int c = 0; c < data.coderCount(); ++c)
            if (auto k = data.category(u, c); k && (*k == 1 || *k == 2))
                swapped.setCategory(u, c, 3 - *k);
    QVERIFY(std::abs(*krippendorffAlpha(swapped, Level::Ordinal).value - 0.8153875037548813) > 0.01);
}

void TestStatsAlpha::binaryTwoCoders()
{
    // Krippendorff (2011), section A (binary data, two observers, no missing
    // data): alpha = .095. By hand: o_01 = 4, n_0 = 14, n_1 = 6, n = 20,
    // alpha = 1 - (n-1) o_01 / (n_0 n_1) = 1 - 19*4/84 = 2/21;
    // D_o = 8/20, D_e = 2*14*6 / (20*19) = 168/380.
    const ReliabilityData data =
        ReliabilityData::fromRows({u"0100000010"_s, u"1110010000"_s}, {u"0"_s, u"1"_s});
    const AgreementResult r = krippendorffAlpha(data, Level::Nominal);
    COMPARE_NEAR(*r.value, 0.095, 0.0005);
    COMPARE_NEAR(*r.value, 2.0 / 21, 1e-12);
    COMPARE_NEAR(*r.observed, 0.4, 1e-12);
    COMPARE_NEAR(*r.expected, 168.0 / 380, 1e-12);
    QCOMPARE(r.units, 10);
    QCOMPARE(r.pairableValues, 20);
}

void TestStatsAlpha::multipleCategoriesTwoCoders()
{
    // Two coders, 12 units, categories a, b, c: Krippendorff (2004), Content
    // Analysis, 2nd ed., p. 227 (data as transcribed in DKPro Statistics'
    // Krippendorff2004Test, which expects .734). By hand: n_a, n_b, n_c =
    // 3, 10, 11 (n = 24); two disagreeing units give 4 disagreeing
    // coincidences: D_o = 4/24; D_e = (24^2 - 9 - 100 - 121) / (24*23) =
    // 346/552; alpha = 1 - (4/24) (552/346) = 0.73410...
    const ReliabilityData data =
        ReliabilityData::fromRows({u"aabbbbbccccc"_s, u"abbbbbcccccc"_s}, {u"a"_s, u"b"_s, u"c"_s});
    const AgreementResult r = krippendorffAlpha(data, Level::Nominal);
    COMPARE_NEAR(*r.value, 0.734, 0.0005);
    COMPARE_NEAR(*r.value, 1 - (4.0 / 24) * (552.0 / 346), 1e-12);
}

void TestStatsAlpha::matchesCoincidenceMatrixDefinition_data()
{
    QTest::addColumn<int>("level");
    QTest::addColumn<int>("seed");
    for (int seed = 1; seed <= 5; ++seed) {
        for (Level l : {Level::Nominal, Level::Ordinal, Level::Interval, Level::Ratio})
            QTest::addRow("%s-%d", qPrintable(levelName(l)), seed) << int(l) << seed;
    }
}

void TestStatsAlpha::matchesCoincidenceMatrixDefinition()
{
    // Random data with missing values: the engine's closed forms must agree
    // with the literal coincidence-matrix definition (reference above).
    QFETCH(int, level);
    QFETCH(int, seed);
    std::mt19937 gen{quint32(seed)};
    const int coders = 2 + seed % 4;
    std::vector<std::vector<double>> units;
    for (int u = 0; u < 40; ++u) {
        std::vector<double> row;
        const int centre = int(gen() % 7);
        for (int c = 0; c < coders; ++c) {
            const bool missing = gen() % 5 == 0;
            const int v = std::clamp(centre + int(gen() % 3) - 1, 0, 6);
            row.push_back(missing ? NA : double(v));
        }
        units.push_back(row);
    }
    const ReliabilityData data =
        fromUnits(units, {u"0"_s, u"1"_s, u"2"_s, u"3"_s, u"4"_s, u"5"_s, u"6"_s, u"7"_s});
    const AgreementResult r = krippendorffAlpha(data, Level(level));
    QVERIFY2(r.isValid(), qPrintable(r.error));
    COMPARE_NEAR(*r.value, bruteForceAlpha(data, Level(level)), 1e-10);
}

void TestStatsAlpha::missingValuesDoNotCount()
{
    // Units with fewer than two values add nothing: adding them leaves alpha,
    // D_o, D_e and the counts of Krippendorff (2011) section C unchanged.
    ReliabilityData data = krippendorff2011Example(false);
    const qsizetype u1 = data.addUnit();
    data.setCategory(u1, 2, 4);
    data.addUnit();
    const AgreementResult r = krippendorffAlpha(data, Level::Nominal);
    COMPARE_NEAR(*r.value, 113.0 / 152, 1e-12);
    QCOMPARE(r.units, 11);
    QCOMPARE(r.pairableValues, 40);
}

void TestStatsAlpha::oneCoderIsAnError()
{
    ReliabilityData data({u"solo"_s}, 3);
    data.setCategories({u"a"_s, u"b"_s});
    data.setCategory(0, 0, 0);
    data.setCategory(1, 0, 1);
    for (Level l : {Level::Nominal, Level::Ordinal, Level::Interval, Level::Ratio}) {
        const AgreementResult r = krippendorffAlpha(data, l);
        QVERIFY(!r.isValid());
        QVERIFY(r.error.contains(u"two coders"_s));
        QVERIFY(!r.value);
    }
}

void TestStatsAlpha::emptyInputIsNull()
{
    const ReliabilityData data({u"a"_s, u"b"_s}, 0);
    for (Level l : {Level::Nominal, Level::Ordinal, Level::Interval, Level::Ratio}) {
        const AgreementResult r = krippendorffAlpha(data, l);
        QVERIFY(r.isValid());
        QVERIFY(!r.value);
        QVERIFY(!r.note.isEmpty());
        QCOMPARE(r.units, 0);
    }
}

void TestStatsAlpha::oneValueIsNull()
{
    // A single value is not pairable; two equal values do not vary (D_e = 0).
    const ReliabilityData single = fromUnits({{1, NA}}, {u"x"_s, u"y"_s});
    QVERIFY(!krippendorffAlpha(single, Level::Nominal).value);
    const ReliabilityData pair = fromUnits({{1, 1}}, {u"x"_s, u"y"_s});
    const AgreementResult r = krippendorffAlpha(pair, Level::Nominal);
    QVERIFY(!r.value);
    QCOMPARE(*r.expected, 0.0);
    QVERIFY(r.note.contains(u"nothing varies"_s));
}

void TestStatsAlpha::allAgreeWithVariationIsOne()
{
    const ReliabilityData data =
        fromUnits({{0, 0, 0}, {1, 1, NA}, {2, 2, 2}, {0, NA, 0}}, {u"a"_s, u"b"_s, u"c"_s});
    for (Level l : {Level::Nominal, Level::Ordinal, Level::Interval, Level::Ratio}) {
        const AgreementResult r = krippendorffAlpha(data, l);
        QCOMPARE(*r.value, 1.0);
        QCOMPARE(*r.observed, 0.0);
        QVERIFY(*r.expected > 0);
    }
}

void TestStatsAlpha::allAgreeWithoutVariationIsNull()
{
    // Never a silent 1.0: nothing varies, D_e = 0, alpha undefined.
    const ReliabilityData data = fromUnits({{1, 1, 1}, {1, 1, NA}, {1, NA, 1}}, {u"a"_s, u"b"_s});
    for (Level l : {Level::Nominal, Level::Ordinal, Level::Interval, Level::Ratio}) {
        const AgreementResult r = krippendorffAlpha(data, l);
        QVERIFY(r.isValid());
        QVERIFY(!r.value);
        QCOMPARE(*r.expected, 0.0);
        QVERIFY(r.note.contains(u"nothing varies"_s));
    }
    // Interval values whose mean is not exact in binary still count as equal.
    const ReliabilityData tenths = fromUnits({{0.1, 0.1, 0.1}, {0.1, 0.1, NA}});
    QVERIFY(!krippendorffAlpha(tenths, Level::Interval).value);
}

void TestStatsAlpha::negativeAlpha()
{
    // Systematic disagreement. By hand: units (0,1) and (1,0): o_01 = 2,
    // n_0 = n_1 = 2, n = 4: alpha = 1 - 3*2/(2*2) = -0.5.
    const ReliabilityData data = fromUnits({{0, 1}, {1, 0}}, {u"0"_s, u"1"_s});
    COMPARE_NEAR(*krippendorffAlpha(data, Level::Nominal).value, -0.5, 1e-15);
    COMPARE_NEAR(*krippendorffAlpha(data, Level::Interval).value, -0.5, 1e-15);
}

void TestStatsAlpha::invalidValuesAreErrors()
{
    const ReliabilityData outOfRange = fromUnits({{0, 3}}, {u"a"_s, u"b"_s});
    QVERIFY(!krippendorffAlpha(outOfRange, Level::Nominal).isValid());
    QVERIFY(!krippendorffAlpha(outOfRange, Level::Ordinal).isValid());
    QVERIFY(krippendorffAlpha(outOfRange, Level::Interval).isValid());
    const ReliabilityData negative = fromUnits({{-1, 3}, {2, 2}});
    QVERIFY(!krippendorffAlpha(negative, Level::Ratio).isValid());
    QVERIFY(krippendorffAlpha(negative, Level::Interval).isValid());
    const ReliabilityData infinite = fromUnits({{std::numeric_limits<double>::infinity(), 3}});
    QVERIFY(!krippendorffAlpha(infinite, Level::Interval).isValid());
    // Ratio alpha is quadratic in the distinct values: too many is an error,
    // not an endless computation.
    std::vector<std::vector<double>> many;
    for (int i = 0; i < 20001; ++i)
        many.push_back({double(i), double(i) + 0.5});
    const AgreementResult tooMany = krippendorffAlpha(fromUnits(many), Level::Ratio);
    QVERIFY(!tooMany.isValid());
    QVERIFY(tooMany.error.contains(u"20000"_s));
    QVERIFY(krippendorffAlpha(fromUnits(many), Level::Interval).isValid());
}

void TestStatsAlpha::intervalIsShiftInvariant()
{
    // Large offsets (e.g. years or timestamps) must not lose precision.
    ReliabilityData shifted = krippendorff2011Example(true);
    for (qsizetype u = 0; u < shifted.unitCount(); ++u)
        for (int c = 0; c < shifted.coderCount(); ++c)
            if (auto v = shifted.value(u, c))
                shifted.setValue(u, c, *v + 1e9);
    COMPARE_NEAR(*krippendorffAlpha(shifted, Level::Interval).value, 2853.0 / 3360, 1e-9);
}

void TestStatsAlpha::millionsOfUnitsDoNotOverflow()
{
    // 3 coders, a = b = c = 400,000 units of the kinds (0,0,0), (0,0,1), (1,1,1).
    // By hand: n = 3.6e6, n_0 = 3a + 2b = 2.0e6, n_1 = b + 3c = 1.6e6; each
    // (0,0,1) unit holds 4 ordered disagreeing pairs / (m - 1) = 2, so
    // alpha = 1 - (n - 1) b / (n_0 n_1).
    const qsizetype k = 400000;
    ReliabilityData data({u"a"_s, u"b"_s, u"c"_s}, 3 * k);
    data.setCategories({u"0"_s, u"1"_s});
    for (qsizetype u = 0; u < 3 * k; ++u) {
        const int kind = int(u / k);
        data.setCategory(u, 0, kind == 2 ? 1 : 0);
        data.setCategory(u, 1, kind == 2 ? 1 : 0);
        data.setCategory(u, 2, kind == 0 ? 0 : 1);
    }
    const AgreementResult r = krippendorffAlpha(data, Level::Nominal);
    const long double n = 9 * k, n0 = 5 * k, n1 = 4 * k;
    COMPARE_NEAR(*r.value, double(1 - (n - 1) * k / (n0 * n1)), 1e-12);
    QCOMPARE(r.units, 3 * k);
    QCOMPARE(r.pairableValues, 9 * k);
    // Percent agreement on the same data: 2 of 6 ordered pairs agree in the
    // mixed units: (6k + 2k + 6k) / (18k).
    COMPARE_NEAR(*percentAgreement(data).value, 14.0 / 18, 1e-12);
}

QTEST_GUILESS_MAIN(TestStatsAlpha)
#include "tst_stats_alpha.moc"
