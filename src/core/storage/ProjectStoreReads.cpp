// The bulk reads of ProjectReader, each kept in the storage file that knows
// its query: article texts (DocumentTextStream), metadata (MetadataRows),
// the several-coders views (StudyRows), merge bases (MergeRows) and the
// dataset stream (DatasetReader). And a worker's own read connection.
#include "storage/DatasetReader.h"
#include "storage/DocumentTextStream.h"
#include "storage/MergeRows.h"
#include "storage/MetadataRows.h"
#include "storage/ProjectStore.h"
#include "storage/StudyRows.h"

namespace newscoder {

std::unique_ptr<ProjectReader> ReaderSource::open() const
{
    return ProjectStore::openReadConnection(m_location);
}

std::unique_ptr<ProjectReader> openProjectReader(const QString &location)
{
    return ProjectStore::open(location, ProjectStore::Access::ReadOnly);
}

ReaderSource ProjectStore::readerSource() const
{
    // An older file opened read-only is read from its upgraded temporary
    // copy (see open()); a worker reads the same.
    return ReaderSource(m_db.isValid() ? m_db.databaseName() : m_path);
}

void ProjectStore::streamDocumentTexts(const std::function<bool(const DocumentTextRow &)> &visit) const
{
    newscoder::streamDocumentTexts(*this, visit);
}

void ProjectStore::forEachDocumentTextById(const std::function<void(const QUuid &, const QString &)> &visit) const
{
    MergeRows(*this).forEachDocumentText(visit);
}

QHash<QUuid, QString> ProjectStore::metadataByDocument(const QString &name) const
{
    return newscoder::metadataByDocument(*this, name);
}

std::optional<QString> ProjectStore::metadataOfDocument(const QUuid &id, const QString &name) const
{
    return newscoder::metadataOfDocument(*this, id, name);
}

QHash<QUuid, int> ProjectStore::annotationCountsByCodeOfCoder(const QUuid &coderId) const
{
    return StudyRows(*this).annotationCountsByCodeOfCoder(coderId);
}

QSet<QUuid> ProjectStore::memoAnnotationsOfOtherCoders(const QUuid &coderId) const
{
    return StudyRows(*this).memoAnnotationsOfOtherCoders(coderId);
}

void ProjectStore::forEachSharedSpan(const std::function<bool(const CodedSpan &)> &visit,
                                     const QList<QUuid> &documentIds) const
{
    StudyRows(*this).forEachSharedSpan(visit, documentIds);
}

QHash<QString, QString> ProjectStore::mergeBase(const QString &sourceId) const
{
    return MergeRows(*this).mergeBase(sourceId);
}

void ProjectStore::streamDataset(const DatasetQuery &query,
                                 const std::function<bool(const DatasetArticle &)> &onArticle,
                                 const std::function<bool(const DatasetSegment &)> &onSegment) const
{
    DatasetReader(*this).stream(query, onArticle, onSegment);
}

QStringList ProjectStore::datasetMetadataKeys(const QList<QUuid> &documentIds) const
{
    return DatasetReader(*this).metadataKeys(documentIds);
}

bool ProjectStore::hasImportedOutlet(const QString &name) const
{
    return DatasetReader(*this).hasImportedOutlet(name);
}

} // namespace newscoder
