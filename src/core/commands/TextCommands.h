#pragma once

#include "model/Annotation.h"

#include <QUndoCommand>

namespace newscoder {

class Project;

// Replaces an article's text and moves its annotations with it; undo puts
// back the old text and every annotation exactly as it was.
class EditTextCommand final : public QUndoCommand
{
public:
    struct State
    {
        QString text;
        QList<Annotation> annotations;
    };

    EditTextCommand(Project &project, QUuid documentId, State before, State after);
    void redo() override;
    void undo() override;

private:
    Project &m_project;
    QUuid m_documentId;
    State m_before;
    State m_after;
};

} // namespace newscoder
