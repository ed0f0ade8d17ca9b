#pragma once

#include "model/CodeField.h"

#include <QColor>
#include <QIcon>
#include <QString>

namespace newscoder {

// An annotation's excerpt and title are the core's (project/AnnotationLabels.h).

// How a choice or scale point reads in a list: its label, which names the
// value once ("−1 slightly against", never "−1 (-1)"; a typographic minus
// counts as the value's "-"); scale points whose label does not say the
// value get it in front ("2  against the target").
QString optionDisplayText(const FieldOption &option, bool ordinal);
// A small square in a code's colour, for lists and buttons.
QIcon codeChip(const QColor &color);

} // namespace newscoder
