#pragma once

// Small builders for reliability data used by the statistics tests.

#include "stats/ReliabilityData.h"

#include <QTest>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

// Compares doubles with an absolute tolerance and prints both on failure.
#define COMPARE_NEAR(actual, expected, tolerance)                                                            \
    do {                                                                                                     \
        const double a_ = (actual);                                                                          \
        const double e_ = (expected);                                                                        \
        if (!(std::abs(a_ - e_) <= (tolerance)))                                                             \
            QFAIL(qPrintable(QStringLiteral("%1 = %2, expected %3 (tolerance %4)")                           \
                                 .arg(QStringLiteral(#actual))                                               \
                                 .arg(a_, 0, 'g', 17)                                                        \
                                 .arg(e_, 0, 'g', 17)                                                        \
                                 .arg(double(tolerance))));                                                  \
    } while (false)

namespace testdata {

using newscoder::stats::ReliabilityData;

inline constexpr double NA = std::numeric_limits<double>::quiet_NaN();

// One vector per unit with one entry per coder (NA = missing). Entries are
// category indices (categorical data) or numbers (metric data).
inline ReliabilityData fromUnits(const std::vector<std::vector<double>> &units,
                                 const QStringList &categories = {})
{
    const size_t coders = units.empty() ? 2 : units.front().size();
    QStringList names;
    for (size_t c = 0; c < coders; ++c)
        names << QStringLiteral("coder %1").arg(c + 1);
    ReliabilityData data(names, qsizetype(units.size()));
    data.setCategories(categories);
    for (size_t u = 0; u < units.size(); ++u)
        for (size_t c = 0; c < coders; ++c)
            if (!std::isnan(units[u][c]))
                data.setValue(qsizetype(u), int(c), units[u][c]);
    return data;
}

// Groups of identical units: {count, values per coder}.
inline ReliabilityData fromGroups(const std::vector<std::pair<int, std::vector<double>>> &groups,
                                  const QStringList &categories)
{
    std::vector<std::vector<double>> units;
    for (const auto &[count, values] : groups)
        for (int i = 0; i < count; ++i)
            units.push_back(values);
    return fromUnits(units, categories);
}

// Two coders from a contingency table: table[a][b] units that the first coder
// put in category a and the second in category b.
inline ReliabilityData fromTable(const std::vector<std::vector<int>> &table, const QStringList &categories)
{
    std::vector<std::pair<int, std::vector<double>>> groups;
    for (size_t a = 0; a < table.size(); ++a)
        for (size_t b = 0; b < table[a].size(); ++b)
            groups.push_back({table[a][b], {double(a), double(b)}});
    return fromGroups(groups, categories);
}

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section
// C: 4 observers (A-D) x 12 units, values 1-5, missing marked NA. Also
// Krippendorff (2004), Content Analysis, 2nd ed., p. 230, and the data set
// cac.raw4raters of Gwet (2014), Handbook of Inter-Rater Reliability, 4th ed.
// With numeric = false the cells hold category indices 0-4 of "1".."5".
inline ReliabilityData krippendorff2011Example(bool numeric)
{
    const double rows[4][12] = {
        {1, 2, 3, 3, 2, 1, 4, 1, 2, NA, NA, NA},
        {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NA, NA},
        {NA, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 3},
        {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NA},
    };
    ReliabilityData data({QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("D")},
                         12);
    data.setCategories({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"),
                        QStringLiteral("5")});
    for (int c = 0; c < 4; ++c)
        for (int u = 0; u < 12; ++u)
            if (!std::isnan(rows[c][u]))
                data.setValue(u, c, numeric ? rows[c][u] : rows[c][u] - 1);
    return data;
}

} // namespace testdata
