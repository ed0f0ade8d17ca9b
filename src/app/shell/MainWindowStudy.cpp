// MainWindow's File ▸ coder packages and merging, Analysis ▸ Blind Coding and Review Coders: the review and adjudication dock
// (src/app/review), docked at the bottom where the two coders' columns get the
// window's width. Split from MainWindow.cpp to keep files small.
#include "shell/MainWindow.h"

#include "articles/DocumentListDock.h"
#include "coding/ArticleView.h"
#include "coding/CodingWorkspace.h"
#include "review/CoderFileActions.h"
#include "review/LearningActions.h"
#include "review/ReviewDock.h"
#include "search/SearchDock.h"
#include "shell/CoderFilterMenu.h"
#include "shell/ProjectSession.h"
#include "study/BlindCoding.h"
#include "ui_MainWindow.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QSignalBlocker>
#include <QStatusBar>

namespace newscoder {

void MainWindow::createReviewDock()
{
    // File ▸ Export Coder Package… / Merge Coder Files… (teams without a server).
    new CoderFileActions(this, m_ui->menuFile, [this]() -> Project * { return m_session ? &m_session->project() : nullptr; });
    m_reviewDock = new ReviewDock(this);
    addDockWidget(Qt::BottomDockWidgetArea, m_reviewDock);
    m_reviewDock->hide(); // until asked for (restoreState() brings back a shown one)
    QAction *toggle = m_reviewDock->toggleViewAction();
    toggle->setText(tr("Review &Coders"));
    toggle->setObjectName(QStringLiteral("actionReviewCoders"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    toggle->setStatusTip(tr("Two coders side by side: decide each disagreement into the consensus"));
    // Analysis ▸ Blind Coding: coders see only their own work (study/BlindCoding.h).
    auto *blind = new QAction(tr("&Blind Coding"), this);
    blind->setObjectName(QStringLiteral("actionBlindCoding"));
    blind->setCheckable(true);
    blind->setStatusTip(tr("Coders see only their own annotations and variables; the lead sees everyone's"));
    connect(blind, &QAction::triggered, this, [this](bool on) {
        if (m_session)
            m_session->project().setBlindCoding(on);
    });
    if (auto *analysis = findChild<QMenu *>(QStringLiteral("menuAnalysis"), Qt::FindDirectChildrenOnly)) {
        analysis->addAction(blind);
        analysis->addAction(toggle);
        analysis->addAction(m_reviewDock->nextAction());
        analysis->addAction(m_reviewDock->previousAction());
    }
    installLearningActions(this, m_reviewDock); // My Differences From the Consensus, Disagreement Report…
    addAction(m_reviewDock->nextAction()); // F9 works with the menu bar hidden
    addAction(m_reviewDock->previousAction());
    connect(toggle, &QAction::toggled, this, [this](bool shown) {
        if (!shown)
            return;
        resizeDocks({m_reviewDock}, {height() / 3}, Qt::Vertical); // the article keeps most of the height
        m_reviewDock->refresh();
    });
    connect(m_reviewDock, &ReviewDock::statusMessage, this, [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    connect(m_reviewDock, &ReviewDock::openRequested, this, [this](const QUuid &id, int start, int end) {
        m_documentDock->selectDocument(id);
        if (m_workspace && m_workspace->currentDocument() == id && start >= 0)
            SearchDock::revealSpan(m_workspace->articleView(), start, end);
    });
}

void MainWindow::connectStudyVisibility(Project &project)
{
    // Blind coding (study/BlindCoding.h): who sees whose work follows the setting and the coder.
    const auto visibility = [this] {
        m_coderFilterMenu->rebuild();
        applyCoderFilter(m_coderFilterMenu->filter());
        updateActions();
    };
    connect(&project, &Project::studyChanged, this, visibility);
    connect(&project, &Project::coderNameChanged, this, visibility);
}

void MainWindow::updateStudyActions(bool open, bool writable)
{
    // While blind coding hides other coders, comparing coders is the lead's.
    const bool hidden = open && study::hidesOtherCoders(m_session->project());
    m_reliabilityAction->setEnabled(open && !hidden);
    if (auto *review = findChild<QAction *>(QStringLiteral("actionReviewCoders"))) {
        review->setEnabled(open && !hidden);
        if (hidden && m_reviewDock->isVisible())
            m_reviewDock->hide();
    }
    if (auto *blind = findChild<QAction *>(QStringLiteral("actionBlindCoding"))) {
        const QSignalBlocker quiet(blind);
        blind->setEnabled(writable && study::maySetBlindCoding(m_session->project()));
        blind->setChecked(open && m_session->project().isBlindCoding());
    }
}

} // namespace newscoder
