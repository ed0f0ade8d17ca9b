#include "articles/ArticleCopiesPanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace newscoder {

ArticleCopiesPanel::ArticleCopiesPanel(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_list(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("articleCopiesPanel"));
    m_list->setObjectName(QStringLiteral("articleCopiesList"));
    m_list->setHeaderLabels({tr("Outlet"), tr("Date"), tr("Similarity"), tr("Title")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setStretchLastSection(true);
    m_list->setToolTip(tr("Double-click a copy to open it."));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_list);
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (item)
            Q_EMIT openArticle(item->data(0, Qt::UserRole).toUuid());
    });
    hide();
}

void ArticleCopiesPanel::setCopies(const dedup::ArticleCopyMap &copies)
{
    m_copies = copies;
    fill();
}

void ArticleCopiesPanel::setCurrentArticle(const QUuid &documentId)
{
    m_current = documentId;
    fill();
}

void ArticleCopiesPanel::fill()
{
    m_list->clear();
    const QList<dedup::ArticleCopy> copies = m_copies.value(m_current);
    setVisible(!copies.isEmpty());
    if (copies.isEmpty())
        return;
    m_title->setText(tr("Copies of this article (%n)", nullptr, int(copies.size())));
    const QLocale locale;
    for (const dedup::ArticleCopy &c : copies) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, c.outlet.isEmpty() ? tr("(no outlet)") : c.outlet);
        item->setText(1, c.date.isValid() ? c.date.toString(Qt::ISODate) : QString()); // as the list shows dates
        QString similarity = c.exact ? tr("identical") : locale.toString(c.similarity * 100.0, 'f', 0) + u'%';
        if (c.linked)
            similarity += tr(", linked");
        item->setText(2, similarity);
        item->setText(3, c.title);
        item->setData(0, Qt::UserRole, c.id);
        item->setToolTip(3, c.linked ? tr("%1\nRecorded as a copy when it was imported.").arg(c.title) : c.title);
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
    }
    for (int column = 0; column < 3; ++column)
        m_list->resizeColumnToContents(column);
}

} // namespace newscoder
