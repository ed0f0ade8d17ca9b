// MainWindow's ways to an article: Edit ▸ Next/Previous Flagged Annotation
// (stepping through the annotations a text edit flagged for review, across
// articles), the article an undo or redo changed, and --document ID. Split
// from MainWindow.cpp to keep files small.
#include "MainWindow.h"

#include "AnnotationPane.h"
#include "ArticleView.h"
#include "CodingWorkspace.h"
#include "DocumentListDock.h"
#include "ProjectSession.h"
#include "model/IdPrefix.h"
#include "storage/ProjectStore.h"
#include "text/ReviewFlags.h"

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

} // namespace newscoder
