#pragma once

#include "export/DatasetExportJob.h"

#include <QAbstractTableModel>

namespace newscoder {

// The preview of File ▸ Export ▸ Dataset…: the first rows of a table with the
// column names and cell texts the file will hold. Line breaks inside a cell
// are drawn as ↵ so each row stays one line; the tooltip shows the cell as is.
class DatasetPreviewModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    using QAbstractTableModel::QAbstractTableModel;

    void setPreview(DatasetPreview preview);
    const DatasetPreview &preview() const { return m_preview; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    DatasetPreview m_preview;
};

} // namespace newscoder
