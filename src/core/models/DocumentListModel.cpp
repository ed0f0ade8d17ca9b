#include "models/DocumentListModel.h"

#include "models/ModelRoles.h"
#include "project/Project.h"
#include "storage/StoreError.h"

namespace newscoder {

DocumentListModel::DocumentListModel(Project &project, QObject *parent)
    : QAbstractTableModel(parent), m_project(project)
{
    connect(&project, &Project::documentsInserted, this, &DocumentListModel::onDocumentsInserted);
    connect(&project, &Project::documentsRemoved, this, &DocumentListModel::onDocumentsRemoved);
    connect(&project, &Project::documentChanged, this, &DocumentListModel::onDocumentChanged);
    connect(&project, &Project::annotationsInserted, this, [this](const QList<Annotation> &list) {
        QList<QUuid> docs;
        for (const Annotation &a : list)
            docs.append(a.documentId);
        adjustCounts(docs, +1);
    });
    connect(&project, &Project::annotationsRemoved, this, [this](const QList<Annotation> &list) {
        QList<QUuid> docs;
        for (const Annotation &a : list)
            docs.append(a.documentId);
        adjustCounts(docs, -1);
    });
    reload();
}

void DocumentListModel::reload()
{
    beginResetModel();
    try {
        m_rows = m_project.store().documentSummaries();
    } catch (const StoreError &e) {
        m_rows.clear();
        Q_EMIT m_project.errorOccurred(e.message());
    }
    rebuildIndex();
    endResetModel();
}

void DocumentListModel::rebuildIndex()
{
    m_rowOf.clear();
    m_rowOf.reserve(m_rows.size());
    for (int row = 0; row < m_rows.size(); ++row)
        m_rowOf.insert(m_rows[row].id, row);
}

int DocumentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DocumentListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DocumentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const DocumentSummary &s = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case TitleColumn:
            return s.title;
        case OutletColumn:
            return s.outlet;
        case DateColumn:
            return s.date.isValid() ? s.date.toString(Qt::ISODate) : QString();
        case AnnotationsColumn:
            return s.annotationCount;
        }
        break;
    case SortRole:
        switch (index.column()) {
        case DateColumn:
            return s.date;
        case AnnotationsColumn:
            return s.annotationCount;
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    case Qt::ToolTipRole:
        return QStringLiteral("%1\n%2 · %3\n%4 characters, %5 annotations")
            .arg(s.title, s.outlet.isEmpty() ? QStringLiteral("unknown outlet") : s.outlet,
                 s.date.isValid() ? s.date.toString(Qt::ISODate) : QStringLiteral("no date"))
            .arg(s.length)
            .arg(s.annotationCount);
    case Qt::TextAlignmentRole:
        if (index.column() == AnnotationsColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case IdRole:
        return s.id;
    }
    return {};
}

QVariant DocumentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Title");
    case OutletColumn:
        return tr("Outlet");
    case DateColumn:
        return tr("Date");
    case AnnotationsColumn:
        return tr("Codes");
    }
    return {};
}

Qt::ItemFlags DocumentListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() != AnnotationsColumn && !m_project.isReadOnly())
        f |= Qt::ItemIsEditable;
    return f;
}

bool DocumentListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    std::optional<Document> doc;
    try {
        doc = m_project.store().document(m_rows[index.row()].id);
    } catch (const StoreError &e) {
        Q_EMIT m_project.errorOccurred(e.message());
        return false;
    }
    if (!doc)
        return false;
    const QString text = value.toString().trimmed();
    switch (index.column()) {
    case TitleColumn:
        if (text.isEmpty())
            return false;
        doc->title = text;
        break;
    case OutletColumn:
        doc->outlet = text;
        break;
    case DateColumn: {
        const QDate date = value.typeId() == QMetaType::QDate ? value.toDate() : QDate::fromString(text, Qt::ISODate);
        if (!text.isEmpty() && !date.isValid())
            return false;
        doc->date = date;
        break;
    }
    default:
        return false;
    }
    return m_project.updateDocumentDetails(*doc); // the signal refreshes the row
}

QModelIndex DocumentListModel::indexOf(const QUuid &documentId, int column) const
{
    const auto it = m_rowOf.constFind(documentId);
    return it == m_rowOf.cend() ? QModelIndex() : index(*it, column);
}

QUuid DocumentListModel::documentId(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].id : QUuid();
}

const DocumentSummary *DocumentListModel::summary(const QUuid &documentId) const
{
    const auto it = m_rowOf.constFind(documentId);
    return it == m_rowOf.cend() ? nullptr : &m_rows[*it];
}

void DocumentListModel::onDocumentsInserted(const QList<QUuid> &ids)
{
    QList<DocumentSummary> added;
    try {
        for (const QUuid &id : ids) {
            if (m_rowOf.contains(id))
                continue;
            if (auto s = m_project.store().documentSummary(id))
                added.append(*s);
        }
    } catch (const StoreError &e) {
        Q_EMIT m_project.errorOccurred(e.message());
        return;
    }
    if (added.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(added.size()) - 1);
    for (DocumentSummary &s : added) {
        m_rowOf.insert(s.id, int(m_rows.size()));
        m_rows.append(std::move(s));
    }
    endInsertRows();
}

void DocumentListModel::onDocumentsRemoved(const QList<QUuid> &ids)
{
    QList<int> rows;
    for (const QUuid &id : ids) {
        if (const auto it = m_rowOf.constFind(id); it != m_rowOf.cend())
            rows.append(*it);
    }
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end(), std::greater<>());
    if (rows.size() > 50) { // many at once: one reset is cheaper than many removals
        beginResetModel();
        for (int row : rows)
            m_rows.removeAt(row);
        rebuildIndex();
        endResetModel();
        return;
    }
    for (int row : rows) {
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    rebuildIndex();
}

void DocumentListModel::onDocumentChanged(const QUuid &id)
{
    const auto it = m_rowOf.constFind(id);
    if (it == m_rowOf.cend())
        return;
    try {
        if (auto s = m_project.store().documentSummary(id))
            m_rows[*it] = *s;
    } catch (const StoreError &e) {
        Q_EMIT m_project.errorOccurred(e.message());
        return;
    }
    Q_EMIT dataChanged(index(*it, 0), index(*it, ColumnCount - 1));
}

void DocumentListModel::adjustCounts(const QList<QUuid> &documentIds, int delta)
{
    QHash<int, int> touched;
    for (const QUuid &id : documentIds) {
        if (const auto it = m_rowOf.constFind(id); it != m_rowOf.cend()) {
            m_rows[*it].annotationCount += delta;
            touched.insert(*it, 0);
        }
    }
    for (auto it = touched.cbegin(); it != touched.cend(); ++it)
        Q_EMIT dataChanged(index(it.key(), AnnotationsColumn), index(it.key(), AnnotationsColumn));
}

} // namespace newscoder
