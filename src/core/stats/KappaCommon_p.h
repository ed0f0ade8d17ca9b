#pragma once

// Internal helpers shared by the kappa-family sources. Not part of the API.

#include "stats/AgreementResult.h"
#include "stats/ReliabilityData.h"

namespace newscoder::stats::detail {

// Empty when `data` suits a categorical coefficient: at least two coders
// (exactly `exactCoders` if that is > 0) and every value a declared category.
QString checkCategorical(const ReliabilityData &data, int exactCoders, const QString &measureName);

// Fills value/observed/expected of a chance-corrected agreement coefficient
// (A_o - A_e) / (1 - A_e). `chanceIsCertain` must say, from exact counts,
// whether A_e == 1; the value is then undefined and a note says so.
void setChanceCorrected(AgreementResult &result, double observed, double expected, bool chanceIsCertain);

// The note used when every value in the pairable units is the same category.
QString nothingVariesNote();

} // namespace newscoder::stats::detail
