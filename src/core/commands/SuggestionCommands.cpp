#include "commands/SuggestionCommands.h"

#include "project/Project.h"
#include "storage/ProjectStore.h"

namespace newscoder {

SuggestionStatusCommand::SuggestionStatusCommand(Project &project, const QString &text, QList<Annotation> before,
                                                 QList<Annotation> after)
    : QUndoCommand(text), m_project(project), m_before(std::move(before)), m_after(std::move(after))
{
}

// A failed write marks the command obsolete, as the other commands do.
void SuggestionStatusCommand::redo()
{
    setObsolete(!m_project.applyUpdateAnnotations(m_before, m_after));
}

void SuggestionStatusCommand::undo()
{
    setObsolete(!m_project.applyUpdateAnnotations(m_after, m_before));
}

} // namespace newscoder
