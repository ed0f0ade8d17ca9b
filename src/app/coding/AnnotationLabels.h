#pragma once

#include "model/Annotation.h"
#include "model/CodeField.h"

#include <QColor>
#include <QIcon>
#include <QString>

namespace newscoder {

class Project;

// The annotated words of `documentText`, on one line, shortened to about
// `maxLength` characters ("talks are frozen", "Minister Ana Reyes told…").
QString annotationExcerpt(const QString &documentText, const Annotation &annotation, int maxLength = 48);
// "Speaker “Minister Ana Reyes”": the code's name and the excerpt.
QString annotationTitle(const Project &project, const QString &documentText, const Annotation &annotation,
                        int maxLength = 48);
// A small square in a code's colour, for lists and buttons.
QIcon codeChip(const QColor &color);

} // namespace newscoder
