#pragma once

#include "model/Actor.h"

#include <QAbstractTableModel>
#include <QHash>

namespace newscoder {

class Project;

// The project's actor registry: name, aliases, role, affiliation, country and
// how often each actor is linked. Editing a cell calls Project::updateActor
// (one undoable step); the model follows actorsChanged / valuesChanged.
class ActorListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, AliasesColumn, RoleColumn, AffiliationColumn, CountryColumn, LinksColumn, ColumnCount };

    explicit ActorListModel(Project &project, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    const Actor *actorAt(int row) const;
    int rowOf(const QUuid &actorId) const;
    int linkCount(const QUuid &actorId) const;

    // Aliases as shown and edited in one cell: separated by "; ".
    static QString joinAliases(const QStringList &aliases);
    static QStringList splitAliases(const QString &text);

private:
    void onActorsChanged();
    void onValuesChanged();
    void ensureCounts() const;

    Project &m_project;
    QList<Actor> m_rows;
    mutable QHash<QUuid, int> m_links;
    mutable bool m_countsDirty = true;
};

} // namespace newscoder
