// MinHash signatures of shingle sets and locality-sensitive hashing (LSH) by
// bands: two sets with Jaccard similarity J share at least one band of `rows`
// signature values with probability 1 - (1 - J^rows)^bands. Only pairs that
// share a band become candidates — never an all-pairs comparison.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace newscoder::dedup {

// How many hash functions every signature has.
inline constexpr int MinHashCount = 128;

// MinHashCount fixed hash functions h_i(x) = high 32 bits of (a_i·x + b_i)
// mod 2^64, a_i odd; a_i, b_i come from splitmix64 with a fixed seed, so a
// signature is the same on every run.
class MinHasher
{
public:
    MinHasher();
    // The per-function minimum over `shingles` (MinHashCount values); an empty
    // set gives all 0xFFFFFFFF.
    std::vector<std::uint32_t> signature(const std::vector<std::uint64_t> &shingles) const;

private:
    std::vector<std::uint64_t> m_a, m_b;
};

// The fraction of equal positions: the MinHash estimate of Jaccard similarity.
double estimatedJaccard(const std::vector<std::uint32_t> &a, const std::vector<std::uint32_t> &b);

struct LshBands
{
    int bands = 32;
    int rows = 4; // bands * rows == MinHashCount
    // The probability that a pair with Jaccard similarity `similarity` shares a band.
    double candidateProbability(double similarity) const;
};

// The most selective banding (largest rows, from 1, 2, 4 … 32) that still
// makes a pair at `threshold` a candidate with probability >= 0.999.
// Default threshold 0.8 → 32 bands of 4 rows.
LshBands bandsForThreshold(double threshold);

// A band bucket holding more signatures than this (many near-identical texts)
// pairs each only with the next BucketWindow in it, so the work stays linear
// in the number of texts; such texts share many buckets and still link up.
inline constexpr int BucketWindow = 64;

// Every pair (i < j) of `signatures` that agrees on all rows of at least one
// band (within BucketWindow in the bucket), sorted, each once. Signatures are
// MinHashCount values each.
std::vector<std::pair<int, int>> candidatePairs(const std::vector<const std::vector<std::uint32_t> *> &signatures,
                                                const LshBands &lsh);

} // namespace newscoder::dedup
