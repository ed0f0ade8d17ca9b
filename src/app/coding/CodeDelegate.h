#pragma once

#include <QStyledItemDelegate>

namespace newscoder {

class Project;

// Edits an annotation's code with a combo box of the codebook.
class CodeDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit CodeDelegate(Project &project, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

private:
    Project &m_project;
};

} // namespace newscoder
