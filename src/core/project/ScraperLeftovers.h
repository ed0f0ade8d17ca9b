// Marking an article's scraper leftovers (io/ScraperResidue.h) or taking the
// split back: one undo step through Project::updateDocumentDetails, the text
// itself unchanged. Shared by Edit ▸ Scraper Leftovers and `newscoder-cli leftovers`.
#pragma once

#include <QUuid>

namespace newscoder {

class Project;

// Marks (true: found again by the rules) or unmarks the article's leftovers.
// False when nothing changed: unknown article, read-only project, or the
// article already is as asked.
bool setScraperLeftoversMarked(Project &project, const QUuid &documentId, bool marked);

} // namespace newscoder
