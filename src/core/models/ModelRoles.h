#pragma once

#include <Qt>

namespace newscoder {

// Custom roles shared by Newscoder's item models.
enum ModelRole {
    IdRole = Qt::UserRole + 1, // QUuid of the row's object
    SortRole,                  // value to sort by (dates, numbers)
    ColorRole,                 // QColor of the row's code
    StartRole,                 // annotation start (UTF-16 offset)
    EndRole,                   // annotation end (UTF-16 offset)
    CodeIdRole,                // QUuid of the annotation's code
    StatusRole,                // int(AnnotationStatus) of the annotation
};

} // namespace newscoder
