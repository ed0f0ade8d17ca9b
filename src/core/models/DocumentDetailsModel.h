#pragma once

#include "model/Document.h"

#include <QAbstractTableModel>

namespace newscoder {

class Project;

// The current article's details as field/value rows: title, outlet, date,
// URL, author, then its free-form metadata. Values are editable; an edit
// pushes an undoable command. Length and import source are shown read-only.
class DocumentDetailsModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { FieldColumn, ValueColumn, ColumnCount };
    enum FixedRow { TitleRow, OutletRow, DateRow, UrlRow, AuthorRow, MemoRow, LengthRow, SourceRow, FixedRowCount };

    explicit DocumentDetailsModel(Project &project, QObject *parent = nullptr);

    void setDocument(const QUuid &documentId);
    QUuid documentId() const { return m_document.id; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

private:
    void reload();

    Project &m_project;
    Document m_document; // without its text
    int m_length = 0;
};

} // namespace newscoder
