#include "reliability/ReliabilityTableModel.h"

#include <QColor>
#include <QFont>
#include <QLocale>

namespace newscoder {

ReliabilityTableModel::ReliabilityTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void ReliabilityTableModel::setRows(const QList<AgreementRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

const AgreementRow *ReliabilityTableModel::row(int r) const
{
    return r >= 0 && r < m_rows.size() ? &m_rows[r] : nullptr;
}

int ReliabilityTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReliabilityTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ReliabilityTableModel::measureLabel(const QString &measure)
{
    if (measure == u"unitizing-alpha")
        return tr("Unitizing α (spans)");
    if (measure == u"alpha-presence")
        return tr("α on presence per article");
    if (measure == u"alpha")
        return tr("α on the values");
    return measure;
}

QString ReliabilityTableModel::formatValue(const std::optional<double> &value)
{
    return value ? QString::number(*value, 'f', 3) : QStringLiteral("—");
}

QString ReliabilityTableModel::formatCi(const std::optional<stats::ConfidenceInterval> &ci)
{
    if (!ci)
        return QStringLiteral("—");
    return QStringLiteral("[%1, %2]").arg(QString::number(ci->lower, 'f', 3), QString::number(ci->upper, 'f', 3));
}

QString ReliabilityTableModel::explanation(const stats::AgreementResult &result)
{
    if (result.error.isEmpty())
        return result.note;
    return result.note.isEmpty() ? result.error : result.error + u' ' + result.note;
}

QVariant ReliabilityTableModel::data(const QModelIndex &index, int role) const
{
    const AgreementRow *r = index.isValid() ? row(index.row()) : nullptr;
    if (!r)
        return {};
    const stats::AgreementResult &result = r->result;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case CodeColumn:
            return r->subject;
        case MeasureColumn:
            return measureLabel(r->measure);
        case ValueColumn:
            return formatValue(result.value);
        case CiColumn:
            return formatCi(result.ci);
        case UnitsColumn:
            return QLocale().toString(result.units);
        case PairableColumn:
            return QLocale().toString(result.pairableValues);
        case CodersColumn:
            return r->coders;
        case MergedColumn:
            return r->measure == u"unitizing-alpha" ? QVariant(QLocale().toString(r->merges.size())) : QVariant();
        case NoteColumn:
            return explanation(result);
        }
        break;
    case RawValueRole:
        switch (index.column()) {
        case ValueColumn:
            return result.value ? QVariant(*result.value) : QVariant();
        case CiColumn:
            return result.ci ? QVariant(result.ci->lower) : QVariant();
        case UnitsColumn:
            return result.units;
        case PairableColumn:
            return result.pairableValues;
        case CodersColumn:
            return r->coders;
        case MergedColumn:
            return r->measure == u"unitizing-alpha" ? QVariant(qint64(r->merges.size())) : QVariant();
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == MergedColumn && r->measure == u"unitizing-alpha")
            return r->merges.isEmpty()
                       ? tr("No spans of one coder overlapped: every span is a unit of its own.")
                       : tr("%n time(s) overlapping spans of one coder were counted as one unit. Usually a "
                            "coding mistake: double-click the row to list them and open the article.",
                            nullptr, int(r->merges.size()));
        if (index.column() == ValueColumn || index.column() == NoteColumn) {
            const QString text = explanation(result);
            return text.isEmpty() ? QVariant() : QVariant(text);
        }
        if (index.column() == CiColumn && result.ci)
            return tr("%1% bootstrap percentile interval (%2 of %3 draws usable)")
                .arg(qRound(result.ci->level * 100))
                .arg(result.ci->usableDraws)
                .arg(result.ci->draws);
        if (index.column() == MeasureColumn)
            return r->measure == u"unitizing-alpha"
                       ? tr("Krippendorff's α-u over the marked spans, on the articles every coder coded")
                   : r->measure == u"alpha"
                       ? tr("Krippendorff's α (%1) on the values coders gave: per article for variables, per "
                            "identically marked span for annotation fields")
                             .arg(r->level)
                       : tr("Krippendorff's α (nominal) on whether each article contains the code");
        break;
    case Qt::FontRole:
        if (index.column() == MergedColumn && !r->merges.isEmpty()) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case Qt::BackgroundRole: // Krippendorff's (2004) thresholds, as in the chart
        if (index.column() == ValueColumn && result.value) {
            if (*result.value >= 0.8)
                return QColor(0xd8, 0xee, 0xd6);
            return *result.value >= 0.667 ? QColor(0xfc, 0xec, 0xc4) : QColor(0xf8, 0xd7, 0xd4);
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == ValueColumn && result.value)
            return QColor(Qt::black); // readable on the tint in dark themes too
        break;
    case Qt::TextAlignmentRole:
        if (index.column() >= ValueColumn && index.column() <= MergedColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant ReliabilityTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CodeColumn:
        return tr("Code");
    case MeasureColumn:
        return tr("Measure");
    case ValueColumn:
        return tr("Value");
    case CiColumn:
        return tr("95% CI");
    case UnitsColumn:
        return tr("Units");
    case PairableColumn:
        return tr("Pairable values");
    case CodersColumn:
        return tr("Coders");
    case MergedColumn:
        return tr("Merged");
    case NoteColumn:
        return tr("Note");
    }
    return {};
}

} // namespace newscoder
