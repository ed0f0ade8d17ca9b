#pragma once

// Internal: Krippendorff's alpha by the coincidence-matrix method, prepared
// once and evaluable for any multiplicity of the pairable units (which is how
// the bootstrap resamples). Not part of the API; see stats/KrippendorffAlpha.h.

#include "stats/ReliabilityData.h"

#include <QString>
#include <vector>

namespace newscoder::stats::detail {

class AlphaEngine
{
public:
    // Ratio alpha is quadratic in the distinct values: beyond this many it
    // reports an error instead of running for hours.
    static constexpr size_t MaxRatioValues = 20000;

    AlphaEngine(const ReliabilityData &data, Level level);

    const QString &error() const { return m_error; }
    qsizetype pairableUnits() const { return qsizetype(m_unitSize.size()); }

    struct Components
    {
        long double n = 0;        // pairable values
        long double observed = 0; // D_o
        long double expected = 0; // D_e
        bool varies = false;      // at least two distinct pairable values
    };

    // `multiplicity` (size pairableUnits()) says how often each pairable unit
    // is counted; nullptr counts each once.
    Components evaluate(const std::vector<quint32> *multiplicity = nullptr) const;

private:
    quint32 weightOf(const std::vector<quint32> *multiplicity, size_t u) const
    {
        return multiplicity ? (*multiplicity)[u] : 1u;
    }
    Components evaluateNominal(const std::vector<quint32> *multiplicity) const;
    Components evaluateOrdinal(const std::vector<quint32> *multiplicity) const;
    Components evaluateInterval(const std::vector<quint32> *multiplicity) const;
    Components evaluateRatio(const std::vector<quint32> *multiplicity) const;
    void indexDistinctValues(const std::vector<double> &raw);

    Level m_level = Level::Nominal;
    QString m_error;
    int m_maxUnitSize = 0;
    std::vector<int> m_unitSize;     // m_u of each pairable unit
    std::vector<size_t> m_unitStart; // CSR offsets into m_values (size units + 1)
    std::vector<quint32> m_values;   // category index (nominal, ordinal), value id (ratio)
    // Nominal: m_u^2 - sum_c n_uc^2, the unit's ordered disagreeing pairs.
    std::vector<qint64> m_disagreeingPairs;
    // Interval: unit mean, within-unit sum of squares, min and max.
    std::vector<double> m_mean, m_sumSquares, m_min, m_max;
    // Ratio: the unit's coincidence-weighted disagreement sum_{i != j} d^2 / (m_u - 1),
    // and the distinct values (m_values holds indices into it).
    std::vector<double> m_unitDisagreement;
    std::vector<double> m_distinct;
    int m_categories = 0;
};

} // namespace newscoder::stats::detail
