#include "models/AnnotationTableModel.h"

#include "models/ModelRoles.h"
#include "project/Project.h"
#include "storage/StoreError.h"
#include "text/ReviewFlags.h"

#include <QFont>

namespace newscoder {

namespace {

bool positionLess(const Annotation &a, const Annotation &b)
{
    if (a.start != b.start)
        return a.start < b.start;
    if (a.end != b.end)
        return a.end < b.end;
    return a.created < b.created;
}

QString excerpt(const QString &text, const Annotation &a)
{
    QString quoted = text.mid(a.start, a.end - a.start).simplified();
    if (quoted.size() > 160)
        quoted = quoted.left(157) + QStringLiteral("…");
    return quoted;
}

} // namespace

AnnotationTableModel::AnnotationTableModel(Project &project, QObject *parent)
    : QAbstractTableModel(parent), m_project(project)
{
    connect(&project, &Project::annotationsInserted, this, &AnnotationTableModel::onInserted);
    connect(&project, &Project::annotationsRemoved, this, &AnnotationTableModel::onRemoved);
    connect(&project, &Project::annotationChanged, this, &AnnotationTableModel::onChanged);
    connect(&project, &Project::codesChanged, this, [this] {
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
    });
    connect(&project, &Project::documentTextChanged, this, [this](const QUuid &id) {
        if (id == m_documentId)
            reload(); // new text, and its annotations moved with it
    });
    connect(&project, &Project::documentsRemoved, this, [this](const QList<QUuid> &ids) {
        if (ids.contains(m_documentId))
            setDocument({});
    });
    connect(&project, &Project::coderNameChanged, this, [this] {
        if (m_coderFilter.kind == CoderFilter::Kind::CurrentCoder)
            reload();
    });
}

void AnnotationTableModel::setCoderFilter(const CoderFilter &filter)
{
    if (filter == m_coderFilter)
        return;
    m_coderFilter = filter;
    reload();
}

bool AnnotationTableModel::passesCoderFilter(const Annotation &a) const
{
    return m_coderFilter.accepts(m_project.coderNameFor(a.coderId), m_project.coderName());
}

void AnnotationTableModel::setDocument(const QUuid &documentId)
{
    m_documentId = documentId;
    reload();
}

void AnnotationTableModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_text.clear();
    if (!m_documentId.isNull()) {
        try {
            m_text = m_project.reader().documentText(m_documentId);
            m_rows = m_project.reader().annotationsForDocument(m_documentId);
            if (!m_coderFilter.isAll())
                m_rows.removeIf([this](const Annotation &a) { return !passesCoderFilter(a); });
        } catch (const StoreError &e) {
            Q_EMIT m_project.errorOccurred(e.message());
        }
    }
    endResetModel();
    Q_EMIT documentReloaded();
}

int AnnotationTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AnnotationTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const Annotation *AnnotationTableModel::annotation(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int AnnotationTableModel::rowOf(const QUuid &annotationId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].id == annotationId)
            return row;
    }
    return -1;
}

QVariant AnnotationTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Annotation &a = m_rows[index.row()];
    const auto code = m_project.code(a.codeId);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case CodeColumn:
            return code ? code->name : tr("(deleted code)");
        case TextColumn:
            return a.needsReview() ? QStringLiteral("⚠ ") + excerpt(m_text, a) : excerpt(m_text, a);
        case CoderColumn:
            return a.status == AnnotationStatus::Suggested
                ? tr("%1 (suggested)").arg(m_project.coderNameFor(a.coderId))
                : m_project.coderNameFor(a.coderId);
        case MemoColumn:
            return a.memo;
        }
        break;
    case Qt::EditRole:
        switch (index.column()) {
        case CodeColumn:
            return a.codeId;
        case MemoColumn:
            return a.memo;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::DecorationRole:
    case ColorRole:
        if (index.column() == CodeColumn || role == ColorRole)
            return code ? code->color : QColor(Qt::gray);
        break;
    case Qt::ToolTipRole: {
        QString tip = QStringLiteral("%1 · %2\n%3–%4\n%5")
                          .arg(code ? code->name : QString(), m_project.coderNameFor(a.coderId))
                          .arg(a.start)
                          .arg(a.end)
                          .arg(m_text.mid(a.start, qMin(a.end - a.start, 600)));
        if (a.needsReview()) // the ⚠: why, and the edit that did it
            tip.prepend(QStringLiteral("⚠ ") + reviewExplanation(a) + QStringLiteral("\n\n"));
        else if (a.status == AnnotationStatus::Suggested)
            tip.prepend(tr("Suggested by auto-coding: accept or reject it (Search panel)") + QStringLiteral("\n\n"));
        return tip;
    }
    case Qt::FontRole:
        if (a.status == AnnotationStatus::Suggested) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        break;
    case StatusRole:
        return int(a.status);
    case IdRole:
        return a.id;
    case StartRole:
        return a.start;
    case EndRole:
        return a.end;
    case CodeIdRole:
        return a.codeId;
    case SortRole:
        return index.column() == TextColumn ? QVariant(a.start) : data(index, Qt::DisplayRole);
    }
    return {};
}

QVariant AnnotationTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CodeColumn:
        return tr("Code");
    case TextColumn:
        return tr("Text");
    case CoderColumn:
        return tr("Coder");
    case MemoColumn:
        return tr("Memo");
    }
    return {};
}

Qt::ItemFlags AnnotationTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && !m_project.isReadOnly()
        && (index.column() == MemoColumn || index.column() == CodeColumn))
        f |= Qt::ItemIsEditable;
    return f;
}

bool AnnotationTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const Annotation &a = m_rows[index.row()];
    switch (index.column()) {
    case MemoColumn:
        return m_project.setAnnotationMemo(a.id, value.toString());
    case CodeColumn: {
        QUuid codeId = value.toUuid();
        if (codeId.isNull()) {
            if (const auto byName = m_project.codeByName(value.toString()))
                codeId = byName->id;
        }
        return !codeId.isNull() && m_project.setAnnotationCode(a.id, codeId);
    }
    default:
        return false;
    }
}

int AnnotationTableModel::insertionRow(const Annotation &a) const
{
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), a, positionLess);
    return int(it - m_rows.cbegin());
}

void AnnotationTableModel::onInserted(const QList<Annotation> &list)
{
    for (const Annotation &a : list) {
        if (a.documentId != m_documentId || rowOf(a.id) >= 0 || !passesCoderFilter(a))
            continue;
        const int row = insertionRow(a);
        beginInsertRows({}, row, row);
        m_rows.insert(row, a);
        endInsertRows();
    }
}

void AnnotationTableModel::onRemoved(const QList<Annotation> &list)
{
    for (const Annotation &a : list) {
        if (a.documentId != m_documentId)
            continue;
        const int row = rowOf(a.id);
        if (row < 0)
            continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
}

void AnnotationTableModel::onChanged(const Annotation &, const Annotation &after)
{
    if (after.documentId != m_documentId)
        return;
    const int row = rowOf(after.id);
    if (row < 0)
        return;
    if (m_rows[row].start == after.start && m_rows[row].end == after.end) {
        m_rows[row] = after;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    onInserted({after});
}

} // namespace newscoder
