#include "coding/CodeDelegate.h"

#include "project/Project.h"

#include <QComboBox>
#include <QPainter>
#include <QPixmap>

namespace newscoder {

CodeDelegate::CodeDelegate(Project &project, QObject *parent) : QStyledItemDelegate(parent), m_project(project) {}

QWidget *CodeDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const
{
    auto *combo = new QComboBox(parent);
    for (const Code &code : m_project.codes()) {
        QPixmap swatch(12, 12);
        swatch.fill(code.color);
        combo->addItem(QIcon(swatch), code.name, code.id);
    }
    return combo;
}

void CodeDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    combo->setCurrentIndex(combo->findData(index.data(Qt::EditRole).toUuid()));
}

void CodeDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    model->setData(index, combo->currentData(), Qt::EditRole);
}

} // namespace newscoder
