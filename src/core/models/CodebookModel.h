#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QUuid>

namespace newscoder {

class Project;

// The codebook as a table: name (with its colour), keyboard shortcut and how
// often the code was used. Name, colour and shortcut are editable; an edit
// pushes an undoable command.
class CodebookModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, ShortcutColumn, CountColumn, ColumnCount };

    explicit CodebookModel(Project &project, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    QUuid codeId(int row) const;
    int rowOf(const QUuid &codeId) const;

private:
    void reloadCounts();
    void adjust(const QUuid &codeId, int delta);

    Project &m_project;
    QHash<QUuid, int> m_counts;
};

} // namespace newscoder
