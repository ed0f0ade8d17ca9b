#pragma once

#include "model/CodeField.h"
#include "model/Outlet.h"

#include <QAbstractTableModel>
#include <QHash>

namespace newscoder {

class Project;

// The project's outlet registry: name, domains, country, number of articles
// and one column per outlet-variable field (Ownership, Political lean, …)
// showing the value's label. Editing calls Project::updateOutlet or
// Project::setOutletValues (each one undoable step); the model follows
// outletsChanged, valuesChanged, codesChanged and article changes.
class OutletListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, DomainsColumn, CountryColumn, ArticlesColumn, FirstFieldColumn };

    explicit OutletListModel(Project &project, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    const Outlet *outletAt(int row) const;
    int rowOf(const QUuid &outletId) const;
    // The outlet-variable field shown in `column` (nullptr for the fixed columns).
    const CodeField *fieldAt(int column) const;
    int columnOf(const QUuid &fieldId) const;
    int articleCount(const QUuid &outletId) const;
    // The display text of values of `field` (labels; actor names; joined by ", ").
    QString valueText(const CodeField &field, const QList<FieldValue> &values) const;

    static QStringList splitDomains(const QString &text);

private:
    void reload();
    void onOutletsChanged();
    void onValuesChanged(int owner, const QList<QUuid> &ids);
    void loadValues(const QUuid &outletId);
    void ensureCounts() const;

    Project &m_project;
    QList<Outlet> m_rows;
    QList<CodeField> m_fields;
    QHash<QUuid, QList<FieldValue>> m_values; // by outlet
    mutable QHash<QUuid, int> m_articles;
    mutable bool m_countsDirty = true;
};

} // namespace newscoder
