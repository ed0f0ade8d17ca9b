#pragma once

#include "model/Annotation.h"
#include "model/StoredValue.h"

#include <QUndoCommand>

namespace newscoder {

class Project;

// Base of the annotation commands: the only way they reach Project's data.
class AnnotationCommand : public QUndoCommand
{
protected:
    AnnotationCommand(Project &project, const QString &text) : QUndoCommand(text), m_project(project) {}
    bool insert(const QList<Annotation> &annotations, const QList<StoredValue> &values = {},
                const std::optional<Coder> &newCoder = {});
    bool remove(const QList<Annotation> &annotations, const std::optional<Coder> &newCoder = {});
    bool update(const Annotation &before, const Annotation &after);

    Project &m_project;
};

// Adds annotations (redo) / removes them again (undo); or the reverse.
// `values`: the field values owned by or linking to the annotations, restored
// with them (removal captures them before the rows cascade away). `newCoder`
// (Add only): the coder the annotations introduce; its row comes and goes with them.
class AnnotationPresenceCommand final : public AnnotationCommand
{
public:
    enum class Direction { Add, Remove };
    AnnotationPresenceCommand(Project &project, Direction direction, QList<Annotation> annotations,
                              QList<StoredValue> values = {}, std::optional<Coder> newCoder = {});
    void redo() override;
    void undo() override;

private:
    Direction m_direction;
    QList<Annotation> m_annotations;
    QList<StoredValue> m_values;
    std::optional<Coder> m_newCoder;
};

// Changes an annotation's code, span or memo. Consecutive memo edits of the
// same annotation merge into one step (typing); returning to the original
// value drops the step.
class UpdateAnnotationCommand final : public AnnotationCommand
{
public:
    UpdateAnnotationCommand(Project &project, const QString &text, Annotation before, Annotation after);
    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    bool onlyMemoChanged() const;

    Annotation m_before;
    Annotation m_after;
};

} // namespace newscoder
