#include "stats/ReliabilityData.h"

using namespace Qt::StringLiterals;

namespace newscoder::stats {

QString levelName(Level level)
{
    switch (level) {
    case Level::Nominal:
        return u"nominal"_s;
    case Level::Ordinal:
        return u"ordinal"_s;
    case Level::Interval:
        return u"interval"_s;
    case Level::Ratio:
        return u"ratio"_s;
    }
    return {};
}

std::optional<Level> levelFromName(const QString &name)
{
    for (Level l : {Level::Nominal, Level::Ordinal, Level::Interval, Level::Ratio}) {
        if (name.compare(levelName(l), Qt::CaseInsensitive) == 0)
            return l;
    }
    return std::nullopt;
}

ReliabilityData::ReliabilityData(QStringList coders, qsizetype unitCount) : m_coders(std::move(coders))
{
    setUnitCount(unitCount);
}

void ReliabilityData::setUnitCount(qsizetype units)
{
    m_units = units;
    m_cells.resize(size_t(units) * size_t(m_coders.size()), missingValue());
}

qsizetype ReliabilityData::addUnit()
{
    for (qsizetype c = 0; c < m_coders.size(); ++c)
        m_cells.push_back(missingValue()); // amortised growth, no fill call per unit
    return m_units++;
}

void ReliabilityData::renumberCategories(const std::vector<int> &newIndex)
{
    for (double &v : m_cells) {
        if (!std::isnan(v))
            v = double(newIndex[size_t(v)]);
    }
}

std::optional<double> ReliabilityData::value(qsizetype unit, int coder) const
{
    const double v = m_cells[index(unit, coder)];
    if (std::isnan(v))
        return std::nullopt;
    return v;
}

std::optional<int> ReliabilityData::category(qsizetype unit, int coder) const
{
    const double v = m_cells[index(unit, coder)];
    if (std::isnan(v))
        return std::nullopt;
    return int(v);
}

ReliabilityData ReliabilityData::fromRows(const QStringList &rowsPerCoder, const QStringList &categories)
{
    QStringList coders;
    qsizetype units = 0;
    for (qsizetype c = 0; c < rowsPerCoder.size(); ++c) {
        coders << u"coder %1"_s.arg(c + 1);
        units = std::max(units, rowsPerCoder[c].size());
    }
    ReliabilityData data(coders, units);
    data.setCategories(categories);
    for (qsizetype c = 0; c < rowsPerCoder.size(); ++c) {
        const QString &row = rowsPerCoder[c];
        for (qsizetype u = 0; u < row.size(); ++u) {
            const QChar ch = row[u];
            if (ch == u'.' || ch == u'*' || ch == u' ')
                continue;
            const qsizetype k = categories.indexOf(QString(ch));
            data.setValue(u, int(c), k < 0 ? -1.0 : double(k));
        }
    }
    return data;
}

QString ReliabilityData::validateCategorical() const
{
    const double k = double(m_categories.size());
    const qsizetype coders = m_coders.size();
    for (qsizetype i = 0; i < qsizetype(m_cells.size()); ++i) {
        const double v = m_cells[size_t(i)];
        if (std::isnan(v))
            continue;
        if (!(v >= 0.0 && v < k && v == std::floor(v))) {
            return u"unit %1, coder \"%2\": value is not one of the %3 declared categories"_s.arg(
                QString::number(i / coders + 1), m_coders[i % coders], QString::number(m_categories.size()));
        }
    }
    return {};
}

QString ReliabilityData::validateMetric() const
{
    const qsizetype coders = m_coders.size();
    for (qsizetype i = 0; i < qsizetype(m_cells.size()); ++i) {
        const double v = m_cells[size_t(i)];
        if (!std::isnan(v) && !std::isfinite(v))
            return u"unit %1, coder \"%2\": value is not a finite number"_s.arg(
                QString::number(i / coders + 1), m_coders[i % coders]);
    }
    return {};
}

} // namespace newscoder::stats
