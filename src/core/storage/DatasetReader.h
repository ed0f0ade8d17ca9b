// Streams the dataset export from the project file (ProjectStoreDataset.cpp):
// the articles a query selects in id order, each followed by its matching
// annotations (by start, end) with their field values. A few queries read
// once as cursors; nothing is held beyond one article. Read-only.
#pragma once

#include "dataset/DatasetRecords.h"

#include <QStringList>

#include <functional>

namespace newscoder {

class ProjectStore;

class DatasetReader
{
public:
    explicit DatasetReader(const ProjectStore &store) : m_store(store) {}

    // Stop by returning false from either visitor. Throws StoreError.
    void stream(const DatasetQuery &query, const std::function<bool(const DatasetArticle &)> &onArticle,
                const std::function<bool(const DatasetSegment &)> &onSegment) const;
    // The distinct metadata keys of these articles (all when empty), by first appearance.
    QStringList metadataKeys(const QList<QUuid> &documentIds = {}) const;
    // Whether an article was imported with this outlet name (case-insensitive).
    bool hasImportedOutlet(const QString &name) const;

private:
    const ProjectStore &m_store;
};

} // namespace newscoder
