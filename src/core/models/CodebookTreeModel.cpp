#include "models/CodebookTreeModel.h"

#include "models/ModelRoles.h"
#include "project/Project.h"
#include "storage/StoreError.h"
#include "storage/ProjectReader.h"
#include "study/BlindCoding.h"

#include <QKeySequence>
#include <QMimeData>

namespace newscoder {

CodebookTreeModel::CodebookTreeModel(Project &project, QObject *parent)
    : QAbstractItemModel(parent), m_project(project)
{
    connect(&project, &Project::codesChanged, this, [this] {
        beginResetModel();
        rebuild();
        endResetModel();
    });
    // Blind coding (study/BlindCoding.h): a coder's counts are of their own annotations.
    connect(&project, &Project::annotationsInserted, this, [this](const QList<Annotation> &list) {
        const std::optional<QUuid> only = study::onlyVisibleCoder(m_project);
        for (const Annotation &a : list) {
            if (!only || a.coderId == *only)
                adjust(a.codeId, +1);
        }
    });
    connect(&project, &Project::annotationsRemoved, this, [this](const QList<Annotation> &list) {
        const std::optional<QUuid> only = study::onlyVisibleCoder(m_project);
        for (const Annotation &a : list) {
            if (!only || a.coderId == *only)
                adjust(a.codeId, -1);
        }
    });
    connect(&project, &Project::studyChanged, this, &CodebookTreeModel::reloadCounts);
    connect(&project, &Project::coderNameChanged, this, &CodebookTreeModel::reloadCounts);
    connect(&project, &Project::annotationChanged, this, [this](const Annotation &before, const Annotation &after) {
        if (const std::optional<QUuid> only = study::onlyVisibleCoder(m_project); only && after.coderId != *only)
            return;
        if (before.codeId != after.codeId) {
            adjust(before.codeId, -1);
            adjust(after.codeId, +1);
        }
    });
    connect(&project, &Project::documentsRemoved, this, &CodebookTreeModel::reloadCounts);
    connect(&project, &Project::documentsInserted, this, &CodebookTreeModel::reloadCounts);
    rebuild();
    reloadCounts();
}

void CodebookTreeModel::rebuild()
{
    m_ids.clear();
    m_slot.clear();
    m_children.clear();
    m_parent.clear();
    const QList<Code> &codes = m_project.codes(); // tree order
    for (const Code &c : codes) {
        m_slot.insert(c.id, m_ids.size());
        m_ids.append(c.id);
    }
    for (const Code &c : codes) {
        const QUuid parent = m_slot.contains(c.parentId) ? c.parentId : QUuid();
        m_parent.insert(c.id, parent);
        m_children[parent].append(c.id);
    }
}

void CodebookTreeModel::reloadCounts()
{
    try {
        const std::optional<QUuid> only = study::onlyVisibleCoder(m_project);
        m_counts = only ? m_project.reader().annotationCountsByCodeOfCoder(*only)
                        : m_project.reader().annotationCountsByCode();
    } catch (const StoreError &e) {
        Q_EMIT m_project.errorOccurred(e.message());
    }
    for (const QUuid &id : std::as_const(m_ids)) {
        const QModelIndex i = indexOf(id, CountColumn);
        Q_EMIT dataChanged(i, i);
    }
}

void CodebookTreeModel::adjust(const QUuid &codeId, int delta)
{
    m_counts[codeId] += delta;
    const QModelIndex i = indexOf(codeId, CountColumn);
    if (i.isValid())
        Q_EMIT dataChanged(i, i);
}

int CodebookTreeModel::annotationCountWithSubcodes(const QUuid &codeId) const
{
    int total = m_counts.value(codeId);
    for (const QUuid &child : m_children.value(codeId))
        total += annotationCountWithSubcodes(child);
    return total;
}

QModelIndex CodebookTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const QUuid id = m_children.value(codeId(parent)).value(row);
    return createIndex(row, column, quintptr(m_slot.value(id)));
}

QModelIndex CodebookTreeModel::parent(const QModelIndex &child) const
{
    const QUuid parent = m_parent.value(codeId(child));
    return parent.isNull() ? QModelIndex() : indexOf(parent);
}

int CodebookTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != NameColumn)
        return 0;
    return int(m_children.value(codeId(parent)).size());
}

int CodebookTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QUuid CodebookTreeModel::codeId(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    return m_ids.value(qsizetype(index.internalId()));
}

QModelIndex CodebookTreeModel::indexOf(const QUuid &codeId, int column) const
{
    if (!m_slot.contains(codeId))
        return {};
    const int row = int(m_children.value(m_parent.value(codeId)).indexOf(codeId));
    return createIndex(row, column, quintptr(m_slot.value(codeId)));
}

QVariant CodebookTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto c = m_project.code(codeId(index));
    if (!c)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case NameColumn:
            return c->name;
        case KeyColumn:
            return role == Qt::DisplayRole ? QKeySequence(c->shortcut).toString(QKeySequence::NativeText)
                                           : c->shortcut;
        case CountColumn:
            return m_counts.value(c->id);
        case UnitColumn:
            return codeUnitName(c->unit);
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == NameColumn)
            return c->color;
        break;
    case ColorRole:
        return c->color;
    case Qt::ToolTipRole:
        return c->description.isEmpty() ? c->name : QStringLiteral("%1\n\n%2").arg(c->name, c->description);
    case Qt::TextAlignmentRole:
        if (index.column() != NameColumn)
            return QVariant::fromValue(Qt::AlignCenter);
        break;
    case IdRole:
        return c->id;
    }
    return {};
}

QVariant CodebookTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Code");
    case KeyColumn:
        return tr("Key");
    case CountColumn:
        return tr("Uses");
    case UnitColumn:
        return tr("Unit");
    }
    return {};
}

Qt::ItemFlags CodebookTreeModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractItemModel::flags(index);
    if (m_project.isReadOnly())
        return f;
    if (!index.isValid())
        return f | Qt::ItemIsDropEnabled;
    f |= Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled;
    if (index.column() == NameColumn || index.column() == KeyColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

bool CodebookTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    auto c = m_project.code(codeId(index));
    if (!c)
        return false;
    if (role == ColorRole || (role == Qt::DecorationRole && index.column() == NameColumn)) {
        const QColor color = value.value<QColor>();
        if (!color.isValid())
            return false;
        if (color == c->color)
            return true;
        c->color = color;
        return m_project.updateCode(*c);
    }
    if (role != Qt::EditRole)
        return false;
    switch (index.column()) {
    case NameColumn: {
        const QString name = value.toString().trimmed();
        if (name == c->name)
            return true;
        c->name = name;
        break;
    }
    case KeyColumn: {
        const QString key = QKeySequence(value.toString()).toString(QKeySequence::PortableText);
        if (key == c->shortcut)
            return true;
        c->shortcut = key;
        break;
    }
    default:
        return false;
    }
    return m_project.updateCode(*c);
}

Qt::DropActions CodebookTreeModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions CodebookTreeModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

QStringList CodebookTreeModel::mimeTypes() const
{
    return {CodeIdsMimeType};
}

QMimeData *CodebookTreeModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList ids;
    for (const QModelIndex &i : indexes) {
        const QString id = idString(codeId(i));
        if (i.isValid() && !ids.contains(id))
            ids.append(id);
    }
    if (ids.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(CodeIdsMimeType, ids.join(u'\n').toUtf8());
    return data;
}

QList<QUuid> CodebookTreeModel::idsOf(const QMimeData *data) const
{
    if (!data || !data->hasFormat(CodeIdsMimeType))
        return {};
    QList<QUuid> ids;
    for (const QString &line : QString::fromUtf8(data->data(CodeIdsMimeType)).split(u'\n', Qt::SkipEmptyParts)) {
        const QUuid id = idFromString(line.trimmed());
        if (!m_slot.contains(id))
            return {};
        ids.append(id);
    }
    return ids;
}

bool CodebookTreeModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                        const QModelIndex &parent) const
{
    if (action != Qt::MoveAction || m_project.isReadOnly())
        return false;
    const QList<QUuid> ids = idsOf(data);
    if (ids.isEmpty())
        return false;
    // Not onto itself or below itself.
    for (QUuid target = codeId(parent); !target.isNull(); target = m_parent.value(target)) {
        if (ids.contains(target))
            return false;
    }
    return true;
}

bool CodebookTreeModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                     const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const QList<QUuid> ids = idsOf(data);
    const QUuid newParent = codeId(parent);
    // `row` counts the current children (the moved codes included); moveCode
    // counts them without the moved code.
    int at = row < 0 ? int(m_children.value(newParent).size()) : row;
    QUndoStack *stack = m_project.undoStack();
    if (ids.size() > 1)
        stack->beginMacro(tr("Move %n codes", nullptr, int(ids.size())));
    bool ok = true;
    for (const QUuid &id : ids) {
        const QList<QUuid> siblings = m_children.value(newParent);
        const qsizetype current = siblings.indexOf(id);
        const int target = (current >= 0 && current < at) ? at - 1 : at;
        ok = m_project.moveCode(id, newParent, target) && ok;
        at = target + 1;
    }
    if (ids.size() > 1)
        stack->endMacro();
    return ok;
}

} // namespace newscoder
