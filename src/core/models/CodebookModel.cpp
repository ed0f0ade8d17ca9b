#include "models/CodebookModel.h"

#include "models/ModelRoles.h"
#include "project/Project.h"
#include "storage/StoreError.h"

#include <QKeySequence>

namespace newscoder {

CodebookModel::CodebookModel(Project &project, QObject *parent) : QAbstractTableModel(parent), m_project(project)
{
    connect(&project, &Project::codesChanged, this, [this] {
        beginResetModel();
        endResetModel();
    });
    connect(&project, &Project::annotationsInserted, this, [this](const QList<Annotation> &list) {
        for (const Annotation &a : list)
            adjust(a.codeId, +1);
    });
    connect(&project, &Project::annotationsRemoved, this, [this](const QList<Annotation> &list) {
        for (const Annotation &a : list)
            adjust(a.codeId, -1);
    });
    connect(&project, &Project::annotationChanged, this, [this](const Annotation &before, const Annotation &after) {
        if (before.codeId != after.codeId) {
            adjust(before.codeId, -1);
            adjust(after.codeId, +1);
        }
    });
    connect(&project, &Project::documentsRemoved, this, &CodebookModel::reloadCounts);
    connect(&project, &Project::documentsInserted, this, &CodebookModel::reloadCounts);
    reloadCounts();
}

void CodebookModel::reloadCounts()
{
    try {
        m_counts = m_project.store().annotationCountsByCode();
    } catch (const StoreError &e) {
        Q_EMIT m_project.errorOccurred(e.message());
    }
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, CountColumn), index(rowCount() - 1, CountColumn));
}

void CodebookModel::adjust(const QUuid &codeId, int delta)
{
    m_counts[codeId] += delta;
    const int row = rowOf(codeId);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, CountColumn), index(row, CountColumn));
}

int CodebookModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_project.codes().size());
}

int CodebookModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QUuid CodebookModel::codeId(int row) const
{
    const auto &codes = m_project.codes();
    return row >= 0 && row < codes.size() ? codes[row].id : QUuid();
}

int CodebookModel::rowOf(const QUuid &codeId) const
{
    const auto &codes = m_project.codes();
    for (int row = 0; row < codes.size(); ++row) {
        if (codes[row].id == codeId)
            return row;
    }
    return -1;
}

QVariant CodebookModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto &c = m_project.codes()[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case NameColumn:
            return c.name;
        case ShortcutColumn:
            return role == Qt::DisplayRole ? QKeySequence(c.shortcut).toString(QKeySequence::NativeText)
                                           : c.shortcut;
        case CountColumn:
            return m_counts.value(c.id);
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == NameColumn)
            return c.color;
        break;
    case ColorRole:
        return c.color;
    case Qt::ToolTipRole:
        return c.description.isEmpty() ? c.name : QStringLiteral("%1\n\n%2").arg(c.name, c.description);
    case Qt::TextAlignmentRole:
        if (index.column() != NameColumn)
            return QVariant::fromValue(Qt::AlignCenter);
        break;
    case IdRole:
        return c.id;
    }
    return {};
}

QVariant CodebookModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Code");
    case ShortcutColumn:
        return tr("Key");
    case CountColumn:
        return tr("Uses");
    }
    return {};
}

Qt::ItemFlags CodebookModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() != CountColumn && !m_project.isReadOnly())
        f |= Qt::ItemIsEditable;
    return f;
}

bool CodebookModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    Code c = m_project.codes()[index.row()];
    if (role == ColorRole || (role == Qt::DecorationRole && index.column() == NameColumn)) {
        const QColor color = value.value<QColor>();
        if (!color.isValid())
            return false;
        c.color = color;
        return m_project.updateCode(c);
    }
    if (role != Qt::EditRole)
        return false;
    switch (index.column()) {
    case NameColumn:
        c.name = value.toString().trimmed();
        break;
    case ShortcutColumn:
        c.shortcut = QKeySequence(value.toString()).toString(QKeySequence::PortableText);
        break;
    default:
        return false;
    }
    return m_project.updateCode(c);
}

} // namespace newscoder
