// MainWindow's ways to an article: Edit ▸ Next/Previous Flagged Annotation
// (stepping through the annotations a text edit flagged for review, across
// articles), the article an undo or redo changed, and --document ID; and
// learning from disagreement: Analysis ▸ My Differences From the Consensus
// and Analysis ▸ Disagreement Report… (review/LearningActions.h); the
// Reliability window, whose disagreements open here. Split from MainWindow.cpp
// to keep files small.
#include "shell/MainWindow.h"

#include "articles/DocumentListDock.h"
#include "coding/AnnotationPane.h"
#include "coding/ArticleView.h"
#include "coding/CodingWorkspace.h"
#include "model/IdPrefix.h"
#include "reliability/ReliabilityDialog.h"
#include "review/DisagreementReportDialog.h"
#include "review/LearningActions.h"
#include "review/ReviewDock.h"
#include "search/SearchDock.h"
#include "shell/ProjectSession.h"
#include "storage/ProjectReader.h"
#include "study/BlindCoding.h"
#include "text/ReviewFlags.h"

#include <QMenu>
#include <QStatusBar>

#include <climits>
#include <tuple>

namespace newscoder {

void MainWindow::stepFlaggedAnnotation(bool forward)
{
    if (!m_session || !m_workspace)
        return;
    const QList<Annotation> flagged = m_session->project().flaggedAnnotations(); // by article, then position
    if (flagged.isEmpty()) {
        statusBar()->showMessage(tr("No annotation is flagged for review."), 5000);
        return;
    }
    // Where we are: the selected annotation, else the start of the current article.
    const QUuid selectedId = m_workspace->articleView()->selectedAnnotation();
    const Annotation *selected = m_session->annotations.annotation(m_session->annotations.rowOf(selectedId));
    const QString here = idString(m_workspace->currentDocument());
    const auto key = [](const QString &document, int start, const QUuid &id) {
        return std::make_tuple(document, start, id.toString());
    };
    const auto current = key(here, selected ? selected->start : (forward ? -1 : INT_MAX),
                             selected ? selected->id : QUuid());
    qsizetype index = -1;
    if (forward) {
        for (qsizetype i = 0; i < flagged.size() && index < 0; ++i) {
            if (key(idString(flagged[i].documentId), flagged[i].start, flagged[i].id) > current)
                index = i;
        }
        if (index < 0)
            index = 0; // wrap around
    } else {
        for (qsizetype i = flagged.size() - 1; i >= 0 && index < 0; --i) {
            if (key(idString(flagged[i].documentId), flagged[i].start, flagged[i].id) < current)
                index = i;
        }
        if (index < 0)
            index = flagged.size() - 1;
    }
    const Annotation &target = flagged[index];
    m_documentDock->selectDocument(target.documentId);
    m_workspace->annotationPane()->selectAnnotation(target.id);
    statusBar()->showMessage(tr("Flagged %1 of %2: %3")
                                 .arg(index + 1)
                                 .arg(flagged.size())
                                 .arg(reviewExplanation(target)));
}

void MainWindow::showDocumentById(const QString &id)
{
    if (!m_session)
        return;
    QList<IdCandidate> candidates;
    for (int row = 0; row < m_session->documents.rowCount(); ++row) {
        const QUuid documentId = m_session->documents.documentId(row);
        const DocumentSummary *summary = m_session->documents.summary(documentId);
        candidates.append({documentId, summary ? summary->title : QString()});
    }
    const IdResolution found = resolveIdPrefix(id, candidates, 1);
    if (!found.found()) { // an ambiguous prefix lists the articles it matches
        showError(found.outcome == IdResolution::Outcome::Ambiguous ? found.message(id, QStringLiteral("article"))
                                                                    : tr("No article with id %1.").arg(id));
        return;
    }
    m_documentDock->selectDocument(found.id);
    if (m_session->annotations.rowCount() > 0) // show where the coding is
        m_workspace->annotationPane()->selectAnnotation(m_session->annotations.annotation(0)->id);
}

// An undo or redo changed other articles than the one shown: show the first,
// with the annotation the step touched selected and scrolled to.
void MainWindow::showChangedArticle(const QList<QUuid> &documentIds, const QUuid &annotationId)
{
    if (!m_session || !m_workspace || documentIds.contains(m_workspace->currentDocument()))
        return;
    const QUuid documentId = documentIds.first();
    if (!m_session->documents.summary(documentId))
        return;
    m_documentDock->selectDocument(documentId);
    if (m_workspace->currentDocument() != documentId) // the list's current row was already that article
        m_workspace->showDocument(documentId);
    if (!annotationId.isNull() && m_session->annotations.rowOf(annotationId) >= 0)
        m_workspace->annotationPane()->selectAnnotation(annotationId);
}

void installLearningActions(QMainWindow *window, ReviewDock *reviewDock)
{
    auto *main = qobject_cast<MainWindow *>(window);
    if (!main || !reviewDock || reviewDock != main->reviewDock()
        || main->findChild<QAction *>(QStringLiteral("actionDisagreementReport")))
        return;
    auto *analysis = main->findChild<QMenu *>(QStringLiteral("menuAnalysis"), Qt::FindDirectChildrenOnly);
    if (!analysis)
        return;
    // The coder's own view: a second review dock, the pair fixed to the
    // current coder and the consensus (open to a coder under blind coding:
    // it shows only adjudicated articles, see ReviewDock.h).
    auto *mine = new ReviewDock(main);
    mine->setObjectName(QStringLiteral("consensusReviewDock"));
    mine->setConsensusView(true);
    main->addDockWidget(Qt::BottomDockWidgetArea, mine);
    mine->hide();
    mine->setProject(reviewDock->project());
    QObject::connect(reviewDock, &ReviewDock::projectChanged, mine, &ReviewDock::setProject);
    QAction *mineAction = mine->toggleViewAction();
    mineAction->setText(MainWindow::tr("My &Differences From the Consensus"));
    mineAction->setObjectName(QStringLiteral("actionConsensusDifferences"));
    mineAction->setStatusTip(MainWindow::tr("Your tags against the consensus, on the articles the lead adjudicated"));
    QObject::connect(mine, &ReviewDock::statusMessage, main,
                     [main](const QString &m) { main->statusBar()->showMessage(m, 8000); });
    QObject::connect(mine, &ReviewDock::openRequested, main, [main](const QUuid &id, int start, int end) {
        main->documentList()->selectDocument(id);
        if (main->workspace() && main->workspace()->currentDocument() == id && start >= 0)
            SearchDock::revealSpan(main->workspace()->articleView(), start, end);
    });

    auto *report = new QAction(MainWindow::tr("Disagreement Repor&t…"), main);
    report->setObjectName(QStringLiteral("actionDisagreementReport"));
    report->setStatusTip(MainWindow::tr("An HTML page of the disputed passages per code, for coder training"));
    QObject::connect(report, &QAction::triggered, main, [main] {
        if (!main->session())
            return;
        DisagreementReportDialog dialog(main->session()->project(), main);
        if (dialog.exec() == QDialog::Accepted)
            main->statusBar()->showMessage(MainWindow::tr("Disagreement report written."), 8000);
    });
    analysis->addSeparator();
    analysis->addAction(mineAction);
    analysis->addAction(report);
    // Comparing coders is the lead's while blind coding hides other coders.
    const auto update = [main, mineAction, report] {
        const bool open = main->session() != nullptr;
        mineAction->setEnabled(open);
        report->setEnabled(open && !study::hidesOtherCoders(main->session()->project()));
    };
    QObject::connect(analysis, &QMenu::aboutToShow, main, update);
    QObject::connect(reviewDock, &ReviewDock::projectChanged, main, update);
    update();
}

void MainWindow::showReliability()
{
    if (!m_session)
        return;
    if (!m_reliabilityDialog) {
        m_reliabilityDialog = new ReliabilityDialog(m_session->project(), m_documentDock->selectedDocuments(), this);
        // A disagreement or a merged overlap double-clicked there: show it here.
        connect(m_reliabilityDialog, &ReliabilityDialog::openRequested, this, [this](const QUuid &id, int start, int end) {
            m_documentDock->selectDocument(id);
            if (m_workspace && m_workspace->currentDocument() == id)
                SearchDock::revealSpan(m_workspace->articleView(), start, end);
        });
    } else
        m_reliabilityDialog->setSelectedDocuments(m_documentDock->selectedDocuments());
    m_reliabilityDialog->show();
    m_reliabilityDialog->raise();
    m_reliabilityDialog->activateWindow();
}

} // namespace newscoder
