// Coefficients for any number of coders: percent agreement and the Gwet
// family (Fleiss' kappa, Brennan-Prediger / Bennett's S, Randolph's kappa,
// Gwet's AC1/AC2).
//
// Unweighted pair counts are exact 64-bit integers grouped by the number of
// values r in a unit, so that each group is divided only once. Memory is
// O(categories + coders), whatever their number.

#include "stats/KappaCommon_p.h"
#include "stats/KappaFamily.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace newscoder::stats {

namespace {

// Walks the units once and hands each unit's category counts to `visit`
// as (touched categories, counts indexed by category, r).
template <typename Visit> void forEachUnitCounts(const ReliabilityData &data, Visit &&visit)
{
    const int coders = data.coderCount();
    std::vector<qint64> counts(size_t(std::max(data.categoryCount(), 0)), 0);
    std::vector<int> touched;
    touched.reserve(size_t(coders));
    for (qsizetype u = 0; u < data.unitCount(); ++u) {
        const double *row = data.row(u);
        int r = 0;
        for (int c = 0; c < coders; ++c) {
            if (std::isnan(row[c]))
                continue;
            const int k = int(row[c]);
            if (counts[size_t(k)]++ == 0)
                touched.push_back(k);
            ++r;
        }
        visit(touched, counts, r);
        for (int k : touched)
            counts[size_t(k)] = 0;
        touched.clear();
    }
}

struct GwetTally
{
    qint64 unitsWithOne = 0; // r >= 1: enter the category shares pi_k
    qint64 unitsWithTwo = 0; // r >= 2: enter A_o
    qint64 pairableValues = 0;
    long double agreementSum = 0;   // sum over r >= 2 of the unit's weighted pair agreement
    std::vector<long double> pi;    // category shares pi_k
    int categoriesUsed = 0;         // among units with r >= 1
    int categoriesUsedPairable = 0; // among units with r >= 2
};

GwetTally gwetTally(const ReliabilityData &data, const AgreementWeights *weights)
{
    const int q = data.categoryCount();
    const int coders = data.coderCount();
    GwetTally t;
    // Exact integer tallies by r of sum_k r_ik (r_ik - 1); the shares
    // r_ik / r_i are summed in long double (O(q) memory for any q).
    std::vector<qint64> agreeByR(size_t(coders) + 1, 0);
    t.pi.assign(size_t(q), 0);
    std::vector<char> used(size_t(q), 0);
    std::vector<char> usedPairable(size_t(q), 0);
    const bool weighted = weights && !weights->isIdentity();
    forEachUnitCounts(data, [&](const std::vector<int> &touched, const std::vector<qint64> &counts, int r) {
        if (r == 0)
            return;
        ++t.unitsWithOne;
        for (int k : touched) {
            t.pi[size_t(k)] += static_cast<long double>(counts[size_t(k)]) / r;
            used[size_t(k)] = 1;
        }
        if (r < 2)
            return;
        ++t.unitsWithTwo;
        t.pairableValues += r;
        for (int k : touched)
            usedPairable[size_t(k)] = 1;
        if (!weighted) {
            for (int k : touched)
                agreeByR[size_t(r)] += counts[size_t(k)] * (counts[size_t(k)] - 1);
            return;
        }
        long double pairs = -r; // sum_k r_k (sum_l w_kl r_l) - r, with w_kk = 1
        for (int k : touched) {
            for (int l : touched)
                pairs += (*weights)(k, l) * counts[size_t(k)] * counts[size_t(l)];
        }
        t.agreementSum += pairs / (static_cast<long double>(r) * (r - 1));
    });
    for (int r = 2; r <= coders; ++r)
        t.agreementSum +=
            static_cast<long double>(agreeByR[size_t(r)]) / (static_cast<long double>(r) * (r - 1));
    for (int k = 0; k < q; ++k) {
        if (t.unitsWithOne > 0)
            t.pi[size_t(k)] /= t.unitsWithOne;
        t.categoriesUsed += used[size_t(k)];
        t.categoriesUsedPairable += usedPairable[size_t(k)];
    }
    return t;
}

enum class Chance
{
    Fleiss,
    Uniform,
    Gwet
};

AgreementResult gwetFamily(const ReliabilityData &data, const QString &name, Chance chance,
                           const AgreementWeights *weights)
{
    const QString problem = detail::checkCategorical(data, 0, name);
    if (!problem.isEmpty())
        return AgreementResult::failure(problem);
    if (weights && weights->size() != data.categoryCount()) {
        return AgreementResult::failure(
            u"the weights are for %1 categories but %2 are declared"_s.arg(weights->size())
                .arg(data.categoryCount()));
    }
    const GwetTally t = gwetTally(data, weights);
    AgreementResult result;
    result.units = t.unitsWithTwo;
    result.pairableValues = t.pairableValues;
    if (t.unitsWithTwo == 0) {
        result.addNote(u"No unit has two or more values, so the coefficient is undefined."_s);
        return result;
    }
    if (t.categoriesUsedPairable == 1)
        result.addNote(detail::nothingVariesNote());
    const int q = data.categoryCount();
    const double observed = double(t.agreementSum / t.unitsWithTwo);
    switch (chance) {
    case Chance::Fleiss: {
        long double expected = 0;
        for (int k = 0; k < q; ++k)
            expected += t.pi[size_t(k)] * t.pi[size_t(k)];
        detail::setChanceCorrected(result, observed, double(expected), t.categoriesUsed == 1);
        break;
    }
    case Chance::Uniform:
        detail::setChanceCorrected(result, observed, 1.0 / q, q == 1);
        break;
    case Chance::Gwet: {
        if (q < 2) {
            result.observed = observed;
            result.addNote(u"Gwet's coefficient needs at least two declared categories."_s);
            break;
        }
        long double spread = 0;
        for (int k = 0; k < q; ++k)
            spread += t.pi[size_t(k)] * (1 - t.pi[size_t(k)]);
        const double totalWeight = weights ? weights->total() : double(q);
        // A_e <= 1/q < 1 here, so the coefficient is always defined.
        detail::setChanceCorrected(result, observed, double(totalWeight * spread / (q * (q - 1.0L))), false);
        break;
    }
    }
    return result;
}

} // namespace

AgreementResult percentAgreement(const ReliabilityData &data)
{
    const QString problem = detail::checkCategorical(data, 0, u"Percent agreement"_s);
    if (!problem.isEmpty())
        return AgreementResult::failure(problem);
    AgreementResult result;
    qint64 agreeing = 0; // ordered agreeing pairs
    qint64 pairs = 0;    // ordered pairs
    std::vector<char> used(size_t(data.categoryCount()), 0);
    forEachUnitCounts(data, [&](const std::vector<int> &touched, const std::vector<qint64> &counts, int r) {
        if (r < 2)
            return;
        ++result.units;
        result.pairableValues += r;
        pairs += qint64(r) * (r - 1);
        for (int k : touched) {
            agreeing += counts[size_t(k)] * (counts[size_t(k)] - 1);
            used[size_t(k)] = 1;
        }
    });
    if (pairs == 0) {
        result.addNote(u"No unit has two or more values, so agreement is undefined."_s);
        return result;
    }
    if (std::count(used.begin(), used.end(), 1) == 1)
        result.addNote(detail::nothingVariesNote());
    result.value = double(static_cast<long double>(agreeing) / pairs);
    result.observed = result.value;
    return result;
}

AgreementResult fleissKappa(const ReliabilityData &data)
{
    return gwetFamily(data, u"Fleiss' kappa"_s, Chance::Fleiss, nullptr);
}

AgreementResult bennettS(const ReliabilityData &data)
{
    return gwetFamily(data, u"Bennett's S"_s, Chance::Uniform, nullptr);
}

AgreementResult randolphKappa(const ReliabilityData &data)
{
    return gwetFamily(data, u"Randolph's kappa"_s, Chance::Uniform, nullptr);
}

AgreementResult gwetAc1(const ReliabilityData &data)
{
    return gwetFamily(data, u"Gwet's AC1"_s, Chance::Gwet, nullptr);
}

AgreementResult gwetAc2(const ReliabilityData &data, const AgreementWeights &weights)
{
    return gwetFamily(data, u"Gwet's AC2"_s, Chance::Gwet, &weights);
}

} // namespace newscoder::stats
