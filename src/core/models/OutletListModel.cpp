#include "models/OutletListModel.h"

#include "models/ModelRoles.h"
#include "project/Project.h"
#include "storage/StoreError.h"

#include <QRegularExpression>

namespace newscoder {

OutletListModel::OutletListModel(Project &project, QObject *parent) : QAbstractTableModel(parent), m_project(project)
{
    connect(&project, &Project::outletsChanged, this, &OutletListModel::onOutletsChanged);
    connect(&project, &Project::codesChanged, this, &OutletListModel::reload);
    connect(&project, &Project::valuesChanged, this,
            [this](StoredValue::Owner owner, const QList<QUuid> &ids) { onValuesChanged(int(owner), ids); });
    const auto countsChanged = [this] {
        m_countsDirty = true; // recounted when next shown
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, ArticlesColumn), index(int(m_rows.size()) - 1, ArticlesColumn));
    };
    connect(&project, &Project::documentsInserted, this, countsChanged);
    connect(&project, &Project::documentsRemoved, this, countsChanged);
    connect(&project, &Project::documentChanged, this, countsChanged);
    reload();
}

QStringList OutletListModel::splitDomains(const QString &text)
{
    QStringList domains;
    for (const QString &part : text.split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts)) {
        const QString d = part.trimmed().toLower();
        if (!d.isEmpty() && !domains.contains(d))
            domains.append(d);
    }
    return domains;
}

void OutletListModel::reload()
{
    beginResetModel();
    m_rows = m_project.outlets();
    m_fields.clear();
    for (const Code &c : m_project.codes()) {
        if (c.unit == CodeUnit::Outlet)
            m_fields.append(c.fields);
    }
    m_values.clear();
    for (const Outlet &o : std::as_const(m_rows))
        loadValues(o.id);
    m_countsDirty = true;
    endResetModel();
}

void OutletListModel::loadValues(const QUuid &outletId)
{
    try {
        m_values.insert(outletId, m_project.reader().outletValues(outletId));
    } catch (const StoreError &) {
        m_values.remove(outletId);
    }
}

void OutletListModel::onOutletsChanged()
{
    const QList<Outlet> now = m_project.outlets();
    bool sameIds = now.size() == m_rows.size();
    for (qsizetype i = 0; sameIds && i < now.size(); ++i)
        sameIds = now[i].id == m_rows[i].id;
    if (!sameIds) {
        reload();
        return;
    }
    m_rows = now;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, columnCount() - 1));
}

void OutletListModel::onValuesChanged(int owner, const QList<QUuid> &ids)
{
    if (StoredValue::Owner(owner) != StoredValue::Owner::Outlet)
        return;
    for (const QUuid &id : ids) {
        const int row = rowOf(id);
        if (row < 0)
            continue;
        loadValues(id);
        Q_EMIT dataChanged(index(row, FirstFieldColumn), index(row, columnCount() - 1));
    }
}

void OutletListModel::ensureCounts() const
{
    if (!m_countsDirty)
        return;
    m_countsDirty = false;
    try {
        m_articles = m_project.reader().documentCountsByOutlet();
    } catch (const StoreError &) {
        m_articles.clear();
    }
}

int OutletListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OutletListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FirstFieldColumn + int(m_fields.size());
}

const Outlet *OutletListModel::outletAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int OutletListModel::rowOf(const QUuid &outletId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].id == outletId)
            return row;
    }
    return -1;
}

const CodeField *OutletListModel::fieldAt(int column) const
{
    const int i = column - FirstFieldColumn;
    return i >= 0 && i < m_fields.size() ? &m_fields[i] : nullptr;
}

int OutletListModel::columnOf(const QUuid &fieldId) const
{
    for (int i = 0; i < m_fields.size(); ++i) {
        if (m_fields[i].id == fieldId)
            return FirstFieldColumn + i;
    }
    return -1;
}

int OutletListModel::articleCount(const QUuid &outletId) const
{
    ensureCounts();
    return m_articles.value(outletId);
}

QString OutletListModel::valueText(const CodeField &field, const QList<FieldValue> &values) const
{
    QStringList parts;
    for (const FieldValue &v : values) {
        if (v.fieldId != field.id)
            continue;
        if (field.kind == FieldKind::ActorLink) {
            const auto a = m_project.actor(v.actorId);
            parts.append(a ? a->name : tr("(unknown actor)"));
        } else {
            parts.append(field.labelFor(v.text));
        }
    }
    return parts.join(QStringLiteral(", "));
}

QVariant OutletListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Outlet &o = m_rows[index.row()];
    const CodeField *field = fieldAt(index.column());
    switch (role) {
    case Qt::DisplayRole:
        if (field)
            return valueText(*field, m_values.value(o.id));
        Q_FALLTHROUGH();
    case Qt::EditRole:
        switch (index.column()) {
        case NameColumn:
            return o.name;
        case DomainsColumn:
            return o.domains.join(QStringLiteral(", "));
        case CountryColumn:
            return o.country;
        case ArticlesColumn:
            return articleCount(o.id);
        }
        if (field) { // edit the stored values (multiple choice: comma-separated)
            QStringList raw;
            for (const FieldValue &v : m_values.value(o.id)) {
                if (v.fieldId == field->id)
                    raw.append(field->kind == FieldKind::ActorLink ? m_project.actor(v.actorId).value_or(Actor{}).name
                                                                   : v.text);
            }
            return raw.join(QStringLiteral(", "));
        }
        break;
    case SortRole:
        if (index.column() == ArticlesColumn)
            return articleCount(o.id);
        if (field && (field->kind == FieldKind::Ordinal || field->kind == FieldKind::Number)) {
            bool ok = false;
            const double v = data(index, Qt::EditRole).toString().toDouble(&ok);
            return ok ? QVariant(v) : QVariant();
        }
        return data(index, Qt::DisplayRole).toString().toLower();
    case Qt::ToolTipRole:
        if (field)
            return field->description.isEmpty() ? field->name : field->name + u'\n' + field->description;
        return o.memo.isEmpty() ? o.name : o.name + u'\n' + o.memo;
    case Qt::TextAlignmentRole:
        if (index.column() == ArticlesColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case IdRole:
        return o.id;
    }
    return {};
}

QVariant OutletListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    if (const CodeField *field = fieldAt(section))
        return role == Qt::ToolTipRole && !field->description.isEmpty() ? field->description : field->name;
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Outlet");
    case DomainsColumn:
        return tr("Domains");
    case CountryColumn:
        return tr("Country");
    case ArticlesColumn:
        return tr("Articles");
    }
    return {};
}

Qt::ItemFlags OutletListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() != ArticlesColumn && !m_project.isReadOnly())
        f |= Qt::ItemIsEditable;
    return f;
}

bool OutletListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    Outlet o = m_rows[index.row()];
    const QString text = value.toString().trimmed();
    if (const CodeField *field = fieldAt(index.column())) {
        // ValueInput's rules; a value that is none, or an actor name the
        // registry does not have, is refused with a message (errorOccurred).
        const auto values = m_project.parseValues(*field, text);
        return values && m_project.setOutletValues(o.id, field->id, *values);
    }
    switch (index.column()) {
    case NameColumn:
        if (text.isEmpty())
            return false;
        o.name = text;
        break;
    case DomainsColumn:
        o.domains = splitDomains(text);
        break;
    case CountryColumn:
        o.country = text;
        break;
    default:
        return false;
    }
    return m_project.updateOutlet(o);
}

} // namespace newscoder
