#pragma once

#include <QDockWidget>
#include <QUuid>

class QAction;
class QCheckBox;
class QComboBox;
class QLineEdit;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace newscoder {

class ArticleAgreementLoader;
class ArticleCopiesLoader;
class ArticleCopiesPanel;
class ArticleListColumns;
class DocumentListModel;

// The project's articles, filterable by title or outlet (and to those with
// required values missing), sortable by column. In a study with several
// coders: All articles or My articles (the current coder's assignments) with
// their progress, Mark Done / Not Done (Ctrl+D, Ctrl+Shift+D, context menu)
// as undoable study changes, and each article's agreement between its coders,
// computed off the UI thread. Articles with near-duplicate or linked copies
// carry a badge, and the current article's copies are listed under the list.
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

    enum Scope { AllArticles, MyArticles };
    void setScope(Scope scope);
    Scope scope() const;
    QComboBox *scopeBox() const { return m_scope; }
    QLabel *progressLabel() const { return m_progress; }
    QAction *markDoneAction() const { return m_markDone; }
    QAction *markNotDoneAction() const { return m_markNotDone; }
    ArticleAgreementLoader *agreementLoader() const { return m_agreement; }
    // Every article's copies (off the UI thread) and the current article's in a panel under the list.
    ArticleCopiesLoader *copiesLoader() const { return m_copies; }
    ArticleCopiesPanel *copiesPanel() const { return m_copiesPanel; }
    // Marks the selected articles assigned to the current coder done (or not
    // done): one undoable step. Returns false (with a status message) when none
    // of them is assigned to the coder or the project cannot be changed.
    bool markSelected(bool done);

Q_SIGNALS:
    void currentDocumentChanged(const QUuid &documentId);
    void statusMessage(const QString &message);

private:
    void updateCount();
    void updateStudy(); // scope, progress, study columns and actions follow the model
    void updateActions();

    DocumentListModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_filter = nullptr;
    QCheckBox *m_incompleteOnly = nullptr;
    QLabel *m_count = nullptr;
    QComboBox *m_scope = nullptr;
    QLabel *m_progress = nullptr;
    QAction *m_markDone = nullptr;
    QAction *m_markNotDone = nullptr;
    ArticleAgreementLoader *m_agreement = nullptr;
    ArticleCopiesLoader *m_copies = nullptr;
    ArticleCopiesPanel *m_copiesPanel = nullptr;
    QTableView *m_view = nullptr;
    ArticleListColumns *m_columns = nullptr;
};

} // namespace newscoder
