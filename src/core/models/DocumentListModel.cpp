#include "models/DocumentListModel.h"

#include "models/ModelRoles.h"
#include "project/Project.h"
#include "storage/ProjectReader.h"
#include "storage/StoreError.h"
#include "study/BlindCoding.h"

#include <QColor>

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
        refreshMissing(docs, false); // adjustCounts announces both columns
        adjustCounts(list, +1);
    });
    connect(&project, &Project::annotationsRemoved, this, [this](const QList<Annotation> &list) {
        QList<QUuid> docs;
        for (const Annotation &a : list)
            docs.append(a.documentId);
        refreshMissing(docs, false);
        adjustCounts(list, -1);
    });
    connect(&project, &Project::annotationChanged, this,
            [this](const Annotation &, const Annotation &after) { refreshMissing({after.documentId}); });
    connect(&project, &Project::valuesChanged, this,
            [this](StoredValue::Owner owner, const QList<QUuid> &ids) {
                switch (owner) {
                case StoredValue::Owner::Annotation:
                    refreshMissingForAnnotations(ids);
                    break;
                case StoredValue::Owner::Document:
                    refreshMissing(ids);
                    break;
                case StoredValue::Owner::Outlet:
                    refreshMissing();
                    break;
                }
            });
    connect(&project, &Project::codesChanged, this, [this] { refreshMissing(); });
    connect(&project, &Project::outletsChanged, this, [this] {
        refreshMissing();
        if (!m_rows.isEmpty()) // outlet names may have changed
            Q_EMIT dataChanged(index(0, OutletColumn), index(int(m_rows.size()) - 1, OutletColumn), {Qt::DisplayRole});
    });
    connect(&project, &Project::studyChanged, this, [this] { reloadStudy(true); });
    connect(&project, &Project::coderNameChanged, this, [this] {
        reloadStudy(true);
        refreshMissing();
        if (m_coderFilter.kind == CoderFilter::Kind::CurrentCoder) {
            reloadCoderCounts();
            if (!m_rows.isEmpty())
                Q_EMIT dataChanged(index(0, AnnotationsColumn), index(int(m_rows.size()) - 1, AnnotationsColumn));
        }
    });
    reload();
}

void DocumentListModel::setCoderFilter(const CoderFilter &filter)
{
    if (filter == m_coderFilter)
        return;
    m_coderFilter = filter;
    reloadCoderCounts();
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, AnnotationsColumn), index(int(m_rows.size()) - 1, AnnotationsColumn));
}

void DocumentListModel::reloadCoderCounts()
{
    m_coderCounts.clear();
    if (m_coderFilter.isAll())
        return;
    const QString coder = m_coderFilter.effectiveCoder(m_project.coderName());
    try {
        if (const auto found = m_project.reader().coderByName(coder))
            m_coderCounts = m_project.reader().annotationCountsByDocumentOfCoder(found->id);
    } catch (const StoreError &e) {
        Q_EMIT m_project.errorOccurred(e.message());
    }
}

int DocumentListModel::shownAnnotationCount(const QUuid &documentId) const
{
    if (m_coderFilter.isAll()) {
        const DocumentSummary *s = summary(documentId);
        return s ? s->annotationCount : 0;
    }
    return m_coderCounts.value(documentId);
}

QString DocumentListModel::outletName(const DocumentSummary &s) const
{
    // The scraped text names the registry outlet (empty, or its domain as imported): show the registry's name.
    if (!s.outletId.isNull()) {
        if (const auto outlet = m_project.outlet(s.outletId);
            outlet && (s.outlet.isEmpty() || outlet->domains.contains(s.outlet, Qt::CaseInsensitive)))
            return outlet->name;
    }
    return s.outlet;
}

void DocumentListModel::reload()
{
    beginResetModel();
    try {
        m_rows = m_project.reader().documentSummaries();
    } catch (const StoreError &e) {
        m_rows.clear();
        Q_EMIT m_project.errorOccurred(e.message());
    }
    m_missing = m_project.missingRequiredCounts();
    reloadCoderCounts();
    reloadStudy(false);
    rebuildIndex();
    endResetModel();
    Q_EMIT studyViewChanged();
}

void DocumentListModel::reloadStudy(bool notify)
{
    QHash<QUuid, bool> assigned;
    try {
        if (const auto coder = m_project.reader().coderByName(m_project.coderName())) {
            for (const Assignment &a : m_project.reader().assignments(coder->id)) // one query
                assigned.insert(a.documentId, a.done.isValid());
        }
    } catch (const StoreError &e) {
        Q_EMIT m_project.errorOccurred(e.message());
    }
    const bool hides = study::hidesOtherCoders(m_project);
    if (assigned == m_assigned && hides == m_hidesOthers)
        return;
    m_assigned = std::move(assigned);
    m_hidesOthers = hides;
    if (notify && !m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, DoneColumn), index(int(m_rows.size()) - 1, AgreementColumn));
    if (notify)
        Q_EMIT studyViewChanged();
}

void DocumentListModel::updateAgreements(const QList<QUuid> &documentIds,
                                         const QHash<QUuid, study::ArticleAgreement> &agreements)
{
    const bool hadAny = !m_agreements.isEmpty();
    for (const QUuid &id : documentIds) {
        if (const auto it = agreements.constFind(id); it != agreements.cend())
            m_agreements.insert(id, *it);
        else
            m_agreements.remove(id);
        const QModelIndex cell = indexOf(id, AgreementColumn);
        if (cell.isValid())
            Q_EMIT dataChanged(cell, cell);
    }
    if (hadAny != !m_agreements.isEmpty())
        Q_EMIT studyViewChanged(); // the column appears or goes
}

study::MyProgress DocumentListModel::myProgress() const
{
    study::MyProgress progress;
    for (auto it = m_assigned.cbegin(); it != m_assigned.cend(); ++it) {
        if (!m_rowOf.contains(it.key()))
            continue;
        ++progress.assigned;
        progress.done += it.value() ? 1 : 0;
        progress.withMissing += m_missing.value(it.key()) > 0 ? 1 : 0;
    }
    return progress;
}

void DocumentListModel::setAgreements(const QHash<QUuid, study::ArticleAgreement> &agreements)
{
    m_agreements = agreements;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, AgreementColumn), index(int(m_rows.size()) - 1, AgreementColumn));
    Q_EMIT studyViewChanged();
}

void DocumentListModel::refreshMissing(const QList<QUuid> &documentIds, bool notify)
{
    if (m_rows.isEmpty())
        return;
    QList<QUuid> ids;
    for (const QUuid &id : documentIds) {
        if (m_rowOf.contains(id) && !ids.contains(id))
            ids.append(id);
    }
    if (!documentIds.isEmpty() && ids.isEmpty())
        return;
    const QHash<QUuid, int> counts = m_project.missingRequiredCounts(ids);
    if (ids.isEmpty()) { // everything
        if (counts == m_missing)
            return;
        m_missing = counts;
        if (notify)
            Q_EMIT dataChanged(index(0, MissingColumn), index(int(m_rows.size()) - 1, MissingColumn));
        return;
    }
    for (const QUuid &id : std::as_const(ids)) {
        const int now = counts.value(id);
        if (now == m_missing.value(id))
            continue;
        if (now > 0)
            m_missing.insert(id, now);
        else
            m_missing.remove(id);
        const QModelIndex cell = index(m_rowOf.value(id), MissingColumn);
        if (notify)
            Q_EMIT dataChanged(cell, cell);
    }
}

void DocumentListModel::refreshMissingForAnnotations(const QList<QUuid> &annotationIds)
{
    if (annotationIds.size() > 20) {
        refreshMissing();
        return;
    }
    QList<QUuid> docs;
    try {
        for (const QUuid &id : annotationIds) {
            if (const auto a = m_project.reader().annotation(id))
                docs.append(a->documentId);
        }
    } catch (const StoreError &) {
        refreshMissing();
        return;
    }
    if (!docs.isEmpty())
        refreshMissing(docs);
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
            // The registry outlet the article belongs to (renaming it renames it here); else the scraped text.
            return role == Qt::DisplayRole ? outletName(s) : s.outlet;
        case DateColumn:
            return s.date.isValid() ? s.date.toString(Qt::ISODate) : QString();
        case AnnotationsColumn:
            return shownAnnotationCount(s.id);
        case MissingColumn: {
            const int missing = m_missing.value(s.id);
            return missing > 0 ? QVariant(missing) : QVariant(QString());
        }
        case DoneColumn:
            return isDone(s.id) ? QStringLiteral("✓") : QString();
        case AgreementColumn: {
            const auto it = m_agreements.constFind(s.id);
            if (m_hidesOthers || it == m_agreements.cend())
                return QString();
            return QStringLiteral("%1 %").arg(qRound(it->share() * 100));
        }
        }
        break;
    case SortRole:
        switch (index.column()) {
        case DateColumn:
            return s.date;
        case AnnotationsColumn:
            return shownAnnotationCount(s.id);
        case MissingColumn:
            return m_missing.value(s.id);
        case DoneColumn: // done, then still to do, then not mine
            return isAssigned(s.id) ? (isDone(s.id) ? 2 : 1) : 0;
        case AgreementColumn: {
            const auto it = m_agreements.constFind(s.id);
            return m_hidesOthers || it == m_agreements.cend() ? -1.0 : it->share();
        }
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    case Qt::ToolTipRole:
        if (index.column() == MissingColumn) {
            const int missing = m_missing.value(s.id);
            if (missing <= 0)
                return tr("No required value missing");
            return missing == 1 ? tr("1 required value missing") : tr("%1 required values missing").arg(missing);
        }
        if (index.column() == DoneColumn) {
            if (!isAssigned(s.id))
                return tr("Not assigned to you");
            return isDone(s.id) ? tr("Assigned to you and marked done") : tr("Assigned to you; not marked done yet");
        }
        if (index.column() == AgreementColumn)
            return agreementToolTip(s.id);
        // The full title (the column elides it) and the outlet (a narrow list hides its column).
        {
            const QString outlet = outletName(s);
            const int count = shownAnnotationCount(s.id);
            return QStringLiteral("%1\n%2 · %3\n%4, %5")
                .arg(s.title, outlet.isEmpty() ? tr("unknown outlet") : outlet,
                     s.date.isValid() ? s.date.toString(Qt::ISODate) : tr("no date"),
                     s.length == 1 ? tr("1 character") : tr("%1 characters").arg(s.length),
                     count == 1 ? tr("1 annotation") : tr("%1 annotations").arg(count));
        }
    case Qt::TextAlignmentRole:
        if (index.column() == AnnotationsColumn || index.column() == MissingColumn || index.column() == AgreementColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ForegroundRole:
        if (index.column() == MissingColumn && m_missing.value(s.id) > 0)
            return QColor(0xb0, 0x30, 0x20);
        if (index.column() == DoneColumn)
            return QColor(0x2a, 0x7a, 0x3a);
        break;
    case IdRole:
        return s.id;
    }
    return {};
}

QString DocumentListModel::agreementToolTip(const QUuid &documentId) const
{
    if (m_hidesOthers)
        return tr("Blind coding is on: other coders' work is hidden");
    const auto it = m_agreements.constFind(documentId);
    if (it == m_agreements.cend())
        return tr("Fewer than two coders worked on this article");
    const int spans = it->spans;
    QString text = tr("Agreement %1 % between %2 coders: %3 of %4 coded spans found a partner of the other coder "
                      "with the same code and overlapping text (%5 pairs, %6 with the same boundaries).")
                       .arg(qRound(it->share() * 100))
                       .arg(it->coders)
                       .arg(2 * it->paired)
                       .arg(spans)
                       .arg(it->paired)
                       .arg(it->exact);
    if (it->coders > 2)
        text += u' ' + tr("Summed over every pair of coders.");
    if (spans == 0)
        text = tr("Agreement 100 %: none of the %1 coders coded anything here.").arg(it->coders);
    return text + u'\n'
        + tr("Spans are paired as in Review Coders (same code, greatest overlap) without comparing field values; "
             "suggestions and the consensus do not count. A coder who marked the article done counts even "
             "without a span.");
}

QVariant DocumentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole) {
        if (section == DoneColumn)
            return tr("✓: an article assigned to you that you marked done");
        if (section == AgreementColumn)
            return tr("Agreement between the article's coders: the share of coded spans paired with another "
                      "coder's span of the same code over overlapping text (blank: fewer than two coders)");
        return {};
    }
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
    case MissingColumn:
        return tr("Missing");
    case DoneColumn:
        return QStringLiteral("✓"); // narrow: the list is narrow too (the tooltip says "done")
    case AgreementColumn:
        return tr("Agree");
    }
    return {};
}

Qt::ItemFlags DocumentListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() < AnnotationsColumn && !m_project.isReadOnly())
        f |= Qt::ItemIsEditable;
    return f;
}

bool DocumentListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    std::optional<Document> doc;
    try {
        doc = m_project.reader().document(m_rows[index.row()].id);
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
            if (auto s = m_project.reader().documentSummary(id))
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
    for (const QUuid &id : ids)
        m_missing.remove(id);
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
        if (auto s = m_project.reader().documentSummary(id))
            m_rows[*it] = *s;
    } catch (const StoreError &e) {
        Q_EMIT m_project.errorOccurred(e.message());
        return;
    }
    Q_EMIT dataChanged(index(*it, 0), index(*it, ColumnCount - 1));
    refreshMissing({id}); // its outlet may have changed (inherited values)
}

void DocumentListModel::adjustCounts(const QList<Annotation> &annotations, int delta)
{
    QHash<int, int> touched;
    const QString current = m_project.coderName();
    for (const Annotation &a : annotations) {
        if (const auto it = m_rowOf.constFind(a.documentId); it != m_rowOf.cend()) {
            m_rows[*it].annotationCount += delta;
            if (!m_coderFilter.isAll() && m_coderFilter.accepts(m_project.coderNameFor(a.coderId), current))
                m_coderCounts[a.documentId] += delta;
            touched.insert(*it, 0);
        }
    }
    for (auto it = touched.cbegin(); it != touched.cend(); ++it)
        Q_EMIT dataChanged(index(it.key(), AnnotationsColumn), index(it.key(), MissingColumn));
}

} // namespace newscoder
