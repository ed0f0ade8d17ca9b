// Krippendorff's unitizing alpha (alpha_u). Expected values come from hand
// derivations, from the examples of Krippendorff (1995, 2004) and from a
// brute-force reference written below directly from the published formulas.

#include "UnitizingReference.h"
#include "stats/UnitizingAlpha.h"

#include <QTest>
#include <cmath>
#include <random>

using namespace newscoder::stats;
using namespace Qt::StringLiterals;
using unitizingref::referenceAlpha;

#define COMPARE_NEAR(actual, expected, tolerance)                                                            \
    do {                                                                                                     \
        const double a_ = (actual);                                                                          \
        const double e_ = (expected);                                                                        \
        if (!(std::abs(a_ - e_) <= (tolerance)))                                                             \
            QFAIL(qPrintable(u"%1 = %2, expected %3"_s.arg(QStringLiteral(#actual))                          \
                                 .arg(a_, 0, 'g', 17)                                                        \
                                 .arg(e_, 0, 'g', 17)));                                                     \
    } while (false)

namespace {

UnitizingData twoCoders(qint64 begin, qint64 length, QList<UnitizingSpan> first, QList<UnitizingSpan> second)
{
    UnitizingData data;
    data.coders = {u"i"_s, u"j"_s};
    data.documents = {UnitizingDocument{begin, length, {first, second}}};
    return data;
}

// Krippendorff (2004), Content Analysis, 2nd ed., p. 254 (as transcribed in
// DKPro Statistics' unitizing Krippendorff2004Test): continuum [150, 450),
// observers i and j, categories c and k.
UnitizingData krippendorff2004()
{
    return twoCoders(
        150, 300, {{u"c"_s, 225, 70}, {u"c"_s, 370, 30}, {u"k"_s, 180, 60}, {u"k"_s, 300, 50}},
        {{u"c"_s, 220, 80}, {u"c"_s, 355, 20}, {u"c"_s, 400, 20}, {u"k"_s, 180, 60}, {u"k"_s, 300, 50}});
}

// Krippendorff (1995), "On the reliability of unitizing continuous data",
// Sociological Methodology 25: 47-76, p. 57: four pairs of observers on a
// continuum of 24, here as one study with four categories A-D (as in DKPro
// Statistics' Krippendorff1995Test), every position multiplied by `stretch`.
UnitizingData krippendorff1995(qint64 stretch)
{
    const struct
    {
        int b, l, coder;
        const char16_t *cat;
    } units[] = {
        {2, 8, 0, u"A"},  {14, 6, 0, u"A"}, {4, 4, 1, u"A"}, {15, 2, 1, u"A"}, {0, 18, 0, u"B"},
        {0, 2, 1, u"B"},  {2, 1, 1, u"B"},  {3, 1, 1, u"B"}, {4, 1, 1, u"B"},  {5, 1, 1, u"B"},
        {6, 3, 1, u"B"},  {9, 1, 1, u"B"},  {2, 6, 0, u"C"}, {10, 2, 0, u"C"}, {14, 4, 0, u"C"},
        {20, 2, 0, u"C"}, {0, 2, 1, u"C"},  {4, 4, 1, u"C"}, {10, 4, 1, u"C"}, {16, 2, 1, u"C"},
        {20, 2, 1, u"C"}, {0, 2, 0, u"D"},  {2, 8, 0, u"D"}, {10, 4, 0, u"D"}, {14, 6, 0, u"D"},
        {20, 4, 0, u"D"}, {0, 4, 1, u"D"},  {4, 4, 1, u"D"}, {8, 7, 1, u"D"},  {15, 2, 1, u"D"},
        {17, 7, 1, u"D"},
    };
    UnitizingData data = twoCoders(0, 24 * stretch, {}, {});
    for (const auto &u : units)
        data.documents[0].spansByCoder[u.coder].append(
            {QString::fromUtf16(u.cat), u.b * stretch, u.l * stretch});
    return data;
}

// The same study at half resolution as DKPro Statistics builds it
// (createExample(12 / 24.0): every begin and length halved and truncated), so
// that several of Jill's units in B have length 0.
UnitizingData krippendorff1995Half()
{
    const UnitizingData full = krippendorff1995(1);
    UnitizingData half = twoCoders(0, 12, {}, {});
    for (int c = 0; c < 2; ++c)
        for (const UnitizingSpan &s : full.documents[0].spansByCoder[c])
            half.documents[0].spansByCoder[c].append({s.category, s.begin / 2, s.length / 2});
    return half;
}


} // namespace

class TestStatsUnitizing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void handCheckable();
    void coderWhoMarkedNothingCounts();
    void krippendorff2004Example();
    void krippendorff1995Example();
    void matchesBruteForceReference_data();
    void matchesBruteForceReference();
    void largeStudyMatchesReference();
    void identicalCodersAgreeFully();
    void overlappingSpansAreMerged();
    void touchingSpansStayApart();
    void zeroLengthUnits();
    void zeroLengthUnitsAsInDkpro();
    void edgeCases();
};

void TestStatsUnitizing::handCheckable()
{
    // Continuum [0, 10), one category. Coder i marks [2, 6), coder j [3, 6).
    // D_o: the only non-zero pair is the two units, (2-3)^2 + (6-6)^2 = 1,
    //   counted for (i,j) and (j,i): D_o = 2 / (2*1*10^2) = 0.01.
    // D_e: N = 2 units (l = 4, 3); gaps 2, 4 (i) and 3, 4 (j).
    //   l = 4: (1/3)(128 - 48 + 4) = 28, plus 16 * (1 + 1) = 32 -> 60
    //   l = 3: (1/3)(54 - 27 + 3) = 10, plus 9 * (2 + 1 + 2) = 45 -> 55
    //   D_e = (2/10) * 115 / (20*19 - (12 + 6)) = 23/362.
    // alpha_u = 1 - 0.01 * 362/23 = 1938/2300.
    const UnitizingData data = twoCoders(0, 10, {{u"x"_s, 2, 4}}, {{u"x"_s, 3, 3}});
    const AgreementResult r = unitizingAlpha(data, u"x"_s);
    QVERIFY2(r.isValid(), qPrintable(r.error));
    COMPARE_NEAR(*r.observed, 0.01, 1e-15);
    COMPARE_NEAR(*r.expected, 23.0 / 362, 1e-15);
    COMPARE_NEAR(*r.value, 1938.0 / 2300, 1e-14);
    QCOMPARE(r.units, 2);
    QCOMPARE(r.pairableValues, 20);
    // The same study shifted to another continuum position gives the same.
    const UnitizingData shifted = twoCoders(1000, 10, {{u"x"_s, 1002, 4}}, {{u"x"_s, 1003, 3}});
    COMPARE_NEAR(*unitizingAlpha(shifted, u"x"_s).value, 1938.0 / 2300, 1e-14);
}

void TestStatsUnitizing::coderWhoMarkedNothingCounts()
{
    // Continuum [0, 10): i marks [2, 6), j marks nothing (one gap [0, 10)).
    // D_o: i's unit lies inside j's gap: 4^2, both orders: 32 / 200 = 0.16.
    // D_e: N = 1 so the cubic term vanishes; gaps 2, 4, 10: 16 * (1 + 7) =
    //   128; D_e = 0.2 * 128 / (380 - 12) = 25.6/368. alpha_u = 1 - 2.3 = -1.3.
    const UnitizingData data = twoCoders(0, 10, {{u"x"_s, 2, 4}}, {});
    const AgreementResult r = unitizingAlpha(data, u"x"_s);
    COMPARE_NEAR(*r.observed, 0.16, 1e-15);
    COMPARE_NEAR(*r.expected, 25.6 / 368, 1e-15);
    COMPARE_NEAR(*r.value, -1.3, 1e-13);
}

void TestStatsUnitizing::krippendorff2004Example()
{
    // Expected (DKPro Statistics' Krippendorff2004Test for this example):
    // category c: D_o = .0144, D_e = .0532, alpha_u = .7286; category k:
    // D_o = 0, D_e = .0490, alpha_u = 1; over both categories .8591 (+-.0005).
    // D_o(c) by hand: (225,70)/(220,80): 5^2 + 5^2 = 50; (370,30)/(355,20):
    // 15^2 + 25^2 = 850; j's (400,20) inside i's gap [400,450): 400; total
    // 1300, both orders 2600 / (2 * 300^2) = .014444.
    const UnitizingResult r = unitizingAlpha(krippendorff2004());
    QVERIFY2(r.overall.isValid(), qPrintable(r.overall.error));
    QCOMPARE(r.categories.size(), 2);
    const AgreementResult &c = categoryResult(r, u"c"_s);
    COMPARE_NEAR(*c.observed, 2600.0 / 180000, 1e-15);
    COMPARE_NEAR(*c.expected, 0.0532, 0.00005);
    COMPARE_NEAR(*c.value, 0.7286, 0.00005);
    const AgreementResult &k = categoryResult(r, u"k"_s);
    QCOMPARE(*k.observed, 0.0);
    COMPARE_NEAR(*k.expected, 0.0490, 0.00005);
    QCOMPARE(*k.value, 1.0);
    COMPARE_NEAR(*r.overall.value, 0.8591, 0.0005);
    const auto [rc, ec] = referenceAlpha(krippendorff2004(), u"c"_s);
    const auto [rk, ek] = referenceAlpha(krippendorff2004(), u"k"_s);
    COMPARE_NEAR(*r.overall.value, 1 - (rc + rk) / (ec + ek), 1e-13);
    QCOMPARE(r.overall.units, 9);
    // Overall D_o and D_e are the means over the categories, as DKPro
    // Statistics reports them (calculateObserved/ExpectedDisagreement).
    COMPARE_NEAR(*r.overall.observed, (*c.observed + *k.observed) / 2, 1e-17);
    COMPARE_NEAR(*r.overall.expected, (*c.expected + *k.expected) / 2, 1e-17);
}

void TestStatsUnitizing::krippendorff1995Example()
{
    // Observed disagreement is exact at any stretch (DKPro Statistics'
    // Krippendorff1995Test, tolerance .00001): A .03125, B 2.26736, C .02777,
    // D .38715. By hand for B: John's [0,18) against Jill's seven units gives
    // 256 + 229 + 205 + 185 + 169 + 117 + 145 = 1306; both orders divided by
    // 2 * 24^2: 1306/576.
    const UnitizingResult r1 = unitizingAlpha(krippendorff1995(1));
    COMPARE_NEAR(*categoryResult(r1, u"A"_s).observed, 0.03125, 0.00001);
    COMPARE_NEAR(*categoryResult(r1, u"B"_s).observed, 1306.0 / 576, 1e-14);
    COMPARE_NEAR(*categoryResult(r1, u"C"_s).observed, 0.02777, 0.00001);
    COMPARE_NEAR(*categoryResult(r1, u"D"_s).observed, 0.38715, 0.00001);
    // alpha_u approaches Krippendorff's (1995: 57) values as the continuum
    // becomes fine-grained: .553, -.926, .679, .066 (values and tolerance .02
    // as in DKPro's test, which notes a small error in the paper's D_e).
    const UnitizingResult r = unitizingAlpha(krippendorff1995(50000));
    COMPARE_NEAR(*categoryResult(r, u"A"_s).value, 0.553, 0.02);
    COMPARE_NEAR(*categoryResult(r, u"B"_s).value, -0.926, 0.02);
    COMPARE_NEAR(*categoryResult(r, u"C"_s).value, 0.679, 0.02);
    COMPARE_NEAR(*categoryResult(r, u"D"_s).value, 0.066, 0.02);
}

void TestStatsUnitizing::matchesBruteForceReference_data()
{
    QTest::addColumn<int>("seed");
    for (int seed = 1; seed <= 12; ++seed)
        QTest::addRow("seed %d", seed) << seed;
}

void TestStatsUnitizing::matchesBruteForceReference()
{
    // Random studies: 2-4 coders, 1-3 documents, up to 3 categories, coders
    // who mark nothing, adjacent units; every category and the overall value
    // must equal the brute-force reference.
    QFETCH(int, seed);
    std::mt19937 gen{quint32(seed)};
    UnitizingData data;
    const int coders = 2 + seed % 3;
    for (int c = 0; c < coders; ++c)
        data.coders << u"c%1"_s.arg(c);
    const QStringList categories{u"p"_s, u"q"_s, u"r"_s};
    qint64 begin = seed * 7;
    for (int d = 0; d < 1 + seed % 3; ++d) {
        UnitizingDocument doc{begin, 40 + qint64(gen() % 60), {}};
        begin += doc.length + qint64(gen() % 5);
        for (int c = 0; c < coders; ++c) {
            QList<UnitizingSpan> spans;
            if (gen() % 6 != 0) {
                for (const QString &cat : categories.mid(0, 1 + seed % 3)) {
                    qint64 pos = doc.begin + qint64(gen() % 5);
                    while (true) {
                        const qint64 len = qint64(gen() % 12); // 0: a unit of length 0
                        if (pos + len > doc.begin + doc.length)
                            break;
                        if (gen() % 3 != 0)
                            spans.append({cat, pos, len});
                        pos += len + qint64(gen() % 8);
                    }
                }
            }
            doc.spansByCoder.append(spans);
        }
        data.documents.append(doc);
    }
    const UnitizingResult r = unitizingAlpha(data);
    QVERIFY2(r.overall.isValid(), qPrintable(r.overall.error));
    double observed = 0, expected = 0;
    for (const CategoryAgreement &c : r.categories) {
        const auto [o, e] = referenceAlpha(data, c.category);
        COMPARE_NEAR(*c.result.observed, o, 1e-12);
        COMPARE_NEAR(*c.result.expected, e, 1e-12);
        COMPARE_NEAR(*c.result.value, 1 - o / e, 1e-12);
        observed += o;
        expected += e;
    }
    COMPARE_NEAR(*r.overall.value, 1 - observed / expected, 1e-12);
}

void TestStatsUnitizing::largeStudyMatchesReference()
{
    // Enough units and gaps (more than 4096 per category) for the engine's
    // counting sort of lengths; still small enough for the reference.
    std::mt19937 gen{99};
    UnitizingData data;
    data.coders = {u"a"_s, u"b"_s, u"c"_s};
    qint64 begin = 0;
    for (int d = 0; d < 10; ++d) {
        UnitizingDocument doc{begin, 3000 + qint64(gen() % 2000), {}};
        begin += doc.length;
        for (int c = 0; c < 3; ++c) {
            QList<UnitizingSpan> spans;
            qint64 pos = doc.begin + qint64(gen() % 10);
            while (true) {
                const qint64 len = 1 + qint64(gen() % 20);
                if (pos + len > doc.begin + doc.length)
                    break;
                if (gen() % 4 != 0)
                    spans.append({u"x"_s, pos, len});
                pos += len + 1 + qint64(gen() % 6);
            }
            doc.spansByCoder.append(spans);
        }
        data.documents.append(doc);
    }
    const AgreementResult r = unitizingAlpha(data, u"x"_s);
    QVERIFY(r.units > 4096);
    const auto [o, e] = referenceAlpha(data, u"x"_s);
    COMPARE_NEAR(*r.observed, o, 1e-12);
    COMPARE_NEAR(*r.expected, e, 1e-12);
}

void TestStatsUnitizing::identicalCodersAgreeFully()
{
    const QList<UnitizingSpan> spans{{u"a"_s, 0, 5}, {u"b"_s, 5, 3}, {u"a"_s, 20, 10}};
    const UnitizingResult r = unitizingAlpha(twoCoders(0, 40, spans, spans));
    QCOMPARE(*r.overall.value, 1.0);
    QCOMPARE(*r.overall.observed, 0.0);
    for (const CategoryAgreement &c : r.categories)
        QCOMPARE(*c.result.value, 1.0);
}

void TestStatsUnitizing::overlappingSpansAreMerged()
{
    // [2,5) and [4,6) of one coder become [2,6): the handCheckable() study.
    const UnitizingData data = twoCoders(0, 10, {{u"x"_s, 2, 3}, {u"x"_s, 4, 2}}, {{u"x"_s, 3, 3}});
    const AgreementResult r = unitizingAlpha(data, u"x"_s);
    COMPARE_NEAR(*r.value, 1938.0 / 2300, 1e-14);
    QVERIFY(r.note.contains(u"merged"_s));
    const UnitizingResult all = unitizingAlpha(data);
    QVERIFY(all.overall.note.contains(u"merged"_s));
    // The merge is listed with the spans as given.
    QCOMPARE(all.merges.size(), 1);
    const UnitizingMerge &m = all.merges[0];
    QCOMPARE(m.category, u"x"_s);
    QCOMPARE(m.coder, 0);
    QCOMPARE(m.document, 0);
    QCOMPARE(m.spans.size(), 2);
    QCOMPARE(m.spans[0].begin, 2);
    QCOMPARE(m.spans[0].length, 3);
    QCOMPARE(m.spans[1].begin, 4);
    QCOMPARE(m.spans[1].length, 2);
    QCOMPARE(m.begin, 2);
    QCOMPARE(m.length, 4);
    // Coinciding and nested spans merge as well; a chain becomes one unit.
    const UnitizingData chain =
        twoCoders(0, 20, {{u"x"_s, 2, 3}, {u"x"_s, 2, 3}, {u"x"_s, 4, 6}, {u"x"_s, 5, 1}}, {{u"x"_s, 1, 2}});
    const UnitizingResult chained = unitizingAlpha(chain);
    QCOMPARE(chained.merges.size(), 1);
    QCOMPARE(chained.merges[0].spans.size(), 4);
    QCOMPARE(chained.merges[0].begin, 2);
    QCOMPARE(chained.merges[0].length, 8);
    QCOMPARE(categoryResult(chained, u"x"_s).units, 2);
    QVERIFY(categoryResult(chained, u"x"_s).note.contains(u"4 overlapping spans"_s));
}

void TestStatsUnitizing::touchingSpansStayApart()
{
    // Issue 21: coder i marks [20,40) and [40,60), coder j [20,60) and
    // [70,90) on [0,122). Touching units are two units (N = 4), not [20,60).
    // D_o: [20,40)/[20,60): 0 + 20^2; [40,60)/[20,60): 20^2 + 0; j's [70,90)
    //   inside i's gap [60,122): 20^2. 1200, both orders / (2 * 122^2) = 300/3721.
    // D_e: l = 20 (three units): (14820 + 400 * 58) each; l = 40: 123240 +
    //   1600 * 23; numerator 274100 over 244 * 243 - 2700 = 56592, times 2/122.
    // alpha_u = 1 - (300/3721) / (274100 / (61 * 56592)) = -2575/167201.
    const UnitizingData data =
        twoCoders(0, 122, {{u"Quote"_s, 20, 20}, {u"Quote"_s, 40, 20}}, {{u"Quote"_s, 20, 40}, {u"Quote"_s, 70, 20}});
    const UnitizingResult all = unitizingAlpha(data);
    const AgreementResult &r = categoryResult(all, u"Quote"_s);
    COMPARE_NEAR(*r.observed, 300.0 / 3721, 1e-16);
    COMPARE_NEAR(*r.expected, 274100.0 / (61.0 * 56592), 1e-16);
    COMPARE_NEAR(*r.value, -2575.0 / 167201, 1e-14);
    QCOMPARE(r.units, 4);
    QVERIFY(all.merges.isEmpty());
    QVERIFY(!r.note.contains(u"merged"_s));
    const auto [o, e] = referenceAlpha(data, u"Quote"_s);
    COMPARE_NEAR(*r.value, 1 - o / e, 1e-14);
}

void TestStatsUnitizing::zeroLengthUnits()
{
    // Continuum [0, 10): i marks [2, 6), j a unit of length 0 at 4 (strictly
    // inside i's unit). D_o: the two units overlap: (2-4)^2 + (6-4)^2 = 8,
    //   both orders 16 / 200 = 0.08 (i's unit lies in none of j's gaps [0,4), [4,10)).
    // D_e: N = 2 (l = 4, 0); gaps 2, 4 (i) and 4, 6 (j).
    //   l = 4: (1/3)(128 - 48 + 4) = 28, plus 16 * (1 + 1 + 3) = 80 -> 108;
    //   l = 0 adds nothing; D_e = 0.2 * 108 / (380 - 12) = 21.6/368.
    // alpha_u = 1 - 0.08 * 368 / 21.6 = -49/135.
    const UnitizingData data = twoCoders(0, 10, {{u"x"_s, 2, 4}}, {{u"x"_s, 4, 0}});
    const AgreementResult r = unitizingAlpha(data, u"x"_s);
    QVERIFY2(r.isValid(), qPrintable(r.error));
    COMPARE_NEAR(*r.observed, 0.08, 1e-16);
    COMPARE_NEAR(*r.expected, 21.6 / 368, 1e-16);
    COMPARE_NEAR(*r.value, -49.0 / 135, 1e-14);
    QCOMPARE(r.units, 2);
    // At the border of i's unit it overlaps nothing: i's unit then lies in
    // j's gap [2, 10), 4^2 both orders, as if j had marked nothing there.
    const UnitizingData border = twoCoders(0, 10, {{u"x"_s, 2, 4}}, {{u"x"_s, 2, 0}});
    COMPARE_NEAR(*unitizingAlpha(border, u"x"_s).observed, 0.16, 1e-16);
    // Units of length 0 everywhere agree with the brute-force reference:
    // coinciding, at the ends of the continuum, touching other units, and
    // one strictly inside a unit of its own coder (merged into it).
    const UnitizingData mixed = twoCoders(0, 30,
                                          {{u"x"_s, 0, 0}, {u"x"_s, 5, 5}, {u"x"_s, 10, 0}, {u"x"_s, 10, 0},
                                           {u"x"_s, 30, 0}, {u"x"_s, 20, 6}},
                                          {{u"x"_s, 5, 0}, {u"x"_s, 7, 0}, {u"x"_s, 6, 8}, {u"x"_s, 22, 0}});
    const UnitizingResult all = unitizingAlpha(mixed);
    const AgreementResult &m = categoryResult(all, u"x"_s);
    QCOMPARE(all.merges.size(), 1); // j's point at 7 lies inside j's [6, 14)
    QCOMPARE(all.merges[0].coder, 1);
    QCOMPARE(all.merges[0].begin, 6);
    QCOMPARE(all.merges[0].length, 8);
    QCOMPARE(m.units, 9);
    UnitizingData unmerged = mixed;
    unmerged.documents[0].spansByCoder[1].removeAt(1);
    const auto [o, e] = referenceAlpha(unmerged, u"x"_s);
    COMPARE_NEAR(*m.observed, o, 1e-15);
    COMPARE_NEAR(*m.expected, e, 1e-15);
}

void TestStatsUnitizing::zeroLengthUnitsAsInDkpro()
{
    // DKPro Statistics' Krippendorff1995Test (testVaryingLengths, stretch
    // 12/24) computes category C on a study whose category B has units of
    // length 0: D_o(C) .02777 (+-.00001), D_e(C) .05494 (+-.00001),
    // alpha_u(C) .494 (+-.02). The study is valid, and B agrees with the
    // brute-force reference.
    const UnitizingData half = krippendorff1995Half();
    int zeroLength = 0;
    for (const UnitizingSpan &s : half.documents[0].spansByCoder[1])
        zeroLength += s.category == u"B"_s && s.length == 0;
    QCOMPARE(zeroLength, 5);
    const UnitizingResult r = unitizingAlpha(half);
    QVERIFY2(r.overall.isValid(), qPrintable(r.overall.error));
    const AgreementResult &c = categoryResult(r, u"C"_s);
    COMPARE_NEAR(*c.observed, 0.02777, 0.00001);
    COMPARE_NEAR(*c.expected, 0.05494, 0.00001);
    COMPARE_NEAR(*c.value, 0.494, 0.02);
    const AgreementResult &b = categoryResult(r, u"B"_s);
    QCOMPARE(b.units, 8);
    const auto [o, e] = referenceAlpha(half, u"B"_s);
    COMPARE_NEAR(*b.observed, o, 1e-15);
    COMPARE_NEAR(*b.expected, e, 1e-15);
}

void TestStatsUnitizing::edgeCases()
{
    // One coder: error.
    UnitizingData one;
    one.coders = {u"solo"_s};
    one.documents = {UnitizingDocument{0, 10, {{{u"x"_s, 0, 2}}}}};
    QVERIFY(!unitizingAlpha(one).overall.isValid());
    // Spans outside the continuum, empty spans, an empty continuum: errors.
    QVERIFY(!unitizingAlpha(twoCoders(0, 10, {{u"x"_s, 8, 3}}, {})).overall.isValid());
    QVERIFY(!unitizingAlpha(twoCoders(5, 10, {{u"x"_s, 4, 2}}, {})).overall.isValid());
    QVERIFY(!unitizingAlpha(twoCoders(0, 10, {{u"x"_s, 3, -1}}, {})).overall.isValid());
    QVERIFY(!unitizingAlpha(twoCoders(0, 10, {{u"x"_s, 11, 0}}, {})).overall.isValid());
    QVERIFY(unitizingAlpha(twoCoders(0, 10, {{u"x"_s, 10, 0}}, {})).overall.isValid()); // length 0 is a unit
    QVERIFY(!unitizingAlpha(twoCoders(0, 0, {}, {})).overall.isValid());
    // Nobody marked anything: undefined, with a note.
    const UnitizingResult nothing = unitizingAlpha(twoCoders(0, 10, {}, {}));
    QVERIFY(nothing.overall.isValid());
    QVERIFY(!nothing.overall.value);
    QVERIFY(!nothing.overall.note.isEmpty());
    QVERIFY(nothing.categories.isEmpty());
    // A category nobody marked: undefined, with a note.
    const AgreementResult absent = unitizingAlpha(krippendorff2004(), u"zz"_s);
    QVERIFY(absent.isValid());
    QVERIFY(!absent.value);
    QVERIFY(absent.note.contains(u"zz"_s));
    // Everybody marks the whole continuum with units of length 1: the
    // expected disagreement is 0 (no gaps, l^3 term 0), so alpha is undefined.
    QList<UnitizingSpan> ones;
    for (int p = 0; p < 4; ++p)
        ones.append({u"x"_s, p, 1});
    const AgreementResult flat = unitizingAlpha(twoCoders(0, 4, ones, ones), u"x"_s);
    QVERIFY(!flat.value);
    QCOMPARE(*flat.expected, 0.0);
}

QTEST_GUILESS_MAIN(TestStatsUnitizing)
#include "tst_stats_unitizing.moc"
