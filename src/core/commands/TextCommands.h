#pragma once

#include "model/Annotation.h"

#include <QUndoCommand>

namespace newscoder {

class Project;

// One edit of an article's text as the store sees it: annotations starting at
// or after `shiftFrom` (in the text before the edit) move by `delta`;
// `undoFrom` is that place in the text after it. `before`/`after`: the
// annotations the edit touched otherwise, as they were and as they become.
struct AnchoredEdit
{
    int shiftFrom = 0;
    int undoFrom = 0;
    int delta = 0;
    QList<Annotation> before;
    QList<Annotation> after;
};

// Replaces an article's text and moves its annotations with it, writing only
// what moves: per edit, the annotations after it in one statement (shifted by
// the edit's length change) and those it touched one by one. Undo shifts back
// and puts every touched annotation back exactly as it was.
class EditTextCommand final : public QUndoCommand
{
public:
    EditTextCommand(Project &project, QUuid documentId, QString textBefore, QString textAfter, QList<AnchoredEdit> steps);
    void redo() override;
    void undo() override;

private:
    Project &m_project;
    QUuid m_documentId;
    QString m_textBefore;
    QString m_textAfter;
    QList<AnchoredEdit> m_steps;
};

} // namespace newscoder
