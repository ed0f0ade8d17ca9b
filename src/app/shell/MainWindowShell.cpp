// MainWindow's first contact (src/app/shell): the welcome screen while no
// project is open, Edit ▸ Preferences, Help ▸ User Guide and Keyboard
// Shortcuts, the sample project, accessible names and the reading style of
// each new workspace. Kept here so MainWindow.cpp only calls in.
#include "MainWindow.h"

#include "ArticleView.h"
#include "CodingWorkspace.h"
#include "ProjectSession.h"
#include "common/Prompt.h"
#include "shell/AccessibleNames.h"
#include "shell/AppData.h"
#include "shell/GuideViewer.h"
#include "shell/Preferences.h"
#include "shell/PreferencesDialog.h"
#include "shell/ShortcutsDialog.h"
#include "shell/WelcomeScreen.h"
#include "ui_MainWindow.h"

#include <QSettings>
#include <QStackedWidget>
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

    shell::applyTheme(shell::Preferences::load().theme);
    refreshWelcome();
}

void MainWindow::refreshWelcome()
{
    if (m_welcome)
        m_welcome->setRecentFiles(QSettings().value(QStringLiteral("recentFiles")).toStringList());
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
