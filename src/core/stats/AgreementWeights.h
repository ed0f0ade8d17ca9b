#pragma once

#include <QString>
#include <optional>
#include <vector>

namespace newscoder::stats {

// Agreement weights over the declared category order (k categories, ranks
// i, j = 0..k-1): identity (w = 1 on the diagonal, 0 elsewhere), linear
// w = 1 - |i - j| / (k - 1), quadratic w = 1 - (i - j)^2 / (k - 1)^2.
enum class Weighting
{
    Identity,
    Linear,
    Quadratic
};

QString weightingName(Weighting weighting); // "identity", "linear", "quadratic"
std::optional<Weighting> weightingFromName(const QString &name);

// Weights of a scheme are computed on demand (no k x k matrix, so any number
// of categories is cheap); custom weights are a k x k matrix.
class AgreementWeights
{
public:
    AgreementWeights() = default;
    static AgreementWeights make(Weighting weighting, int categoryCount);
    // Row-major k x k matrix of agreement weights, 1 on the diagonal, in [0, 1].
    static AgreementWeights custom(int categoryCount, std::vector<double> rowMajor);

    int size() const { return m_k; }
    double operator()(int a, int b) const
    {
        if (!m_matrix.empty())
            return m_matrix[size_t(a) * size_t(m_k) + size_t(b)];
        if (a == b)
            return 1.0;
        if (m_weighting == Weighting::Identity || m_k < 2)
            return 0.0;
        const double d = double(a > b ? a - b : b - a) / double(m_k - 1);
        return m_weighting == Weighting::Linear ? 1.0 - d : 1.0 - d * d;
    }
    bool isIdentity() const { return m_identity; }
    // The scheme; empty for a custom matrix.
    std::optional<Weighting> weighting() const;
    double total() const; // sum of all k^2 weights (Gwet's T_w)

private:
    int m_k = 0;
    Weighting m_weighting = Weighting::Identity;
    bool m_identity = true;
    std::vector<double> m_matrix; // custom weights only
};

} // namespace newscoder::stats
