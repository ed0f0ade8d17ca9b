#pragma once

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QUuid>

namespace newscoder {

class Project;

// The codebook as a tree (sub-codes under their parent, siblings in order):
// name (with its colour), key, annotation count and unit. Name, colour and
// key are editable; dragging codes (mime type CodeIdsMimeType: their ids, one
// per line) reorders or re-parents them through Project::moveCode. Every
// edit is an undoable step. The model resets when the codebook changes.
class CodebookTreeModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, KeyColumn, CountColumn, UnitColumn, ColumnCount };
    static inline const QString CodeIdsMimeType = QStringLiteral("application/x-newscoder-code-ids");

    explicit CodebookTreeModel(Project &project, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

    QUuid codeId(const QModelIndex &index) const;
    QModelIndex indexOf(const QUuid &codeId, int column = NameColumn) const;
    int annotationCount(const QUuid &codeId) const { return m_counts.value(codeId); }
    // Annotations of the code and all its sub-codes.
    int annotationCountWithSubcodes(const QUuid &codeId) const;

private:
    void rebuild();
    void reloadCounts();
    void adjust(const QUuid &codeId, int delta);
    QList<QUuid> idsOf(const QMimeData *data) const;

    Project &m_project;
    QList<QUuid> m_ids;                     // tree order; an index's internalId is its place here
    QHash<QUuid, qsizetype> m_slot;         // id -> place in m_ids
    QHash<QUuid, QList<QUuid>> m_children;  // parent (null: top) -> children in order
    QHash<QUuid, QUuid> m_parent;
    QHash<QUuid, int> m_counts;
};

} // namespace newscoder
