#include "commands/CodeCommands.h"

#include "project/Project.h"
#include "storage/ProjectStore.h"

namespace newscoder {

bool CodeCommand::insert(const QList<Code> &codes, const QList<Annotation> &annotations,
                         const QList<StoredValue> &values)
{
    return m_project.applyInsertCodes(codes, annotations, values);
}

bool CodeCommand::remove(const QList<Code> &codes)
{
    return m_project.applyRemoveCodes(codes);
}

bool CodeCommand::update(const Code &code, const QList<StoredValue> &restoredValues)
{
    return m_project.applyUpdateCode(code, restoredValues);
}

CodePresenceCommand::CodePresenceCommand(Project &project, Direction direction, QList<Code> codes,
                                         QList<Annotation> annotations, QList<StoredValue> values)
    : CodeCommand(project, QString()), m_direction(direction), m_codes(std::move(codes)),
      m_annotations(std::move(annotations)), m_values(std::move(values))
{
    const QString name = m_codes.isEmpty() ? QString() : m_codes.first().name;
    setText(m_direction == Direction::Add ? QStringLiteral("Add code “%1”").arg(name)
                                          : QStringLiteral("Delete code “%1”").arg(name));
}

void CodePresenceCommand::redo()
{
    setObsolete(!(m_direction == Direction::Add ? insert(m_codes, m_annotations, m_values) : remove(m_codes)));
}

void CodePresenceCommand::undo()
{
    setObsolete(!(m_direction == Direction::Add ? remove(m_codes) : insert(m_codes, m_annotations, m_values)));
}

UpdateCodeCommand::UpdateCodeCommand(Project &project, Code before, Code after, QList<StoredValue> removedFieldValues)
    : CodeCommand(project, QStringLiteral("Edit code “%1”").arg(after.name)), m_before(std::move(before)),
      m_after(std::move(after)), m_removedFieldValues(std::move(removedFieldValues))
{
}

void UpdateCodeCommand::redo()
{
    setObsolete(!update(m_after));
}

void UpdateCodeCommand::undo()
{
    setObsolete(!update(m_before, m_removedFieldValues));
}

} // namespace newscoder
