#include "commands/ValueCommands.h"

#include "commands/CommandIds.h"
#include "project/Project.h"
#include "storage/ProjectStore.h"

namespace newscoder {

SetFieldValuesCommand::SetFieldValuesCommand(Project &project, const QString &text, Target target,
                                             QList<FieldValue> before, QList<FieldValue> after, bool mergeable,
                                             std::optional<Coder> newCoder)
    : QUndoCommand(text), m_project(project), m_target(std::move(target)), m_before(std::move(before)),
      m_after(std::move(after)), m_mergeable(mergeable), m_newCoder(std::move(newCoder))
{
}

void SetFieldValuesCommand::redo()
{
    setObsolete(!m_project.applyReplaceValues(m_target.owner, m_target.ownerId, m_target.coderId, m_target.fieldId,
                                              m_after, m_newCoder, true));
}

void SetFieldValuesCommand::undo()
{
    setObsolete(!m_project.applyReplaceValues(m_target.owner, m_target.ownerId, m_target.coderId, m_target.fieldId,
                                              m_before, m_newCoder, false));
}

int SetFieldValuesCommand::id() const
{
    // A step that wrote a new coder's row stays alone: merged away, its undo would be lost.
    return m_mergeable && !m_newCoder ? FieldValueCommandId : -1;
}

bool SetFieldValuesCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = dynamic_cast<const SetFieldValuesCommand *>(other);
    if (!next || next->isObsolete() || !next->m_mergeable || next->m_target != m_target)
        return false;
    m_after = next->m_after;
    if (m_after == m_before)
        setObsolete(true); // typed back to where it started: nothing to undo
    return true;
}

RegistryChangeCommand::RegistryChangeCommand(Project &project, const QString &text, RegistryChange redoChange,
                                             RegistryChange undoChange)
    : QUndoCommand(text), m_project(project), m_redo(std::move(redoChange)), m_undo(std::move(undoChange))
{
}

void RegistryChangeCommand::redo()
{
    setObsolete(!m_project.applyRegistryChange(m_redo));
}

void RegistryChangeCommand::undo()
{
    setObsolete(!m_project.applyRegistryChange(m_undo));
}

} // namespace newscoder
