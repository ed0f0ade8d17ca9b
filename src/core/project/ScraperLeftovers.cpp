#include "project/ScraperLeftovers.h"

#include "io/ScraperResidue.h"
#include "project/Project.h"
#include "storage/ProjectReader.h"
#include "storage/ProjectStore.h"

namespace newscoder {

bool setScraperLeftoversMarked(Project &project, const QUuid &documentId, bool marked)
{
    if (project.isReadOnly())
        return false;
    const auto doc = project.reader().document(documentId);
    if (!doc)
        return false;
    const Document updated = marked ? scraped::withResidueMarked(*doc) : scraped::withoutResidue(*doc);
    if (updated.metadata == doc->metadata)
        return false;
    return project.updateDocumentDetails(updated);
}

} // namespace newscoder
