#include "dedup/TextShingles.h"

#include <QChar>
#include <QStringList>
#include <QTextBoundaryFinder>

#include <algorithm>

namespace newscoder::dedup {

namespace {

// The code point at `i` of `text` (a lone surrogate stands for itself); advances `i`.
char32_t nextCodePoint(QStringView text, qsizetype &i)
{
    const QChar c = text[i++];
    if (c.isHighSurrogate() && i < text.size() && text[i].isLowSurrogate())
        return QChar::surrogateToUcs4(c, text[i++]);
    return c.unicode();
}

bool hasLetterOrDigit(QStringView word)
{
    for (qsizetype i = 0; i < word.size();) {
        if (QChar::isLetterOrNumber(nextCodePoint(word, i)))
            return true;
    }
    return false;
}

// Calls `visit` with each word of folded text.
template<typename Visit>
void forEachWord(const QString &folded, Visit visit)
{
    QTextBoundaryFinder finder(QTextBoundaryFinder::Word, folded);
    qsizetype start = 0;
    for (qsizetype end = finder.toNextBoundary(); end != -1; end = finder.toNextBoundary()) {
        const QStringView piece = QStringView(folded).sliced(start, end - start);
        if (hasLetterOrDigit(piece))
            visit(piece);
        start = end;
    }
}

std::uint64_t hashWord(QStringView word)
{
    std::uint64_t h = 0xcbf29ce484222325ULL; // FNV-1a over the UTF-16 code units
    for (const QChar c : word) {
        h ^= c.unicode();
        h *= 0x100000001b3ULL;
    }
    return mix64(h);
}

} // namespace

QString foldForComparison(QStringView text)
{
    // ASCII has nothing to decompose and no marks: only case to fold.
    if (std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; }))
        return text.toString().toCaseFolded();
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_KD);
    QString kept;
    kept.reserve(decomposed.size());
    for (qsizetype i = 0; i < decomposed.size();) {
        const qsizetype from = i;
        const char32_t c = nextCodePoint(decomposed, i);
        if (QChar::category(c) != QChar::Mark_NonSpacing)
            kept.append(QStringView(decomposed).sliced(from, i - from));
    }
    return kept.toCaseFolded();
}

QStringList comparisonWords(QStringView text)
{
    QStringList words;
    forEachWord(foldForComparison(text), [&words](QStringView word) { words.append(word.toString()); });
    return words;
}

std::vector<std::uint64_t> wordHashes(QStringView text)
{
    std::vector<std::uint64_t> hashes;
    hashes.reserve(std::size_t(text.size() / 6));
    forEachWord(foldForComparison(text), [&hashes](QStringView word) { hashes.push_back(hashWord(word)); });
    return hashes;
}

std::vector<std::uint64_t> shingleSet(const std::vector<std::uint64_t> &words, int shingleWords)
{
    std::vector<std::uint64_t> shingles;
    if (words.empty())
        return shingles;
    const std::size_t width = std::min<std::size_t>(std::size_t(std::max(shingleWords, 1)), words.size());
    shingles.reserve(words.size() - width + 1);
    for (std::size_t i = 0; i + width <= words.size(); ++i) {
        std::uint64_t h = 0x9e3779b97f4a7c15ULL;
        for (std::size_t j = 0; j < width; ++j)
            h = mix64(h ^ words[i + j]) + j; // order matters: "a b" differs from "b a"
        shingles.push_back(h);
    }
    std::sort(shingles.begin(), shingles.end());
    shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
    return shingles;
}

double jaccard(const std::vector<std::uint64_t> &a, const std::vector<std::uint64_t> &b)
{
    if (a.empty() && b.empty())
        return 0.0;
    std::size_t shared = 0;
    auto i = a.begin();
    auto j = b.begin();
    while (i != a.end() && j != b.end()) {
        if (*i < *j) {
            ++i;
        } else if (*j < *i) {
            ++j;
        } else {
            ++shared;
            ++i;
            ++j;
        }
    }
    return double(shared) / double(a.size() + b.size() - shared);
}

} // namespace newscoder::dedup
