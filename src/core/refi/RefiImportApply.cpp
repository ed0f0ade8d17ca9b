// Applying an import plan: one undo step, written in one transaction.
#include "refi/RefiImport.h"

#include "commands/AnnotationCommands.h"
#include "commands/CodeCommands.h"
#include "commands/DocumentCommands.h"
#include "project/Project.h"
#include "project/ProjectInternals.h"
#include "storage/StoreError.h"

#include <QUndoCommand>

#include <memory>
#include <vector>

namespace newscoder::refi {

namespace {

// The import as one undo step. Its parts (codes; new articles with their
// annotations and variable values; annotations on articles already in the
// project) run inside one outer transaction together with the creation of
// the coders, so a failure of any part leaves the file untouched; parts that
// had run are taken back so that the views match the file again.
class RefiImportCommand final : public QUndoCommand
{
public:
    RefiImportCommand(Project &project, const QString &text, const ImportPlan &plan)
        : QUndoCommand(text), m_project(project), m_plan(plan)
    {
    }

    QString failure() const { return m_failure; }
    void redo() override { run(true); }
    void undo() override { run(false); }

private:
    // Built on the first redo, inside its transaction (the coders' ids are known then).
    void buildParts()
    {
        QHash<QString, QUuid> coderIds;
        for (const QString &name : m_plan.coders)
            coderIds.insert(name, ProjectInternals::store(m_project).ensureCoder(name));
        if (!m_plan.newCodes.isEmpty())
            m_parts.emplace_back(std::make_unique<CodePresenceCommand>(
                m_project, CodePresenceCommand::Direction::Add, m_plan.newCodes, QList<Annotation>{}));
        QHash<QUuid, int> recordOf;
        QList<DocumentCommand::Record> records;
        for (const Document &d : m_plan.newDocuments) {
            recordOf.insert(d.id, int(records.size()));
            records.append({d, {}});
        }
        QList<Annotation> onExisting;
        for (const PlannedAnnotation &p : m_plan.annotations) {
            Annotation a = p.annotation;
            a.coderId = coderIds.value(p.coder);
            if (const auto it = recordOf.constFind(a.documentId); it != recordOf.cend())
                records[*it].annotations.append(a);
            else
                onExisting.append(a);
        }
        QList<StoredValue> values;
        QHash<QString, int> positions;
        for (const PlannedValue &v : m_plan.values) {
            StoredValue sv;
            sv.owner = StoredValue::Owner::Document;
            sv.ownerId = v.documentId;
            sv.coderId = coderIds.value(v.coder);
            sv.value = v.value;
            sv.position = positions[v.documentId.toString() + v.fieldId.toString() + sv.coderId.toString()]++;
            values.append(sv);
        }
        if (!records.isEmpty())
            m_parts.emplace_back(std::make_unique<DocumentPresenceCommand>(
                m_project, DocumentPresenceCommand::Direction::Add, records, text(), values));
        if (!onExisting.isEmpty())
            m_parts.emplace_back(std::make_unique<AnnotationPresenceCommand>(
                m_project, AnnotationPresenceCommand::Direction::Add, onExisting));
        m_plan = {}; // the parts hold what they need
    }

    void step(size_t index, bool forward)
    {
        QUndoCommand *part = m_parts[index].get();
        part->setObsolete(false);
        forward ? part->redo() : part->undo();
    }

    void run(bool forward)
    {
        m_failure.clear();
        QString lastError;
        const auto connection = QObject::connect(&m_project, &Project::errorOccurred, &m_project,
                                                 [&lastError](const QString &message) { lastError = message; });
        bool ok = true;
        size_t done = 0;
        const size_t n = m_parts.size();
        const auto order = [&](size_t k) { return forward ? k : m_parts.size() - 1 - k; };
        try {
            WriteTransaction tx(ProjectInternals::store(m_project));
            if (!m_built) {
                buildParts();
                m_built = true;
            }
            for (size_t k = 0; k < m_parts.size() && ok; ++k) {
                step(order(k), forward);
                ok = !m_parts[order(k)]->isObsolete();
                if (ok)
                    ++done;
            }
            if (ok)
                tx.commit();
        } catch (const StoreError &e) {
            ok = false;
            lastError = e.message();
        }
        if (!ok) {
            // The transaction was rolled back; take back what the parts told the views.
            for (size_t k = done; k > 0; --k)
                step(order(k - 1), !forward);
            if (n == 0)
                m_parts.clear();
        }
        QObject::disconnect(connection);
        if (!ok)
            m_failure = lastError.isEmpty() ? QStringLiteral("The import could not be saved.") : lastError;
        setObsolete(!ok);
    }

    Project &m_project;
    ImportPlan m_plan;
    bool m_built = false;
    std::vector<std::unique_ptr<QUndoCommand>> m_parts;
    QString m_failure;
};

} // namespace

bool applyImport(Project &project, const ImportPlan &plan, QString *error)
{
    if (project.isReadOnly()) {
        *error = QStringLiteral("The project is open read-only.");
        return false;
    }
    if (plan.changesNothing())
        return true;
    const QString label = QStringLiteral("Import REFI-QDA %1 (%2)")
                              .arg(plan.codebookOnly ? QStringLiteral("codebook") : QStringLiteral("project"),
                                   plan.file.section(u'/', -1));
    auto *command = new RefiImportCommand(project, label, plan);
    QString failure;
    QObject guard;
    // QUndoStack deletes a command that is obsolete after its first redo; learn
    // the outcome from the stack.
    const int before = project.undoStack()->count();
    const int indexBefore = project.undoStack()->index();
    QString lastError;
    const auto connection = QObject::connect(&project, &Project::errorOccurred, &guard,
                                             [&lastError](const QString &message) { lastError = message; });
    project.undoStack()->push(command);
    QObject::disconnect(connection);
    const bool pushed = project.undoStack()->index() == indexBefore + 1
                        && project.undoStack()->command(indexBefore) == command;
    Q_UNUSED(before);
    if (!pushed) {
        *error = (lastError.isEmpty() ? QStringLiteral("The import could not be saved.") : lastError)
                 + QStringLiteral(" Nothing was written.");
        return false;
    }
    return true;
}

} // namespace newscoder::refi
