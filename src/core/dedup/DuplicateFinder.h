// Exact and near-duplicate articles among many texts.
//
// Each text becomes a set of word shingles (TextShingles.h) and a MinHash
// signature (MinHash.h). Texts with the same words after folding form one
// group (similarity 1; "exact" when the stored texts are identical). One text
// per group goes through LSH banding; each candidate pair is verified with
// the exact Jaccard similarity of the two shingle sets (not the MinHash
// estimate) against the threshold. Clusters are the connected components of
// the pairs at or above the threshold (union-find; single linkage: two members
// of a cluster may be below the threshold with each other and joined through
// a third). Texts without any word take no part.
//
// Deterministic: the same texts in the same order give the same clusters,
// members and pairs, in the same order, on every run.
#pragma once

#include <QList>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace newscoder::dedup {

struct DuplicateOptions
{
    double threshold = 0.8; // Jaccard similarity of the shingle sets, (0, 1]
    int shingleWords = 3;   // words per shingle
};

struct DuplicatePair
{
    int first = 0;  // text index, first < second
    int second = 0;
    double similarity = 0.0; // exact Jaccard similarity of the shingle sets
    bool exact = false;      // the two texts are identical, character for character
};

struct DuplicateCluster
{
    QList<int> members;          // text indices, ascending
    QList<DuplicatePair> pairs;  // pairs at or above the threshold, by (first, second)
    bool pairsComplete = true;   // false: a cluster too large (> MaxFullPairCluster) lists only
                                 // the pairs that joined it, not every pair above the threshold
};

struct DuplicateStats
{
    int texts = 0;          // texts added
    int withoutWords = 0;   // empty (or punctuation only): not compared
    int distinctTexts = 0;  // different word sequences among the others (the LSH input)
    int candidatePairs = 0; // pairs LSH proposed, each verified exactly
    int bands = 0;
    int rows = 0;
};

struct DuplicateResult
{
    QList<DuplicateCluster> clusters; // by their first member
    DuplicateStats stats;
};

// Clusters above this size list only the pairs that joined them.
inline constexpr int MaxFullPairCluster = 50;

class DuplicateFinder
{
public:
    explicit DuplicateFinder(DuplicateOptions options = {});
    ~DuplicateFinder();
    DuplicateFinder(const DuplicateFinder &) = delete;
    DuplicateFinder &operator=(const DuplicateFinder &) = delete;

    // Appends texts (indices continue from size()); fingerprints them on all
    // cores. The texts themselves are not kept.
    void addTexts(const QStringList &texts);
    int size() const;
    int wordCount(int index) const;

    // The clusters of everything added so far.
    DuplicateResult findClusters() const;

    // Texts `a` < `b` compared exactly (Jaccard of the shingle sets; 1 for the
    // same folded words), whatever the threshold.
    DuplicatePair compare(int a, int b) const;

    // Options whose threshold is out of (0, 1] or shingleWords out of 1..10: a message, else empty.
    static QString checkOptions(const DuplicateOptions &options);

private:
    struct Fingerprint;
    DuplicateOptions m_options;
    std::vector<Fingerprint> m_prints;
};

} // namespace newscoder::dedup
