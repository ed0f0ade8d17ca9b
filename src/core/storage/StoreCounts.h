#pragma once

#include <QHash>
#include <QUuid>

namespace newscoder {

class ProjectStore;

// Annotations per article of one coder: one grouped query (articles without
// any are absent). Throws StoreError when the database cannot be read.
QHash<QUuid, int> annotationCountsByDocumentOfCoder(ProjectStore &store, const QUuid &coderId);

} // namespace newscoder
