// One metadata entry of every article in one query (MetadataRows.cpp), for
// readers that need it for the whole corpus — corpus search leaving out the
// scraper leftovers (io/ScraperResidue.h) — without a query per article.
// Like MergeRows, it reads on the store's own connection.
#pragma once

#include <QHash>
#include <QString>
#include <QUuid>

namespace newscoder {

class ProjectStore;

// Article id → the value of its metadata entry `name` (the first, when
// there are several); articles without one are absent.
QHash<QUuid, QString> metadataByDocument(const ProjectStore &store, const QString &name);

} // namespace newscoder
