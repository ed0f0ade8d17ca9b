#pragma once

#include "stats/AgreementResult.h"
#include "stats/ReliabilityData.h"

namespace newscoder::stats {

// Krippendorff's alpha for nominal, ordinal, interval and ratio data with
// missing values, by the coincidence-matrix method (Krippendorff 2011,
// "Computing Krippendorff's Alpha-Reliability"): alpha = 1 - D_o / D_e over
// the pairable values (units with at least two values).
//
// Nominal and ordinal data are categorical (cells hold indices into
// data.categories(); ordinal uses the declared order, unused declared values
// count with n = 0). Interval and ratio data hold the numbers; ratio values
// must not be negative.
//
// observed/expected of the result are D_o and D_e; units and pairableValues
// are the pairable units and the n of the coincidence matrix. When every
// pairable value is the same (D_e = 0) the value is null with a note. Cost:
// linear in the number of values, plus O(V^2) in the distinct values for ratio.
AgreementResult krippendorffAlpha(const ReliabilityData &data, Level level);

} // namespace newscoder::stats
