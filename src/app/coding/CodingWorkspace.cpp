#include "coding/CodingWorkspace.h"

#include "coding/AnnotationPane.h"
#include "coding/ArticleView.h"
#include "shell/ProjectSession.h"
#include "text/Graphemes.h"

#include <QLabel>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace newscoder {

CodingWorkspace::CodingWorkspace(ProjectSession &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("codingWorkspace"));
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("workspaceSplitter"));

    auto *left = new QWidget(m_splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(left);
    m_title->setObjectName(QStringLiteral("articleTitle"));
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::RichText);
    m_title->setContentsMargins(8, 6, 8, 2);
    m_view = new ArticleView(session.project(), session.annotations, left);
    leftLayout->addWidget(m_title);
    leftLayout->addWidget(m_view);

    m_pane = new AnnotationPane(session.project(), session.annotations, session.details, m_splitter);
    m_splitter->addWidget(left);
    m_splitter->addWidget(m_pane);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    connect(m_view, &ArticleView::annotationClicked, this, [this](const QUuid &id) { selectAnnotation(id, false); });
    connect(m_pane, &AnnotationPane::currentAnnotationChanged, this, [this](const QUuid &id) {
        m_view->setSelectedAnnotation(id, true);
        Q_EMIT selectionStateChanged();
    });
    connect(m_pane, &AnnotationPane::followLinkRequested, this, [this](const QUuid &id) {
        if (m_session.annotations.rowOf(id) >= 0)
            selectAnnotation(id, true);
    });
    connect(m_view, &QTextEdit::selectionChanged, this, &CodingWorkspace::selectionStateChanged);
    connect(&session.project(), &Project::documentChanged, this, [this](const QUuid &id) {
        if (id == m_documentId)
            showDocument(id);
    });
    connect(&session.project(), &Project::outletsChanged, this, [this] { showDocument(m_documentId); });
    showDocument({});
}

void CodingWorkspace::showDocument(const QUuid &documentId)
{
    if (documentId != m_documentId || documentId.isNull()) {
        m_documentId = documentId;
        m_session.annotations.setDocument(documentId);
        m_session.details.setDocument(documentId);
    }
    const DocumentSummary *summary = m_session.documents.summary(documentId);
    if (!summary) {
        m_title->setText(tr("<i>Choose an article from the list, or import articles (File ▸ Import).</i>"));
        return;
    }
    QStringList meta;
    if (const QString outlet = m_session.documents.outletName(*summary); !outlet.isEmpty())
        meta << outlet.toHtmlEscaped();
    if (summary->date.isValid())
        meta << summary->date.toString(Qt::ISODate);
    m_title->setText(QStringLiteral("<span style='font-size:large; font-weight:600'>%1</span><br/>"
                                    "<span style='color:gray'>%2</span>")
                         .arg(summary->title.toHtmlEscaped(), meta.join(QStringLiteral(" · "))));
}

QUuid CodingWorkspace::applyCode(const QUuid &codeId)
{
    if (m_documentId.isNull()) {
        Q_EMIT statusMessage(tr("Open an article first."));
        return {};
    }
    if (m_session.project().isReadOnly()) {
        Q_EMIT statusMessage(tr("This project is open read-only — nothing can be coded."));
        return {};
    }
    const auto [codingStart, codingEnd] = m_view->codingSpan();
    if (codingEnd <= codingStart) {
        Q_EMIT statusMessage(m_view->textCursor().hasSelection()
                                 ? tr("The selection holds only white space — nothing to code.")
                                 : tr("Select the text to code first."));
        return {};
    }
    // Coding keeps the reader's place: the new row's selection must not scroll the text.
    const int scrolled = m_view->verticalScrollBar()->value();
    // Whole characters only: a letter with its accent, an emoji sequence, a flag.
    const TextSpan span = snapToGraphemes(m_session.annotations.text(), {codingStart, codingEnd});
    const auto id = m_session.project().addAnnotation(m_documentId, codeId, span.start, span.end);
    if (!id)
        return {}; // the project reported why
    QTextCursor cursor = m_view->textCursor();
    cursor.clearSelection();
    m_view->setTextCursor(cursor);
    selectAnnotation(*id, false);
    m_view->verticalScrollBar()->setValue(scrolled);
    const auto code = m_session.project().code(codeId);
    Q_EMIT statusMessage(tr("Coded as %1 — saved.").arg(code ? code->name : QString()));
    return *id;
}

void CodingWorkspace::resetSplitter()
{
    const int total = qMax(m_splitter->width(), 500);
    m_splitter->setSizes({total * 3 / 5, total - total * 3 / 5});
}

void CodingWorkspace::keepReadingPaneWide()
{
    const QList<int> sizes = m_splitter->sizes();
    const int total = sizes.value(0) + sizes.value(1);
    if (total > 0 && sizes.value(0) * 2 < total)
        resetSplitter();
}

void CodingWorkspace::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    keepReadingPaneWide();
}

void CodingWorkspace::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    keepReadingPaneWide();
}

void CodingWorkspace::selectAnnotation(const QUuid &annotationId, bool scroll)
{
    m_view->setSelectedAnnotation(annotationId, scroll);
    m_pane->selectAnnotation(annotationId);
    Q_EMIT selectionStateChanged();
}

bool CodingWorkspace::hasSelectedAnnotation() const
{
    return !m_pane->annotationTable()->selectionModel()->selectedRows().isEmpty();
}

bool CodingWorkspace::deleteSelectedAnnotations()
{
    QList<QUuid> ids;
    for (const QModelIndex &index : m_pane->annotationTable()->selectionModel()->selectedRows())
        ids.append(m_session.annotations.annotation(index.row())->id);
    if (ids.isEmpty())
        return false;
    const QList<QUuid> linking = annotationsLinkingToAny(m_session.project(), ids);
    LinkedDeletionChoice choice = LinkedDeletionChoice::RemoveLinksOnly;
    if (!linking.isEmpty())
        choice = m_chooser ? m_chooser(linking) : askAboutLinkingAnnotations(this, m_session.project(), linking);
    const QList<QUuid> deleted = deleteAnnotationsWithLinks(m_session.project(), ids, choice);
    if (!deleted.isEmpty())
        Q_EMIT statusMessage(tr("Deleted %n annotation(s) — Undo brings it back.", nullptr, int(deleted.size())));
    return !deleted.isEmpty();
}

} // namespace newscoder
