#include "stats/UnitizingAlpha.h"

#include <QHash>
#include <algorithm>
#include <functional>
#include <limits>
#include <numeric>
#include <tuple>
#include <vector>

using namespace Qt::StringLiterals;

namespace newscoder::stats {

namespace {

using ld = long double;

struct Item
{
    quint64 group; // category in the high, coder in the low 32 bits: the sort key
    qint64 begin;
    qint64 end;
    int category() const { return int(group >> 32); }
    int coder() const { return int(group & 0xffffffffu); }
};

struct Segment
{
    qint64 begin;
    qint64 end;
    bool unit;
};

// sum over the units g of l_g^2 * sum_{lengths h >= l_g} (l_h - l_g + 1), for
// unit lengths and lengths both sorted in descending order (one sweep).
ld fitting(const std::vector<qint64> &unitsDescending, const std::vector<qint64> &lengthsDescending)
{
    size_t j = 0;
    qint64 count = 0, sum = 0;
    ld total = 0;
    for (const qint64 l : unitsDescending) {
        while (j < lengthsDescending.size() && lengthsDescending[j] >= l) {
            ++count;
            sum += lengthsDescending[j++];
        }
        total += ld(l) * ld(l) * ld(sum - (l - 1) * count);
    }
    return total;
}

// Lengths are usually short: a counting sort then beats comparison sorting.
void sortDescending(std::vector<qint64> &v)
{
    constexpr qint64 CountingLimit = 1 << 16;
    const qint64 largest = v.empty() ? 0 : *std::max_element(v.begin(), v.end());
    if (v.size() < 4096 || largest >= CountingLimit) {
        std::sort(v.begin(), v.end(), std::greater<qint64>());
        return;
    }
    std::vector<quint32> counts(size_t(largest) + 1, 0);
    for (const qint64 l : v)
        ++counts[size_t(l)];
    size_t out = 0;
    for (qint64 l = largest; l >= 0; --l)
        for (quint32 k = counts[size_t(l)]; k > 0; --k)
            v[out++] = l;
}

// What one category collects over the documents.
struct Accumulator
{
    ld observed = 0; // sum of delta^2 over ordered coder pairs
    qint64 merged = 0;
    std::vector<qint64> unitLengths;
    std::vector<qint64> gaps;               // gaps in the documents where the category occurs
    std::vector<qint64> documentsWithUnits; // the lengths of those documents
};

ld delta2(const Segment &g, const Segment &h)
{
    if (g.unit && h.unit) {
        // Only overlapping units differ by their boundaries; the sweep below
        // also pairs units that merely touch (possible with units of length 0).
        if (!(g.begin < h.end && h.begin < g.end))
            return 0;
        const ld db = g.begin - h.begin, de = g.end - h.end;
        return db * db + de * de;
    }
    if (g.unit && !h.unit && h.begin <= g.begin && g.end <= h.end)
        return ld(g.end - g.begin) * ld(g.end - g.begin);
    if (!g.unit && h.unit && g.begin <= h.begin && h.end <= g.end)
        return ld(h.end - h.begin) * ld(h.end - h.begin);
    return 0;
}

// Sum of delta^2 over the overlapping segment pairs of two partitions of the
// same continuum (only overlapping pairs can contribute).
ld observedPair(const std::vector<Segment> &a, const std::vector<Segment> &b)
{
    ld sum = 0;
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        sum += delta2(a[i], b[j]);
        if (a[i].end < b[j].end)
            ++i;
        else if (b[j].end < a[i].end)
            ++j;
        else
            ++i, ++j;
    }
    return sum;
}

QString validate(const UnitizingData &data)
{
    if (data.coders.size() < 2)
        return u"unitizing alpha needs at least two coders; %1 given"_s.arg(data.coders.size());
    qint64 total = 0;
    bool anySpan = false;
    for (qsizetype d = 0; d < data.documents.size(); ++d) {
        const UnitizingDocument &doc = data.documents[d];
        if (doc.length < 0 || doc.begin > std::numeric_limits<qint64>::max() - doc.length ||
            doc.length > std::numeric_limits<qint64>::max() - total)
            return u"continuum %1 [%2, %2 + %3) has a negative length or is too large"_s.arg(d + 1)
                .arg(doc.begin)
                .arg(doc.length);
        total += doc.length;
        if (doc.spansByCoder.size() > data.coders.size())
            return u"continuum %1 lists spans for %2 coders but only %3 are named"_s.arg(d + 1)
                .arg(doc.spansByCoder.size())
                .arg(data.coders.size());
        for (qsizetype c = 0; c < doc.spansByCoder.size(); ++c) {
            for (const UnitizingSpan &s : doc.spansByCoder[c]) {
                anySpan = true;
                const bool inside = s.length >= 0 && s.length <= doc.length && s.begin >= doc.begin &&
                                    quint64(s.begin) - quint64(doc.begin) <= quint64(doc.length - s.length);
                if (!inside) {
                    return u"coder \"%1\", category \"%2\": span [%3, %3 + %4) has a negative length or lies "
                           "outside the continuum [%5, %5 + %6)"_s.arg(
                               data.coders[c], s.category, QString::number(s.begin),
                               QString::number(s.length), QString::number(doc.begin),
                               QString::number(doc.length));
                }
            }
        }
    }
    if (total == 0 && (anySpan || !data.documents.isEmpty()))
        return u"the continuum is empty (its length is 0)"_s;
    return {};
}

// Merges the overlapping units of one coder and category in `items` (sorted
// by group, begin, end): a unit overlaps the one before when it begins before
// that one ends. Records each merge with the spans as given.
void mergeOverlaps(std::vector<Item> &items, const QStringList &names, qsizetype document,
                   std::vector<Accumulator> &accumulators, QList<UnitizingMerge> &merges)
{
    size_t out = 0;
    Item first{}; // the unit at items[out - 1] as given, before it grew
    qsizetype open = -1; // the merge record of items[out - 1], if it grew
    auto spanOf = [&](const Item &item) {
        return UnitizingSpan{names[item.category()], item.begin, item.end - item.begin};
    };
    auto close = [&] {
        if (open < 0)
            return;
        const Item &unit = items[out - 1];
        merges[open].begin = unit.begin;
        merges[open].length = unit.end - unit.begin;
        open = -1;
    };
    for (size_t i = 0; i < items.size(); ++i) {
        const Item item = items[i];
        if (out > 0) {
            Item &last = items[out - 1];
            if (last.group == item.group && item.begin < last.end) {
                if (open < 0) {
                    open = merges.size();
                    merges.append({names[first.category()], first.coder(), document, {spanOf(first)}, 0, 0});
                }
                merges[open].spans.append(spanOf(item));
                last.end = std::max(last.end, item.end);
                ++accumulators[size_t(last.category())].merged;
                continue;
            }
        }
        close();
        items[out++] = item;
        first = item;
    }
    close();
    items.resize(out);
}

qsizetype mergeGroups(const QList<UnitizingMerge> &merges, const QString &category)
{
    return std::count_if(merges.cbegin(), merges.cend(),
                         [&](const UnitizingMerge &g) { return g.category == category; });
}

// "5 overlapping spans of one coder and category were merged into 2 units."
QString mergeNote(qint64 absorbed, qsizetype groups)
{
    return u"%1 overlapping spans of one coder and category were merged into %2 unit(s)."_s.arg(
        absorbed + qint64(groups)).arg(groups);
}

} // namespace

UnitizingResult unitizingAlpha(const UnitizingData &data)
{
    UnitizingResult result;
    const QString problem = validate(data);
    if (!problem.isEmpty()) {
        result.overall = AgreementResult::failure(problem);
        return result;
    }
    const int m = int(data.coders.size());

    // One pass over the documents; categories are numbered in order of first
    // appearance and reported in name order at the end.
    QHash<QString, int> categoryIndex;
    QStringList names;
    std::vector<Accumulator> accumulators;
    qint64 totalLength = 0;
    std::vector<qint64> allDocuments; // every document: one gap per coder where a category is absent
    std::vector<Item> items;
    std::vector<std::vector<Segment>> segments(static_cast<size_t>(m));
    for (qsizetype documentIndex = 0; documentIndex < data.documents.size(); ++documentIndex) {
        const UnitizingDocument &doc = data.documents[documentIndex];
        totalLength += doc.length;
        allDocuments.push_back(doc.length);
        items.clear();
        for (int c = 0; c < int(doc.spansByCoder.size()); ++c) {
            for (const UnitizingSpan &s : doc.spansByCoder[c]) {
                auto it = categoryIndex.constFind(s.category);
                if (it == categoryIndex.cend()) {
                    it = categoryIndex.insert(s.category, int(names.size()));
                    names << s.category;
                    accumulators.emplace_back();
                }
                items.push_back({(quint64(it.value()) << 32) | quint32(c), s.begin, s.begin + s.length});
            }
        }
        std::sort(items.begin(), items.end(), [](const Item &a, const Item &b) {
            return std::tie(a.group, a.begin, a.end) < std::tie(b.group, b.begin, b.end);
        });
        mergeOverlaps(items, names, documentIndex, accumulators, result.merges);
        // Each category marked in this document: segments, gaps, D_o.
        for (size_t i = 0; i < items.size();) {
            const int category = items[i].category();
            Accumulator &acc = accumulators[size_t(category)];
            acc.documentsWithUnits.push_back(doc.length);
            for (int coder = 0; coder < m; ++coder) {
                std::vector<Segment> &segs = segments[size_t(coder)];
                segs.clear();
                qint64 pos = doc.begin;
                for (; i < items.size() && items[i].group == ((quint64(category) << 32) | quint32(coder));
                     ++i) {
                    if (items[i].begin > pos) {
                        segs.push_back({pos, items[i].begin, false});
                        acc.gaps.push_back(items[i].begin - pos);
                    }
                    segs.push_back({items[i].begin, items[i].end, true});
                    acc.unitLengths.push_back(items[i].end - items[i].begin);
                    pos = items[i].end;
                }
                if (pos < doc.begin + doc.length) {
                    segs.push_back({pos, doc.begin + doc.length, false});
                    acc.gaps.push_back(doc.begin + doc.length - pos);
                }
            }
            for (int a = 0; a < m; ++a)
                for (int b = a + 1; b < m; ++b)
                    acc.observed += 2 * observedPair(segments[size_t(a)], segments[size_t(b)]);
        }
    }
    sortDescending(allDocuments);

    std::vector<int> order(names.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) { return names[a] < names[b]; });
    const ld L = totalLength;
    ld observedSum = 0, expectedSum = 0;
    qint64 unitSum = 0, mergedSum = 0;
    for (int category : order) {
        Accumulator &acc = accumulators[size_t(category)];
        sortDescending(acc.gaps);
        sortDescending(acc.documentsWithUnits);
        sortDescending(acc.unitLengths);
        const qint64 units = qint64(acc.unitLengths.size());
        ld cubic = 0, selfPairs = 0;
        for (const qint64 l : acc.unitLengths) {
            const ld ll = l;
            cubic += 2 * ll * ll * ll - 3 * ll * ll + ll;
            selfPairs += ll * (ll - 1);
        }
        // Gaps: those recorded, plus each coder's whole document where the
        // category does not occur.
        const ld fit =
            m * (fitting(acc.unitLengths, allDocuments) - fitting(acc.unitLengths, acc.documentsWithUnits)) +
            fitting(acc.unitLengths, acc.gaps);
        const ld numerator = (units - 1) * cubic / 3 + fit;
        const ld expected = 2 / L * numerator / (m * L * (m * L - 1) - selfPairs);
        const ld observed = acc.observed / (ld(m) * (m - 1) * L * L);

        AgreementResult r;
        r.units = units;
        r.pairableValues = qint64(m) * totalLength;
        r.observed = double(observed);
        r.expected = double(expected);
        if (acc.merged > 0)
            r.addNote(mergeNote(acc.merged, mergeGroups(result.merges, names[category])));
        if (numerator == 0)
            r.addNote(u"Expected disagreement is 0 (nothing varies), so alpha_u is undefined."_s);
        else
            r.value = double(1 - observed / expected);
        result.categories.append({names[category], r});
        observedSum += observed;
        expectedSum += expected;
        unitSum += units;
        mergedSum += acc.merged;
    }

    AgreementResult &o = result.overall;
    o.units = unitSum;
    o.pairableValues = qint64(m) * totalLength;
    if (!order.empty()) { // means over the categories, as DKPro Statistics reports them
        o.observed = double(observedSum / ld(order.size()));
        o.expected = double(expectedSum / ld(order.size()));
    }
    if (expectedSum == 0)
        o.addNote(u"No coder marked any unit, so alpha_u is undefined."_s);
    else
        o.value = double(1 - observedSum / expectedSum);
    if (mergedSum > 0)
        o.addNote(mergeNote(mergedSum, result.merges.size()));
    std::sort(result.merges.begin(), result.merges.end(), [](const UnitizingMerge &a, const UnitizingMerge &b) {
        return std::tie(a.category, a.document, a.coder, a.begin) < std::tie(b.category, b.document, b.coder, b.begin);
    });
    return result;
}

AgreementResult unitizingAlpha(const UnitizingData &data, const QString &category)
{
    return categoryResult(unitizingAlpha(data), category);
}

AgreementResult categoryResult(const UnitizingResult &all, const QString &category)
{
    if (!all.overall.isValid())
        return all.overall;
    for (const CategoryAgreement &c : all.categories) {
        if (c.category == category)
            return c.result;
    }
    AgreementResult r;
    r.pairableValues = all.overall.pairableValues;
    r.observed = 0.0;
    r.expected = 0.0;
    r.addNote(u"No coder marked category \"%1\", so alpha_u is undefined."_s.arg(category));
    return r;
}

} // namespace newscoder::stats
