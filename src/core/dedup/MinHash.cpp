#include "dedup/MinHash.h"

#include "dedup/TextShingles.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace newscoder::dedup {

namespace {

constexpr std::uint64_t Seed = 0x6e657773636f6465ULL; // "newscode"

} // namespace

MinHasher::MinHasher()
{
    std::uint64_t state = Seed;
    const auto next = [&state] {
        state += 0x9e3779b97f4a7c15ULL;
        return mix64(state);
    };
    m_a.resize(MinHashCount);
    m_b.resize(MinHashCount);
    for (int i = 0; i < MinHashCount; ++i) {
        m_a[std::size_t(i)] = next() | 1U;
        m_b[std::size_t(i)] = next();
    }
}

std::vector<std::uint32_t> MinHasher::signature(const std::vector<std::uint64_t> &shingles) const
{
    std::vector<std::uint32_t> sig(MinHashCount, std::numeric_limits<std::uint32_t>::max());
    std::uint32_t *out = sig.data();
    const std::uint64_t *a = m_a.data();
    const std::uint64_t *b = m_b.data();
    for (const std::uint64_t x : shingles) {
        for (int i = 0; i < MinHashCount; ++i) {
            const auto h = std::uint32_t((a[i] * x + b[i]) >> 32);
            out[i] = std::min(out[i], h);
        }
    }
    return sig;
}

double estimatedJaccard(const std::vector<std::uint32_t> &a, const std::vector<std::uint32_t> &b)
{
    const std::size_t n = std::min(a.size(), b.size());
    if (n == 0)
        return 0.0;
    std::size_t equal = 0;
    for (std::size_t i = 0; i < n; ++i)
        equal += a[i] == b[i] ? 1 : 0;
    return double(equal) / double(n);
}

double LshBands::candidateProbability(double similarity) const
{
    return 1.0 - std::pow(1.0 - std::pow(similarity, rows), bands);
}

LshBands bandsForThreshold(double threshold)
{
    LshBands chosen{MinHashCount, 1};
    for (int rows = 2; rows <= 32; rows *= 2) {
        const LshBands candidate{MinHashCount / rows, rows};
        if (candidate.candidateProbability(threshold) < 0.999)
            break;
        chosen = candidate;
    }
    return chosen;
}

std::vector<std::pair<int, int>> candidatePairs(const std::vector<const std::vector<std::uint32_t> *> &signatures,
                                                const LshBands &lsh)
{
    const int n = int(signatures.size());
    std::vector<std::uint64_t> pairs; // i << 32 | j
    std::vector<std::pair<std::uint64_t, int>> keys(std::size_t(n), {0, 0});
    for (int band = 0; band < lsh.bands; ++band) {
        for (int d = 0; d < n; ++d) {
            const std::uint32_t *row = signatures[std::size_t(d)]->data() + band * lsh.rows;
            std::uint64_t key = std::uint64_t(band) * 0x9e3779b97f4a7c15ULL;
            for (int r = 0; r < lsh.rows; ++r)
                key = mix64(key ^ row[r]);
            keys[std::size_t(d)] = {key, d};
        }
        std::sort(keys.begin(), keys.end());
        for (std::size_t start = 0; start < keys.size();) {
            std::size_t end = start + 1;
            while (end < keys.size() && keys[end].first == keys[start].first)
                ++end;
            for (std::size_t i = start; i < end; ++i) {
                const std::size_t last = std::min(end, i + 1 + std::size_t(BucketWindow));
                for (std::size_t j = i + 1; j < last; ++j)
                    pairs.push_back(std::uint64_t(keys[i].second) << 32 | std::uint32_t(keys[j].second));
            }
            start = end;
        }
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    std::vector<std::pair<int, int>> result;
    result.reserve(pairs.size());
    for (const std::uint64_t p : pairs)
        result.emplace_back(int(p >> 32), int(p & 0xffffffffU));
    return result;
}

} // namespace newscoder::dedup
