#include "project/Project.h"

#include "commands/AnnotationCommands.h"
#include "commands/CodebookCommands.h"
#include "commands/DocumentCommands.h"
#include "commands/ValueCommands.h"
#include "storage/ProjectStore.h"
#include "storage/StoreError.h"
#include "text/Graphemes.h"

#include <QSet>


namespace newscoder {

Project::Project(std::unique_ptr<ProjectStore> store, QObject *parent)
    : QObject(parent), m_store(std::move(store))
{
    reloadCodes();
    reloadCoders();
    reloadRegistries();
}

Project::~Project() = default;

std::unique_ptr<Project> Project::create(const QString &path, const QList<Code> &codebook)
{
    // The codebook is written into the new file before it appears under its
    // name: a crash never leaves a project without its codebook. Setup, not
    // an edit: nothing goes on the undo stack.
    auto store = ProjectStore::create(path, [&codebook](ProjectStore &scratch) {
        for (Code code : codebook) {
            if (code.id.isNull())
                code.id = QUuid::createUuid();
            scratch.insertCode(code);
        }
    });
    return std::make_unique<Project>(std::move(store));
}

const ProjectReader &Project::reader() const
{
    return *m_store;
}

QString Project::lockNotice() const
{
    return m_store->lockNotice();
}

void Project::saveCopy(const QString &path) const
{
    m_store->saveCopy(path);
}

std::unique_ptr<Project> Project::open(const QString &path, ProjectAccess access)
{
    return std::make_unique<Project>(ProjectStore::open(path, access));
}

void Project::setCoderName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed == m_coderName)
        return;
    m_coderName = trimmed;
    Q_EMIT coderNameChanged(m_coderName);
}

std::optional<Code> Project::code(const QUuid &id) const
{
    for (const Code &c : m_codes) {
        if (c.id == id)
            return c;
    }
    return std::nullopt;
}

std::optional<Code> Project::codeByName(const QString &name) const
{
    for (const Code &c : m_codes) {
        if (c.name.compare(name, Qt::CaseInsensitive) == 0)
            return c;
    }
    return std::nullopt;
}

QString Project::coderNameFor(const QUuid &coderId) const
{
    return m_coderNames.value(coderId);
}

void Project::reloadCodes()
{
    try {
        m_codes = m_store->codes();
    } catch (const StoreError &e) {
        reportFailure(e.message());
    }
}

void Project::reloadCoders()
{
    try {
        m_coderNames.clear();
        for (const Coder &c : m_store->coders())
            m_coderNames.insert(c.id, c.name);
    } catch (const StoreError &e) {
        reportFailure(e.message());
    }
}

void Project::reportFailure(const QString &message)
{
    m_failed = true;
    m_lastError = message;
    Q_EMIT errorOccurred(message);
}

bool Project::writeAtomically(const std::function<void()> &work)
{
    try {
        WriteTransaction tx(*m_store);
        work();
        tx.commit();
    } catch (const StoreError &e) {
        reportFailure(e.message());
        return false;
    }
    return true;
}

bool Project::push(QUndoCommand *command)
{
    m_failed = false;
    m_undoStack.push(command); // runs redo(); a failed command deletes itself
    return !m_failed;
}

// ------------------------------------------------------------ annotations

std::optional<QUuid> Project::addAnnotation(const QUuid &documentId, const QUuid &codeId, int start, int end,
                                            const QString &memo)
{
    if (isReadOnly()) {
        reportFailure(QStringLiteral("The project is open read-only."));
        return std::nullopt;
    }
    if (m_coderName.isEmpty()) {
        reportFailure(QStringLiteral("Set your coder name before coding."));
        return std::nullopt;
    }
    const auto chosen = code(codeId);
    if (!chosen) {
        reportFailure(QStringLiteral("That code does not exist."));
        return std::nullopt;
    }
    if (chosen->isVariable()) {
        reportFailure(QStringLiteral("“%1” is an article or outlet variable, not a code for text.").arg(chosen->name));
        return std::nullopt;
    }
    Annotation a;
    std::optional<Coder> newCoder;
    try {
        const auto summary = m_store->documentSummary(documentId);
        if (!summary) {
            reportFailure(QStringLiteral("That document does not exist."));
            return std::nullopt;
        }
        if (start < 0 || end <= start || end > summary->length) {
            reportFailure(QStringLiteral("The span %1–%2 is not inside the text (0–%3).")
                              .arg(start)
                              .arg(end)
                              .arg(summary->length));
            return std::nullopt;
        }
        const QString text = m_store->documentText(documentId);
        for (const auto &[offset, what] : {std::pair{start, QStringLiteral("The start")},
                                           std::pair{end, QStringLiteral("The end")}}) {
            if (const QString split = graphemeSplitMessage(text, offset, what); !split.isEmpty()) {
                reportFailure(split + u'.');
                return std::nullopt;
            }
        }
    } catch (const StoreError &e) {
        reportFailure(e.message());
        return std::nullopt;
    }
    a.coderId = currentCoderId(newCoder);
    if (a.coderId.isNull())
        return std::nullopt;
    a.id = QUuid::createUuid();
    a.documentId = documentId;
    a.codeId = codeId;
    a.start = start;
    a.end = end;
    a.memo = memo;
    a.created = a.modified = QDateTime::currentDateTimeUtc();
    using D = AnnotationPresenceCommand::Direction;
    if (!push(new AnnotationPresenceCommand(*this, D::Add, {a}, {}, newCoder)))
        return std::nullopt;
    return a.id;
}

bool Project::removeAnnotations(const QList<QUuid> &annotationIds)
{
    QList<Annotation> doomed;
    QList<StoredValue> values;
    try {
        QSet<QUuid> seen; // an id given twice is removed (and restored) once
        for (const QUuid &id : annotationIds) {
            if (seen.contains(id))
                continue;
            seen.insert(id);
            if (auto a = m_store->annotation(id))
                doomed.append(*a);
        }
        QList<QUuid> ids;
        for (const Annotation &a : doomed)
            ids.append(a.id);
        values = m_store->valuesTouchingAnnotations(ids);
    } catch (const StoreError &e) {
        reportFailure(e.message());
        return false;
    }
    if (doomed.isEmpty())
        return true;
    using D = AnnotationPresenceCommand::Direction;
    return push(new AnnotationPresenceCommand(*this, D::Remove, doomed, values));
}

bool Project::setAnnotationMemo(const QUuid &annotationId, const QString &memo)
{
    std::optional<Annotation> before;
    try {
        before = m_store->annotation(annotationId);
    } catch (const StoreError &e) {
        reportFailure(e.message());
        return false;
    }
    if (!before) {
        reportFailure(QStringLiteral("The annotation no longer exists."));
        return false;
    }
    if (before->memo == memo)
        return true;
    Annotation after = *before;
    after.memo = memo;
    after.modified = QDateTime::currentDateTimeUtc();
    return push(new UpdateAnnotationCommand(*this, QStringLiteral("Edit memo"), *before, after));
}

bool Project::setAnnotationCode(const QUuid &annotationId, const QUuid &codeId)
{
    const auto newCode = code(codeId);
    std::optional<Annotation> before;
    try {
        before = m_store->annotation(annotationId);
    } catch (const StoreError &e) {
        reportFailure(e.message());
        return false;
    }
    if (!before || !newCode) {
        reportFailure(QStringLiteral("The annotation or the code no longer exists."));
        return false;
    }
    if (newCode->isVariable()) {
        reportFailure(QStringLiteral("“%1” is an article or outlet variable, not a code for text.").arg(newCode->name));
        return false;
    }
    if (before->codeId == codeId)
        return true;
    Annotation after = *before;
    after.codeId = codeId;
    after.modified = QDateTime::currentDateTimeUtc();
    const QString text = QStringLiteral("Recode as “%1”").arg(newCode->name);
    // Values of fields the new code does not have go with the old code, in
    // the same transaction (undo brings them back).
    QList<StoredValue> stale;
    try {
        for (const StoredValue &v : m_store->valuesTouchingAnnotations({annotationId})) {
            if (v.owner == StoredValue::Owner::Annotation && v.ownerId == annotationId
                && !newCode->field(v.value.fieldId))
                stale.append(v);
        }
    } catch (const StoreError &e) {
        reportFailure(e.message());
        return false;
    }
    if (stale.isEmpty())
        return push(new UpdateAnnotationCommand(*this, text, *before, after));
    CodebookChange redo;
    redo.updateAnnotations = {after};
    redo.removeValues = stale;
    CodebookChange undo;
    undo.updateAnnotations = {*before};
    undo.insertValues = stale;
    return push(new CodebookChangeCommand(*this, text, std::move(redo), std::move(undo)));
}

bool Project::applyInsertAnnotations(const QList<Annotation> &annotations, const QList<StoredValue> &values,
                                     const std::optional<Coder> &newCoder)
{
    if (!writeAtomically([&] {
            if (newCoder)
                m_store->insertCoder(*newCoder);
            for (const Annotation &a : annotations)
                m_store->insertAnnotation(a);
            m_store->insertStoredValues(values);
        }))
        return false;
    if (newCoder)
        m_coderNames.insert(newCoder->id, newCoder->name);
    for (const Annotation &a : annotations) {
        if (!m_coderNames.contains(a.coderId)) { // coders new to this session (REFI-QDA import)
            reloadCoders();
            break;
        }
    }
    Q_EMIT annotationsInserted(annotations);
    emitValuesChanged(values);
    return true;
}

bool Project::applyRemoveAnnotations(const QList<Annotation> &annotations, const std::optional<Coder> &newCoder)
{
    QList<StoredValue> touched;
    if (!writeAtomically([&] {
            QList<QUuid> ids;
            for (const Annotation &a : annotations)
                ids.append(a.id);
            touched = m_store->valuesTouchingAnnotations(ids);
            for (const Annotation &a : annotations)
                m_store->deleteAnnotation(a.id); // their values and links to them cascade
            if (newCoder)
                m_store->deleteCoder(newCoder->id);
        }))
        return false;
    if (newCoder)
        m_coderNames.remove(newCoder->id);
    Q_EMIT annotationsRemoved(annotations);
    emitValuesChanged(touched);
    return true;
}

bool Project::applyUpdateAnnotation(const Annotation &before, const Annotation &after)
{
    if (!writeAtomically([&] {
            m_store->updateAnnotation(after);
        }))
        return false;
    Q_EMIT annotationChanged(before, after);
    return true;
}

// -------------------------------------------------------------- documents

QList<QUuid> Project::importDocuments(QList<Document> documents, const QString &description)
{
    if (documents.isEmpty())
        return {};
    QList<DocumentCommand::Record> records;
    QList<QUuid> ids;
    QList<Outlet> newOutlets;
    records.reserve(documents.size());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (Document &d : documents) {
        if (d.id.isNull())
            d.id = QUuid::createUuid();
        if (!d.created.isValid())
            d.created = now; // redo stores the same time again
        if (d.outletId.isNull())
            d.outletId = outletOnImport(d, newOutlets);
        ids.append(d.id);
        records.append({std::move(d), {}});
    }
    using D = DocumentPresenceCommand::Direction;
    if (!push(new DocumentPresenceCommand(*this, D::Add, std::move(records), description, {}, newOutlets)))
        return {};
    return ids;
}

bool Project::removeDocuments(const QList<QUuid> &documentIds)
{
    QList<DocumentCommand::Record> records;
    QList<StoredValue> values;
    try {
        QList<QUuid> ids;
        for (const QUuid &id : documentIds) {
            if (ids.contains(id))
                continue; // given twice: removed (and restored) once
            if (auto d = m_store->document(id)) {
                records.append({*d, m_store->annotationsForDocument(id)});
                ids.append(id);
            }
        }
        values = m_store->valuesTouchingDocuments(ids);
    } catch (const StoreError &e) {
        reportFailure(e.message());
        return false;
    }
    if (records.isEmpty())
        return true;
    using D = DocumentPresenceCommand::Direction;
    return push(new DocumentPresenceCommand(*this, D::Remove, std::move(records), {}, values));
}

bool Project::updateDocumentDetails(const Document &updated)
{
    std::optional<Document> before;
    try {
        before = m_store->document(updated.id);
    } catch (const StoreError &e) {
        reportFailure(e.message());
        return false;
    }
    if (!before) {
        reportFailure(QStringLiteral("The document no longer exists."));
        return false;
    }
    Document after = *before;
    after.title = updated.title;
    after.outlet = updated.outlet;
    after.date = updated.date;
    after.url = updated.url;
    after.author = updated.author;
    after.metadata = updated.metadata;
    after.outletId = updated.outletId;
    after.memo = updated.memo;
    if (after.title == before->title && after.outlet == before->outlet && after.date == before->date
        && after.url == before->url && after.author == before->author && after.metadata == before->metadata
        && after.outletId == before->outletId && after.memo == before->memo)
        return true;
    return push(new UpdateDocumentDetailsCommand(*this, *before, after));
}

bool Project::applyInsertDocuments(const QList<Document> &documents, const QList<Annotation> &annotations,
                                   const QList<StoredValue> &values, const QList<Outlet> &outlets)
{
    if (!writeAtomically([&] {
            for (const Outlet &o : outlets)
                m_store->insertOutlet(o);
            for (const Document &d : documents)
                m_store->insertDocument(d);
            for (const Annotation &a : annotations)
                m_store->insertAnnotation(a);
            m_store->insertStoredValues(values);
        }))
        return false;
    for (const Annotation &a : annotations) {
        if (!m_coderNames.contains(a.coderId)) { // coders new to this session (REFI-QDA import)
            reloadCoders();
            break;
        }
    }
    if (!outlets.isEmpty()) {
        reloadRegistries();
        Q_EMIT outletsChanged();
    }
    QList<QUuid> ids;
    ids.reserve(documents.size());
    for (const Document &d : documents)
        ids.append(d.id);
    Q_EMIT documentsInserted(ids);
    return true;
}

bool Project::applyRemoveDocuments(const QList<QUuid> &ids, const QList<Outlet> &outlets)
{
    if (!writeAtomically([&] {
            for (const QUuid &id : ids)
                m_store->deleteDocument(id); // annotations, metadata and values cascade
            for (const Outlet &o : outlets)
                m_store->deleteOutlet(o.id);
        }))
        return false;
    Q_EMIT documentsRemoved(ids);
    if (!outlets.isEmpty()) {
        reloadRegistries();
        Q_EMIT outletsChanged();
    }
    return true;
}

bool Project::applyUpdateDocument(const Document &details)
{
    if (!writeAtomically([&] {
            m_store->updateDocumentHeader(details);
            m_store->replaceDocumentMetadata(details.id, details.metadata);
        }))
        return false;
    Q_EMIT documentChanged(details.id);
    return true;
}

} // namespace newscoder
