#pragma once

#include "agreement/ProjectAgreement.h"

#include <QAbstractTableModel>

namespace newscoder {

// The rows of an AgreementReport as a read-only table: one row per code and
// measure. Values are shown with three decimals and "—" when undefined (the
// note says why, in its own column and as the value's tooltip).
class ReliabilityTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        CodeColumn,
        MeasureColumn,
        ValueColumn,
        CiColumn,
        UnitsColumn,
        PairableColumn,
        CodersColumn,
        MergedColumn, // overlaps of one coder merged into one unit (unitizing α)
        NoteColumn,
        ColumnCount
    };
    // The unrounded number behind a cell (value, CI lower bound, counts); invalid when undefined.
    static constexpr int RawValueRole = Qt::UserRole + 1;

    explicit ReliabilityTableModel(QObject *parent = nullptr);

    void setRows(const QList<AgreementRow> &rows);
    const QList<AgreementRow> &rows() const { return m_rows; }
    const AgreementRow *row(int r) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "Unitizing α (spans)" / "α on presence per article" (the id itself when unknown).
    static QString measureLabel(const QString &measure);
    // Three decimals, or "—".
    static QString formatValue(const std::optional<double> &value);
    // "[0.612, 0.884]", or "—".
    static QString formatCi(const std::optional<stats::ConfidenceInterval> &ci);
    // The note and, when the coefficient failed, the error.
    static QString explanation(const stats::AgreementResult &result);

private:
    QList<AgreementRow> m_rows;
};

} // namespace newscoder
