#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

namespace newscoder {

// An annotation's excerpt and title are the core's (project/AnnotationLabels.h),
// and so is how an option reads (model/OptionLabel.h).

// A small square in a code's colour, for lists and buttons.
QIcon codeChip(const QColor &color);

} // namespace newscoder
