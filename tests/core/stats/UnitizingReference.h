#pragma once

// Brute-force reference for unitizing alpha, used by tst_stats_unitizing.

#include "stats/UnitizingAlpha.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace unitizingref {

using newscoder::stats::UnitizingData;
using newscoder::stats::UnitizingDocument;
using newscoder::stats::UnitizingSpan;

// ---------------------------------------------------------------------------
// Brute-force reference: the alpha_u definitions of Krippendorff (1995,
// "On the reliability of unitizing continuous data", Sociological Methodology
// 25) and Krippendorff (2004, Content Analysis, 2nd ed.; "Measuring the
// reliability of qualitative text analysis data", Quality & Quantity 38),
// summed literally over every pair of segments, in the form also implemented
// by DKPro Statistics (KrippendorffAlphaUnitizingAgreement, which uses the
// 2004 form of D_e):
//   D_o = sum_i sum_{j != i} sum_g sum_h delta^2 / (m (m-1) L^2)       (all pairs)
//   D_e = 2/L sum_{units g} [(N-1)/3 (2l^3 - 3l^2 + l) + l^2 sum_{gaps h, l_h >= l} (l_h - l + 1)]
//         / (m L (m L - 1) - sum_{units g} l (l - 1))
// Several documents are pooled: pairs only within a document, gaps never
// across a boundary, L the summed length.
struct Seg
{
    qint64 b, l;
    bool v;
};

inline double refDelta2(const Seg &g, const Seg &h)
{
    const qint64 bd = g.b - h.b, ld = g.l - h.l;
    if (g.v && h.v && -g.l < bd && bd < h.l)
        return double(bd * bd + (bd + ld) * (bd + ld));
    if (g.v && !h.v && -ld >= bd && bd >= 0)
        return double(g.l * g.l);
    if (!g.v && h.v && -ld <= bd && bd <= 0)
        return double(h.l * h.l);
    return 0;
}

inline std::vector<Seg> refSegments(const UnitizingDocument &doc, int coder, const QString &category)
{
    std::vector<std::pair<qint64, qint64>> units;
    if (coder < doc.spansByCoder.size())
        for (const UnitizingSpan &s : doc.spansByCoder[coder])
            if (s.category == category)
                units.emplace_back(s.begin, s.length);
    std::sort(units.begin(), units.end());
    std::vector<Seg> out;
    qint64 pos = doc.begin;
    for (auto [b, l] : units) {
        if (b > pos)
            out.push_back({pos, b - pos, false});
        out.push_back({b, l, true});
        pos = b + l;
    }
    if (pos < doc.begin + doc.length)
        out.push_back({pos, doc.begin + doc.length - pos, false});
    return out;
}

inline std::pair<double, double> referenceAlpha(const UnitizingData &data, const QString &category)
{
    const int m = int(data.coders.size());
    double L = 0, observed = 0;
    std::vector<Seg> all;
    for (const UnitizingDocument &doc : data.documents) {
        L += double(doc.length);
        std::vector<std::vector<Seg>> segs;
        for (int i = 0; i < m; ++i)
            segs.push_back(refSegments(doc, i, category));
        for (int i = 0; i < m; ++i)
            for (int j = 0; j < m; ++j)
                if (i != j)
                    for (const Seg &g : segs[size_t(i)])
                        for (const Seg &h : segs[size_t(j)])
                            observed += refDelta2(g, h);
        for (const auto &s : segs)
            all.insert(all.end(), s.begin(), s.end());
    }
    double n = 0, numerator = 0, self = 0;
    for (const Seg &g : all)
        n += g.v ? 1 : 0;
    for (const Seg &g : all) {
        if (!g.v)
            continue;
        const double l = double(g.l);
        numerator += (n - 1) / 3 * (2 * l * l * l - 3 * l * l + l);
        for (const Seg &h : all)
            if (!h.v && h.l >= g.l)
                numerator += l * l * double(h.l - g.l + 1);
        self += l * (l - 1);
    }
    return {observed / (m * (m - 1) * L * L), 2 / L * numerator / (m * L * (m * L - 1) - self)};
}
// ---------------------------------------------------------------------------

} // namespace unitizingref
