#pragma once

#include "study/StudyChange.h"

#include <QUndoCommand>

namespace newscoder {

class Project;

// Any study edit (coders, assignments, samples, adjudication): redo applies
// one change set, undo the inverse given with it.
class StudyChangeCommand final : public QUndoCommand
{
public:
    StudyChangeCommand(Project &project, const QString &text, StudyChange redoChange, StudyChange undoChange);
    void redo() override;
    void undo() override;

private:
    Project &m_project;
    StudyChange m_redo;
    StudyChange m_undo;
};

} // namespace newscoder
