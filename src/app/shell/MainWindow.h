#pragma once

#include "model/Code.h"
#include "models/CoderFilter.h"

#include <QMainWindow>
#include <QUuid>

#include <memory>
#include <optional>

class QUndoGroup;
class QDockWidget;
class QLabel;
class QStackedWidget;

namespace Ui {
class MainWindow;
}

namespace newscoder {

class ActorsDock;
class ArticleVariablesPanel;
class CodebookDock;
class CoderFilterMenu;
class CodingWorkspace;
class DocumentListDock;
class ImportController;
class OutletsDock;
class Project;
class ProjectSession;
class ReliabilityDialog;
class ReviewDock;
class SearchDock;
namespace shell {
class GuideViewer;
struct Preferences;
class WelcomeScreen;
} // namespace shell

// Newscoder's window: the article list and codebook docks around the coding
// workspace (article + annotation pane). It owns the open project session and
// turns menu actions into project operations; coding itself happens in
// CodingWorkspace, importing in ImportController.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a project; asks to open read-only if another process is editing
    // it (unless `askReadOnly` is false). Shows a message and returns false
    // on failure; the current project then stays open.
    bool openProject(const QString &path, bool askReadOnly = true);
    // A new project starting from `codebook` (by default the news codebook).
    bool createProject(const QString &path, const std::optional<QList<Code>> &codebook = std::nullopt);
    void closeProject();
    // Shows the article whose id is (or starts with) `id`.
    void showDocumentById(const QString &id);

    ProjectSession *session() const { return m_session.get(); }
    CodingWorkspace *workspace() const { return m_workspace; }
    DocumentListDock *documentList() const { return m_documentDock; }
    CodebookDock *codebook() const { return m_codebookDock; }
    ImportController *importer() const { return m_importer; }
    ActorsDock *actors() const { return m_actorsDock; }
    OutletsDock *outlets() const { return m_outletsDock; }
    ArticleVariablesPanel *variables() const { return m_variablesPanel; }
    SearchDock *searchDock() const { return m_searchDock; }
    ReviewDock *reviewDock() const { return m_reviewDock; }
    QAction *editTextAction() const { return m_editTextAction; }
    QAction *resetLayoutAction() const { return m_resetLayoutAction; }
    QAction *snapToWordsAction() const { return m_snapToWords; }
    CoderFilterMenu *coderFilterMenu() const { return m_coderFilterMenu; }
    // View ▸ Reset Layout: the standard docks at their standard widths and a
    // reading pane wider than the annotation pane.
    void resetLayout();
    // Help ▸ Keyboard Shortcuts: the code keys, editing and the panels' shortcuts.
    QString shortcutsHtml() const;
    // Opens the current article's text in the editor (edit mode).
    void editArticleText();
    // Edit ▸ Next/Previous Flagged Annotation: opens the next (previous)
    // annotation a text edit flagged for review, across articles, wrapping.
    void stepFlaggedAnnotation(bool forward);
    // After an undo or redo: shows the article it changed (see UndoFocus).
    void showChangedArticle(const QList<QUuid> &documentIds, const QUuid &annotationId);

    // First contact (shell/MainWindowShell.cpp): the welcome screen shown while
    // no project is open; File ▸ Open the Sample Project (a copy of the
    // installed sample in the app's data folder); Edit ▸ Preferences (saved,
    // then applied); Help ▸ User Guide (opens `page` of docs/).
    shell::WelcomeScreen *welcomeScreen() const { return m_welcome; }
    QAction *preferencesAction() const { return m_preferencesAction; }
    QAction *userGuideAction() const { return m_guideAction; }
    bool openSampleProject();
    void applyPreferences(const shell::Preferences &preferences);
    shell::GuideViewer *showUserGuide(const QString &page = QStringLiteral("index.md"));

    // Off: errors go to the status bar and stderr instead of dialogs (tests, scripted runs).
    void setInteractive(bool interactive);

    // Asks for the coder name when none is remembered (or sets it when given).
    void ensureCoderName(const QString &given = {});

protected:
    void closeEvent(QCloseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override; // a code key on a read-only project says why nothing happens

private:
    void setSession(std::unique_ptr<ProjectSession> session);
    void createRegistryDocks();
    void setRegistryProject(Project *project);
    void connectActions();
    void rebuildCodeActions();
    void updateActions();
    void updateTitle();
    void addRecentFile(const QString &path);
    void rebuildRecentMenu();
    void chooseAndOpen();
    void chooseAndCreate();
    void saveAs(bool keepWorkingHere);
    void removeSelectedArticles();
    void askCoderName();
    void showShortcuts();
    void showAbout();
    void showReliability();
    void showError(const QString &message);
    // View menu: Reset Layout, Snap Selections to Words, Show Coders (MainWindowView.cpp).
    void createViewActions();
    void applyCoderFilter(const CoderFilter &filter);
    int standardDockWidth() const;
    void keepCentralWide();
    // File ▸ Export ▸ Dataset… and Codebook Document…, pre-filled from what the window shows (MainWindowExport.cpp).
    void createExportMenus();
    // Analysis ▸ Review Coders (MainWindowStudy.cpp).
    void createReviewDock();
    // MainWindowStudy.cpp: blind coding decides who sees whose work and which comparisons are on.
    void connectStudyVisibility(Project &project);
    void updateStudyActions(bool open, bool writable);
    // Welcome screen, Preferences, User Guide, sample project (shell/MainWindowShell.cpp).
    void createShell();
    void refreshWelcome();
    // The welcome screen stands alone (shell/MainWindowShell.cpp): while no
    // project is open the docks are hidden and their layout kept, to come back
    // when one opens and to be what the window saves.
    void enterWelcomeLayout();
    void leaveWelcomeLayout();
    QByteArray layoutToSave() const;
    void showPreferences();
    void workspaceShown(); // accessible names and reading style of a new workspace

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

    std::unique_ptr<Ui::MainWindow> m_ui;
    std::unique_ptr<ProjectSession> m_session;
    QStackedWidget *m_central = nullptr;
    CodingWorkspace *m_workspace = nullptr;
    DocumentListDock *m_documentDock = nullptr;
    CodebookDock *m_codebookDock = nullptr;
    ActorsDock *m_actorsDock = nullptr;
    OutletsDock *m_outletsDock = nullptr;
    QDockWidget *m_variablesDock = nullptr;
    ArticleVariablesPanel *m_variablesPanel = nullptr;
    ImportController *m_importer = nullptr;
    SearchDock *m_searchDock = nullptr;
    ReviewDock *m_reviewDock = nullptr;
    QAction *m_editTextAction = nullptr;
    QUndoGroup *m_undoGroup = nullptr;
    QLabel *m_coderLabel = nullptr;
    QAction *m_cueHighlighting = nullptr;
    QAction *m_reliabilityAction = nullptr;
    ReliabilityDialog *m_reliabilityDialog = nullptr; // one per session; holds a reference to its project
    QList<QAction *> m_codeActions;
    QAction *m_resetLayoutAction = nullptr;
    QAction *m_snapToWords = nullptr;
    CoderFilterMenu *m_coderFilterMenu = nullptr;
    QByteArray m_defaultState;
    bool m_fitCentralPending = false; // a new workspace: check its width once laid out // the docks as built, before the saved state is restored
    bool m_interactive = true;
    shell::WelcomeScreen *m_welcome = nullptr;
    bool m_welcomeLayout = false; // the docks are hidden behind the welcome screen
    QByteArray m_projectLayout;   // their layout meanwhile
    shell::GuideViewer *m_guide = nullptr;
    QAction *m_sampleAction = nullptr;
    QAction *m_preferencesAction = nullptr;
    QAction *m_guideAction = nullptr;
};

} // namespace newscoder
