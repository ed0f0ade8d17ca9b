#include "commands/StudyCommands.h"

#include "project/Project.h"
#include "storage/ProjectStore.h"

namespace newscoder {

StudyChangeCommand::StudyChangeCommand(Project &project, const QString &text, StudyChange redoChange,
                                       StudyChange undoChange)
    : QUndoCommand(text), m_project(project), m_redo(std::move(redoChange)), m_undo(std::move(undoChange))
{
}

void StudyChangeCommand::redo()
{
    setObsolete(!m_project.applyStudyChange(m_redo));
}

void StudyChangeCommand::undo()
{
    setObsolete(!m_project.applyStudyChange(m_undo));
}

} // namespace newscoder
