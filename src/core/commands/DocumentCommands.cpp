#include "commands/DocumentCommands.h"

#include "project/Project.h"

namespace newscoder {

namespace {


QList<QUuid> idsOf(const QList<DocumentCommand::Record> &records)
{
    QList<QUuid> ids;
    ids.reserve(records.size());
    for (const auto &r : records)
        ids.append(r.document.id);
    return ids;
}

} // namespace

bool DocumentCommand::insert(const QList<Record> &records)
{
    QList<Document> documents;
    QList<Annotation> annotations;
    documents.reserve(records.size());
    for (const auto &r : records) {
        documents.append(r.document);
        annotations.append(r.annotations);
    }
    return m_project.applyInsertDocuments(documents, annotations);
}

bool DocumentCommand::remove(const QList<Record> &records)
{
    return m_project.applyRemoveDocuments(idsOf(records));
}

bool DocumentCommand::updateDetails(const Document &details)
{
    return m_project.applyUpdateDocument(details);
}

DocumentPresenceCommand::DocumentPresenceCommand(Project &project, Direction direction, QList<Record> records,
                                                 const QString &text)
    : DocumentCommand(project, text), m_direction(direction), m_records(std::move(records))
{
    if (!text.isEmpty())
        return;
    const auto n = m_records.size();
    if (m_direction == Direction::Add)
        setText(n == 1 ? QStringLiteral("Import article") : QStringLiteral("Import %1 articles").arg(n));
    else
        setText(n == 1 ? QStringLiteral("Remove article") : QStringLiteral("Remove %1 articles").arg(n));
}

void DocumentPresenceCommand::redo()
{
    setObsolete(!(m_direction == Direction::Add ? insert(m_records) : remove(m_records)));
}

void DocumentPresenceCommand::undo()
{
    setObsolete(!(m_direction == Direction::Add ? remove(m_records) : insert(m_records)));
}

UpdateDocumentDetailsCommand::UpdateDocumentDetailsCommand(Project &project, Document before, Document after)
    : DocumentCommand(project, QStringLiteral("Edit article details")), m_before(std::move(before)),
      m_after(std::move(after))
{
}

void UpdateDocumentDetailsCommand::redo()
{
    setObsolete(!updateDetails(m_after));
}

void UpdateDocumentDetailsCommand::undo()
{
    setObsolete(!updateDetails(m_before));
}

} // namespace newscoder
