// Word shingles of an article for duplicate detection: the text is folded
// (compatibility decomposition, diacritics removed, Unicode case folding),
// cut into words at Unicode word boundaries (UAX #29, QTextBoundaryFinder;
// punctuation and spaces are not words), and every run of `shingleWords`
// consecutive words becomes one 64-bit hash. Hashes are fixed (no per-process
// seed), so fingerprints are the same on every run and machine.
#pragma once

#include <QString>
#include <QStringView>

#include <cstdint>
#include <vector>

namespace newscoder::dedup {

// splitmix64's finaliser: a fixed, well-mixing 64-bit bijection.
constexpr std::uint64_t mix64(std::uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

// The text as compared: NFKD, non-spacing marks dropped, case folded.
QString foldForComparison(QStringView text);

// The folded words of `text`, in order (a word holds at least one letter or digit).
QStringList comparisonWords(QStringView text);

// One 64-bit hash per word of `text` (as comparisonWords() cuts them).
std::vector<std::uint64_t> wordHashes(QStringView text);

// The shingle set: hashes of every `shingleWords` consecutive words, sorted,
// without repeats. A text with fewer words than that (but at least one) has
// one shingle, of all its words; a text without words has none.
std::vector<std::uint64_t> shingleSet(const std::vector<std::uint64_t> &words, int shingleWords);

// |A ∩ B| / |A ∪ B| of two sorted sets without repeats; 0 when both are empty.
double jaccard(const std::vector<std::uint64_t> &a, const std::vector<std::uint64_t> &b);

} // namespace newscoder::dedup
