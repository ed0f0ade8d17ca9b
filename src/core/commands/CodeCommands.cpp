#include "commands/CodeCommands.h"

#include "project/Project.h"

namespace newscoder {

bool CodeCommand::insert(const QList<Code> &codes, const QList<Annotation> &annotations)
{
    return m_project.applyInsertCodes(codes, annotations);
}

bool CodeCommand::remove(const QList<Code> &codes)
{
    return m_project.applyRemoveCodes(codes);
}

bool CodeCommand::update(const Code &code)
{
    return m_project.applyUpdateCode(code);
}

CodePresenceCommand::CodePresenceCommand(Project &project, Direction direction, QList<Code> codes,
                                         QList<Annotation> annotations)
    : CodeCommand(project, QString()), m_direction(direction), m_codes(std::move(codes)),
      m_annotations(std::move(annotations))
{
    const QString name = m_codes.isEmpty() ? QString() : m_codes.first().name;
    setText(m_direction == Direction::Add ? QStringLiteral("Add code “%1”").arg(name)
                                          : QStringLiteral("Delete code “%1”").arg(name));
}

void CodePresenceCommand::redo()
{
    setObsolete(!(m_direction == Direction::Add ? insert(m_codes, m_annotations) : remove(m_codes)));
}

void CodePresenceCommand::undo()
{
    setObsolete(!(m_direction == Direction::Add ? remove(m_codes) : insert(m_codes, m_annotations)));
}

UpdateCodeCommand::UpdateCodeCommand(Project &project, Code before, Code after)
    : CodeCommand(project, QStringLiteral("Edit code “%1”").arg(after.name)), m_before(std::move(before)),
      m_after(std::move(after))
{
}

void UpdateCodeCommand::redo()
{
    setObsolete(!update(m_after));
}

void UpdateCodeCommand::undo()
{
    setObsolete(!update(m_before));
}

} // namespace newscoder
