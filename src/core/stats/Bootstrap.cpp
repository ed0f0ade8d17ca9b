#include "stats/Bootstrap.h"

#include "stats/AlphaEngine_p.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

namespace newscoder::stats {

namespace {

// Uniform integer in [0, bound) from a 64-bit generator, exact (unbiased)
// and identical on every platform. Bounds below 2^32 use Lemire's
// multiply-and-reject on the upper 32 bits of each output (no division in the
// common case); larger bounds reject on the 64-bit modulo.
quint64 uniformBelow(std::mt19937_64 &generator, quint64 bound)
{
    if (bound <= (quint64(1) << 32)) {
        quint64 product = (generator() >> 32) * bound;
        if (quint32(product) < bound) {
            const quint32 threshold = quint32((quint64(1) << 32) % bound);
            while (quint32(product) < threshold)
                product = (generator() >> 32) * bound;
        }
        return product >> 32;
    }
    const quint64 limit = std::numeric_limits<quint64>::max() - std::numeric_limits<quint64>::max() % bound;
    quint64 x;
    do {
        x = generator();
    } while (x >= limit);
    return x % bound;
}

double quantile(const std::vector<double> &sorted, double p)
{
    const double h = (double(sorted.size()) - 1.0) * p;
    const size_t i = size_t(std::floor(h));
    if (i + 1 >= sorted.size())
        return sorted.back();
    return sorted[i] + (h - double(i)) * (sorted[i + 1] - sorted[i]);
}

bool cancelled(const BootstrapOptions &options)
{
    return options.cancel && options.cancel->load(std::memory_order_relaxed);
}

std::optional<ConfidenceInterval> interval(std::vector<double> values, const BootstrapOptions &options)
{
    if (values.empty() || cancelled(options))
        return std::nullopt;
    std::sort(values.begin(), values.end());
    ConfidenceInterval ci;
    ci.level = options.level;
    ci.draws = options.draws;
    ci.usableDraws = int(values.size());
    ci.seed = options.seed;
    ci.lower = quantile(values, (1.0 - options.level) / 2.0);
    ci.upper = quantile(values, (1.0 + options.level) / 2.0);
    return ci;
}

} // namespace

std::optional<ConfidenceInterval> bootstrapAlpha(const ReliabilityData &data, Level level,
                                                 const BootstrapOptions &options)
{
    const detail::AlphaEngine engine(data, level);
    const quint64 units = quint64(engine.pairableUnits());
    if (!engine.error().isEmpty() || units == 0 || options.draws < 1)
        return std::nullopt;
    std::mt19937_64 generator(options.seed);
    std::vector<quint32> multiplicity(units);
    std::vector<double> values;
    values.reserve(size_t(options.draws));
    for (int draw = 0; draw < options.draws; ++draw) {
        if (cancelled(options))
            return std::nullopt;
        std::fill(multiplicity.begin(), multiplicity.end(), 0u);
        // Indices in batches, prefetched, so that the cache misses of the
        // scattered increments overlap (same draws, same order).
        quint64 batch[64];
        for (quint64 i = 0; i < units; i += 64) {
            const int n = int(std::min<quint64>(64, units - i));
            for (int k = 0; k < n; ++k) {
                batch[k] = uniformBelow(generator, units);
#if defined(__GNUC__)
                __builtin_prefetch(&multiplicity[batch[k]], 1);
#endif
            }
            for (int k = 0; k < n; ++k)
                ++multiplicity[batch[k]];
        }
        const auto c = engine.evaluate(&multiplicity);
        if (c.varies)
            values.push_back(double(1.0L - c.observed / c.expected));
    }
    return interval(std::move(values), options);
}

std::optional<ConfidenceInterval>
bootstrapCoefficient(const ReliabilityData &data,
                     const std::function<AgreementResult(const ReliabilityData &)> &coefficient,
                     const BootstrapOptions &options)
{
    const quint64 units = quint64(data.unitCount());
    if (units == 0 || options.draws < 1)
        return std::nullopt;
    std::mt19937_64 generator(options.seed);
    std::vector<double> values;
    values.reserve(size_t(options.draws));
    ReliabilityData sample(data.coders(), data.unitCount());
    sample.setCategories(data.categories());
    const int coders = data.coderCount();
    for (int draw = 0; draw < options.draws; ++draw) {
        if (cancelled(options))
            return std::nullopt;
        for (quint64 i = 0; i < units; ++i) {
            const double *row = data.row(qsizetype(uniformBelow(generator, units)));
            for (int c = 0; c < coders; ++c)
                sample.setValue(qsizetype(i), c, row[c]);
        }
        const AgreementResult r = coefficient(sample);
        if (r.value)
            values.push_back(*r.value);
    }
    return interval(std::move(values), options);
}

std::optional<ConfidenceInterval> bootstrapUnitizingAlpha(const UnitizingData &data, const QString &category,
                                                          const BootstrapOptions &options)
{
    const quint64 continua = quint64(data.documents.size());
    if (continua == 0 || options.draws < 1 || !unitizingAlpha(data, category).isValid())
        return std::nullopt;
    std::mt19937_64 generator(options.seed);
    std::vector<double> values;
    values.reserve(size_t(options.draws));
    UnitizingData sample;
    sample.coders = data.coders;
    sample.documents.resize(data.documents.size());
    for (int draw = 0; draw < options.draws; ++draw) {
        if (cancelled(options))
            return std::nullopt;
        for (quint64 i = 0; i < continua; ++i) // implicitly shared copies: no span is copied
            sample.documents[qsizetype(i)] = data.documents[qsizetype(uniformBelow(generator, continua))];
        const AgreementResult r = unitizingAlpha(sample, category);
        if (r.value)
            values.push_back(*r.value);
    }
    return interval(std::move(values), options);
}

} // namespace newscoder::stats
