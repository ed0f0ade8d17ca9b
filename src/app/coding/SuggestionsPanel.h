#pragma once

#include <QGroupBox>
#include <QUuid>

class QComboBox;
class QLabel;
class QPushButton;
class QTimer;
class QTreeWidget;

namespace newscoder {

class AnnotationTableModel;
class BackgroundTask;
struct SuggestionRow;
class Project;

// The auto-coded suggestions of the current article or of the whole corpus,
// to accept or reject one by one or all. The corpus listing is read on a
// worker thread with its own read-only connection.
class SuggestionsPanel final : public QGroupBox
{
    Q_OBJECT

public:
    enum Scope { ArticleSuggestions, CorpusSuggestions };

    explicit SuggestionsPanel(QWidget *parent = nullptr);

    // The open project and the current article's annotations (both null: none).
    void setProject(Project *project, AnnotationTableModel *currentArticle);
    void setScope(Scope scope);
    void acceptSelected(bool accept);
    // Accepts or rejects every suggestion listed (the article's or the corpus').
    void acceptAll(bool accept);
    // Lists again now (changes are otherwise coalesced for 150 ms).
    void refresh();

    QTreeWidget *list() const { return m_list; }
    QLabel *summary() const { return m_summary; }

Q_SIGNALS:
    void openRequested(const QUuid &documentId, int start, int end);
    void refreshed();

private:
    void scheduleRefresh();
    void showListing(const QList<SuggestionRow> &rows, const QString &error);
    void updateButtons();

    Project *m_project = nullptr;
    AnnotationTableModel *m_article = nullptr;
    QTimer *m_timer = nullptr;
    BackgroundTask *m_listing; // the corpus listing on a worker; a newer one wins

    QComboBox *m_scope = nullptr;
    QTreeWidget *m_list = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_accept = nullptr;
    QPushButton *m_reject = nullptr;
    QPushButton *m_acceptAll = nullptr;
    QPushButton *m_rejectAll = nullptr;
};

} // namespace newscoder
