#pragma once

#include "coding/AnnotationDeletion.h"

#include <QUuid>
#include <QWidget>

#include <functional>

class QLabel;
class QSplitter;

namespace newscoder {

class AnnotationPane;
class ArticleView;
class ProjectSession;

// The central area: the article (read-only, highlighted) beside the editable
// annotation pane. Keeps the selected annotation in sync between both and
// carries out the coding actions.
class CodingWorkspace final : public QWidget
{
    Q_OBJECT

public:
    CodingWorkspace(ProjectSession &session, QWidget *parent = nullptr);

    void showDocument(const QUuid &documentId);
    QUuid currentDocument() const { return m_documentId; }

    // Codes the selected text of the article; returns the new annotation's id.
    QUuid applyCode(const QUuid &codeId);
    // Deletes the selected annotation(s) (undoable). When other annotations
    // link to them, the chooser decides (by default: a question to the user).
    bool deleteSelectedAnnotations();
    using LinkedDeletionChooser = std::function<LinkedDeletionChoice(const QList<QUuid> &linking)>;
    void setLinkedDeletionChooser(LinkedDeletionChooser chooser) { m_chooser = std::move(chooser); }
    bool hasSelectedAnnotation() const;

    ArticleView *articleView() const { return m_view; }
    AnnotationPane *annotationPane() const { return m_pane; }
    QSplitter *splitter() const { return m_splitter; }
    // The article three fifths, the annotation pane two.
    void resetSplitter();
    // The article keeps at least half the width (after a restored splitter state, say).
    void keepReadingPaneWide();

Q_SIGNALS:
    void selectionStateChanged();
    void statusMessage(const QString &message);

protected:
    // A restored or squeezed splitter never leaves the article less than half the width.
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void selectAnnotation(const QUuid &annotationId, bool scroll);

    ProjectSession &m_session;
    QUuid m_documentId;
    QLabel *m_title = nullptr;
    ArticleView *m_view = nullptr;
    AnnotationPane *m_pane = nullptr;
    QSplitter *m_splitter = nullptr;
    LinkedDeletionChooser m_chooser;
};

} // namespace newscoder
