// Two-coder coefficients: Cohen's kappa, weighted kappa and Scott's pi, all
// computed from the k x k cross table of the units both coders coded. Counts
// are exact 64-bit integers; whether A_e == 1 is decided on those counts.

#include "stats/KappaCommon_p.h"
#include "stats/KappaFamily.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace newscoder::stats {

namespace detail {

QString checkCategorical(const ReliabilityData &data, int exactCoders, const QString &measureName)
{
    if (data.coderCount() < 2)
        return u"%1 needs at least two coders; the data have %2"_s.arg(measureName).arg(data.coderCount());
    if (exactCoders > 0 && data.coderCount() != exactCoders)
        return u"%1 is defined for exactly %2 coders; the data have %3"_s.arg(measureName)
            .arg(exactCoders)
            .arg(data.coderCount());
    return data.validateCategorical();
}

void setChanceCorrected(AgreementResult &result, double observed, double expected, bool chanceIsCertain)
{
    result.observed = observed;
    result.expected = expected;
    if (chanceIsCertain) {
        result.value.reset();
        result.addNote(u"Chance agreement is 1 (nothing varies), so the coefficient is undefined."_s);
        return;
    }
    result.value = (observed - expected) / (1.0 - expected);
}

QString nothingVariesNote()
{
    return u"Every value is the same category (nothing varies)."_s;
}

} // namespace detail

namespace {

struct CrossTable
{
    int k = 0;
    std::vector<qint64> cells;   // row: first coder, column: second coder
    std::vector<qint64> rows;
    std::vector<qint64> columns;
    qint64 n = 0;                // units both coders coded
    qint64 oneSided = 0;         // units only one coder coded
};

CrossTable crossTable(const ReliabilityData &data)
{
    CrossTable t;
    t.k = data.categoryCount();
    t.cells.assign(size_t(t.k) * size_t(t.k), 0);
    t.rows.assign(size_t(t.k), 0);
    t.columns.assign(size_t(t.k), 0);
    for (qsizetype u = 0; u < data.unitCount(); ++u) {
        const double *row = data.row(u);
        const bool hasA = !std::isnan(row[0]);
        const bool hasB = !std::isnan(row[1]);
        if (hasA && hasB) {
            const int a = int(row[0]);
            const int b = int(row[1]);
            ++t.cells[size_t(a) * size_t(t.k) + size_t(b)];
            ++t.rows[size_t(a)];
            ++t.columns[size_t(b)];
            ++t.n;
        } else if (hasA || hasB) {
            ++t.oneSided;
        }
    }
    return t;
}

// Common prologue: validation, the table, counts and the empty case. Returns
// false when `result` is already final.
bool prepare(const ReliabilityData &data, const QString &name, CrossTable &table, AgreementResult &result)
{
    const QString problem = detail::checkCategorical(data, 2, name);
    if (!problem.isEmpty()) {
        result = AgreementResult::failure(problem);
        return false;
    }
    table = crossTable(data);
    result.units = table.n;
    result.pairableValues = 2 * table.n;
    if (table.oneSided > 0)
        result.addNote(u"%1 unit(s) coded by only one coder were left out."_s.arg(table.oneSided));
    if (table.n == 0) {
        result.addNote(u"No unit was coded by both coders, so the coefficient is undefined."_s);
        return false;
    }
    int used = 0;
    for (int c = 0; c < table.k; ++c)
        used += (table.rows[size_t(c)] + table.columns[size_t(c)]) > 0 ? 1 : 0;
    if (used == 1)
        result.addNote(detail::nothingVariesNote());
    return true;
}

} // namespace

AgreementResult cohenKappa(const ReliabilityData &data)
{
    AgreementResult result;
    CrossTable t;
    if (!prepare(data, u"Cohen's kappa"_s, t, result))
        return result;
    qint64 diagonal = 0;
    qint64 chance = 0;   // sum_c rows_c * columns_c, compared with n^2 exactly
    for (int c = 0; c < t.k; ++c) {
        diagonal += t.cells[size_t(c) * size_t(t.k) + size_t(c)];
        chance += t.rows[size_t(c)] * t.columns[size_t(c)];
    }
    const long double n = t.n;
    detail::setChanceCorrected(result, double(diagonal / n), double(chance / (n * n)), chance == t.n * t.n);
    if (result.value)
        result.value = double((n * diagonal - chance) / (n * n - chance));
    return result;
}

AgreementResult weightedCohenKappa(const ReliabilityData &data, const AgreementWeights &weights)
{
    AgreementResult result;
    CrossTable t;
    if (weights.size() != data.categoryCount()) {
        return AgreementResult::failure(u"the weights are for %1 categories but %2 are declared"_s
                                            .arg(weights.size())
                                            .arg(data.categoryCount()));
    }
    if (!prepare(data, u"Weighted kappa"_s, t, result))
        return result;
    long double observed = 0;
    long double expected = 0;
    bool certain = true;   // A_e == 1 iff every pair with chance mass has weight 1
    for (int a = 0; a < t.k; ++a) {
        for (int b = 0; b < t.k; ++b) {
            const double w = weights(a, b);
            observed += w * t.cells[size_t(a) * size_t(t.k) + size_t(b)];
            const qint64 mass = t.rows[size_t(a)] * t.columns[size_t(b)];
            expected += w * mass;
            if (mass > 0 && w != 1.0)
                certain = false;
        }
    }
    const long double n = t.n;
    detail::setChanceCorrected(result, double(observed / n), double(expected / (n * n)), certain);
    return result;
}

AgreementResult scottPi(const ReliabilityData &data)
{
    AgreementResult result;
    CrossTable t;
    if (!prepare(data, u"Scott's pi"_s, t, result))
        return result;
    qint64 diagonal = 0;
    qint64 pooledSquares = 0;   // sum_c (rows_c + columns_c)^2, compared with (2n)^2
    for (int c = 0; c < t.k; ++c) {
        diagonal += t.cells[size_t(c) * size_t(t.k) + size_t(c)];
        const qint64 pooled = t.rows[size_t(c)] + t.columns[size_t(c)];
        pooledSquares += pooled * pooled;
    }
    const long double n = t.n;
    const long double n2 = 4 * n * n;
    detail::setChanceCorrected(result, double(diagonal / n), double(pooledSquares / n2),
                               pooledSquares == 4 * t.n * t.n);
    if (result.value)
        result.value = double((4 * n * diagonal - pooledSquares) / (n2 - pooledSquares));
    return result;
}

} // namespace newscoder::stats
