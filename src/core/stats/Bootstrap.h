#pragma once

#include "stats/AgreementResult.h"
#include "stats/ReliabilityData.h"
#include "stats/UnitizingAlpha.h"

#include <atomic>
#include <functional>
#include <optional>

namespace newscoder::stats {

struct BootstrapOptions
{
    int draws = 1000;    // number of bootstrap samples (>= 1)
    quint64 seed = 0;    // seed of the std::mt19937_64 generator
    double level = 0.95; // coverage of the percentile interval
    // Checked before every draw: once true, the bootstrap stops and returns nothing.
    const std::atomic_bool *cancel = nullptr;
};

// Nonparametric percentile bootstrap over units. Each draw samples, with
// replacement and uniformly, as many units as there are, recomputes the
// coefficient and keeps it if defined; the interval is the (1 - level) / 2 and
// (1 + level) / 2 quantiles of the kept values (linear interpolation between
// order statistics, Hyndman & Fan 1996 type 7). Results depend only on the
// data, the options and this code: the generator is std::mt19937_64 and the
// mapping to unit indices is an exact rejection sampler written here, not a
// standard-library distribution. Returns nothing when no draw was defined.

// Krippendorff's alpha: resamples the pairable units; each draw costs one
// pass over the values.
std::optional<ConfidenceInterval> bootstrapAlpha(const ReliabilityData &data, Level level,
                                                 const BootstrapOptions &options);

// Any coefficient: resamples all units of `data` into a new data set per draw.
std::optional<ConfidenceInterval>
bootstrapCoefficient(const ReliabilityData &data,
                     const std::function<AgreementResult(const ReliabilityData &)> &coefficient,
                     const BootstrapOptions &options);

// Unitizing alpha (alpha_u) of one category: resamples the continua (e.g. the
// documents) with replacement, as many as there are, and recomputes alpha_u on
// each sample (a cluster bootstrap: the spans of one continuum stay together).
// Each draw costs one unitizingAlpha() on the sample, O(S log S) for S spans.
// Returns nothing when the data are invalid, there is no continuum, or no draw
// was defined.
std::optional<ConfidenceInterval> bootstrapUnitizingAlpha(const UnitizingData &data, const QString &category,
                                                          const BootstrapOptions &options);

} // namespace newscoder::stats
