#pragma once

#include "model/Annotation.h"
#include "model/Code.h"
#include "model/StoredValue.h"

#include <QUndoCommand>

namespace newscoder {

class Project;

// Base of the codebook commands: the only way they reach Project's data.
class CodeCommand : public QUndoCommand
{
protected:
    CodeCommand(Project &project, const QString &text) : QUndoCommand(text), m_project(project) {}
    bool insert(const QList<Code> &codes, const QList<Annotation> &annotations, const QList<StoredValue> &values);
    bool remove(const QList<Code> &codes);
    bool update(const Code &code, const QList<StoredValue> &restoredValues = {});

    Project &m_project;
};

// Adds codes (redo) / removes them (undo); or removes codes with their
// annotations and restores both on undo. `codes` are parent-first; `values`
// are the field values that go with the codes' fields and annotations.
class CodePresenceCommand final : public CodeCommand
{
public:
    enum class Direction { Add, Remove };
    CodePresenceCommand(Project &project, Direction direction, QList<Code> codes, QList<Annotation> annotations,
                        QList<StoredValue> values = {});
    void redo() override;
    void undo() override;

private:
    Direction m_direction;
    QList<Code> m_codes;
    QList<Annotation> m_annotations;
    QList<StoredValue> m_values;
};

// Renames, recolours, re-describes, re-parents or re-keys one code, or
// changes its fields. `removedFieldValues`: the values of fields `after`
// drops (they cascade away on redo and come back on undo).
class UpdateCodeCommand final : public CodeCommand
{
public:
    UpdateCodeCommand(Project &project, Code before, Code after, QList<StoredValue> removedFieldValues = {});
    void redo() override;
    void undo() override;

private:
    Code m_before;
    Code m_after;
    QList<StoredValue> m_removedFieldValues;
};

} // namespace newscoder
