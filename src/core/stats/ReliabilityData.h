#pragma once

#include <QString>
#include <QStringList>
#include <cmath>
#include <limits>
#include <optional>
#include <vector>

namespace newscoder::stats {

// Levels of measurement of Krippendorff's alpha.
enum class Level
{
    Nominal,
    Ordinal,
    Interval,
    Ratio
};

QString levelName(Level level); // "nominal", ...
std::optional<Level> levelFromName(const QString &name);

// Reliability data: a units x coders matrix in which every cell holds one
// value or is missing.
//
// Categorical data (nominal and ordinal alpha, every kappa-family measure)
// store in each cell the 0-based index of the value in categories(), the
// declared value set in its declared order. Metric data (interval and ratio
// alpha) store the number itself; categories() is then informational.
//
// Storage is one contiguous row-major array of doubles (NaN = missing), so a
// million units x three coders take 24 MB and are read sequentially.
class ReliabilityData
{
public:
    ReliabilityData() = default;
    explicit ReliabilityData(QStringList coders, qsizetype unitCount = 0);

    const QStringList &coders() const { return m_coders; }
    int coderCount() const { return int(m_coders.size()); }
    qsizetype unitCount() const { return m_units; }

    // Declared categories, in order (ranks for ordinal alpha and for weights).
    void setCategories(const QStringList &categories) { m_categories = categories; }
    const QStringList &categories() const { return m_categories; }
    int categoryCount() const { return int(m_categories.size()); }

    void setUnitCount(qsizetype units); // new units are all missing
    qsizetype addUnit();                // returns the new unit's index
    void reserveUnits(qsizetype units) { m_cells.reserve(size_t(units) * size_t(m_coders.size())); }
    // Every category index k becomes newIndex[k] (missing cells stay missing).
    void renumberCategories(const std::vector<int> &newIndex);

    void setValue(qsizetype unit, int coder, double value) { m_cells[index(unit, coder)] = value; }
    void setCategory(qsizetype unit, int coder, int category) { setValue(unit, coder, double(category)); }
    void setMissing(qsizetype unit, int coder) { m_cells[index(unit, coder)] = missingValue(); }

    bool isMissing(qsizetype unit, int coder) const { return std::isnan(m_cells[index(unit, coder)]); }
    std::optional<double> value(qsizetype unit, int coder) const;
    std::optional<int> category(qsizetype unit, int coder) const;

    // Row access: coderCount() cells of one unit, NaN where missing.
    const double *row(qsizetype unit) const { return m_cells.data() + index(unit, 0); }

    // Convenience for tests and small examples: one string per coder, one
    // character per unit; '.', '*' and ' ' are missing, any other character
    // is looked up in `categories` (a category list of single characters).
    static ReliabilityData fromRows(const QStringList &rowsPerCoder, const QStringList &categories);

    static constexpr double missingValue() { return std::numeric_limits<double>::quiet_NaN(); }

    // Empty when every present cell is a category index in [0, categoryCount());
    // otherwise a message naming the first offending unit and coder.
    QString validateCategorical() const;
    // Empty when every present cell is a finite number.
    QString validateMetric() const;

private:
    qsizetype index(qsizetype unit, int coder) const { return unit * m_coders.size() + coder; }

    QStringList m_coders;
    QStringList m_categories;
    qsizetype m_units = 0;
    std::vector<double> m_cells;
};

} // namespace newscoder::stats
