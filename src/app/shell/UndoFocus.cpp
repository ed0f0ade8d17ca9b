#include "shell/UndoFocus.h"

#include "project/Project.h"
#include "storage/StoreError.h"

#include <QUndoStack>

#include <utility>

namespace newscoder {

UndoFocus::UndoFocus(Project &project, Show show) : QObject(&project), m_project(project), m_show(std::move(show))
{
    connect(&project, &Project::annotationsInserted, this, [this](const QList<Annotation> &annotations) {
        if (!annotations.isEmpty())
            touch(annotations.first().documentId, annotations.first().id);
    });
    connect(&project, &Project::annotationsRemoved, this, [this](const QList<Annotation> &annotations) {
        if (!annotations.isEmpty())
            touch(annotations.first().documentId);
    });
    connect(&project, &Project::annotationChanged, this,
            [this](const Annotation &, const Annotation &after) { touch(after.documentId, after.id); });
    connect(&project, &Project::documentChanged, this, [this](const QUuid &id) { touch(id); });
    connect(&project, &Project::documentTextChanged, this, [this](const QUuid &id) { touch(id); });
    connect(&project, &Project::valuesChanged, this, [this](StoredValue::Owner owner, const QList<QUuid> &ids) {
        if (ids.isEmpty())
            return;
        if (owner == StoredValue::Owner::Document) {
            touch(ids.first());
        } else if (owner == StoredValue::Owner::Annotation) {
            try {
                if (const auto a = m_project.reader().annotation(ids.first()))
                    touch(a->documentId, a->id);
            } catch (const StoreError &) {
            }
        }
    });
    connect(project.undoStack(), &QUndoStack::indexChanged, this, &UndoFocus::stepped);
    remember();
}

void UndoFocus::touch(const QUuid &documentId, const QUuid &annotationId)
{
    if (m_documents.isEmpty())
        m_annotation = annotationId;
    if (!m_documents.contains(documentId))
        m_documents.append(documentId);
}

void UndoFocus::stepped(int index)
{
    const QUndoStack *stack = m_project.undoStack();
    // An undo or redo moves the index by one over the same commands; a new
    // edit adds one (or replaces those that could be redone).
    const bool same = stack->count() == m_count;
    const bool undone = same && index == m_index - 1 && stack->command(index) == m_undoable;
    const bool redone = same && index == m_index + 1 && stack->command(index - 1) == m_redoable;
    const QList<QUuid> documents = std::exchange(m_documents, {});
    const QUuid annotation = std::exchange(m_annotation, {});
    remember();
    if ((undone || redone) && !documents.isEmpty())
        m_show(documents, annotation);
}

void UndoFocus::remember()
{
    const QUndoStack *stack = m_project.undoStack();
    m_index = stack->index();
    m_count = stack->count();
    m_undoable = m_index > 0 ? stack->command(m_index - 1) : nullptr;
    m_redoable = m_index < m_count ? stack->command(m_index) : nullptr;
}

} // namespace newscoder
