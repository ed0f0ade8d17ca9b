#include "stats/AgreementWeights.h"

using namespace Qt::StringLiterals;

namespace newscoder::stats {

QString weightingName(Weighting weighting)
{
    switch (weighting) {
    case Weighting::Identity:
        return u"identity"_s;
    case Weighting::Linear:
        return u"linear"_s;
    case Weighting::Quadratic:
        return u"quadratic"_s;
    }
    return {};
}

std::optional<Weighting> weightingFromName(const QString &name)
{
    for (Weighting w : {Weighting::Identity, Weighting::Linear, Weighting::Quadratic}) {
        if (name.compare(weightingName(w), Qt::CaseInsensitive) == 0)
            return w;
    }
    return std::nullopt;
}

AgreementWeights AgreementWeights::make(Weighting weighting, int categoryCount)
{
    AgreementWeights w;
    w.m_k = std::max(categoryCount, 0);
    w.m_weighting = weighting;
    w.m_identity = weighting == Weighting::Identity || w.m_k < 2;
    return w;
}

AgreementWeights AgreementWeights::custom(int categoryCount, std::vector<double> rowMajor)
{
    AgreementWeights w;
    w.m_k = std::max(categoryCount, 0);
    w.m_matrix = std::move(rowMajor);
    w.m_matrix.resize(size_t(w.m_k) * size_t(w.m_k), 0.0);
    for (int a = 0; a < w.m_k; ++a)
        for (int b = 0; b < w.m_k; ++b)
            if (w(a, b) != (a == b ? 1.0 : 0.0))
                w.m_identity = false;
    return w;
}

std::optional<Weighting> AgreementWeights::weighting() const
{
    if (!m_matrix.empty())
        return std::nullopt;
    return m_weighting;
}

double AgreementWeights::total() const
{
    const double k = m_k;
    if (!m_matrix.empty()) {
        double sum = 0;
        for (double v : m_matrix)
            sum += v;
        return sum;
    }
    if (m_identity)
        return k;
    // sum_{i,j} |i - j| = k (k^2 - 1) / 3 and sum_{i,j} (i - j)^2 = k^2 (k^2 - 1) / 6.
    if (m_weighting == Weighting::Linear)
        return k * k - k * (k * k - 1) / 3 / (k - 1);
    return k * k - k * k * (k * k - 1) / 6 / ((k - 1) * (k - 1));
}

} // namespace newscoder::stats
