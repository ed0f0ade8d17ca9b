#pragma once

#include "dedup/ArticleCopies.h"

#include <QUuid>
#include <QWidget>

class QLabel;
class QTreeWidget;

namespace newscoder {

// "Copies of this article": the current article's near-duplicates and linked
// copies (outlet, date, similarity, title), most similar first. Double-click
// (or Enter) opens a copy. Hidden while the current article has none.
class ArticleCopiesPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit ArticleCopiesPanel(QWidget *parent = nullptr);

    void setCopies(const dedup::ArticleCopyMap &copies);
    void setCurrentArticle(const QUuid &documentId);
    QTreeWidget *list() const { return m_list; }

Q_SIGNALS:
    void openArticle(const QUuid &documentId);

private:
    void fill();

    dedup::ArticleCopyMap m_copies;
    QUuid m_current;
    QLabel *m_title;
    QTreeWidget *m_list;
};

} // namespace newscoder
