#include "commands/DocumentCommands.h"

#include "project/Project.h"
#include "storage/ProjectStore.h"

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

bool DocumentCommand::insert(const QList<Record> &records, const QList<StoredValue> &values,
                             const QList<Outlet> &outlets)
{
    QList<Document> documents;
    QList<Annotation> annotations;
    documents.reserve(records.size());
    for (const auto &r : records) {
        documents.append(r.document);
        annotations.append(r.annotations);
    }
    return m_project.applyInsertDocuments(documents, annotations, values, outlets);
}

bool DocumentCommand::remove(const QList<Record> &records, const QList<Outlet> &outlets)
{
    return m_project.applyRemoveDocuments(idsOf(records), outlets);
}

bool DocumentCommand::updateDetails(const Document &details)
{
    return m_project.applyUpdateDocument(details);
}

DocumentPresenceCommand::DocumentPresenceCommand(Project &project, Direction direction, QList<Record> records,
                                                 const QString &text, QList<StoredValue> values,
                                                 QList<Outlet> outlets)
    : DocumentCommand(project, text), m_direction(direction), m_records(std::move(records)),
      m_values(std::move(values)), m_outlets(std::move(outlets))
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
    setObsolete(!(m_direction == Direction::Add ? insert(m_records, m_values, m_outlets)
                                                : remove(m_records)));
}

void DocumentPresenceCommand::undo()
{
    setObsolete(!(m_direction == Direction::Add ? remove(m_records, m_outlets)
                                                : insert(m_records, m_values)));
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
