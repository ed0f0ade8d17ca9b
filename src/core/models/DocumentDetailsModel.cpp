#include "models/DocumentDetailsModel.h"

#include "project/Project.h"
#include "storage/StoreError.h"

namespace newscoder {

DocumentDetailsModel::DocumentDetailsModel(Project &project, QObject *parent)
    : QAbstractTableModel(parent), m_project(project)
{
    connect(&project, &Project::documentChanged, this, [this](const QUuid &id) {
        if (id == m_document.id)
            reload();
    });
    connect(&project, &Project::documentsRemoved, this, [this](const QList<QUuid> &ids) {
        if (ids.contains(m_document.id))
            setDocument({});
    });
}

void DocumentDetailsModel::setDocument(const QUuid &documentId)
{
    m_document = Document{};
    m_document.id = documentId;
    reload();
}

void DocumentDetailsModel::reload()
{
    beginResetModel();
    const QUuid id = m_document.id;
    m_document = Document{};
    m_document.id = id;
    if (!id.isNull()) {
        try {
            if (auto d = m_project.reader().document(id)) {
                m_length = int(d->text.size());
                m_document = std::move(*d);
                m_document.text.clear();
            }
        } catch (const StoreError &e) {
            Q_EMIT m_project.errorOccurred(e.message());
        }
    }
    endResetModel();
}

int DocumentDetailsModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || m_document.id.isNull())
        return 0;
    return FixedRowCount + int(m_document.metadata.size());
}

int DocumentDetailsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DocumentDetailsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole)
        return {};
    const int row = index.row();
    if (row >= FixedRowCount) {
        const MetadataEntry &entry = m_document.metadata[row - FixedRowCount];
        return index.column() == FieldColumn ? entry.first : entry.second;
    }
    if (index.column() == FieldColumn) {
        static const char *const names[] = {"Title", "Outlet", "Date", "URL", "Author", "Memo", "Length", "Imported from"};
        return tr(names[row]);
    }
    switch (row) {
    case TitleRow:
        return m_document.title;
    case OutletRow:
        return m_document.outlet;
    case DateRow:
        return m_document.date.isValid() ? m_document.date.toString(Qt::ISODate) : QString();
    case UrlRow:
        return m_document.url;
    case AuthorRow:
        return m_document.author;
    case MemoRow:
        return m_document.memo;
    case LengthRow:
        return tr("%n character(s)", nullptr, m_length);
    case SourceRow:
        return m_document.importSource;
    }
    return {};
}

QVariant DocumentDetailsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == FieldColumn ? tr("Field") : tr("Value");
}

Qt::ItemFlags DocumentDetailsModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (!index.isValid() || m_project.isReadOnly() || index.column() != ValueColumn)
        return f;
    if (index.row() == LengthRow || index.row() == SourceRow)
        return f;
    return f | Qt::ItemIsEditable;
}

bool DocumentDetailsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid) || index.column() != ValueColumn)
        return false;
    Document updated = m_document;
    const QString text = value.toString().trimmed();
    const int row = index.row();
    if (row >= FixedRowCount) {
        updated.metadata[row - FixedRowCount].second = value.toString();
    } else {
        switch (row) {
        case TitleRow:
            if (text.isEmpty())
                return false;
            updated.title = text;
            break;
        case OutletRow:
            updated.outlet = text;
            break;
        case DateRow:
            updated.date = QDate::fromString(text, Qt::ISODate);
            if (!text.isEmpty() && !updated.date.isValid())
                return false;
            break;
        case UrlRow:
            updated.url = text;
            break;
        case AuthorRow:
            updated.author = text;
            break;
        case MemoRow:
            updated.memo = value.toString(); // kept as typed
            break;
        default:
            return false;
        }
    }
    return m_project.updateDocumentDetails(updated);
}

} // namespace newscoder
