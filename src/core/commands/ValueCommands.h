#pragma once

#include "model/Actor.h"
#include "model/Annotation.h"
#include "model/Outlet.h"
#include "model/StoredValue.h"

#include <QUndoCommand>

namespace newscoder {

class Project;

// Sets the values of one field of one owner (an annotation; an article for
// one coder; an outlet). Consecutive edits of the same text or number field
// merge into one undo step (typing).
class SetFieldValuesCommand final : public QUndoCommand
{
public:
    struct Target
    {
        StoredValue::Owner owner = StoredValue::Owner::Annotation;
        QUuid ownerId;
        QUuid coderId; // articles only
        QUuid fieldId;
        friend bool operator==(const Target &, const Target &) = default;
    };

    SetFieldValuesCommand(Project &project, const QString &text, Target target, QList<FieldValue> before,
                          QList<FieldValue> after, bool mergeable, std::optional<Coder> newCoder = {});
    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    Project &m_project;
    Target m_target;
    QList<FieldValue> m_before;
    QList<FieldValue> m_after;
    bool m_mergeable;
    std::optional<Coder> m_newCoder; // the coder (articles) whose row this step writes first
};

// A change of the registries and the values that point into them, applied in
// this order: insert actors and outlets, update them, assign articles to
// outlets, remove values, insert values, remove actors and outlets.
struct RegistryChange
{
    QList<Actor> insertActors;
    QList<Actor> updateActors;
    QList<QUuid> removeActors;
    QList<Outlet> insertOutlets;
    QList<Outlet> updateOutlets;
    QList<QUuid> removeOutlets;
    QList<QPair<QUuid, QUuid>> documentOutlets; // (document, outlet or null)
    QList<StoredValue> removeValues;
    QList<StoredValue> insertValues;
};

// Any registry edit: add, edit, merge or remove actors and outlets, assign
// articles to outlets. Undo applies the inverse change given with it.
class RegistryChangeCommand final : public QUndoCommand
{
public:
    RegistryChangeCommand(Project &project, const QString &text, RegistryChange redoChange,
                          RegistryChange undoChange);
    void redo() override;
    void undo() override;

private:
    Project &m_project;
    RegistryChange m_redo;
    RegistryChange m_undo;
};

} // namespace newscoder
