// Krippendorff's alpha, alpha = 1 - D_o / D_e, with
//   D_o = 1/n                sum_u 1/(m_u - 1) sum_{i != j in u} delta^2(v_i, v_j)
//   D_e = 1/(n (n - 1))      sum_{i != j over all pairable values} delta^2(v_i, v_j)
// which is the coincidence-matrix definition (Krippendorff 2011, "Computing
// Krippendorff's Alpha-Reliability") written without materializing the
// matrix, so that many distinct values cost nothing extra:
//   nominal:  exact integer pair counts, grouped by m_u;
//   interval: within-unit and total sums of squares (sum_{i != j} (x_i - x_j)^2
//             = 2 m SS), numerically stable;
//   ordinal:  the ordinal metric (sum_{g=c..k} n_g - (n_c + n_k) / 2)^2 equals
//             (r_k - r_c)^2 for the mid-ranks r_c = sum_{g<c} n_g + n_c / 2 over
//             the declared order, so ordinal alpha is interval alpha on mid-ranks
//             (doubled to integers); unused declared values have n = 0;
//   ratio:    ((c - k) / (c + k))^2 summed over the distinct values (O(V^2),
//             so at most MaxRatioValues distinct values).

#include "stats/AlphaEngine_p.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <numeric>

using namespace Qt::StringLiterals;

namespace newscoder::stats::detail {

using ld = long double;

AlphaEngine::AlphaEngine(const ReliabilityData &data, Level level) : m_level(level)
{
    if (data.coderCount() < 2) {
        m_error =
            u"Krippendorff's alpha needs at least two coders; the data have %1"_s.arg(data.coderCount());
        return;
    }
    const bool categorical = level == Level::Nominal || level == Level::Ordinal;
    m_error = categorical ? data.validateCategorical() : data.validateMetric();
    if (!m_error.isEmpty())
        return;
    m_categories = data.categoryCount();

    const int coders = data.coderCount();
    const size_t units = size_t(data.unitCount());
    m_unitSize.reserve(units);
    if (level == Level::Interval) {
        m_mean.reserve(units);
        m_sumSquares.reserve(units);
        m_min.reserve(units);
        m_max.reserve(units);
    } else {
        m_unitStart.reserve(units + 1);
        if (level != Level::Ratio)
            m_values.reserve(units * size_t(coders));
        m_unitStart.push_back(0);
    }
    if (level == Level::Nominal)
        m_disagreeingPairs.reserve(units);
    if (level == Level::Ratio)
        m_unitDisagreement.reserve(units);
    std::vector<double> unit;
    unit.reserve(size_t(coders));
    std::vector<double> raw; // ratio values, before indexing
    for (qsizetype u = 0; u < data.unitCount(); ++u) {
        const double *row = data.row(u);
        unit.clear();
        for (int c = 0; c < coders; ++c) {
            if (!std::isnan(row[c]))
                unit.push_back(row[c]);
        }
        const int m = int(unit.size());
        if (m < 2)
            continue;
        m_unitSize.push_back(m);
        m_maxUnitSize = std::max(m_maxUnitSize, m);
        switch (level) {
        case Level::Nominal: {
            // sum_c n_uc^2 = m + 2 * (equal unordered pairs)
            qint64 equalPairs = 0;
            if (m <= 16) {
                for (int i = 0; i < m; ++i)
                    for (int j = i + 1; j < m; ++j)
                        equalPairs += unit[size_t(i)] == unit[size_t(j)] ? 1 : 0;
                for (double x : unit)
                    m_values.push_back(quint32(x));
            } else {
                std::sort(unit.begin(), unit.end());
                for (int i = 0; i < m;) {
                    int j = i;
                    while (j < m && unit[size_t(j)] == unit[size_t(i)])
                        ++j;
                    equalPairs += qint64(j - i) * (j - i - 1) / 2;
                    i = j;
                }
                for (double x : unit)
                    m_values.push_back(quint32(x));
            }
            m_disagreeingPairs.push_back(qint64(m) * m - (m + 2 * equalPairs));
            break;
        }
        case Level::Ordinal:
            for (double x : unit)
                m_values.push_back(quint32(x));
            break;
        case Level::Interval: {
            // Shift by the first value: identical values give exactly zero.
            const double origin = unit[0];
            double s1 = 0, s2 = 0, lo = origin, hi = origin;
            for (double x : unit) {
                s1 += x - origin;
                s2 += (x - origin) * (x - origin);
                lo = std::min(lo, x);
                hi = std::max(hi, x);
            }
            m_mean.push_back(origin + s1 / m);
            m_sumSquares.push_back(std::max(0.0, s2 - s1 * s1 / m));
            m_min.push_back(lo);
            m_max.push_back(hi);
            break;
        }
        case Level::Ratio: {
            double sum = 0;
            for (int i = 0; i < m; ++i) {
                if (unit[size_t(i)] < 0) {
                    m_error =
                        u"ratio data cannot be negative (unit %1 has %2)"_s.arg(u + 1).arg(unit[size_t(i)]);
                    return;
                }
                for (int j = i + 1; j < m; ++j) {
                    const double a = unit[size_t(i)], b = unit[size_t(j)];
                    const double d = a + b == 0 ? 0 : (a - b) / (a + b);
                    sum += 2 * d * d;
                }
            }
            m_unitDisagreement.push_back(sum / (m - 1));
            raw.insert(raw.end(), unit.begin(), unit.end());
            break;
        }
        }
        if (level != Level::Interval)
            m_unitStart.push_back(level == Level::Ratio ? raw.size() : m_values.size());
    }
    if (level == Level::Ratio)
        indexDistinctValues(raw);
}

// Fills m_values with the indices of the ratio values in the sorted distinct values.
void AlphaEngine::indexDistinctValues(const std::vector<double> &raw)
{
    m_values.reserve(raw.size());
    // Open addressing on the bit pattern of the value (+0.0 for -0.0).
    size_t capacity = 1024;
    int shift = 64 - 10; // Fibonacci hashing: the top log2(capacity) bits of key * 2^64/phi
    std::vector<quint64> keys(capacity);
    std::vector<quint32> slots(capacity, ~0u);
    auto rehash = [&]() {
        capacity *= 2;
        --shift;
        keys.assign(capacity, 0);
        slots.assign(capacity, ~0u);
        for (quint32 id = 0; id < m_distinct.size(); ++id) {
            const quint64 key = std::bit_cast<quint64>(m_distinct[id]);
            size_t i = size_t((key * 0x9E3779B97F4A7C15ull) >> shift);
            while (slots[i] != ~0u)
                i = (i + 1) & (capacity - 1);
            keys[i] = key;
            slots[i] = id;
        }
    };
    for (const double v : raw) {
        const quint64 key = std::bit_cast<quint64>(v == 0 ? 0.0 : v);
        size_t i = size_t((key * 0x9E3779B97F4A7C15ull) >> shift);
        while (slots[i] != ~0u && keys[i] != key)
            i = (i + 1) & (capacity - 1);
        if (slots[i] == ~0u) {
            if (m_distinct.size() > MaxRatioValues)
                break; // reported below
            keys[i] = key;
            slots[i] = quint32(m_distinct.size());
            m_distinct.push_back(v == 0 ? 0.0 : v);
            if (m_distinct.size() * 2 > capacity) {
                m_values.push_back(slots[i]);
                rehash();
                continue;
            }
        }
        m_values.push_back(slots[i]);
    }
    if (m_distinct.size() > MaxRatioValues) {
        m_error = u"ratio alpha compares every pair of distinct values and supports at most %1 of them; "
                  "the data have more (round the values, or use the interval level)"_s.arg(MaxRatioValues);
        return;
    }
    std::vector<quint32> order(m_distinct.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(),
              [&](quint32 a, quint32 b) { return m_distinct[a] < m_distinct[b]; });
    std::vector<quint32> rank(m_distinct.size());
    std::vector<double> sorted(m_distinct.size());
    for (size_t r = 0; r < order.size(); ++r) {
        rank[order[r]] = quint32(r);
        sorted[r] = m_distinct[order[r]];
    }
    for (quint32 &v : m_values)
        v = rank[v];
    m_distinct = std::move(sorted);
}

AlphaEngine::Components AlphaEngine::evaluate(const std::vector<quint32> *multiplicity) const
{
    switch (m_level) {
    case Level::Nominal:
        return evaluateNominal(multiplicity);
    case Level::Ordinal:
        return evaluateOrdinal(multiplicity);
    case Level::Interval:
        return evaluateInterval(multiplicity);
    case Level::Ratio:
        return evaluateRatio(multiplicity);
    }
    return {};
}

AlphaEngine::Components AlphaEngine::evaluateNominal(const std::vector<quint32> *multiplicity) const
{
    std::vector<qint64> marginal(size_t(m_categories), 0);
    std::vector<qint64> disagreeByM(size_t(m_maxUnitSize) + 1, 0);
    qint64 n = 0;
    for (size_t u = 0; u < m_unitSize.size(); ++u) {
        const qint64 w = weightOf(multiplicity, u);
        if (w == 0)
            continue;
        const int m = m_unitSize[u];
        n += w * m;
        disagreeByM[size_t(m)] += w * m_disagreeingPairs[u];
        for (size_t i = m_unitStart[u]; i < m_unitStart[u + 1]; ++i)
            marginal[m_values[i]] += w;
    }
    Components c;
    c.n = n;
    ld observed = 0;
    for (int m = 2; m <= m_maxUnitSize; ++m)
        observed += ld(disagreeByM[size_t(m)]) / (m - 1);
    qint64 squares = 0;
    int used = 0;
    for (qint64 count : marginal) {
        squares += count * count;
        used += count > 0 ? 1 : 0;
    }
    c.observed = observed / n;
    c.expected = (ld(n) * n - squares) / (ld(n) * (n - 1));
    c.varies = used >= 2;
    return c;
}

AlphaEngine::Components AlphaEngine::evaluateOrdinal(const std::vector<quint32> *multiplicity) const
{
    std::vector<qint64> marginal(size_t(m_categories), 0);
    qint64 n = 0;
    for (size_t u = 0; u < m_unitSize.size(); ++u) {
        const qint64 w = weightOf(multiplicity, u);
        if (w == 0)
            continue;
        n += w * m_unitSize[u];
        for (size_t i = m_unitStart[u]; i < m_unitStart[u + 1]; ++i)
            marginal[m_values[i]] += w;
    }
    // Doubled mid-ranks R_c = 2 sum_{g<c} n_g + n_c (integers).
    std::vector<ld> rank(size_t(m_categories), 0);
    qint64 below = 0;
    int used = 0;
    ld sumR = 0, sumR2 = 0;
    for (int k = 0; k < m_categories; ++k) {
        const qint64 nk = marginal[size_t(k)];
        rank[size_t(k)] = ld(2 * below + nk);
        below += nk;
        used += nk > 0 ? 1 : 0;
        sumR += nk * rank[size_t(k)];
        sumR2 += nk * rank[size_t(k)] * rank[size_t(k)];
    }
    std::vector<ld> byM(size_t(m_maxUnitSize) + 1, 0);
    for (size_t u = 0; u < m_unitSize.size(); ++u) {
        const qint64 w = weightOf(multiplicity, u);
        if (w == 0)
            continue;
        const int m = m_unitSize[u];
        ld s = 0, s2 = 0;
        for (size_t i = m_unitStart[u]; i < m_unitStart[u + 1]; ++i) {
            const ld r = rank[m_values[i]];
            s += r;
            s2 += r * r;
        }
        byM[size_t(m)] += w * (m * s2 - s * s); // = 4 m SS_u, an integer
    }
    ld observed = 0;
    for (int m = 2; m <= m_maxUnitSize; ++m)
        observed += byM[size_t(m)] / (2 * (m - 1)); // sum_{i != j} (r_i - r_j)^2 = (m S2 - S^2) / 2 in R
    Components c;
    c.n = n;
    c.observed = observed / n;
    c.expected = (ld(n) * sumR2 - sumR * sumR) / 2 / (ld(n) * (n - 1));
    c.varies = used >= 2;
    return c;
}

AlphaEngine::Components AlphaEngine::evaluateInterval(const std::vector<quint32> *multiplicity) const
{
    qint64 n = 0;
    ld weightedMean = 0;
    ld observed = 0;
    double lo = 0, hi = 0;
    bool first = true;
    for (size_t u = 0; u < m_unitSize.size(); ++u) {
        const qint64 w = weightOf(multiplicity, u);
        if (w == 0)
            continue;
        const int m = m_unitSize[u];
        n += w * m;
        weightedMean += ld(w) * m * m_mean[u];
        observed += ld(w) * 2 * m * m_sumSquares[u] / (m - 1);
        lo = first ? m_min[u] : std::min(lo, m_min[u]);
        hi = first ? m_max[u] : std::max(hi, m_max[u]);
        first = false;
    }
    Components c;
    c.n = n;
    if (n == 0)
        return c;
    const ld mean = weightedMean / n;
    ld total = 0; // total sum of squares = within + between
    for (size_t u = 0; u < m_unitSize.size(); ++u) {
        const qint64 w = weightOf(multiplicity, u);
        if (w == 0)
            continue;
        const ld d = m_mean[u] - mean;
        total += w * (m_sumSquares[u] + m_unitSize[u] * d * d);
    }
    c.observed = observed / n;
    c.expected = 2 * total / (n - 1);
    c.varies = lo < hi;
    return c;
}

AlphaEngine::Components AlphaEngine::evaluateRatio(const std::vector<quint32> *multiplicity) const
{
    std::vector<qint64> marginal(m_distinct.size(), 0);
    qint64 n = 0;
    ld observed = 0;
    for (size_t u = 0; u < m_unitSize.size(); ++u) {
        const qint64 w = weightOf(multiplicity, u);
        if (w == 0)
            continue;
        n += w * m_unitSize[u];
        observed += w * ld(m_unitDisagreement[u]);
        for (size_t i = m_unitStart[u]; i < m_unitStart[u + 1]; ++i)
            marginal[m_values[i]] += w;
    }
    std::vector<std::pair<double, qint64>> present;
    for (size_t v = 0; v < m_distinct.size(); ++v) {
        if (marginal[v] > 0)
            present.emplace_back(m_distinct[v], marginal[v]);
    }
    ld expected = 0;
    for (size_t i = 0; i < present.size(); ++i) {
        const double a = present[i].first;
        ld row = 0;
        for (size_t j = i + 1; j < present.size(); ++j) {
            const double b = present[j].first;
            const ld d = ld(a - b) / ld(a + b); // a < b, so a + b > 0
            row += present[j].second * d * d;
        }
        expected += 2 * present[i].second * row;
    }
    Components c;
    c.n = n;
    c.observed = observed / n;
    c.expected = expected / (ld(n) * (n - 1));
    c.varies = present.size() >= 2;
    return c;
}

} // namespace newscoder::stats::detail
