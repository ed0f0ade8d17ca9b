#include "commands/TextCommands.h"

#include "project/Project.h"
#include "storage/ProjectStore.h"

namespace newscoder {

EditTextCommand::EditTextCommand(Project &project, QUuid documentId, QString textBefore, QString textAfter,
                                 QList<AnchoredEdit> steps)
    : QUndoCommand(QStringLiteral("Edit article text")), m_project(project), m_documentId(documentId),
      m_textBefore(std::move(textBefore)), m_textAfter(std::move(textAfter)), m_steps(std::move(steps))
{
}

void EditTextCommand::redo()
{
    setObsolete(!m_project.applyDocumentText(m_documentId, m_textAfter, m_steps, false));
}

void EditTextCommand::undo()
{
    setObsolete(!m_project.applyDocumentText(m_documentId, m_textBefore, m_steps, true));
}

} // namespace newscoder
