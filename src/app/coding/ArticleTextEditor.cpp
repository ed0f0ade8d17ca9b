#include "coding/ArticleTextEditor.h"

#include "project/Project.h"
#include "storage/StoreError.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QVBoxLayout>

namespace newscoder {

ArticleTextEditor::ArticleTextEditor(Project &project, const QUuid &documentId, QWidget *parent)
    : QDialog(parent), m_project(project), m_documentId(documentId)
{
    setObjectName(QStringLiteral("articleTextEditor"));
    QString title;
    try {
        m_original = project.reader().documentText(documentId);
        m_annotations = project.reader().annotationsForDocument(documentId);
        if (const auto summary = project.reader().documentSummary(documentId))
            title = summary->title;
    } catch (const StoreError &e) {
        Q_EMIT project.errorOccurred(e.message());
    }
    m_text = m_original;
    setWindowTitle(tr("Edit Article Text — %1").arg(title));

    auto *intro = new QLabel(tr("Fix scraping or OCR errors. Annotations move with the text; an annotation whose "
                                "whole text you delete is kept and flagged for review."),
                             this);
    intro->setWordWrap(true);
    intro->setText(intro->text() + u' ' + tr("Coded text is tinted in its code's colour."));
    m_editor = new QPlainTextEdit(this);
    m_editor->setObjectName(QStringLiteral("articleTextEdit"));
    m_editor->setPlainText(m_original);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("editNote"));
    m_note->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_note);
    layout->addWidget(m_buttons);

    // The editor must hold exactly the stored text (a carriage return, say,
    // would become a paragraph break), or recorded offsets would not match.
    if (editorText() != m_original) {
        m_broken = true;
        m_editor->setReadOnly(true);
    }
    connect(m_editor->document(), &QTextDocument::contentsChange, this, &ArticleTextEditor::onContentsChange);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, [this] {
        if (apply())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    showCodedSpans();
    updateNote();
    resize(760, 560);
}

// The coded spans, tinted in their codes' colours; the highlights move with
// the text as it is edited (QTextCursor follows the document's changes).
void ArticleTextEditor::showCodedSpans()
{
    QList<QTextEdit::ExtraSelection> selections;
    for (const Annotation &a : std::as_const(m_annotations)) {
        const auto code = m_project.code(a.codeId);
        QColor tint = code ? code->color : QColor(Qt::gray);
        tint.setAlpha(70);
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(m_editor->document());
        selection.cursor.setPosition(qMin(a.start, int(m_original.size())));
        selection.cursor.setPosition(qMin(a.end, int(m_original.size())), QTextCursor::KeepAnchor);
        selection.format.setBackground(tint);
        selection.format.setToolTip(code ? code->name : QString());
        selections.append(selection);
    }
    m_editor->setExtraSelections(selections);
}

QList<QTextEdit::ExtraSelection> ArticleTextEditor::codedSpans() const
{
    return m_editor->extraSelections();
}

// The document's characters as a QString: a paragraph separator (one
// position in QTextDocument) is a line break of the stored text.
QString ArticleTextEditor::editorText() const
{
    QString raw = m_editor->document()->toRawText();
    raw.replace(QChar::ParagraphSeparator, u'\n');
    return raw;
}

void ArticleTextEditor::onContentsChange(int position, int removed, int added)
{
    if (m_broken)
        return;
    const QString now = editorText();
    // Qt sometimes reports a wider range than what changed (e.g. the final
    // paragraph separator): clamp it, check it, then trim what stayed equal.
    const int oldSize = int(m_text.size());
    const int newSize = int(now.size());
    int p = qBound(0, position, qMin(oldSize, newSize));
    int tail = qMax(0, oldSize - (position + removed));
    tail = qMin(tail, qMin(oldSize, newSize) - p);
    std::optional<TextEdit> edit;
    if (QStringView(m_text).left(p) == QStringView(now).left(p)
        && QStringView(m_text).right(tail) == QStringView(now).right(tail)) {
        edit = diffTexts(m_text.mid(p, oldSize - tail - p), now.mid(p, newSize - tail - p));
        if (edit)
            edit->position += p;
    } else {
        edit = diffTexts(m_text, now);
    }
    Q_UNUSED(added);
    if (!edit)
        return;
    edit = widenToGraphemes(m_text, *edit); // whole characters: removing an accent replaces its letter
    m_edits.append(*edit);
    m_text = applyEdit(m_text, *edit);
    updateNote();
}

void ArticleTextEditor::updateNote()
{
    QPushButton *applyButton = m_buttons->button(QDialogButtonBox::Apply);
    if (m_broken) {
        m_note->setText(tr("This article's text has characters the editor cannot keep exactly (such as carriage "
                           "returns); edit it with “newscoder-cli edit-text” instead."));
        applyButton->setEnabled(false);
        return;
    }
    if (m_text == m_original) {
        m_note->setText(tr("No changes."));
        applyButton->setEnabled(false);
        return;
    }
    QList<TextSpan> spans;
    for (const Annotation &a : std::as_const(m_annotations))
        spans.append({a.start, a.end});
    int moved = 0, flagged = 0;
    for (const ShiftedSpan &s : shiftSpans(spans, m_edits)) {
        if (s.isOrphaned())
            ++flagged;
        else if (s.status != AnchorStatus::Unchanged)
            ++moved;
    }
    const int edits = int(m_edits.size());
    QString note = (edits == 1 ? tr("%n edit:", nullptr, edits) : tr("%n edits:", nullptr, edits)) + u' '
                   + (moved == 1 ? tr("%n annotation will move or change extent.", nullptr, moved)
                                 : tr("%n annotations will move or change extent.", nullptr, moved));
    if (flagged > 0)
        note += u' '
                + (flagged == 1
                       ? tr("<b>%n annotation loses all its text and will be flagged ⚠ for review</b> "
                            "(kept where its text was, so you can re-anchor or delete it).",
                            nullptr, flagged)
                       : tr("<b>%n annotations lose all their text and will be flagged ⚠ for review</b> "
                            "(kept where their text was, so you can re-anchor or delete them).",
                            nullptr, flagged));
    m_note->setText(note);
    applyButton->setEnabled(true);
}

bool ArticleTextEditor::apply()
{
    if (m_broken || m_text == m_original)
        return true;
    return m_project.editDocumentText(m_documentId, m_edits);
}

} // namespace newscoder
