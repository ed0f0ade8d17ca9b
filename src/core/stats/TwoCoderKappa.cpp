// Two-coder coefficients: Cohen's kappa, weighted kappa and Scott's pi, over
// the units both coders coded. Counts are exact 64-bit integers; whether
// A_e == 1 is decided on those counts.

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

using ld = long double;

// One pass over the units both coders coded: the marginals, the diagonal and
// (with weights) the weighted agreement. O(categories) memory: no k x k table.
struct Tally
{
    std::vector<qint64> rows;    // first coder's category counts
    std::vector<qint64> columns; // second coder's
    qint64 n = 0;                // units both coders coded
    qint64 oneSided = 0;         // units only one coder coded
    qint64 diagonal = 0;
    ld weightedAgreement = 0; // sum over units of w(a, b)
    int categoriesUsed = 0;
};

Tally tally(const ReliabilityData &data, const AgreementWeights *weights)
{
    Tally t;
    const int k = data.categoryCount();
    t.rows.assign(size_t(k), 0);
    t.columns.assign(size_t(k), 0);
    for (qsizetype u = 0; u < data.unitCount(); ++u) {
        const double *row = data.row(u);
        const bool hasA = !std::isnan(row[0]);
        const bool hasB = !std::isnan(row[1]);
        if (hasA && hasB) {
            const int a = int(row[0]);
            const int b = int(row[1]);
            ++t.rows[size_t(a)];
            ++t.columns[size_t(b)];
            ++t.n;
            t.diagonal += a == b ? 1 : 0;
            if (weights)
                t.weightedAgreement += (*weights)(a, b);
        } else if (hasA || hasB) {
            ++t.oneSided;
        }
    }
    for (int c = 0; c < k; ++c)
        t.categoriesUsed += (t.rows[size_t(c)] + t.columns[size_t(c)]) > 0 ? 1 : 0;
    return t;
}

// sum_{a,b} w(a,b) rows_a columns_b: O(k) for the schemes (moments and
// prefix sums), O(k^2) for a custom matrix. Sets `certain` when every pair
// with chance mass has weight 1 (then A_e = 1).
ld chanceMass(const Tally &t, const AgreementWeights &w, bool &certain)
{
    const int k = int(t.rows.size());
    const auto scheme = w.weighting();
    if (!scheme) {
        ld sum = 0;
        certain = true;
        for (int a = 0; a < k; ++a) {
            if (t.rows[size_t(a)] == 0)
                continue;
            for (int b = 0; b < k; ++b) {
                const qint64 mass = t.rows[size_t(a)] * t.columns[size_t(b)];
                sum += w(a, b) * mass;
                if (mass > 0 && w(a, b) != 1.0)
                    certain = false;
            }
        }
        return sum;
    }
    // For the schemes w = 1 exactly on the diagonal (k >= 2).
    certain = t.categoriesUsed == 1;
    const ld n2 = ld(t.n) * t.n;
    if (w.isIdentity()) {
        ld same = 0;
        for (int a = 0; a < k; ++a)
            same += ld(t.rows[size_t(a)]) * t.columns[size_t(a)];
        return k < 2 ? n2 : same;
    }
    if (*scheme == Weighting::Quadratic) {
        // sum r_a c_b (a - b)^2 = n sum r_a a^2 + n sum c_b b^2 - 2 (sum r_a a)(sum c_b b)
        ld ra = 0, ra2 = 0, cb = 0, cb2 = 0;
        for (int a = 0; a < k; ++a) {
            ra += ld(t.rows[size_t(a)]) * a;
            ra2 += ld(t.rows[size_t(a)]) * a * a;
            cb += ld(t.columns[size_t(a)]) * a;
            cb2 += ld(t.columns[size_t(a)]) * a * a;
        }
        const ld squares = t.n * ra2 + t.n * cb2 - 2 * ra * cb;
        return n2 - squares / (ld(k - 1) * (k - 1));
    }
    // Linear: sum r_a c_b |a - b|, with running sums of the rows below b.
    ld absolute = 0, countBelow = 0, momentBelow = 0, totalCount = 0, totalMoment = 0;
    for (int a = 0; a < k; ++a) {
        totalCount += t.rows[size_t(a)];
        totalMoment += ld(t.rows[size_t(a)]) * a;
    }
    for (int b = 0; b < k; ++b) {
        const ld above = (totalMoment - momentBelow) - ld(b) * (totalCount - countBelow);
        absolute += t.columns[size_t(b)] * (ld(b) * countBelow - momentBelow + above);
        countBelow += t.rows[size_t(b)];
        momentBelow += ld(t.rows[size_t(b)]) * b;
    }
    return n2 - absolute / (k - 1);
}

// Common prologue: validation, the tally, counts and the empty case. Returns
// false when `result` is already final.
bool prepare(const ReliabilityData &data, const QString &name, const AgreementWeights *weights, Tally &t,
             AgreementResult &result)
{
    const QString problem = detail::checkCategorical(data, 2, name);
    if (!problem.isEmpty()) {
        result = AgreementResult::failure(problem);
        return false;
    }
    t = tally(data, weights);
    result.units = t.n;
    result.pairableValues = 2 * t.n;
    if (t.oneSided > 0)
        result.addNote(u"%1 unit(s) coded by only one coder were left out."_s.arg(t.oneSided));
    if (t.n == 0) {
        result.addNote(u"No unit was coded by both coders, so the coefficient is undefined."_s);
        return false;
    }
    if (t.categoriesUsed == 1)
        result.addNote(detail::nothingVariesNote());
    return true;
}

} // namespace

AgreementResult cohenKappa(const ReliabilityData &data)
{
    AgreementResult result;
    Tally t;
    if (!prepare(data, u"Cohen's kappa"_s, nullptr, t, result))
        return result;
    qint64 chance = 0; // sum_c rows_c * columns_c, compared with n^2 exactly
    for (size_t c = 0; c < t.rows.size(); ++c)
        chance += t.rows[c] * t.columns[c];
    const ld n = t.n;
    detail::setChanceCorrected(result, double(t.diagonal / n), double(chance / (n * n)), chance == t.n * t.n);
    if (result.value)
        result.value = double((n * t.diagonal - chance) / (n * n - chance));
    return result;
}

AgreementResult weightedCohenKappa(const ReliabilityData &data, const AgreementWeights &weights)
{
    if (weights.size() != data.categoryCount()) {
        return AgreementResult::failure(
            u"the weights are for %1 categories but %2 are declared"_s.arg(weights.size())
                .arg(data.categoryCount()));
    }
    AgreementResult result;
    Tally t;
    if (!prepare(data, u"Weighted kappa"_s, &weights, t, result))
        return result;
    bool certain = false;
    const ld chance = chanceMass(t, weights, certain);
    const ld n = t.n;
    detail::setChanceCorrected(result, double(t.weightedAgreement / n), double(chance / (n * n)), certain);
    return result;
}

AgreementResult scottPi(const ReliabilityData &data)
{
    AgreementResult result;
    Tally t;
    if (!prepare(data, u"Scott's pi"_s, nullptr, t, result))
        return result;
    qint64 pooledSquares = 0; // sum_c (rows_c + columns_c)^2, compared with (2n)^2
    for (size_t c = 0; c < t.rows.size(); ++c) {
        const qint64 pooled = t.rows[c] + t.columns[c];
        pooledSquares += pooled * pooled;
    }
    const ld n = t.n;
    const ld n2 = 4 * n * n;
    detail::setChanceCorrected(result, double(t.diagonal / n), double(pooledSquares / n2),
                               pooledSquares == 4 * t.n * t.n);
    if (result.value)
        result.value = double((4 * n * t.diagonal - pooledSquares) / (n2 - pooledSquares));
    return result;
}

} // namespace newscoder::stats
