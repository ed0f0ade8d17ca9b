#pragma once

#include "model/Annotation.h"
#include "model/Document.h"
#include "model/Outlet.h"
#include "model/StoredValue.h"

#include <QUndoCommand>

namespace newscoder {

class Project;

// Base of the document commands: the only way they reach Project's data.
class DocumentCommand : public QUndoCommand
{
public:
    struct Record
    {
        Document document;
        QList<Annotation> annotations;
    };

protected:
    DocumentCommand(Project &project, const QString &text) : QUndoCommand(text), m_project(project) {}
    bool insert(const QList<Record> &records, const QList<StoredValue> &values = {},
                const QList<Outlet> &outlets = {});
    bool remove(const QList<Record> &records, const QList<Outlet> &outlets = {});
    bool updateDetails(const Document &details);

    Project &m_project;
};

// Imports documents (redo) and takes them out again (undo), or removes
// documents with their annotations and restores both on undo. `values` are
// the field values that go with them; `outlets` are registry outlets created
// by an import (added before the documents, removed after them).
class DocumentPresenceCommand final : public DocumentCommand
{
public:
    enum class Direction { Add, Remove };
    DocumentPresenceCommand(Project &project, Direction direction, QList<Record> records,
                            const QString &text = {}, QList<StoredValue> values = {}, QList<Outlet> outlets = {});
    void redo() override;
    void undo() override;

private:
    Direction m_direction;
    QList<Record> m_records;
    QList<StoredValue> m_values;
    QList<Outlet> m_outlets;
};

// Changes title, outlet, date, URL, author or metadata of one document.
class UpdateDocumentDetailsCommand final : public DocumentCommand
{
public:
    UpdateDocumentDetailsCommand(Project &project, Document before, Document after);
    void redo() override;
    void undo() override;

private:
    Document m_before;
    Document m_after;
};

} // namespace newscoder
