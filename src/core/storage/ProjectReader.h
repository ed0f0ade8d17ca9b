// What can be read from a project, whatever holds it: the read-only face of
// the store. Readers, agreement, search, review, merge planning and the
// exporters take a `const ProjectReader &`; only Project and its commands
// hold the writable store. No storage types appear here, so a second backend
// (a server) can implement the same interface.
//
// A reader lives on the thread that opened it. A background task takes a
// ReaderSource (a small value, copied to the worker) and opens its own
// reader there: one more read-only connection to the same project, without
// the checks the first opening made.
#pragma once

#include "dataset/DatasetRecords.h"
#include "model/Actor.h"
#include "model/Annotation.h"
#include "model/Code.h"
#include "model/Document.h"
#include "model/Outlet.h"
#include "model/StoredValue.h"
#include "model/Study.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <functional>
#include <memory>
#include <optional>

namespace newscoder {

class ProjectReader;

enum class ProjectAccess { ReadWrite, ReadOnly };

// The text form of ids in the project, its exports and the CLI (no braces).
QString idString(const QUuid &id);
QUuid idFromString(const QString &text);

// An article's header and text, for whole-corpus passes (duplicates, quotes).
struct DocumentTextRow
{
    QUuid id;
    QString title;
    QString outlet;
    QDate date; // invalid when unknown
    QString text;
};

// A coded span (status coded or flagged for review, never a suggestion) of a
// coder who is not the consensus layer. A null codeId with start = end = -1
// stands for "this coder marked the article done" (an assignment done,
// possibly with nothing coded).
struct CodedSpan
{
    QUuid documentId;
    QUuid coderId;
    QUuid codeId;
    int start = -1;
    int end = -1;
};

// Where a worker thread opens its own reader of the same project.
class ReaderSource
{
public:
    ReaderSource() = default;
    explicit ReaderSource(QString location) : m_location(std::move(location)) {}
    // Opens a read-only reader on the calling thread. Throws StoreError.
    std::unique_ptr<ProjectReader> open() const;
    QString location() const { return m_location; }
    bool isNull() const { return m_location.isEmpty(); }

private:
    QString m_location;
};

// Opens a project file read-only with every check the app makes (header,
// integrity, an older format read through an upgraded copy): another
// project than the one open, such as a coder package to merge. Throws StoreError.
std::unique_ptr<ProjectReader> openProjectReader(const QString &location);

class ProjectReader
{
public:
    virtual ~ProjectReader() = default;

    // --- the project
    virtual QString path() const = 0; // where it lives (a file path)
    virtual bool isReadOnly() const = 0;
    virtual int schemaVersion() const = 0;
    virtual QUuid projectId() const = 0;
    // A project setting ("" when not set).
    virtual QString setting(const QString &name) const = 0;
    // For a worker thread's own reader.
    virtual ReaderSource readerSource() const = 0;
    // Writes a consistent copy of the whole project to a new file `path`
    // (Save a Copy, coder packages); an existing file is replaced only after
    // the copy is complete. Throws StoreError.
    virtual void saveCopy(const QString &path) const = 0;

    // --- documents
    virtual QList<DocumentSummary> documentSummaries() const = 0;
    virtual std::optional<DocumentSummary> documentSummary(const QUuid &id) const = 0;
    virtual std::optional<Document> document(const QUuid &id) const = 0;
    virtual QString documentText(const QUuid &id) const = 0;
    virtual int documentCount() const = 0;
    // Every article's header and text ordered by publication date (unknown
    // first), title, then id; one at a time, stop by returning false.
    virtual void streamDocumentTexts(const std::function<bool(const DocumentTextRow &)> &visit) const = 0;
    // Every article's text in id order, one query.
    virtual void forEachDocumentTextById(const std::function<void(const QUuid &, const QString &)> &visit) const = 0;
    // Article id → its metadata entry `name` (the first of several); articles without one are absent.
    virtual QHash<QUuid, QString> metadataByDocument(const QString &name) const = 0;
    virtual std::optional<QString> metadataOfDocument(const QUuid &id, const QString &name) const = 0;

    // --- codes
    virtual QList<Code> codes() const = 0;
    virtual std::optional<Code> code(const QUuid &id) const = 0;
    virtual std::optional<Code> codeByName(const QString &name) const = 0;
    virtual QHash<QUuid, int> annotationCountsByCode() const = 0;
    // Fields of one code (`codeId` given) or of all codes, ordered by position.
    virtual QHash<QUuid, QList<CodeField>> fieldsByCode(const QUuid &codeId = {}) const = 0;

    // --- field values
    virtual QList<FieldValue> annotationValues(const QUuid &annotationId) const = 0;
    // Values of every annotation of a document, by annotation id.
    virtual QHash<QUuid, QList<FieldValue>> annotationValuesForDocument(const QUuid &documentId) const = 0;
    // A coder's values of an article's variables (article and outlet-level fields).
    virtual QList<FieldValue> documentValues(const QUuid &documentId, const QUuid &coderId) const = 0;
    virtual QList<FieldValue> outletValues(const QUuid &outletId) const = 0;
    // Every stored value owned by or pointing at one of these annotations.
    virtual QList<StoredValue> valuesTouchingAnnotations(const QList<QUuid> &annotationIds) const = 0;
    // Every stored value pointing at one of these actors.
    virtual QList<StoredValue> valuesTouchingActors(const QList<QUuid> &actorIds) const = 0;
    // Every stored value of these fields.
    virtual QList<StoredValue> valuesOfFields(const QList<QUuid> &fieldIds) const = 0;
    // Every stored value owned by these documents, their annotations or pointing at those.
    virtual QList<StoredValue> valuesTouchingDocuments(const QList<QUuid> &documentIds) const = 0;
    virtual QList<StoredValue> valuesOfOutlets(const QList<QUuid> &outletIds) const = 0;
    // Annotations that link to `annotationId` through a field (the sources).
    virtual QList<QUuid> annotationsLinkingTo(const QUuid &annotationId) const = 0;
    // Per article, how many required values `coderId` has not given (see
    // ProjectStore); only articles with something missing appear.
    virtual QHash<QUuid, int> missingRequiredCounts(const QUuid &coderId,
                                                    const QList<QUuid> &documentIds = {}) const = 0;

    // --- actors and outlets
    virtual QList<Actor> actors() const = 0;
    virtual std::optional<Actor> actor(const QUuid &id) const = 0;
    virtual QHash<QUuid, int> valueCountsByActor() const = 0; // how often each actor is linked
    virtual QList<Outlet> outlets() const = 0;
    virtual std::optional<Outlet> outlet(const QUuid &id) const = 0;
    virtual QHash<QUuid, int> documentCountsByOutlet() const = 0;
    virtual QList<QUuid> documentsOfOutlet(const QUuid &outletId) const = 0;

    // --- coders and the study
    virtual QList<Coder> coders() const = 0;
    virtual std::optional<Coder> coderByName(const QString &name) const = 0;
    // Assignments of every coder (null id) or one coder, by article.
    virtual QList<Assignment> assignments(const QUuid &coderId = {}) const = 0;
    virtual QList<ReliabilitySample> reliabilitySamples() const = 0;
    // The decision log, oldest first; of one article when `documentId` is set.
    virtual QList<Decision> decisions(const QUuid &documentId = {}) const = 0;
    // Articles where the coder made an annotation (not a suggestion) or gave an article variable.
    virtual QList<QUuid> documentsCodedBy(const QUuid &coderId) const = 0;
    // Annotations per article of one coder (articles without any are absent).
    virtual QHash<QUuid, int> annotationCountsByDocumentOfCoder(const QUuid &coderId) const = 0;
    // Annotations per code of one coder (the codebook's counts under blind coding).
    virtual QHash<QUuid, int> annotationCountsByCodeOfCoder(const QUuid &coderId) const = 0;
    // Annotations with a memo that `coderId` did not make.
    virtual QSet<QUuid> memoAnnotationsOfOtherCoders(const QUuid &coderId) const = 0;
    // Every coded span of the articles at least two coders worked on, by
    // article then coder, streamed (false stops); only `documentIds` when given.
    virtual void forEachSharedSpan(const std::function<bool(const CodedSpan &)> &visit,
                                   const QList<QUuid> &documentIds = {}) const = 0;
    // What package `sourceId` looked like when last merged: unit → fingerprint.
    virtual QHash<QString, QString> mergeBase(const QString &sourceId) const = 0;

    // --- annotations
    virtual QList<Annotation> annotationsForDocument(const QUuid &documentId) const = 0;
    // The annotations of these articles (a query per few hundred articles), by article and position.
    virtual QList<Annotation> annotationsOfDocuments(const QList<QUuid> &documentIds) const = 0;
    virtual QList<Annotation> annotationsForCode(const QUuid &codeId) const = 0;
    virtual std::optional<Annotation> annotation(const QUuid &id) const = 0;
    virtual int annotationCount() const = 0;
    // Every annotation in document order; stop by returning false.
    virtual void forEachAnnotation(const std::function<bool(const Annotation &)> &visit) const = 0;
    // The document's annotations with start <= last and end >= first.
    virtual QList<Annotation> annotationsOverlapping(const QUuid &documentId, int first, int last) const = 0;
    // Every annotation with a review reason, by document and position.
    virtual QList<Annotation> flaggedAnnotations() const = 0;
    // Every non-empty memo: articles, annotations (in article order), codes, actors, outlets.
    virtual QList<MemoRecord> memos() const = 0;

    // --- the dataset (streamed; nothing is held beyond one article)
    virtual void streamDataset(const DatasetQuery &query, const std::function<bool(const DatasetArticle &)> &onArticle,
                               const std::function<bool(const DatasetSegment &)> &onSegment) const = 0;
    // The distinct metadata keys of these articles (all when empty), by first appearance.
    virtual QStringList datasetMetadataKeys(const QList<QUuid> &documentIds = {}) const = 0;
    // Whether an article was imported with this outlet name (case-insensitive).
    virtual bool hasImportedOutlet(const QString &name) const = 0;
};

} // namespace newscoder
