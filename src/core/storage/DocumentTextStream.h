// Reads every article's header and text in one forward query, one article at
// a time (for whole-corpus passes such as duplicate detection). Read-only.
#pragma once

#include "storage/ProjectReader.h"

#include <QDate>
#include <QString>
#include <QUuid>

#include <functional>

namespace newscoder {

class ProjectStore;


// Visits the articles ordered by publication date (unknown dates first, as in
// documentSummaries()), title, then id; stop by returning false. Nothing is
// held beyond one row. Throws StoreError.
void streamDocumentTexts(const ProjectStore &store, const std::function<bool(const DocumentTextRow &)> &visit);

} // namespace newscoder
