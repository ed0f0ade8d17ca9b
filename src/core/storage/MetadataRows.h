// One metadata entry of every article in one query (MetadataRows.cpp), for
// readers that need it for the whole corpus — corpus search leaving out the
// scraper leftovers (io/ScraperResidue.h) — without a query per article.
// Like MergeRows, it reads on the store's own connection.
#pragma once

#include <QHash>
#include <QString>
#include <QUuid>

#include <optional>

namespace newscoder {

class ProjectStore;

// Article id → the value of its metadata entry `name` (the first, when
// there are several); articles without one are absent.
QHash<QUuid, QString> metadataByDocument(const ProjectStore &store, const QString &name);

// The same for one article, for readers that need one entry and not its text
// (the article view's and Edit menu's scraper leftovers); nullopt without one.
std::optional<QString> metadataOfDocument(const ProjectStore &store, const QUuid &id, const QString &name);

} // namespace newscoder
