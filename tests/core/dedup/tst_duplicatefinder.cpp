// Clusters of exact and near-duplicate texts: fictional wire copies, the
// threshold, texts without words, non-BMP text, determinism, large clusters.
#include "DedupSamples.h"
#include "dedup/DuplicateFinder.h"
#include "dedup/MinHash.h"
#include "dedup/TextShingles.h"

#include <QTest>

using namespace newscoder::dedup;
using namespace newscoder::test::dedup;

namespace {

double similarityOf(const QString &a, const QString &b, int words = DuplicateOptions().shingleWords)
{
    return jaccard(shingleSet(wordHashes(a), words), shingleSet(wordHashes(b), words));
}

DuplicateResult clustersOf(const QStringList &texts, double threshold = 0.8)
{
    DuplicateOptions options;
    options.threshold = threshold;
    DuplicateFinder finder(options);
    finder.addTexts(texts);
    return finder.findClusters();
}

// The clusters as lists of member indices.
QList<QList<int>> memberLists(const DuplicateResult &result)
{
    QList<QList<int>> lists;
    for (const DuplicateCluster &c : result.clusters)
        lists.append(c.members);
    return lists;
}

const DuplicatePair *findPair(const DuplicateCluster &cluster, int first, int second)
{
    for (const DuplicatePair &p : cluster.pairs) {
        if (p.first == first && p.second == second)
            return &p;
    }
    return nullptr;
}

} // namespace

class TestDuplicateFinder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void samplesAreWhatTheyClaim()
    {
        // The fixtures' similarities, measured (not assumed): copies above 0.8, the rest far below.
        QCOMPARE(similarityOf(wireStory(), exactCopy()), 1.0);
        QVERIFY(similarityOf(wireStory(), lightEdit()) > 0.85);
        QVERIFY(similarityOf(wireStory(), lightEdit()) < 1.0);
        QVERIFY(similarityOf(wireStory(), differentIntro()) > 0.8);
        QVERIFY(similarityOf(wireStory(), differentIntro()) < 0.95);
        QVERIFY(similarityOf(wireStory(), sameTopic()) < 0.2);
        QVERIFY(similarityOf(wireStory(), unrelated()) < 0.05);
    }

    void wireCopiesFormOneCluster()
    {
        const QStringList texts{wireStory(), unrelated(), exactCopy(), sameTopic(), lightEdit(), differentIntro()};
        const DuplicateResult result = clustersOf(texts);
        QCOMPARE(memberLists(result), (QList<QList<int>>{{0, 2, 4, 5}}));
        const DuplicateCluster &cluster = result.clusters.first();
        QVERIFY(cluster.pairsComplete);
        // Exact copy: similarity 1 and flagged exact; the edits are not exact.
        const DuplicatePair *exact = findPair(cluster, 0, 2);
        QVERIFY(exact);
        QCOMPARE(exact->similarity, 1.0);
        QVERIFY(exact->exact);
        const DuplicatePair *edit = findPair(cluster, 0, 4);
        QVERIFY(edit);
        QVERIFY(!edit->exact);
        QCOMPARE(edit->similarity, similarityOf(wireStory(), lightEdit()));
        const DuplicatePair *intro = findPair(cluster, 2, 5);
        QVERIFY(intro);
        QCOMPARE(intro->similarity, similarityOf(exactCopy(), differentIntro()));
        // Every pair listed is at or above the threshold, in (first, second) order, each once.
        for (qsizetype i = 0; i < cluster.pairs.size(); ++i) {
            QVERIFY(cluster.pairs[i].similarity >= 0.8);
            QVERIFY(cluster.pairs[i].first < cluster.pairs[i].second);
            if (i > 0)
                QVERIFY(std::pair(cluster.pairs[i - 1].first, cluster.pairs[i - 1].second)
                        < std::pair(cluster.pairs[i].first, cluster.pairs[i].second));
        }
        QCOMPARE(result.stats.texts, 6);
        QCOMPARE(result.stats.distinctTexts, 5); // the exact copy is grouped before LSH
        QVERIFY(result.stats.candidatePairs >= 3);
    }

    void thresholdDecides()
    {
        const QStringList texts{wireStory(), differentIntro()};
        const double s = similarityOf(wireStory(), differentIntro());
        QCOMPARE(memberLists(clustersOf(texts, s - 0.01)), (QList<QList<int>>{{0, 1}}));
        QCOMPARE(memberLists(clustersOf(texts, s)), (QList<QList<int>>{{0, 1}})); // "at or above"
        QVERIFY(clustersOf(texts, s + 0.01).clusters.isEmpty());
        // The same-topic article joins only at a threshold below its similarity.
        const QStringList topic{wireStory(), sameTopic()};
        QVERIFY(clustersOf(topic).clusters.isEmpty());
        QCOMPARE(memberLists(clustersOf(topic, 0.01)), (QList<QList<int>>{{0, 1}}));
        // Threshold 1: only texts with the same words.
        QCOMPARE(memberLists(clustersOf({wireStory(), lightEdit(), exactCopy()}, 1.0)), (QList<QList<int>>{{0, 2}}));
    }

    void sameWordsDifferentCharacters()
    {
        // Case, punctuation, spacing and accents differ: similarity 1 but not an exact copy.
        QString shouted = wireStory().toUpper();
        shouted.replace(QStringLiteral(","), QString()).replace(QStringLiteral("café"), QStringLiteral("cafe"));
        const DuplicateResult result = clustersOf({wireStory(), shouted});
        QCOMPARE(memberLists(result), (QList<QList<int>>{{0, 1}}));
        QCOMPARE(result.clusters[0].pairs.size(), 1);
        QCOMPARE(result.clusters[0].pairs[0].similarity, 1.0);
        QVERIFY(!result.clusters[0].pairs[0].exact);
        QCOMPARE(result.stats.distinctTexts, 1);
    }

    void chainsJoinOneCluster()
    {
        // A ~ B and B ~ C, A and C further apart: one cluster (single linkage), and the
        // pair list says which pairs are above the threshold.
        QStringList words;
        for (int i = 0; i < 200; ++i)
            words << QStringLiteral("w%1").arg(i);
        QStringList b = words, c = words;
        for (int i = 0; i < 200; i += 20)
            b[i] = QStringLiteral("bx%1").arg(i);
        for (int i = 10; i < 200; i += 20)
            c[i] = QStringLiteral("cx%1").arg(i);
        for (int i = 0; i < 200; i += 20)
            c[i] = b[i];
        const QStringList texts{words.join(u' '), b.join(u' '), c.join(u' ')};
        const double ab = similarityOf(texts[0], texts[1]);
        const double bc = similarityOf(texts[1], texts[2]);
        const double ac = similarityOf(texts[0], texts[2]);
        const double threshold = (qMin(ab, bc) + ac) / 2;
        QVERIFY(ac < threshold && ab >= threshold && bc >= threshold);
        const DuplicateResult result = clustersOf(texts, threshold);
        QCOMPARE(memberLists(result), (QList<QList<int>>{{0, 1, 2}}));
        QVERIFY(findPair(result.clusters[0], 0, 1));
        QVERIFY(findPair(result.clusters[0], 1, 2));
        QVERIFY(!findPair(result.clusters[0], 0, 2));
    }

    void emptyAndOneWordTexts()
    {
        const QStringList texts{QString(), QStringLiteral("  ... — "), QStringLiteral("Breaking"),
                                QStringLiteral("breaking!"), QStringLiteral("Update"), QString(), wireStory()};
        const DuplicateResult result = clustersOf(texts);
        // Empty and punctuation-only texts are not compared (not even with each other);
        // two one-word texts with the same word are duplicates, different words are not.
        QCOMPARE(memberLists(result), (QList<QList<int>>{{2, 3}}));
        QCOMPARE(result.stats.withoutWords, 3);
        QCOMPARE(result.clusters[0].pairs[0].similarity, 1.0);
        QVERIFY(!result.clusters[0].pairs[0].exact);
        // Nothing at all, or a single text: no clusters.
        QVERIFY(clustersOf({}).clusters.isEmpty());
        QVERIFY(clustersOf({wireStory()}).clusters.isEmpty());
        QVERIFY(clustersOf({QString(), QString()}).clusters.isEmpty());
    }

    void nonBmpTexts()
    {
        // A story in Deseret letters (outside the BMP) with emoji; its lower-case copy
        // and a copy with one word changed are duplicates; the unrelated one is not.
        QStringList words;
        for (int i = 0; i < 60; ++i) {
            std::u32string w; // a different word each time
            w += char32_t(0x10400 + i % 40);       // upper-case Deseret letter
            w += char32_t(0x10428 + i / 40);       // lower-case Deseret letter
            w += char32_t(0x10400 + (i * 7) % 40);
            words << QString::fromStdU32String(w) + (i % 9 == 0 ? QString::fromUcs4(U" \U0001F4F0") : QString());
        }
        const QString story = words.join(u' ');
        QString lower = story.toLower();
        QStringList edited = words;
        edited[30] = QString::fromUcs4(U"\U0001043F\U0001043F");
        const QString other = QString::fromUcs4(U"\U00010330\U00010331 \U00010332\U00010333 \U00010334\U00010335");
        QVERIFY(lower != story);
        QVERIFY(similarityOf(story, edited.join(u' ')) >= 0.8);
        const DuplicateResult result = clustersOf({story, other, lower, edited.join(u' ')});
        QCOMPARE(memberLists(result), (QList<QList<int>>{{0, 2, 3}}));
        QCOMPARE(findPair(result.clusters[0], 0, 2)->similarity, 1.0);
        QVERIFY(!findPair(result.clusters[0], 0, 2)->exact);
    }

    void deterministicOrder()
    {
        // Several clusters: ordered by their first member, members ascending, the
        // same on every run; adding texts in two batches changes nothing.
        const QStringList texts{unrelated(), wireStory(), unrelated() + u' ', sameTopic(), lightEdit(),
                                sameTopic().toUpper(), exactCopy()};
        const DuplicateResult first = clustersOf(texts);
        QCOMPARE(memberLists(first), (QList<QList<int>>{{0, 2}, {1, 4, 6}, {3, 5}}));
        DuplicateFinder split;
        split.addTexts(texts.mid(0, 3));
        split.addTexts(texts.mid(3));
        const DuplicateResult second = split.findClusters();
        QCOMPARE(memberLists(second), memberLists(first));
        for (qsizetype c = 0; c < first.clusters.size(); ++c) {
            QCOMPARE(second.clusters[c].pairs.size(), first.clusters[c].pairs.size());
            for (qsizetype p = 0; p < first.clusters[c].pairs.size(); ++p) {
                QCOMPARE(second.clusters[c].pairs[p].first, first.clusters[c].pairs[p].first);
                QCOMPARE(second.clusters[c].pairs[p].second, first.clusters[c].pairs[p].second);
                QCOMPARE(second.clusters[c].pairs[p].similarity, first.clusters[c].pairs[p].similarity);
            }
        }
    }

    void largeClusterListsJoiningPairs()
    {
        // 60 copies (above MaxFullPairCluster): one cluster; the pairs that joined
        // it, not all 1770.
        QStringList texts;
        for (int i = 0; i < 60; ++i)
            texts << wireStory() + (i % 2 ? QStringLiteral(" ") : QString());
        const DuplicateResult result = clustersOf(texts);
        QCOMPARE(result.clusters.size(), 1);
        QCOMPARE(result.clusters[0].members.size(), 60);
        QVERIFY(!result.clusters[0].pairsComplete);
        QCOMPARE(result.clusters[0].pairs.size(), 59);
        for (const DuplicatePair &p : result.clusters[0].pairs) {
            QCOMPARE(p.first, 0);
            QCOMPARE(p.exact, p.second % 2 == 0);
        }
    }

    void manyNearCopies()
    {
        // 300 versions of one story, each with its own added sentence: every LSH
        // bucket holds them all (pairs only within a window of the bucket), and
        // they still form one cluster.
        QStringList texts;
        for (int i = 0; i < 300; ++i)
            texts << wireStory() + QStringLiteral(" Update number %1 of the day.").arg(i);
        const DuplicateResult result = clustersOf(texts);
        QCOMPARE(result.clusters.size(), 1);
        QCOMPARE(result.clusters[0].members.size(), 300);
        QVERIFY(!result.clusters[0].pairsComplete);
        QVERIFY(result.stats.candidatePairs < 300 * BucketWindow);
        QVERIFY(result.clusters[0].pairs.size() >= 299);
    }

    void checksOptions()
    {
        QVERIFY(DuplicateFinder::checkOptions({}).isEmpty());
        QVERIFY(DuplicateFinder::checkOptions({1.0, 3}).isEmpty());
        QVERIFY(!DuplicateFinder::checkOptions({0.0, 3}).isEmpty());
        QVERIFY(!DuplicateFinder::checkOptions({1.01, 3}).isEmpty());
        QVERIFY(!DuplicateFinder::checkOptions({std::nan(""), 3}).isEmpty());
        QVERIFY(!DuplicateFinder::checkOptions({0.8, 0}).isEmpty());
        QCOMPARE(DuplicateOptions().threshold, 0.8);
    }
};

QTEST_GUILESS_MAIN(TestDuplicateFinder)
#include "tst_duplicatefinder.moc"
