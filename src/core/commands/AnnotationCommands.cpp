#include "commands/AnnotationCommands.h"

#include "commands/CommandIds.h"
#include "project/Project.h"
#include "storage/ProjectStore.h"

namespace newscoder {

bool AnnotationCommand::insert(const QList<Annotation> &annotations, const QList<StoredValue> &values,
                               const std::optional<Coder> &newCoder)
{
    return m_project.applyInsertAnnotations(annotations, values, newCoder);
}

bool AnnotationCommand::remove(const QList<Annotation> &annotations, const std::optional<Coder> &newCoder)
{
    return m_project.applyRemoveAnnotations(annotations, newCoder);
}

bool AnnotationCommand::update(const Annotation &before, const Annotation &after)
{
    return m_project.applyUpdateAnnotation(before, after);
}

AnnotationPresenceCommand::AnnotationPresenceCommand(Project &project, Direction direction,
                                                     QList<Annotation> annotations, QList<StoredValue> values,
                                                     std::optional<Coder> newCoder)
    : AnnotationCommand(project, QString()), m_direction(direction), m_annotations(std::move(annotations)),
      m_values(std::move(values)), m_newCoder(std::move(newCoder))
{
    const auto n = m_annotations.size();
    if (m_direction == Direction::Add)
        setText(n == 1 ? QStringLiteral("Add annotation") : QStringLiteral("Add %1 annotations").arg(n));
    else
        setText(n == 1 ? QStringLiteral("Delete annotation") : QStringLiteral("Delete %1 annotations").arg(n));
}

// A failed write marks the command obsolete: QUndoStack then drops it, so the
// stack never claims a state the file does not have.
void AnnotationPresenceCommand::redo()
{
    const bool ok = m_direction == Direction::Add ? insert(m_annotations, m_values, m_newCoder)
                                                  : remove(m_annotations);
    setObsolete(!ok);
}

void AnnotationPresenceCommand::undo()
{
    const bool ok = m_direction == Direction::Add ? remove(m_annotations, m_newCoder)
                                                  : insert(m_annotations, m_values);
    setObsolete(!ok);
}

UpdateAnnotationCommand::UpdateAnnotationCommand(Project &project, const QString &text, Annotation before,
                                                 Annotation after)
    : AnnotationCommand(project, text), m_before(std::move(before)), m_after(std::move(after))
{
}

void UpdateAnnotationCommand::redo()
{
    setObsolete(!update(m_before, m_after));
}

void UpdateAnnotationCommand::undo()
{
    setObsolete(!update(m_after, m_before));
}

bool UpdateAnnotationCommand::onlyMemoChanged() const
{
    return m_before.codeId == m_after.codeId && m_before.start == m_after.start && m_before.end == m_after.end;
}

int UpdateAnnotationCommand::id() const
{
    return onlyMemoChanged() ? AnnotationMemoCommandId : -1;
}

bool UpdateAnnotationCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const UpdateAnnotationCommand *>(other);
    if (next->m_after.id != m_after.id || !next->onlyMemoChanged())
        return false;
    m_after = next->m_after;
    // Typed back to where it started: put the whole annotation back (its
    // modification time too), then the step has nothing left to undo.
    if (m_after.memo == m_before.memo && update(m_after, m_before))
        setObsolete(true);
    return true;
}

} // namespace newscoder
