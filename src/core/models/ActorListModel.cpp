#include "models/ActorListModel.h"

#include "models/ModelRoles.h"
#include "project/Project.h"
#include "storage/StoreError.h"

namespace newscoder {

ActorListModel::ActorListModel(Project &project, QObject *parent) : QAbstractTableModel(parent), m_project(project)
{
    m_rows = project.actors();
    connect(&project, &Project::actorsChanged, this, &ActorListModel::onActorsChanged);
    connect(&project, &Project::valuesChanged, this, &ActorListModel::onValuesChanged);
}

QString ActorListModel::joinAliases(const QStringList &aliases)
{
    return aliases.join(QStringLiteral("; "));
}

QStringList ActorListModel::splitAliases(const QString &text)
{
    QStringList aliases;
    for (const QString &part : text.split(u';', Qt::SkipEmptyParts)) {
        const QString alias = part.trimmed();
        if (!alias.isEmpty() && !aliases.contains(alias, Qt::CaseInsensitive))
            aliases.append(alias);
    }
    return aliases;
}

void ActorListModel::onActorsChanged()
{
    const QList<Actor> now = m_project.actors();
    bool sameIds = now.size() == m_rows.size();
    for (qsizetype i = 0; sameIds && i < now.size(); ++i)
        sameIds = now[i].id == m_rows[i].id;
    m_countsDirty = true;
    if (!sameIds) {
        beginResetModel();
        m_rows = now;
        endResetModel();
        return;
    }
    m_rows = now;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

void ActorListModel::onValuesChanged()
{
    m_countsDirty = true; // recounted when next shown
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, LinksColumn), index(int(m_rows.size()) - 1, LinksColumn));
}

void ActorListModel::ensureCounts() const
{
    if (!m_countsDirty)
        return;
    m_countsDirty = false;
    try {
        m_links = m_project.reader().valueCountsByActor();
    } catch (const StoreError &) {
        m_links.clear();
    }
}

int ActorListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ActorListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const Actor *ActorListModel::actorAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int ActorListModel::rowOf(const QUuid &actorId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].id == actorId)
            return row;
    }
    return -1;
}

int ActorListModel::linkCount(const QUuid &actorId) const
{
    ensureCounts();
    return m_links.value(actorId);
}

QVariant ActorListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Actor &a = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case NameColumn:
            return a.name;
        case AliasesColumn:
            return joinAliases(a.aliases);
        case RoleColumn:
            return a.role;
        case AffiliationColumn:
            return a.affiliation;
        case CountryColumn:
            return a.country;
        case LinksColumn:
            return linkCount(a.id);
        }
        break;
    case SortRole:
        if (index.column() == LinksColumn)
            return linkCount(a.id);
        return data(index, Qt::DisplayRole).toString().toLower();
    case Qt::ToolTipRole: {
        QString tip = a.name;
        if (!a.aliases.isEmpty())
            tip += u'\n' + tr("Also: %1").arg(joinAliases(a.aliases));
        if (!a.role.isEmpty() || !a.affiliation.isEmpty())
            tip += u'\n' + QStringList{a.role, a.affiliation}.join(QStringLiteral(", "));
        for (const MetadataEntry &e : a.custom)
            tip += QStringLiteral("\n%1: %2").arg(e.first, e.second);
        if (!a.memo.isEmpty())
            tip += u'\n' + a.memo;
        return tip;
    }
    case Qt::TextAlignmentRole:
        if (index.column() == LinksColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case IdRole:
        return a.id;
    }
    return {};
}

QVariant ActorListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case AliasesColumn:
        return tr("Aliases");
    case RoleColumn:
        return tr("Role");
    case AffiliationColumn:
        return tr("Affiliation");
    case CountryColumn:
        return tr("Country");
    case LinksColumn:
        return tr("Links");
    }
    return {};
}

Qt::ItemFlags ActorListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() != LinksColumn && !m_project.isReadOnly())
        f |= Qt::ItemIsEditable;
    return f;
}

bool ActorListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    Actor a = m_rows[index.row()];
    const QString text = value.toString().trimmed();
    switch (index.column()) {
    case NameColumn:
        if (text.isEmpty())
            return false;
        a.name = text;
        break;
    case AliasesColumn:
        a.aliases = splitAliases(text);
        break;
    case RoleColumn:
        a.role = text;
        break;
    case AffiliationColumn:
        a.affiliation = text;
        break;
    case CountryColumn:
        a.country = text;
        break;
    default:
        return false;
    }
    return m_project.updateActor(a); // actorsChanged refreshes the row
}

} // namespace newscoder
