#pragma once

#include <QDockWidget>
#include <QUuid>

#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTextEdit;
class QTreeWidget;

namespace newscoder {

class AnnotationTableModel;
class BackgroundTask;
class SuggestionsPanel;
class Project;
struct SearchOptions;

// Find in the current article, the whole corpus or the memos; code the hits
// (or their sentences) as suggestions in one undo step; review suggestions
// (accept / reject, one by one or all). Corpus-wide work runs on a worker
// thread with its own read-only connection, with progress and cancel.
class SearchDock final : public QDockWidget
{
    Q_OBJECT

public:
    enum Scope { CurrentArticle, Corpus, Memos };
    enum SuggestionScope { ArticleSuggestions, CorpusSuggestions };

    explicit SearchDock(QWidget *parent = nullptr);
    ~SearchDock() override;

    // The open project and the current article's annotations (both null: none).
    void setProject(Project *project, AnnotationTableModel *currentArticle);

    void setScope(Scope scope);
    void find();
    void cancel();
    bool isBusy() const;
    // Codes every hit of the current search settings (or the sentences
    // around them) with `codeId` as suggestions, in one undo step.
    void codeHitsAs(const QUuid &codeId, bool sentences);
    void setSuggestionScope(SuggestionScope scope);
    void acceptSelectedSuggestions(bool accept);
    void acceptAllSuggestions(bool accept);

    QLineEdit *patternEdit() const { return m_pattern; }
    QCheckBox *regexBox() const { return m_regex; }
    QCheckBox *wholeWordBox() const { return m_wholeWord; }
    QCheckBox *caseBox() const { return m_case; }
    QCheckBox *sentencesBox() const { return m_sentences; }
    QTreeWidget *hitList() const { return m_hits; }
    QTreeWidget *suggestionList() const;
    QLabel *summary() const { return m_summary; }
    QLabel *suggestionSummary() const;

    // Selects [start, end) in `view` and scrolls it into sight.
    static void revealSpan(QTextEdit *view, int start, int end);
    // Tests only: called on the worker thread with each progress report of a
    // corpus search (first with 0 before any article is read), so a test can
    // hold the worker at a known point. Empty: none.
    static void setWorkerProgressHook(std::function<void(int done)> hook);

Q_SIGNALS:
    // Show this article with [start, end) selected (start < 0: just the article).
    void openRequested(const QUuid &documentId, int start, int end);
    void searchFinished();
    void codingFinished(int added);
    void suggestionsRefreshed();

private:
    struct Outcome;
    void buildUi();
    SearchOptions options() const;
    void startWorker(const SearchOptions &options, bool memos, int maxHits, bool forCoding, const QUuid &codeId);
    void finishWorker(const Outcome &outcome);
    void showHits(const Outcome &outcome);
    void addSuggestionsFrom(const Outcome &outcome, const QUuid &codeId);
    void refreshCodes();
    void updateButtons();
    QUuid currentDocument() const;

    Project *m_project = nullptr;
    AnnotationTableModel *m_article = nullptr;
    BackgroundTask *m_task = nullptr;
    bool m_busyCoding = false;

    QLineEdit *m_pattern = nullptr;
    QCheckBox *m_regex = nullptr;
    QCheckBox *m_wholeWord = nullptr;
    QCheckBox *m_case = nullptr;
    QCheckBox *m_sentences = nullptr;
    QComboBox *m_scope = nullptr;
    QPushButton *m_findButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_hits = nullptr;
    QComboBox *m_code = nullptr;
    QCheckBox *m_codeSentences = nullptr;
    QPushButton *m_codeButton = nullptr;
    SuggestionsPanel *m_suggestionsPanel = nullptr;
};

} // namespace newscoder
