// MinHash signatures and LSH banding: fixed seeds, the estimate, the choice of
// bands for a threshold and the recall of the bands on pairs of known similarity.
#include "dedup/MinHash.h"
#include "dedup/TextShingles.h"

#include <QTest>

#include <cstdint>
#include <vector>

using namespace newscoder::dedup;

namespace {

// Distinct well-mixed values from a counter.
std::uint64_t value(std::uint64_t n)
{
    return mix64(n * 0x9e3779b97f4a7c15ULL + 12345);
}

// Two sets sharing `shared` elements with `own` elements each of their own:
// Jaccard = shared / (shared + 2·own). `base` keeps pairs apart.
std::pair<std::vector<std::uint64_t>, std::vector<std::uint64_t>> pairWith(std::uint64_t base, int shared, int own)
{
    std::vector<std::uint64_t> a, b;
    for (int i = 0; i < shared; ++i) {
        a.push_back(value(base + std::uint64_t(i)));
        b.push_back(value(base + std::uint64_t(i)));
    }
    for (int i = 0; i < own; ++i) {
        a.push_back(value(base + 100000 + std::uint64_t(i)));
        b.push_back(value(base + 200000 + std::uint64_t(i)));
    }
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    return {a, b};
}

// How many of `count` pairs at shared/(shared+2·own) LSH makes candidates.
int candidatesFound(const LshBands &lsh, int count, int shared, int own)
{
    const MinHasher hasher;
    std::vector<std::vector<std::uint32_t>> signatures;
    for (int p = 0; p < count; ++p) {
        const auto [a, b] = pairWith(std::uint64_t(p) * 1000000, shared, own);
        if (jaccard(a, b) != double(shared) / double(shared + 2 * own))
            return -1;
        signatures.push_back(hasher.signature(a));
        signatures.push_back(hasher.signature(b));
    }
    std::vector<const std::vector<std::uint32_t> *> pointers;
    for (const auto &s : signatures)
        pointers.push_back(&s);
    int found = 0;
    for (const auto &[i, j] : candidatePairs(pointers, lsh)) {
        if (i % 2 == 0 && j == i + 1)
            ++found; // the two halves of one pair (other pairs share nothing)
        else
            return -2;
    }
    return found;
}

} // namespace

class TestMinHash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signaturesAreFixed()
    {
        const auto [a, b] = pairWith(7, 50, 0);
        const std::vector<std::uint32_t> first = MinHasher().signature(a);
        QCOMPARE(first.size(), std::size_t(MinHashCount));
        QCOMPARE(MinHasher().signature(a), first); // same seeds in every hasher (and run)
        QCOMPARE(MinHasher().signature(b), first); // same set, same signature
        const auto [c, d] = pairWith(99, 50, 0);
        QVERIFY(MinHasher().signature(c) != first);
        // Each value is the minimum over the set: adding an element never raises one.
        std::vector<std::uint64_t> more = a;
        more.push_back(value(424242));
        const std::vector<std::uint32_t> grown = MinHasher().signature(more);
        for (int i = 0; i < MinHashCount; ++i)
            QVERIFY(grown[std::size_t(i)] <= first[std::size_t(i)]);
    }

    void estimateFollowsJaccard()
    {
        const MinHasher hasher;
        for (const auto &[shared, own] : {std::pair(300, 0), std::pair(180, 10), std::pair(100, 50), std::pair(0, 100)}) {
            const auto [a, b] = pairWith(std::uint64_t(shared) * 7919 + std::uint64_t(own), shared, own);
            const double exact = jaccard(a, b);
            const double estimate = estimatedJaccard(hasher.signature(a), hasher.signature(b));
            // Standard error sqrt(J(1-J)/128) <= 0.045; four of them is far outside chance.
            QVERIFY2(std::abs(estimate - exact) < 0.15,
                     qPrintable(QStringLiteral("J %1, estimate %2").arg(exact).arg(estimate)));
        }
    }

    void bandsForThresholds()
    {
        QCOMPARE(bandsForThreshold(0.8).bands, 32);
        QCOMPARE(bandsForThreshold(0.8).rows, 4);
        QCOMPARE(bandsForThreshold(0.9).rows, 8);
        QCOMPARE(bandsForThreshold(0.5).rows, 2);
        QCOMPARE(bandsForThreshold(0.1).rows, 1);
        QCOMPARE(bandsForThreshold(1.0).rows, 32);
        for (const double t : {0.05, 0.3, 0.5, 0.7, 0.8, 0.85, 0.9, 0.95, 1.0}) {
            const LshBands lsh = bandsForThreshold(t);
            QCOMPARE(lsh.bands * lsh.rows, MinHashCount);
            QVERIFY(lsh.candidateProbability(t) >= 0.999 || lsh.rows == 1);
            // More selective would miss pairs at the threshold.
            if (lsh.rows < 32) {
                const LshBands stricter{MinHashCount / (lsh.rows * 2), lsh.rows * 2};
                QVERIFY(stricter.candidateProbability(t) < 0.999);
            }
        }
    }

    // Pairs at Jaccard 0.9 and at 0.8 are all found with the default bands
    // (32 × 4; expected misses 1e-14 and 5e-8 per pair); unrelated pairs are not.
    void recallAtNinetyAndEighty()
    {
        const LshBands lsh = bandsForThreshold(0.8);
        QCOMPARE(candidatesFound(lsh, 300, 180, 10), 300); // J = 180/200 = 0.9
        QCOMPARE(candidatesFound(lsh, 300, 160, 20), 300); // J = 160/200 = 0.8
        QCOMPARE(candidatesFound(lsh, 300, 0, 150), 0);    // J = 0
    }

    // Below the threshold the bands let fewer pairs through: at J = 0.3 the
    // theory says 23 % with 32 × 4, with 16 × 8 (threshold 0.9) 0.1 %.
    void selectivityBelowThreshold()
    {
        const int atThirty = candidatesFound(bandsForThreshold(0.8), 400, 60, 70); // J = 60/200
        QVERIFY2(atThirty > 40 && atThirty < 160, qPrintable(QString::number(atThirty)));
        const int strict = candidatesFound(bandsForThreshold(0.9), 400, 60, 70);
        QVERIFY2(strict >= 0 && strict < 10, qPrintable(QString::number(strict)));
        QCOMPARE(candidatesFound(bandsForThreshold(0.9), 300, 180, 10), 300); // still every pair at 0.9
    }
};

QTEST_GUILESS_MAIN(TestMinHash)
#include "tst_minhash.moc"
