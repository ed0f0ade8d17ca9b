// MainWindow's View menu: Reset Layout, Snap Selections to Words and the
// coder filter (Show Coders). Split from MainWindow.cpp to keep files small.
#include "shell/MainWindow.h"

#include "study/BlindCoding.h"

#include "articles/DocumentListDock.h"
#include "codebook/CodebookDock.h"
#include "coding/ArticleView.h"
#include "coding/CodingWorkspace.h"
#include "coding/QuoteSuggestionActions.h"
#include "search/SearchDock.h"
#include "shell/CoderFilterMenu.h"
#include "shell/ProjectSession.h"
#include "ui_MainWindow.h"

#include <QDockWidget>
#include <QEvent>
#include <QSettings>
#include <QStatusBar>

namespace newscoder {

namespace {

const QString SnapToWordsKey = QStringLiteral("coding/snapToWords");

} // namespace

void MainWindow::createViewActions()
{
    QMenu *view = m_ui->menuView;
    view->addSeparator();
    m_coderFilterMenu = new CoderFilterMenu(this);
    view->addMenu(m_coderFilterMenu);
    connect(m_coderFilterMenu, &CoderFilterMenu::filterChanged, this, [this](const CoderFilter &filter) {
        applyCoderFilter(filter);
        QString shown;
        switch (filter.kind) {
        case CoderFilter::Kind::AllCoders:
            shown = tr("Showing every coder's annotations (other coders' outlined).");
            break;
        case CoderFilter::Kind::CurrentCoder:
            shown = tr("Showing only your annotations.");
            break;
        case CoderFilter::Kind::OneCoder:
            shown = tr("Showing only %1's annotations.").arg(filter.coderName);
            break;
        }
        statusBar()->showMessage(shown, 5000);
    });

    // The article list's Mark Done / Not Done report here.
    connect(m_documentDock, &DocumentListDock::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 6000); });

    m_snapToWords = view->addAction(tr("&Snap Selections to Words"));
    m_snapToWords->setObjectName(QStringLiteral("actionSnapToWords"));
    m_snapToWords->setCheckable(true);
    m_snapToWords->setChecked(QSettings().value(SnapToWordsKey, true).toBool());
    m_snapToWords->setStatusTip(tr("Coded spans take whole words and never begin or end in white space; "
                                   "off: exactly the selected characters"));
    connect(m_snapToWords, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(SnapToWordsKey, on);
        if (m_workspace)
            m_workspace->articleView()->setSnapToWords(on);
    });

    view->addSeparator();
    m_resetLayoutAction = view->addAction(tr("&Reset Layout"));
    m_resetLayoutAction->setObjectName(QStringLiteral("actionResetLayout"));
    m_resetLayoutAction->setStatusTip(tr("The standard panels at their standard sizes; the article gets the room"));
    connect(m_resetLayoutAction, &QAction::triggered, this, &MainWindow::resetLayout);

    // The search panel shares the right-hand column with the article variables:
    // shown, it comes to the front; closed, the column returns to its width.
    connect(m_searchDock->toggleViewAction(), &QAction::toggled, this, [this](bool shown) {
        if (shown) // once it is shown (toggled comes first): to the front of its tab
            QMetaObject::invokeMethod(m_searchDock, &QWidget::raise, Qt::QueuedConnection);
        else if (isVisible() && m_variablesDock->isVisible()) // not while the window itself closes
            resizeDocks({m_variablesDock}, {standardDockWidth()}, Qt::Horizontal);
    });
    installQuoteSuggestionActions(this); // Edit ▸ Suggest Quotes and the suggestion keys (src/app/coding)
}

int MainWindow::standardDockWidth() const
{
    return qBound(220, width() / 5, 420);
}

void MainWindow::resetLayout()
{
    if (!m_defaultState.isEmpty())
        restoreState(m_defaultState);
    for (QDockWidget *dock : findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly)) {
        if (dock->isFloating())
            dock->setFloating(false);
    }
    m_documentDock->show();
    m_codebookDock->show();
    m_variablesDock->show();
    m_searchDock->hide();
    m_codebookDock->raise();
    const int side = standardDockWidth();
    resizeDocks({m_documentDock, m_variablesDock}, {side, side}, Qt::Horizontal);
    resizeDocks({m_documentDock, m_codebookDock}, {height() * 3 / 5, height() * 2 / 5}, Qt::Vertical);
    if (m_workspace)
        m_workspace->resetSplitter();
    if (m_welcomeLayout) { // the reset layout is for the next project; the welcome screen stays alone
        m_welcomeLayout = false;
        enterWelcomeLayout();
    }
    statusBar()->showMessage(tr("Layout reset."), 4000);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // The first layouts of a new workspace: once they settle, check the docks left the article room.
    if (m_fitCentralPending && watched == m_workspace && event->type() == QEvent::Resize)
        QMetaObject::invokeMethod(this, &MainWindow::keepCentralWide, Qt::QueuedConnection);
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::keepCentralWide()
{
    // Docks restored from another session, or sized while no project was
    // open, must not squeeze the article: they give way to half the window.
    if (!m_workspace || !isVisible())
        return;
    m_fitCentralPending = false;
    if (centralWidget()->width() * 2 >= width())
        return;
    // One dock per side stands for its column (tabbed and stacked ones follow it).
    QList<QDockWidget *> docks;
    for (QDockWidget *dock : {static_cast<QDockWidget *>(m_documentDock), m_variablesDock,
                              static_cast<QDockWidget *>(m_searchDock)}) {
        if (dock->isVisible() && !dock->isFloating())
            docks.append(dock);
    }
    if (docks.contains(m_variablesDock) && docks.contains(m_searchDock) && dockWidgetArea(m_variablesDock) == dockWidgetArea(m_searchDock))
        docks.removeAll(m_searchDock);
    resizeDocks(docks, QList<int>(docks.size(), standardDockWidth()), Qt::Horizontal);
}

void MainWindow::applyCoderFilter(const CoderFilter &filter)
{
    if (!m_session)
        return;
    // Blind coding narrows whatever was asked for to the coder's own work.
    const CoderFilter shown = study::visibleFilter(m_session->project(), filter);
    m_session->annotations.setCoderFilter(shown);
    m_session->documents.setCoderFilter(shown);
}

} // namespace newscoder
