#include "shell/MainWindow.h"

#include "articles/ScraperLeftoverActions.h"

#include "common/Prompt.h"

#include "articles/DocumentListDock.h"
#include "articles/ImportController.h"
#include "codebook/CodebookDock.h"
#include "coding/AnnotationPane.h"
#include "coding/ArticleTextEditor.h"
#include "coding/ArticleView.h"
#include "coding/CodingWorkspace.h"
#include "fields/ArticleVariablesPanel.h"
#include "io/CodebookJson.h"
#include "models/ModelRoles.h"
#include "refi/RefiMenus.h"
#include "registry/ActorsDock.h"
#include "registry/OutletsDock.h"
#include "reliability/ReliabilityDialog.h"
#include "review/ReviewDock.h"
#include "search/SearchDock.h"
#include "shell/CoderFilterMenu.h"
#include "shell/ProjectSession.h"
#include "shell/UndoFocus.h"
#include "storage/StoreError.h"
#include "text/ReviewFlags.h"
#include "ui_MainWindow.h"

#include <QCloseEvent>
#include <QColorDialog>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLayout>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStatusBar>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QUndoGroup>

namespace newscoder {

namespace {

const QString CoderNameKey = QStringLiteral("coder/name");
const QString CueHighlightingKey = QStringLiteral("view/cueHighlighting");

} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>())
{
    m_ui->setupUi(this);
    delete m_ui->placeholder;
    m_ui->placeholder = nullptr;
    // One central widget for the whole session (the workspace or a hint comes
    // and goes inside it): swapping QMainWindow's central widget re-lays the
    // docks out and let them squeeze the article.
    m_central = new QStackedWidget(this);
    m_central->setObjectName(QStringLiteral("centralStack"));
    setCentralWidget(m_central); // index 0: the welcome screen (createShell)

    m_documentDock = new DocumentListDock(this);
    m_codebookDock = new CodebookDock(this);
    addDockWidget(Qt::LeftDockWidgetArea, m_documentDock);
    addDockWidget(Qt::LeftDockWidgetArea, m_codebookDock);
    splitDockWidget(m_documentDock, m_codebookDock, Qt::Vertical);
    resizeDocks({m_documentDock, m_codebookDock}, {600, 260}, Qt::Vertical);
    resizeDocks({m_documentDock}, {430}, Qt::Horizontal);
    m_ui->menuView->addAction(m_documentDock->toggleViewAction());
    m_ui->menuView->addAction(m_codebookDock->toggleViewAction());
    createRegistryDocks();
    auto *codebookMenu = new QMenu(tr("Code&book"), this);
    codebookMenu->setObjectName(QStringLiteral("menuCodebook"));
    codebookMenu->addActions({m_codebookDock->newCodeAction(), m_codebookDock->newSubCodeAction(),
                              m_codebookDock->editAction(), m_codebookDock->mergeAction(),
                              m_codebookDock->splitAction(), m_codebookDock->deleteAction()});
    codebookMenu->addSeparator();
    codebookMenu->addActions({m_codebookDock->importAction(), m_codebookDock->exportAction()});
    menuBar()->insertMenu(m_ui->menuView->menuAction(), codebookMenu);
    m_searchDock = new SearchDock(this);
    addDockWidget(Qt::RightDockWidgetArea, m_searchDock);
    // A tab beside the article variables: its lists get the whole height.
    tabifyDockWidget(m_variablesDock, m_searchDock);
    m_searchDock->hide(); // until asked for (restoreState() brings back a shown one)
    m_searchDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_ui->menuView->addAction(m_searchDock->toggleViewAction());
    m_ui->menuView->addSeparator();
    m_cueHighlighting = new QAction(tr("Cue &Highlighting"), this);
    m_cueHighlighting->setObjectName(QStringLiteral("actionCueHighlighting"));
    m_cueHighlighting->setStatusTip(
        tr("Mark quotation marks, reporting verbs, attributions, hedges, numbers and dates in the article"));
    m_cueHighlighting->setCheckable(true);
    m_cueHighlighting->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    m_cueHighlighting->setChecked(QSettings().value(CueHighlightingKey, true).toBool());
    m_ui->menuView->addAction(m_cueHighlighting);
    addAction(m_cueHighlighting); // shortcut works even when the menu bar is hidden

    auto *menuAnalysis = new QMenu(tr("&Analysis"), this);
    menuAnalysis->setObjectName(QStringLiteral("menuAnalysis"));
    menuBar()->insertMenu(m_ui->menuHelp->menuAction(), menuAnalysis);
    m_reliabilityAction = menuAnalysis->addAction(tr("&Reliability…"));
    m_reliabilityAction->setObjectName(QStringLiteral("actionReliability"));
    m_reliabilityAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_reliabilityAction->setStatusTip(tr("Agreement between coders per code, with a chart and the disagreements"));
    connect(m_reliabilityAction, &QAction::triggered, this, &MainWindow::showReliability);

    m_importer = new ImportController(this);
    // REFI-QDA exchange (src/app/refi): File ▸ Import / Export ▸ REFI-QDA Project/Codebook….
    new RefiMenus(this, m_ui->menuFile, [this]() -> Project * { return m_session ? &m_session->project() : nullptr; });
    // File ▸ Export ▸ Dataset… / Codebook Document… (src/app/export; MainWindowExport.cpp).
    createExportMenus();
    createReviewDock();
    m_undoGroup = new QUndoGroup(this);
    QAction *undo = m_undoGroup->createUndoAction(this, tr("&Undo"));
    QAction *redo = m_undoGroup->createRedoAction(this, tr("&Redo"));
    undo->setShortcuts(QKeySequence::Undo);
    redo->setShortcuts(QKeySequence::Redo);
    m_ui->menuEdit->insertAction(m_ui->menuEdit->actions().value(0), undo);
    m_ui->menuEdit->insertAction(m_ui->menuEdit->actions().value(1), redo);
    m_ui->menuEdit->insertSeparator(m_ui->menuEdit->actions().value(2));
    m_editTextAction = m_ui->menuEdit->addAction(tr("Edit Article &Text…"));
    m_editTextAction->setObjectName(QStringLiteral("actionEditArticleText"));
    m_editTextAction->setStatusTip(tr("Fix the article's text; annotations move with it"));
    m_editTextAction->setShortcut(QKeySequence(Qt::Key_F2));
    connect(m_editTextAction, &QAction::triggered, this, &MainWindow::editArticleText);
    new ScraperLeftoverActions(
        m_ui->menuEdit, [this]() -> Project * { return m_session ? &m_session->project() : nullptr; },
        [this] { return m_workspace ? m_workspace->currentDocument() : QUuid(); });
    for (const bool forward : {true, false}) {
        QAction *step = m_ui->menuEdit->addAction(forward ? tr("Next &Flagged Annotation")
                                                          : tr("Pre&vious Flagged Annotation"));
        step->setObjectName(forward ? QStringLiteral("actionNextFlagged") : QStringLiteral("actionPreviousFlagged"));
        step->setShortcut(forward ? QKeySequence(Qt::Key_F8) : QKeySequence(Qt::SHIFT | Qt::Key_F8));
        step->setStatusTip(tr("Step through the annotations a text edit flagged for review (⚠)"));
        connect(step, &QAction::triggered, this, [this, forward] { stepFlaggedAnnotation(forward); });
    }

    m_ui->actionNew->setShortcuts(QKeySequence::New);
    m_ui->actionOpen->setShortcuts(QKeySequence::Open);
    m_ui->actionSaveAs->setShortcuts(QKeySequence::SaveAs);
    m_ui->actionClose->setShortcuts(QKeySequence::Close);
    m_ui->actionQuit->setShortcuts(QKeySequence::Quit);
    m_ui->actionDeleteAnnotation->setShortcuts(QKeySequence::Delete);
    m_ui->actionShortcuts->setShortcuts(QKeySequence::HelpContents);

    m_coderLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_coderLabel);
    connectActions();
    createViewActions();
    createShell();

    m_defaultState = saveState();
    QSettings settings;
    if (settings.value(QStringLiteral("window/saveLayout"), true).toBool()) { // Edit ▸ Preferences
        restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
        restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    }
    enterWelcomeLayout(); // no project yet: the welcome screen alone
    rebuildRecentMenu();
    updateActions();
    updateTitle();
}

MainWindow::~MainWindow()
{
    // The workspace and docks hold references into the session: drop them first.
    m_documentDock->setModel(nullptr);
    m_codebookDock->setModel(nullptr, nullptr);
    setRegistryProject(nullptr);
    m_searchDock->setProject(nullptr, nullptr);
    delete m_reliabilityDialog; // refers to the session's project
    m_reliabilityDialog = nullptr;
    delete m_workspace;
    m_workspace = nullptr;
}

void MainWindow::connectActions()
{
    connect(m_ui->actionNew, &QAction::triggered, this, &MainWindow::chooseAndCreate);
    connect(m_ui->actionOpen, &QAction::triggered, this, &MainWindow::chooseAndOpen);
    connect(m_ui->actionImportFiles, &QAction::triggered, this, [this] {
        if (m_session)
            m_importer->chooseAndImport(m_session->project(), false);
    });
    connect(m_ui->actionImportFolder, &QAction::triggered, this, [this] {
        if (m_session)
            m_importer->chooseAndImport(m_session->project(), true);
    });
    connect(m_ui->actionSaveAs, &QAction::triggered, this, [this] { saveAs(false); });
    connect(m_ui->actionSaveCopy, &QAction::triggered, this, [this] { saveAs(true); });
    connect(m_ui->actionClose, &QAction::triggered, this, &MainWindow::closeProject);
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionDeleteAnnotation, &QAction::triggered, this, [this] {
        if (m_workspace)
            m_workspace->deleteSelectedAnnotations();
    });
    connect(m_ui->actionRemoveArticles, &QAction::triggered, this, &MainWindow::removeSelectedArticles);
    connect(m_ui->actionCoderName, &QAction::triggered, this, &MainWindow::askCoderName);
    connect(m_ui->actionShortcuts, &QAction::triggered, this, &MainWindow::showShortcuts);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_cueHighlighting, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(CueHighlightingKey, on);
        if (m_workspace)
            m_workspace->articleView()->setCueHighlighting(on);
    });
    connect(m_importer, &ImportController::statusMessage, this,
            [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    connect(m_importer, &ImportController::finished, this, [this](const QList<QUuid> &ids) {
        if (!ids.isEmpty() && m_workspace && m_workspace->currentDocument().isNull())
            m_documentDock->selectDocument(ids.first());
    });
    connect(m_documentDock, &DocumentListDock::currentDocumentChanged, this, [this](const QUuid &id) {
        if (m_workspace)
            m_workspace->showDocument(id);
        m_variablesPanel->setDocument(id);
        updateActions();
    });
    connect(m_codebookDock, &CodebookDock::codeActivated, this, [this](const QUuid &id) {
        if (m_workspace)
            m_workspace->applyCode(id);
    });
    connect(m_codebookDock, &CodebookDock::statusMessage, this,
            [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    m_codebookDock->setSelectedAnnotationsProvider([this] {
        QList<QUuid> ids;
        if (m_workspace) {
            const QTableView *table = m_workspace->annotationPane()->annotationTable();
            for (const QModelIndex &row : table->selectionModel()->selectedRows())
                ids.append(row.data(IdRole).toUuid());
        }
        return ids;
    });
    connect(m_searchDock, &SearchDock::openRequested, this, [this](const QUuid &id, int start, int end) {
        m_documentDock->selectDocument(id);
        if (m_workspace && m_workspace->currentDocument() == id)
            SearchDock::revealSpan(m_workspace->articleView(), start, end);
    });
}

bool MainWindow::openProject(const QString &path, bool askReadOnly)
{
    std::unique_ptr<Project> project;
    try {
        project = Project::open(path, ProjectAccess::ReadWrite);
    } catch (const StoreError &e) {
        if (e.kind() != StoreError::Kind::Locked || !askReadOnly || !m_interactive) {
            showError(e.message());
            return false;
        }
        const int answer = Prompt::current().choose(this, tr("Project in Use"),
                                                    e.message() + QStringLiteral("\n\n") + tr("Open it read-only?"),
                                                    {tr("Open Read-Only")});
        if (answer != 0)
            return false;
        try {
            project = Project::open(path, ProjectAccess::ReadOnly);
        } catch (const StoreError &again) {
            showError(again.message());
            return false;
        }
    }
    const QString lockNotice = project->lockNotice(); // a crashed session's lock was cleared
    setSession(std::make_unique<ProjectSession>(std::move(project)));
    addRecentFile(path);
    if (!lockNotice.isEmpty()) {
        statusBar()->showMessage(lockNotice, 20000);
    } else {
        // Undo steps live in the session, not in the file: say so rather than let them vanish silently.
        statusBar()->showMessage(tr("Opened %1 — every change so far is saved; Undo starts afresh in this session.")
                                     .arg(QFileInfo(path).fileName()),
                                 10000);
    }
    return true;
}

bool MainWindow::createProject(const QString &path, const std::optional<QList<Code>> &codebook)
{
    try {
        auto project = Project::create(path, codebook.value_or(defaultNewsCodebook()));
        setSession(std::make_unique<ProjectSession>(std::move(project)));
    } catch (const StoreError &e) {
        showError(e.message());
        return false;
    }
    addRecentFile(path);
    return true;
}

void MainWindow::closeProject()
{
    setSession(nullptr);
}

void MainWindow::setSession(std::unique_ptr<ProjectSession> session)
{
    delete m_reliabilityDialog; // refers to the old session's project
    m_reliabilityDialog = nullptr;
    m_documentDock->setModel(nullptr);
    m_codebookDock->setModel(nullptr, nullptr);
    setRegistryProject(nullptr);
    m_searchDock->setProject(nullptr, nullptr);
    QByteArray splitterState;
    if (m_workspace)
        splitterState = m_workspace->splitter()->saveState();
    if (m_session)
        m_undoGroup->removeStack(m_session->project().undoStack());
    // The old workspace refers to the old session: delete it now, not later.
    delete m_workspace;
    m_workspace = nullptr;
    m_session = std::move(session);
    if (m_session) {
        m_workspace = new CodingWorkspace(*m_session, this);
        m_workspace->articleView()->setCueHighlighting(m_cueHighlighting->isChecked());
        m_workspace->articleView()->setSnapToWords(m_snapToWords->isChecked());
        setInteractive(m_interactive);
        m_central->addWidget(m_workspace);
        m_central->setCurrentWidget(m_workspace);
        leaveWelcomeLayout(); // the docks as they were laid out
    } else {
        m_central->setCurrentIndex(0); // the welcome screen
        enterWelcomeLayout();
    }
    m_codeActions.clear();
    m_ui->menuCode->clear();
    if (!m_session) {
        m_coderFilterMenu->setProject(nullptr);
        updateActions();
        updateTitle();
        return;
    }
    m_fitCentralPending = true;
    m_workspace->installEventFilter(this);
    QTimer::singleShot(0, this, &MainWindow::keepCentralWide); // once the new workspace is laid out
    if (splitterState.isEmpty())
        splitterState = QSettings().value(QStringLiteral("window/workspaceSplitter")).toByteArray();
    if (!splitterState.isEmpty())
        m_workspace->splitter()->restoreState(splitterState);
    else
        m_workspace->splitter()->setSizes({560, 480});
    m_workspace->keepReadingPaneWide();

    Project &project = m_session->project();
    m_undoGroup->addStack(project.undoStack());
    m_undoGroup->setActiveStack(project.undoStack());
    new UndoFocus(project, [this](const QList<QUuid> &documents, const QUuid &annotation) {
        showChangedArticle(documents, annotation);
    });
    m_documentDock->setModel(&m_session->documents);
    m_codebookDock->setModel(&m_session->codebook, &project);
    setRegistryProject(&project);
    m_searchDock->setProject(&project, &m_session->annotations);
    m_coderFilterMenu->setProject(&project);
    applyCoderFilter(m_coderFilterMenu->filter());
    connect(&project, &Project::codesChanged, this, &MainWindow::rebuildCodeActions);
    connect(&project, &Project::errorOccurred, this, &MainWindow::showError);
    connect(&project, &Project::coderNameChanged, this, &MainWindow::updateTitle);
    connectStudyVisibility(project);
    connect(m_workspace, &CodingWorkspace::statusMessage, this,
            [this](const QString &m) { statusBar()->showMessage(m, 5000); });
    connect(m_workspace, &CodingWorkspace::selectionStateChanged, this, &MainWindow::updateActions);
    project.setCoderName(QSettings().value(CoderNameKey).toString());
    rebuildCodeActions();
    if (m_session->documents.rowCount() > 0)
        m_documentDock->selectDocument(m_session->documents.documentId(0));
    updateActions();
    updateTitle();
    if (isVisible()) { // lay the new workspace out now and let the docks give way if they squeeze it
        layout()->activate();
        keepCentralWide();
        m_fitCentralPending = true;
    }
    workspaceShown();
}

void MainWindow::createRegistryDocks()
{
    m_actorsDock = new ActorsDock(this);
    m_outletsDock = new OutletsDock(this);
    m_variablesDock = new QDockWidget(tr("Article Variables"), this);
    m_variablesDock->setObjectName(QStringLiteral("articleVariablesDock"));
    m_variablesPanel = new ArticleVariablesPanel(m_variablesDock);
    m_variablesDock->setWidget(m_variablesPanel);
    // Variables beside the article; the registries share the codebook's place.
    addDockWidget(Qt::RightDockWidgetArea, m_variablesDock);
    addDockWidget(Qt::LeftDockWidgetArea, m_actorsDock);
    addDockWidget(Qt::LeftDockWidgetArea, m_outletsDock);
    tabifyDockWidget(m_codebookDock, m_actorsDock);
    tabifyDockWidget(m_actorsDock, m_outletsDock);
    m_codebookDock->raise();
    resizeDocks({m_variablesDock}, {300}, Qt::Horizontal);
    for (QDockWidget *dock : {static_cast<QDockWidget *>(m_variablesDock), static_cast<QDockWidget *>(m_actorsDock),
                              static_cast<QDockWidget *>(m_outletsDock)})
        m_ui->menuView->addAction(dock->toggleViewAction());
}

void MainWindow::setRegistryProject(Project *project)
{
    m_actorsDock->setProject(project);
    m_outletsDock->setProject(project);
    m_variablesPanel->setProject(project);
    m_reviewDock->setProject(project);
    m_variablesPanel->setDocument(project ? m_documentDock->currentDocument() : QUuid());
}

void MainWindow::rebuildCodeActions()
{
    for (QAction *action : std::as_const(m_codeActions)) {
        removeAction(action);
        delete action;
    }
    m_codeActions.clear();
    m_ui->menuCode->clear();
    if (!m_session)
        return;
    for (const Code &code : m_session->project().codes()) {
        QPixmap swatch(14, 14);
        swatch.fill(code.color);
        auto *action = new QAction(QIcon(swatch), tr("Code as &%1").arg(QString(code.name).replace(u'&', QStringLiteral("&&"))), this);
        action->setShortcut(QKeySequence(code.shortcut));
        action->setShortcutContext(Qt::WindowShortcut);
        action->setToolTip(code.description);
        const QUuid id = code.id;
        connect(action, &QAction::triggered, this, [this, id] {
            if (m_workspace)
                m_workspace->applyCode(id);
        });
        addAction(action); // shortcuts work even when the menu is hidden
        m_ui->menuCode->addAction(action);
        m_codeActions.append(action);
    }
    updateActions();
}

void MainWindow::updateActions()
{
    const bool open = m_session != nullptr;
    const bool writable = open && !m_session->project().isReadOnly();
    for (QAction *a : {m_ui->actionImportFiles, m_ui->actionImportFolder})
        a->setEnabled(writable);
    for (QAction *a : {m_ui->actionSaveAs, m_ui->actionSaveCopy, m_ui->actionClose})
        a->setEnabled(open);
    m_ui->actionDeleteAnnotation->setEnabled(writable && m_workspace && m_workspace->hasSelectedAnnotation());
    m_ui->actionRemoveArticles->setEnabled(writable && !m_documentDock->selectedDocuments().isEmpty());
    updateStudyActions(open, writable);
    m_editTextAction->setEnabled(writable && m_workspace && !m_workspace->currentDocument().isNull());
    for (QAction *a : std::as_const(m_codeActions))
        a->setEnabled(open); // read-only: the key still answers, with a status message
}

void MainWindow::updateTitle()
{
    if (!m_session) {
        setWindowTitle(tr("Newscoder"));
        m_coderLabel->clear();
        return;
    }
    const Project &project = m_session->project();
    setWindowFilePath(project.path());
    setWindowTitle(QStringLiteral("%1%2 — Newscoder")
                       .arg(QFileInfo(project.path()).fileName(),
                            project.isReadOnly() ? tr(" [read-only]") : QString()));
    m_coderLabel->setText(project.coderName().isEmpty() ? tr("No coder name set")
                                                        : tr("Coding as %1").arg(project.coderName()));
}

void MainWindow::setInteractive(bool interactive)
{
    m_interactive = interactive;
    m_importer->setInteractive(interactive);
    if (m_workspace) // scripted runs keep the linking annotations, as Undo can bring the links back
        m_workspace->setLinkedDeletionChooser(
            interactive ? CodingWorkspace::LinkedDeletionChooser()
                        : [](const QList<QUuid> &) { return LinkedDeletionChoice::RemoveLinksOnly; });
    m_codebookDock->setInteractive(interactive);
}

void MainWindow::ensureCoderName(const QString &given)
{
    QSettings settings;
    if (!given.trimmed().isEmpty())
        settings.setValue(CoderNameKey, given.trimmed());
    else if (settings.value(CoderNameKey).toString().isEmpty() && m_interactive)
        askCoderName();
    if (m_session)
        m_session->project().setCoderName(settings.value(CoderNameKey).toString());
    updateTitle();
}

void MainWindow::askCoderName()
{
    QSettings settings;
    const QString name = Prompt::current()
                             .askText(this, tr("Coder Name"),
                                      tr("Your name as a coder (stored with every annotation you make):"),
                                      settings.value(CoderNameKey).toString())
                             .value_or(QString())
                             .trimmed();
    if (name.isEmpty())
        return;
    settings.setValue(CoderNameKey, name);
    if (m_session)
        m_session->project().setCoderName(name);
    updateTitle();
}

void MainWindow::removeSelectedArticles()
{
    if (!m_session)
        return;
    const QList<QUuid> ids = m_documentDock->selectedDocuments();
    if (ids.isEmpty())
        return;
    const bool remove = Prompt::current().confirm(
        this, tr("Remove Articles"),
        tr("Remove %n article(s) and all their annotations from the project? You can undo this.", nullptr,
           int(ids.size())));
    if (remove)
        m_session->project().removeDocuments(ids);
}

void MainWindow::editArticleText()
{
    if (!m_session || !m_workspace || m_workspace->currentDocument().isNull() || m_session->project().isReadOnly())
        return;
    ArticleTextEditor editor(m_session->project(), m_workspace->currentDocument(), this);
    if (editor.exec() == QDialog::Accepted && !editor.edits().isEmpty())
        statusBar()->showMessage(tr("Article text edited — Undo restores it."), 5000);
}

void MainWindow::showError(const QString &message)
{
    if (!m_interactive) {
        statusBar()->showMessage(message);
        qWarning("%s", qPrintable(message));
        return;
    }
    Prompt::current().inform(this, tr("Newscoder"), message, Prompt::Tone::Warning);
}

void MainWindow::keyPressEvent(QKeyEvent *event)
{
    if (m_session && m_session->project().isReadOnly()) {
        const QKeySequence pressed(event->keyCombination());
        for (const Code &code : m_session->project().codes()) {
            if (!code.shortcut.isEmpty() && QKeySequence(code.shortcut) == pressed) {
                statusBar()->showMessage(tr("This project is open read-only: nothing can be coded."), 5000);
                return;
            }
        }
    }
    QMainWindow::keyPressEvent(event);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    QTimer::singleShot(0, this, &MainWindow::keepCentralWide);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    if (!settings.value(QStringLiteral("window/saveLayout"), true).toBool()) { // Edit ▸ Preferences
        for (const char *key : {"window/geometry", "window/state", "window/workspaceSplitter"})
            settings.remove(QLatin1String(key));
        event->accept();
        return;
    }
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), layoutToSave());
    if (m_workspace)
        settings.setValue(QStringLiteral("window/workspaceSplitter"), m_workspace->splitter()->saveState());
    event->accept();
}

} // namespace newscoder
