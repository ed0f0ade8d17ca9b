// MainWindow's first contact (src/app/shell): the welcome screen while no
// project is open, Edit ▸ Preferences, Help ▸ User Guide and Keyboard
// Shortcuts, the sample project, accessible names and the reading style of
// each new workspace. Kept here so MainWindow.cpp only calls in.
#include "shell/MainWindow.h"

#include "articles/DocumentListDock.h"
#include "codebook/CodebookDock.h"
#include "coding/AnnotationPane.h"
#include "coding/ArticleView.h"
#include "coding/CodingWorkspace.h"
#include "common/Prompt.h"
#include "registry/ActorsDock.h"
#include "registry/OutletsDock.h"
#include "search/SearchDock.h"
#include "shell/AccessibleNames.h"
#include "shell/AppData.h"
#include "shell/GoToActions.h"
#include "shell/GuideViewer.h"
#include "shell/Preferences.h"
#include "shell/PreferencesDialog.h"
#include "shell/ProjectSession.h"
#include "shell/ShortcutsDialog.h"
#include "shell/WelcomeScreen.h"
#include "ui_MainWindow.h"

#include <QAction>
#include <QDockWidget>
#include <QSettings>
#include <QStackedWidget>
#include <QTableView>
#include <QTreeView>
#include <QStatusBar>

namespace newscoder {

void MainWindow::createShell()
{
    m_welcome = new shell::WelcomeScreen(m_central);
    m_central->insertWidget(0, m_welcome);
    m_central->setCurrentIndex(0);
    connect(m_welcome, &shell::WelcomeScreen::newRequested, this, &MainWindow::chooseAndCreate);
    connect(m_welcome, &shell::WelcomeScreen::openRequested, this, &MainWindow::chooseAndOpen);
    connect(m_welcome, &shell::WelcomeScreen::recentRequested, this, [this](const QString &path) { openProject(path); });
    connect(m_welcome, &shell::WelcomeScreen::sampleRequested, this, &MainWindow::openSampleProject);
    connect(m_welcome, &shell::WelcomeScreen::guideRequested, this, [this] { showUserGuide(); });

    m_sampleAction = new QAction(tr("Open the &Sample Project"), this);
    m_sampleAction->setObjectName(QStringLiteral("actionOpenSample"));
    m_sampleAction->setStatusTip(tr("Six fictional articles, partly coded: try everything without your own data"));
    m_ui->menuFile->insertAction(m_ui->menuRecent->menuAction(), m_sampleAction);
    connect(m_sampleAction, &QAction::triggered, this, &MainWindow::openSampleProject);

    m_preferencesAction = new QAction(tr("&Preferences…"), this);
    m_preferencesAction->setObjectName(QStringLiteral("actionPreferences"));
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    m_preferencesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_preferencesAction->setStatusTip(tr("Coder name, theme, reading font and spacing, export defaults, window layout"));
    m_ui->menuEdit->addSeparator();
    m_ui->menuEdit->addAction(m_preferencesAction);
    connect(m_preferencesAction, &QAction::triggered, this, &MainWindow::showPreferences);

    m_guideAction = new QAction(tr("&User Guide"), this);
    m_guideAction->setObjectName(QStringLiteral("actionUserGuide"));
    m_guideAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F1));
    m_guideAction->setStatusTip(tr("A whole study step by step, with pictures"));
    m_ui->menuHelp->insertAction(m_ui->actionShortcuts, m_guideAction);
    connect(m_guideAction, &QAction::triggered, this, [this] { showUserGuide(); });

    // The View menu's panels, each with its letter (a dock's title has none).
    const std::pair<QDockWidget *, QString> panels[] = {
        {m_documentDock, tr("&Articles")},          {m_codebookDock, tr("Code&book")},
        {m_variablesDock, tr("Article &Variables")}, {m_actorsDock, tr("Ac&tors")},
        {m_outletsDock, tr("&Outlets")},            {m_searchDock, tr("S&earch")}};
    for (const auto &[dock, text] : panels)
        dock->toggleViewAction()->setText(text);

    // View ▸ Go To: each part of the coding path from the keyboard.
    const auto inWorkspace = [this](auto part) { return [this, part]() -> QWidget * { return m_workspace ? part(m_workspace) : nullptr; }; };
    const auto whileOpen = [this](QWidget *w) { return [this, w]() -> QWidget * { return m_session ? w : nullptr; }; };
    m_ui->menuView->addSeparator();
    shell::installGoToMenu(
        m_ui->menuView, this,
        {{tr("Article &List"), QStringLiteral("actionGoToArticles"), QKeySequence(Qt::CTRL | Qt::Key_1),
          whileOpen(m_documentDock->view())},
         {tr("&Article Text"), QStringLiteral("actionGoToArticle"), QKeySequence(Qt::CTRL | Qt::Key_2),
          inWorkspace([](CodingWorkspace *w) -> QWidget * { return w->articleView(); })},
         {tr("A&nnotations"), QStringLiteral("actionGoToAnnotations"), QKeySequence(Qt::CTRL | Qt::Key_3),
          inWorkspace([](CodingWorkspace *w) -> QWidget * { return w->annotationPane(); })},
         {tr("&Codebook"), QStringLiteral("actionGoToCodebook"), QKeySequence(Qt::CTRL | Qt::Key_4),
          whileOpen(m_codebookDock->view())},
         {tr("Article &Variables"), QStringLiteral("actionGoToVariables"), QKeySequence(Qt::CTRL | Qt::Key_5),
          whileOpen(m_variablesDock->widget())}});

    shell::applyTheme(shell::Preferences::load().theme);
    refreshWelcome();
}

void MainWindow::refreshWelcome()
{
    if (m_welcome)
        m_welcome->setRecentFiles(QSettings().value(QStringLiteral("recentFiles")).toStringList());
}

void MainWindow::enterWelcomeLayout()
{
    if (m_welcomeLayout)
        return;
    m_projectLayout = saveState();
    m_welcomeLayout = true;
    for (QDockWidget *dock : findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly)) {
        dock->hide();
        dock->toggleViewAction()->setEnabled(false); // nothing to show without a project
    }
}

void MainWindow::leaveWelcomeLayout()
{
    if (!m_welcomeLayout)
        return;
    m_welcomeLayout = false;
    for (QDockWidget *dock : findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly))
        dock->toggleViewAction()->setEnabled(true); // updateActions() narrows it down again
    restoreState(m_projectLayout);
}

QByteArray MainWindow::layoutToSave() const
{
    return m_welcomeLayout ? m_projectLayout : saveState();
}

bool MainWindow::openSampleProject()
{
    const shell::SampleCopy sample = shell::prepareSampleProject();
    if (!sample.error.isEmpty()) {
        showError(sample.error);
        return false;
    }
    if (!openProject(sample.path))
        return false;
    statusBar()->showMessage(sample.created ? tr("Opened a fresh copy of the sample project: %1").arg(sample.path)
                                            : tr("Opened your copy of the sample project: %1").arg(sample.path),
                             10000);
    return true;
}

void MainWindow::showPreferences()
{
    shell::PreferencesDialog dialog(shell::Preferences::load(), this);
    if (dialog.exec() == QDialog::Accepted)
        applyPreferences(dialog.preferences());
}

void MainWindow::applyPreferences(const shell::Preferences &preferences)
{
    preferences.save();
    shell::applyTheme(preferences.theme);
    if (m_workspace)
        shell::applyReadingStyle(m_workspace->articleView(), preferences);
    if (m_session)
        m_session->project().setCoderName(preferences.coderName);
    updateTitle();
}

shell::GuideViewer *MainWindow::showUserGuide(const QString &page)
{
    if (!m_guide)
        m_guide = new shell::GuideViewer(QString(), this);
    m_guide->showPage(page);
    m_guide->show();
    m_guide->raise();
    m_guide->activateWindow();
    return m_guide;
}

void MainWindow::showShortcuts()
{
    shell::ShortcutsDialog dialog(this, this);
    dialog.exec();
}

void MainWindow::workspaceShown()
{
    shell::nameCodingPath(*this);
    if (m_workspace)
        shell::applyReadingStyle(m_workspace->articleView(), shell::Preferences::load());
}

} // namespace newscoder
