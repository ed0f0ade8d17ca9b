#include "commands/CodebookCommands.h"

#include "project/Project.h"
#include "storage/ProjectStore.h"

namespace newscoder {

CodebookChangeCommand::CodebookChangeCommand(Project &project, const QString &text, CodebookChange redoChange,
                                             CodebookChange undoChange)
    : QUndoCommand(text), m_project(project), m_redo(std::move(redoChange)), m_undo(std::move(undoChange))
{
}

void CodebookChangeCommand::redo()
{
    setObsolete(!m_project.applyCodebookChange(m_redo));
}

void CodebookChangeCommand::undo()
{
    setObsolete(!m_project.applyCodebookChange(m_undo));
}

} // namespace newscoder
