#pragma once

#include "model/Annotation.h"
#include "text/AnchorShift.h"

#include <QDialog>
#include <QTextEdit>
#include <QUuid>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace newscoder {

class Project;

// Edit mode: the article's text in a plain-text editor. Every change is
// recorded (QTextDocument::contentsChange) as a TextEdit of the stored text;
// a note says how many annotations will move and how many will be flagged for
// review. Apply hands the edits to Project::editDocumentText (one undo step);
// Cancel discards them.
class ArticleTextEditor final : public QDialog
{
    Q_OBJECT

public:
    ArticleTextEditor(Project &project, const QUuid &documentId, QWidget *parent = nullptr);

    QPlainTextEdit *editor() const { return m_editor; }
    QLabel *note() const { return m_note; }
    // Coded spans shown in the editor (tinted), moving with the edits.
    QList<QTextEdit::ExtraSelection> codedSpans() const;
    // The edits so far, in order; applied to the stored text they give text().
    const QList<TextEdit> &edits() const { return m_edits; }
    QString text() const { return m_text; }
    // Applies the edits to the project; false (and the dialog stays open) on failure.
    bool apply();

private:
    void onContentsChange(int position, int removed, int added);
    QString editorText() const;
    void updateNote();
    void showCodedSpans();

    Project &m_project;
    QUuid m_documentId;
    QString m_original;
    QString m_text; // the stored text with m_edits applied (mirrors the editor)
    QList<TextEdit> m_edits;
    QList<Annotation> m_annotations;
    QPlainTextEdit *m_editor = nullptr;
    QLabel *m_note = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_broken = false; // the editor could not mirror the text exactly
};

} // namespace newscoder
