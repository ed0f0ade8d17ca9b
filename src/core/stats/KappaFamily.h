#pragma once

#include "stats/AgreementResult.h"
#include "stats/AgreementWeights.h"
#include "stats/ReliabilityData.h"

#include <optional>
#include <vector>

namespace newscoder::stats {

// All functions below take categorical ReliabilityData (cells are indices into
// data.categories()) and never throw; see AgreementResult for null values and
// errors. Units with fewer than two values never count as pairable.

// Share of agreeing pairs among all pairable value pairs, pooled over units:
// sum_u sum_c n_uc (n_uc - 1) / sum_u m_u (m_u - 1). Any number of coders.
AgreementResult percentAgreement(const ReliabilityData &data);

// Cohen (1960). Exactly two coders; units both coded. A_e from each coder's
// own marginals.
AgreementResult cohenKappa(const ReliabilityData &data);

// Cohen (1968) weighted kappa. Exactly two coders.
AgreementResult weightedCohenKappa(const ReliabilityData &data, const AgreementWeights &weights);

// Scott (1955). Exactly two coders; A_e from the pooled marginals.
AgreementResult scottPi(const ReliabilityData &data);

// The multi-coder coefficients below follow Gwet (2014, Handbook of
// Inter-Rater Reliability, 4th ed., ch. 2 and 4) and his irrCAC package for
// missing values: A_o averages, over the units with r_i >= 2 values, the share
// of agreeing ordered pairs  sum_k r_ik (r*_ik - 1) / (r_i (r_i - 1)) with
// r*_ik = sum_l w_kl r_il; the category shares pi_k average r_ik / r_i over the
// units with at least one value. Without missing values they reduce to the
// textbook forms.

// Fleiss (1971): A_e = sum_k pi_k^2 (Fleiss' generalized kappa).
AgreementResult fleissKappa(const ReliabilityData &data);

// Bennett, Alpert & Goldstein (1954) S, Brennan & Prediger (1981) for any
// number of coders: A_e = 1 / q over the q declared categories.
AgreementResult bennettS(const ReliabilityData &data);

// Randolph (2005) free-marginal multirater kappa: A_e = 1 / q. The same
// formula as bennettS(); kept as its own entry so that reports name it.
AgreementResult randolphKappa(const ReliabilityData &data);

// Gwet (2008) AC1: A_e = sum_k pi_k (1 - pi_k) / (q - 1).
AgreementResult gwetAc1(const ReliabilityData &data);

// Gwet (2014) AC2: A_o weighted as above, A_e = T_w / (q (q - 1)) * sum_k pi_k (1 - pi_k).
AgreementResult gwetAc2(const ReliabilityData &data, const AgreementWeights &weights);

} // namespace newscoder::stats
