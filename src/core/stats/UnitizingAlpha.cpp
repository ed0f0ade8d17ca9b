#include "stats/UnitizingAlpha.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <numeric>
#include <limits>
#include <tuple>
#include <vector>

using namespace Qt::StringLiterals;

namespace newscoder::stats {

namespace {

using ld = long double;

struct Flat
{
    int category;
    int document;
    int coder;
    qint64 begin;
    qint64 end;
};

struct Segment
{
    qint64 begin;
    qint64 end;
    bool unit;
};

// Lengths with multiplicities, answering sum_{len >= l} mult * (len - l + 1).
class LengthTable
{
public:
    void add(qint64 length, qint64 multiplicity) { m_items.emplace_back(length, multiplicity); }
    void finish()
    {
        std::sort(m_items.begin(), m_items.end());
        m_count.assign(m_items.size() + 1, 0);
        m_sum.assign(m_items.size() + 1, 0);
        for (size_t i = m_items.size(); i-- > 0;) {
            m_count[i] = m_count[i + 1] + m_items[i].second;
            m_sum[i] = m_sum[i + 1] + ld(m_items[i].first) * m_items[i].second;
        }
    }
    ld fitting(qint64 l) const
    {
        const auto it = std::lower_bound(m_items.begin(), m_items.end(), std::pair<qint64, qint64>(l, 0));
        const size_t i = size_t(it - m_items.begin());
        return m_sum[i] - ld(l - 1) * m_count[i];
    }

private:
    std::vector<std::pair<qint64, qint64>> m_items;
    std::vector<ld> m_count, m_sum;
};

ld delta2(const Segment &g, const Segment &h)
{
    if (g.unit && h.unit) {
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

struct Components
{
    ld observed = 0, expected = 0;
    qint64 units = 0;
};

QString validate(const UnitizingData &data)
{
    if (data.coders.size() < 2)
        return u"unitizing alpha needs at least two coders; %1 given"_s.arg(data.coders.size());
    for (qsizetype d = 0; d < data.documents.size(); ++d) {
        const UnitizingDocument &doc = data.documents[d];
        if (doc.length <= 0 || doc.begin > std::numeric_limits<qint64>::max() - doc.length)
            return u"continuum %1 [%2, %2 + %3) is empty or too large"_s.arg(d + 1).arg(doc.begin).arg(doc.length);
        if (doc.spansByCoder.size() > data.coders.size())
            return u"continuum %1 lists spans for %2 coders but only %3 are named"_s.arg(d + 1)
                .arg(doc.spansByCoder.size())
                .arg(data.coders.size());
        for (qsizetype c = 0; c < doc.spansByCoder.size(); ++c) {
            for (const UnitizingSpan &s : doc.spansByCoder[c]) {
                const bool inside = s.length > 0 && s.length <= doc.length && s.begin >= doc.begin
                                 && quint64(s.begin) - quint64(doc.begin) <= quint64(doc.length - s.length);
                if (!inside) {
                    return u"coder \"%1\", category \"%2\": span [%3, %3 + %4) is empty or outside the "
                           "continuum [%5, %5 + %6)"_s.arg(data.coders[c], s.category)
                        .arg(s.begin)
                        .arg(s.length)
                        .arg(doc.begin)
                        .arg(doc.length);
                }
            }
        }
    }
    return {};
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

    // Categories numbered in name order.
    QStringList sorted;
    {
        QSet<QString> seen;
        for (const UnitizingDocument &doc : data.documents)
            for (const auto &spans : doc.spansByCoder)
                for (const UnitizingSpan &s : spans)
                    seen.insert(s.category);
        sorted = QStringList(seen.cbegin(), seen.cend());
        std::sort(sorted.begin(), sorted.end());
    }
    QHash<QString, int> categoryIndex;
    for (int c = 0; c < int(sorted.size()); ++c)
        categoryIndex.insert(sorted[c], c);

    std::vector<Flat> flat;
    qint64 totalLength = 0;
    LengthTable allDocuments;   // every document as one gap per coder
    for (qsizetype d = 0; d < data.documents.size(); ++d) {
        const UnitizingDocument &doc = data.documents[d];
        totalLength += doc.length;
        allDocuments.add(doc.length, m);
        for (qsizetype c = 0; c < doc.spansByCoder.size(); ++c)
            for (const UnitizingSpan &s : doc.spansByCoder[c])
                flat.push_back({categoryIndex.value(s.category), int(d), int(c), s.begin, s.begin + s.length});
    }
    allDocuments.finish();
    std::sort(flat.begin(), flat.end(), [](const Flat &a, const Flat &b) {
        return std::tie(a.category, a.document, a.coder, a.begin, a.end)
             < std::tie(b.category, b.document, b.coder, b.begin, b.end);
    });

    // Merge overlapping units of one coder and category.
    std::vector<qint64> merged(size_t(sorted.size()), 0);
    size_t out = 0;
    for (size_t i = 0; i < flat.size(); ++i) {
        if (out > 0) {
            Flat &last = flat[out - 1];
            const Flat &f = flat[i];
            if (last.category == f.category && last.document == f.document && last.coder == f.coder
                && f.begin < last.end) {
                last.end = std::max(last.end, f.end);
                ++merged[size_t(f.category)];
                continue;
            }
        }
        flat[out++] = flat[i];
    }
    flat.resize(out);

    const ld L = totalLength;
    std::vector<std::vector<Segment>> segments(size_t(m));
    ld observedSum = 0, expectedSum = 0;
    qint64 unitSum = 0;
    size_t i = 0;
    while (i < flat.size()) {
        const int category = flat[i].category;
        size_t end = i;
        while (end < flat.size() && flat[end].category == category)
            ++end;
        // Observed disagreement and gaps, document by document.
        LengthTable gaps, documentsWithUnits;
        ld observed = 0;
        for (size_t d0 = i; d0 < end;) {
            const int document = flat[d0].document;
            const UnitizingDocument &doc = data.documents[document];
            documentsWithUnits.add(doc.length, m);
            size_t k = d0;
            for (int coder = 0; coder < m; ++coder) {
                std::vector<Segment> &segs = segments[size_t(coder)];
                segs.clear();
                qint64 pos = doc.begin;
                for (; k < end && flat[k].document == document && flat[k].coder == coder; ++k) {
                    if (flat[k].begin > pos)
                        segs.push_back({pos, flat[k].begin, false});
                    segs.push_back({flat[k].begin, flat[k].end, true});
                    pos = flat[k].end;
                }
                if (pos < doc.begin + doc.length)
                    segs.push_back({pos, doc.begin + doc.length, false});
                for (const Segment &s : segs)
                    if (!s.unit)
                        gaps.add(s.end - s.begin, 1);
            }
            for (int a = 0; a < m; ++a)
                for (int b = a + 1; b < m; ++b)
                    observed += 2 * observedPair(segments[size_t(a)], segments[size_t(b)]);
            d0 = k;
        }
        gaps.finish();
        documentsWithUnits.finish();
        // Expected disagreement.
        const qint64 units = qint64(end - i);
        ld cubic = 0, fit = 0, selfPairs = 0;
        for (size_t k = i; k < end; ++k) {
            const qint64 l = flat[k].end - flat[k].begin;
            const ld ll = l;
            cubic += 2 * ll * ll * ll - 3 * ll * ll + ll;
            fit += ll * ll
                 * (allDocuments.fitting(l) - documentsWithUnits.fitting(l) + gaps.fitting(l));
            selfPairs += ll * (ll - 1);
        }
        const ld numerator = (units - 1) * cubic / 3 + fit;
        const ld expected = 2 / L * numerator / (m * L * (m * L - 1) - selfPairs);
        const ld observedNorm = observed / (ld(m) * (m - 1) * L * L);

        AgreementResult r;
        r.units = units;
        r.pairableValues = qint64(m) * totalLength;
        r.observed = double(observedNorm);
        r.expected = double(expected);
        if (merged[size_t(category)] > 0)
            r.addNote(u"%1 overlapping span(s) of one coder were merged."_s.arg(merged[size_t(category)]));
        if (numerator == 0)
            r.addNote(u"Expected disagreement is 0 (nothing varies), so alpha_u is undefined."_s);
        else
            r.value = double(1 - observedNorm / expected);
        result.categories.append({sorted[category], r});
        observedSum += observedNorm;
        expectedSum += expected;
        unitSum += units;
        i = end;
    }

    AgreementResult &o = result.overall;
    o.units = unitSum;
    o.pairableValues = qint64(m) * totalLength;
    o.observed = double(observedSum);
    o.expected = double(expectedSum);
    if (expectedSum == 0)
        o.addNote(u"No coder marked any unit, so alpha_u is undefined."_s);
    else
        o.value = double(1 - observedSum / expectedSum);
    const qint64 mergedTotal = std::accumulate(merged.begin(), merged.end(), qint64(0));
    if (mergedTotal > 0)
        o.addNote(u"%1 overlapping span(s) of the same coder and category were merged."_s.arg(mergedTotal));
    return result;
}

AgreementResult unitizingAlpha(const UnitizingData &data, const QString &category)
{
    UnitizingResult all = unitizingAlpha(data);
    if (!all.overall.isValid())
        return all.overall;
    for (const CategoryAgreement &c : std::as_const(all.categories)) {
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
