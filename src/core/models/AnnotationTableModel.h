#pragma once

#include "model/Annotation.h"
#include "models/CoderFilter.h"

#include <QAbstractTableModel>

namespace newscoder {

class Project;

// The annotations of one article (all coders), ordered by position: code,
// quoted text, coder and memo. Memo and code are editable in place; an edit
// pushes an undoable command. The article view paints from this model too.
class AnnotationTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { CodeColumn, TextColumn, CoderColumn, MemoColumn, ColumnCount };

    explicit AnnotationTableModel(Project &project, QObject *parent = nullptr);

    void setDocument(const QUuid &documentId);
    QUuid documentId() const { return m_documentId; }
    QString text() const { return m_text; }
    // Whose annotations the rows hold (all coders by default).
    void setCoderFilter(const CoderFilter &filter);
    const CoderFilter &coderFilter() const { return m_coderFilter; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    const QList<Annotation> &annotations() const { return m_rows; }
    const Annotation *annotation(int row) const;
    int rowOf(const QUuid &annotationId) const;

Q_SIGNALS:
    void documentReloaded();

private:
    void reload();
    void onInserted(const QList<Annotation> &list);
    void onRemoved(const QList<Annotation> &list);
    void onChanged(const Annotation &before, const Annotation &after);
    int insertionRow(const Annotation &a) const;
    bool passesCoderFilter(const Annotation &a) const;

    Project &m_project;
    QUuid m_documentId;
    QString m_text;
    QList<Annotation> m_rows;
    CoderFilter m_coderFilter;
};

} // namespace newscoder
