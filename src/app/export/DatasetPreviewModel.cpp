#include "export/DatasetPreviewModel.h"

namespace newscoder {

namespace {

// Cells longer than this are shortened on screen (the tooltip has them whole).
constexpr int ShownCharacters = 160;

QString oneLine(QString text)
{
    text.replace(QStringLiteral("\r\n"), QStringLiteral("↵")).replace(u'\n', u'↵').replace(u'\r', u'↵');
    if (text.size() > ShownCharacters)
        text = text.left(ShownCharacters) + u'…';
    return text;
}

} // namespace

void DatasetPreviewModel::setPreview(DatasetPreview preview)
{
    beginResetModel();
    m_preview = std::move(preview);
    endResetModel();
}

int DatasetPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_preview.rows.size());
}

int DatasetPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_preview.header.size());
}

QVariant DatasetPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_preview.rows.size())
        return {};
    const QString cell = m_preview.rows[index.row()].value(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return oneLine(cell);
    case Qt::ToolTipRole:
        return cell.size() > ShownCharacters || cell.contains(u'\n') || cell.contains(u'\r') ? cell : QVariant();
    case Qt::EditRole: // the cell exactly as written
        return cell;
    default:
        return {};
    }
}

QVariant DatasetPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole)
            return section + 1;
        return {};
    }
    if (section < 0 || section >= m_preview.header.size())
        return {};
    if (role == Qt::DisplayRole)
        return m_preview.header[section];
    if (role == Qt::ToolTipRole)
        return m_preview.headerTips.value(section);
    return {};
}

} // namespace newscoder
