#pragma once

#include "model/Actor.h"
#include "model/Annotation.h"
#include "model/Code.h"
#include "model/Document.h"
#include "model/Outlet.h"
#include "model/Study.h"
#include "storage/ProjectReader.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <QUuid>

#include <functional>
#include <map>
#include <memory>

class QSqlQuery;

namespace newscoder {

class ProjectLock;


// The project file: one SQLite database (WAL, foreign keys on, synchronous=FULL).
//
// The store is the source of truth. It only reads and writes rows; it knows
// nothing about undo. Writes are grouped by WriteTransaction; every method
// throws StoreError on failure. A store lives on the thread that opened it.
class ProjectStore : public ProjectReader
{
public:
    using Access = ProjectAccess;

    ~ProjectStore() override;
    ProjectStore(const ProjectStore &) = delete;
    ProjectStore &operator=(const ProjectStore &) = delete;

    // Creates a new project file and opens it for writing. Fails if `path`
    // exists. The file is built under a temporary name — schema, metadata and
    // whatever `setup` writes (in the same transaction, e.g. the codebook) —
    // and moved into place only when complete: a crash leaves a complete
    // project or none. Stale leftovers of interrupted creations in the folder
    // are removed (see CreationLeftovers.h).
    static std::unique_ptr<ProjectStore> create(const QString &path,
                                                const std::function<void(ProjectStore &)> &setup = {});
    // Opens an existing project; migrates an older schema (ReadWrite only,
    // after writing a backup copy next to it). Refuses newer, damaged and
    // foreign files without touching them, and a file another process has
    // open for writing (StoreError::Kind::Locked).
    static std::unique_ptr<ProjectStore> open(const QString &path, Access access = Access::ReadWrite);

    QString path() const override { return m_path; }
    // Set when opening for writing took over the lock file of a process that
    // had ended without closing: a sentence saying so. Else empty.
    QString lockNotice() const;
    bool isReadOnly() const override { return m_access == Access::ReadOnly; }
    int schemaVersion() const override;
    QUuid projectId() const override;

    // Writes a consistent copy of the whole project to `path` (Save a Copy).
    // Existing targets are replaced only after the copy was written completely.
    void saveCopy(const QString &path) const override;

    // --- documents
    QList<DocumentSummary> documentSummaries() const override;
    std::optional<DocumentSummary> documentSummary(const QUuid &id) const override;
    std::optional<Document> document(const QUuid &id) const override;
    QString documentText(const QUuid &id) const override;
    int documentCount() const override;
    void insertDocument(const Document &document);
    void deleteDocument(const QUuid &id);
    void updateDocumentHeader(const Document &document); // title, outlet, date, url, author
    void replaceDocumentMetadata(const QUuid &id, const QList<MetadataEntry> &metadata);
    void updateDocumentText(const QUuid &id, const QString &text); // body and its length

    // --- codes
    QList<Code> codes() const override;
    std::optional<Code> code(const QUuid &id) const override;
    std::optional<Code> codeByName(const QString &name) const override;
    void insertCode(const Code &code);
    void updateCode(const Code &code);
    void deleteCode(const QUuid &id); // its fields, their values and its annotations cascade
    QHash<QUuid, int> annotationCountsByCode() const override;
    // Fields of one code (`codeId` given) or of all codes, ordered by position.
    QHash<QUuid, QList<CodeField>> fieldsByCode(const QUuid &codeId = {}) const override;
    void writeField(const QUuid &codeId, const CodeField &field); // insert or update
    void deleteField(const QUuid &fieldId);                        // its values cascade

    // --- field values
    QList<FieldValue> annotationValues(const QUuid &annotationId) const override;
    // Values of every annotation of a document, by annotation id.
    QHash<QUuid, QList<FieldValue>> annotationValuesForDocument(const QUuid &documentId) const override;
    void replaceAnnotationValues(const QUuid &annotationId, const QUuid &fieldId, const QList<FieldValue> &values);
    // A coder's values of an article's variables (article and outlet-level fields).
    QList<FieldValue> documentValues(const QUuid &documentId, const QUuid &coderId) const override;
    void replaceDocumentValues(const QUuid &documentId, const QUuid &coderId, const QUuid &fieldId,
                               const QList<FieldValue> &values);
    QList<FieldValue> outletValues(const QUuid &outletId) const override;
    void replaceOutletValues(const QUuid &outletId, const QUuid &fieldId, const QList<FieldValue> &values);
    // Every stored value that is owned by or points at one of these annotations.
    QList<StoredValue> valuesTouchingAnnotations(const QList<QUuid> &annotationIds) const override;
    // Every stored value that points at one of these actors.
    QList<StoredValue> valuesTouchingActors(const QList<QUuid> &actorIds) const override;
    // Every stored value of these fields.
    QList<StoredValue> valuesOfFields(const QList<QUuid> &fieldIds) const override;
    // Every stored value owned by these documents, their annotations or pointing at those.
    QList<StoredValue> valuesTouchingDocuments(const QList<QUuid> &documentIds) const override;
    QList<StoredValue> valuesOfOutlets(const QList<QUuid> &outletIds) const override;
    void insertStoredValues(const QList<StoredValue> &values); // replaces rows with the same key
    void deleteStoredValues(const QList<StoredValue> &values);
    // Annotations that link to `annotationId` through a field (the sources).
    QList<QUuid> annotationsLinkingTo(const QUuid &annotationId) const override;
    // Per article, how many required values `coderId` has not given: required
    // fields of the coder's annotations without a value, plus required article
    // and outlet variables without a value of the coder (for outlet variables
    // a value of the article's outlet counts: it is inherited). Only articles
    // with something missing appear. One grouped query over all articles, or
    // over `documentIds` when given.
    QHash<QUuid, int> missingRequiredCounts(const QUuid &coderId, const QList<QUuid> &documentIds = {}) const override;

    // --- actors
    QList<Actor> actors() const override;
    std::optional<Actor> actor(const QUuid &id) const override;
    void insertActor(const Actor &actor);
    void updateActor(const Actor &actor);
    void deleteActor(const QUuid &id); // values pointing at it cascade
    QHash<QUuid, int> valueCountsByActor() const override; // how often each actor is linked

    // --- outlets
    QList<Outlet> outlets() const override;
    std::optional<Outlet> outlet(const QUuid &id) const override;
    void insertOutlet(const Outlet &outlet);
    void updateOutlet(const Outlet &outlet);
    void deleteOutlet(const QUuid &id); // its articles keep their text outlet name; outlet_id becomes NULL
    QHash<QUuid, int> documentCountsByOutlet() const override;
    QList<QUuid> documentsOfOutlet(const QUuid &outletId) const override;
    void setDocumentOutlet(const QUuid &documentId, const QUuid &outletId);

    // --- coders
    QList<Coder> coders() const override;
    std::optional<Coder> coderByName(const QString &name) const override;
    QUuid ensureCoder(const QString &name); // inserts when missing
    void insertCoder(const Coder &coder);
    void deleteCoder(const QUuid &id); // only while nothing refers to it
    void updateCoder(const Coder &coder); // name, colour, role

    // --- a study with several coders (ProjectStoreStudy.cpp)
    // Assignments of every coder (null id) or one coder, by article.
    QList<Assignment> assignments(const QUuid &coderId = {}) const override;
    void writeAssignment(const Assignment &assignment); // insert or replace
    void deleteAssignment(const QUuid &documentId, const QUuid &coderId);
    QList<ReliabilitySample> reliabilitySamples() const override;
    void insertReliabilitySample(const ReliabilitySample &sample);
    void deleteReliabilitySample(const QUuid &id);
    // The decision log, oldest first; of one article when `documentId` is set.
    QList<Decision> decisions(const QUuid &documentId = {}) const override;
    void insertDecision(const Decision &decision);
    void deleteDecision(const QUuid &id);
    // Articles where the coder made an annotation (not a suggestion) or gave an article variable.
    QList<QUuid> documentsCodedBy(const QUuid &coderId) const override;
    // A project setting kept in the meta table ("" when not set).
    QString setting(const QString &name) const override;
    void writeSetting(const QString &name, const QString &value); // "" removes it

    // --- annotations
    QList<Annotation> annotationsForDocument(const QUuid &documentId) const override;
    QList<Annotation> annotationsOfDocuments(const QList<QUuid> &documentIds) const override;
    QList<Annotation> annotationsForCode(const QUuid &codeId) const override;
    std::optional<Annotation> annotation(const QUuid &id) const override;
    int annotationCount() const override;
    // Streams every annotation in document order; stop by returning false.
    void forEachAnnotation(const std::function<bool(const Annotation &)> &visit) const override;
    void insertAnnotation(const Annotation &annotation);
    void deleteAnnotation(const QUuid &id);
    void updateAnnotation(const Annotation &annotation); // code, span, memo, modified, status, review
    // --- text edits (ProjectStoreTextEdits.cpp)
    // The document's annotations with start <= last and end >= first.
    QList<Annotation> annotationsOverlapping(const QUuid &documentId, int first, int last) const override;
    // Moves every annotation of the document starting at or after `from` by
    // `delta` (one statement); returns how many moved.
    int shiftAnnotations(const QUuid &documentId, int from, int delta);
    // Every annotation with a review reason, by document and position (indexed).
    QList<Annotation> flaggedAnnotations() const override;

    // --- memos (ProjectStoreMemos.cpp)
    // Every non-empty memo: articles, annotations (in article order), codes,
    // actors, outlets.
    QList<MemoRecord> memos() const override;

    // --- bulk reads (ProjectStoreReads.cpp; see ProjectReader)
    ReaderSource readerSource() const override;
    void streamDocumentTexts(const std::function<bool(const DocumentTextRow &)> &visit) const override;
    void forEachDocumentTextById(const std::function<void(const QUuid &, const QString &)> &visit) const override;
    QHash<QUuid, QString> metadataByDocument(const QString &name) const override;
    std::optional<QString> metadataOfDocument(const QUuid &id, const QString &name) const override;
    QHash<QUuid, int> annotationCountsByDocumentOfCoder(const QUuid &coderId) const override;
    QHash<QUuid, int> annotationCountsByCodeOfCoder(const QUuid &coderId) const override;
    QSet<QUuid> memoAnnotationsOfOtherCoders(const QUuid &coderId) const override;
    void forEachSharedSpan(const std::function<bool(const CodedSpan &)> &visit,
                           const QList<QUuid> &documentIds = {}) const override;
    QHash<QString, QString> mergeBase(const QString &sourceId) const override;
    void streamDataset(const DatasetQuery &query, const std::function<bool(const DatasetArticle &)> &onArticle,
                       const std::function<bool(const DatasetSegment &)> &onSegment) const override;
    QStringList datasetMetadataKeys(const QList<QUuid> &documentIds = {}) const override;
    bool hasImportedOutlet(const QString &name) const override;

    // Low-level transaction control; prefer WriteTransaction.
    void begin();
    void commit();
    void rollback() noexcept;

    QSqlDatabase &database() { return m_db; }

private:
    friend class ReaderSource;
    // A read-only connection to a project this process already opened and
    // checked (header, quick_check, migration): no checks but the schema
    // version. For worker threads (ReaderSource::open()).
    static std::unique_ptr<ProjectStore> openReadConnection(const QString &location);
    ProjectStore(QString path, Access access);
    void connect();
    void validate();
    void migrate();
    void applyPragmas();
    void checkTables();
    QSqlQuery prepare(const QString &sql) const;
    QSqlQuery &prepareWrite(const QString &sql);

    QString m_path;
    Access m_access;
    QString m_connectionName;
    QSqlDatabase m_db;
    std::map<QString, std::unique_ptr<QSqlQuery>> m_writeStatements;
    std::unique_ptr<ProjectLock> m_lock; // ReadWrite only
    int m_transactionDepth = 0;
    bool m_rollbackOnly = false;
};

// Groups writes; rolls back unless commit() was called (RAII). Nests: only
// the outermost transaction talks to SQLite.
class WriteTransaction
{
public:
    explicit WriteTransaction(ProjectStore &store) : m_store(store) { m_store.begin(); }
    ~WriteTransaction()
    {
        if (!m_done)
            m_store.rollback();
    }
    void commit()
    {
        m_store.commit();
        m_done = true;
    }
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

private:
    ProjectStore &m_store;
    bool m_done = false;
};

} // namespace newscoder
