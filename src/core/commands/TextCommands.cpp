#include "commands/TextCommands.h"

#include "project/Project.h"

namespace newscoder {

EditTextCommand::EditTextCommand(Project &project, QUuid documentId, State before, State after)
    : QUndoCommand(QStringLiteral("Edit article text")), m_project(project), m_documentId(documentId),
      m_before(std::move(before)), m_after(std::move(after))
{
}

void EditTextCommand::redo()
{
    setObsolete(!m_project.applyDocumentText(m_documentId, m_after.text, m_after.annotations));
}

void EditTextCommand::undo()
{
    setObsolete(!m_project.applyDocumentText(m_documentId, m_before.text, m_before.annotations));
}

} // namespace newscoder
