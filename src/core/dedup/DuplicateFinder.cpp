#include "dedup/DuplicateFinder.h"

#include "dedup/MinHash.h"
#include "dedup/TextShingles.h"
#include "dedup/UnionFind.h"

#include <QCryptographicHash>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>

namespace newscoder::dedup {

struct DuplicateFinder::Fingerprint
{
    int words = 0;
    std::uint64_t wordsKey = 0; // hash of the whole folded word sequence
    QByteArray rawHash;         // SHA-1 of the stored text (UTF-16)
    std::vector<std::uint64_t> shingles;
    std::vector<std::uint32_t> signature;
};

namespace {

// Pairs at the threshold count: 4/5 is not made 0.79999… by rounding.
constexpr double Tolerance = 1e-9;

const MinHasher &minHasher()
{
    static const MinHasher hasher;
    return hasher;
}

} // namespace

DuplicateFinder::DuplicateFinder(DuplicateOptions options) : m_options(options) {}

DuplicateFinder::~DuplicateFinder() = default;

QString DuplicateFinder::checkOptions(const DuplicateOptions &options)
{
    if (!(options.threshold > 0.0 && options.threshold <= 1.0))
        return QStringLiteral("the similarity threshold must be a number above 0 and at most 1");
    if (options.shingleWords < 1 || options.shingleWords > 10)
        return QStringLiteral("words per shingle must be from 1 to 10");
    return {};
}

void DuplicateFinder::addTexts(const QStringList &texts)
{
    const std::size_t first = m_prints.size();
    m_prints.resize(first + std::size_t(texts.size()));
    QList<int> indices(texts.size());
    std::iota(indices.begin(), indices.end(), 0);
    const int shingleWords = m_options.shingleWords;
    QtConcurrent::blockingMap(indices, [&](int i) {
        const QString &text = texts[i];
        Fingerprint &print = m_prints[first + std::size_t(i)];
        const std::vector<std::uint64_t> words = wordHashes(text);
        print.words = int(words.size());
        print.rawHash = QCryptographicHash::hash(
            QByteArrayView(reinterpret_cast<const char *>(text.utf16()), text.size() * qsizetype(sizeof(char16_t))),
            QCryptographicHash::Sha1);
        if (words.empty())
            return;
        std::uint64_t key = 0x9e3779b97f4a7c15ULL ^ words.size();
        for (const std::uint64_t w : words)
            key = mix64(key ^ w);
        print.wordsKey = key;
        print.shingles = shingleSet(words, shingleWords);
        print.signature = minHasher().signature(print.shingles);
    });
}

int DuplicateFinder::size() const
{
    return int(m_prints.size());
}

int DuplicateFinder::wordCount(int index) const
{
    return m_prints.at(std::size_t(index)).words;
}

DuplicatePair DuplicateFinder::compare(int a, int b) const
{
    const Fingerprint &x = m_prints.at(std::size_t(a));
    const Fingerprint &y = m_prints.at(std::size_t(b));
    const bool sameWords = x.words > 0 && x.words == y.words && x.wordsKey == y.wordsKey;
    return {a, b, sameWords ? 1.0 : jaccard(x.shingles, y.shingles), x.rawHash == y.rawHash};
}

DuplicateResult DuplicateFinder::findClusters() const
{
    DuplicateResult result;
    const int n = size();
    result.stats.texts = n;
    const LshBands lsh = bandsForThreshold(m_options.threshold);
    result.stats.bands = lsh.bands;
    result.stats.rows = lsh.rows;

    // Texts with the same folded words: one group, represented by its first text.
    std::vector<int> groupOf(std::size_t(n), -1);
    std::vector<int> representatives;
    std::unordered_map<std::uint64_t, int> groups;
    for (int i = 0; i < n; ++i) {
        const Fingerprint &print = m_prints[std::size_t(i)];
        if (print.words == 0) {
            ++result.stats.withoutWords;
            continue;
        }
        const auto [it, inserted] = groups.try_emplace(print.wordsKey, i);
        groupOf[std::size_t(i)] = it->second;
        if (inserted)
            representatives.push_back(i);
    }
    result.stats.distinctTexts = int(representatives.size());

    std::vector<const std::vector<std::uint32_t> *> signatures;
    signatures.reserve(representatives.size());
    for (const int r : representatives)
        signatures.push_back(&m_prints[std::size_t(r)].signature);
    const std::vector<std::pair<int, int>> candidates = candidatePairs(signatures, lsh);
    result.stats.candidatePairs = int(candidates.size());

    // Exact verification of every candidate.
    std::vector<DuplicatePair> edges(candidates.size());
    QList<int> indices(qsizetype(candidates.size()));
    std::iota(indices.begin(), indices.end(), 0);
    QtConcurrent::blockingMap(indices, [&](int k) {
        const int a = representatives[std::size_t(candidates[std::size_t(k)].first)];
        const int b = representatives[std::size_t(candidates[std::size_t(k)].second)];
        edges[std::size_t(k)] = {a, b, jaccard(m_prints[std::size_t(a)].shingles, m_prints[std::size_t(b)].shingles),
                                 false};
    });
    const double threshold = m_options.threshold - Tolerance;
    std::erase_if(edges, [threshold](const DuplicatePair &p) { return p.similarity < threshold; });

    UnionFind sets(n);
    for (int i = 0; i < n; ++i) {
        if (groupOf[std::size_t(i)] >= 0)
            sets.unite(groupOf[std::size_t(i)], i);
    }
    for (const DuplicatePair &e : edges)
        sets.unite(e.first, e.second);

    std::map<int, QList<int>> components; // by root; members ascending
    for (int i = 0; i < n; ++i) {
        if (groupOf[std::size_t(i)] >= 0)
            components[sets.find(i)].append(i);
    }
    for (auto &[root, members] : components) {
        if (members.size() < 2)
            continue;
        DuplicateCluster cluster;
        cluster.members = members;
        const auto exact = [this](int a, int b) {
            return m_prints[std::size_t(a)].rawHash == m_prints[std::size_t(b)].rawHash;
        };
        if (members.size() <= MaxFullPairCluster) {
            for (qsizetype i = 0; i < members.size(); ++i) {
                for (qsizetype j = i + 1; j < members.size(); ++j) {
                    const int a = members[i];
                    const int b = members[j];
                    const double s = groupOf[std::size_t(a)] == groupOf[std::size_t(b)]
                                         ? 1.0
                                         : jaccard(m_prints[std::size_t(a)].shingles, m_prints[std::size_t(b)].shingles);
                    if (s >= threshold)
                        cluster.pairs.append({a, b, s, exact(a, b)});
                }
            }
        } else {
            cluster.pairsComplete = false;
            for (const int m : members) {
                const int g = groupOf[std::size_t(m)];
                if (g != m)
                    cluster.pairs.append({g, m, 1.0, exact(g, m)});
            }
            for (const DuplicatePair &e : edges) {
                if (sets.find(e.first) == root)
                    cluster.pairs.append(e);
            }
            std::sort(cluster.pairs.begin(), cluster.pairs.end(), [](const DuplicatePair &x, const DuplicatePair &y) {
                return std::pair(x.first, x.second) < std::pair(y.first, y.second);
            });
        }
        result.clusters.append(cluster);
    }
    std::sort(result.clusters.begin(), result.clusters.end(),
              [](const DuplicateCluster &x, const DuplicateCluster &y) { return x.members.first() < y.members.first(); });
    return result;
}

} // namespace newscoder::dedup
