#pragma once

#include <QDockWidget>
#include <QUuid>

class QCheckBox;
class QLineEdit;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace newscoder {

class ArticleListColumns;
class DocumentListModel;

// The project's articles, filterable by title or outlet (and to those with
// required values missing), sortable by column.
class DocumentListDock final : public QDockWidget
{
    Q_OBJECT

public:
    explicit DocumentListDock(QWidget *parent = nullptr);

    void setModel(DocumentListModel *model);
    void selectDocument(const QUuid &documentId);
    QUuid currentDocument() const;
    QList<QUuid> selectedDocuments() const;
    QLineEdit *filterEdit() const { return m_filter; }
    // Shows only articles with required values missing for the current coder.
    QCheckBox *incompleteOnly() const { return m_incompleteOnly; }
    QTableView *view() const { return m_view; }

Q_SIGNALS:
    void currentDocumentChanged(const QUuid &documentId);

private:
    void updateCount();

    DocumentListModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_filter = nullptr;
    QCheckBox *m_incompleteOnly = nullptr;
    QLabel *m_count = nullptr;
    QTableView *m_view = nullptr;
    ArticleListColumns *m_columns = nullptr;
};

} // namespace newscoder
