// How an annotation reads wherever the app, the CLI or an export names one:
// its words on one line, its code and words, and the longer label of a link
// target in the link picker. Widgets-free; the window shows these texts.
#pragma once

#include "model/Annotation.h"

#include <QString>

namespace newscoder {

class Project;

// The annotated words of `documentText`, on one line, shortened to about
// `maxLength` characters ("talks are frozen", "Minister Ana Reyes told…").
QString annotationExcerpt(const QString &documentText, const Annotation &annotation, int maxLength = 48);
// "Speaker “Minister Ana Reyes”": the code's name and the excerpt.
QString annotationTitle(const Project &project, const QString &documentText, const Annotation &annotation,
                        int maxLength = 48);

// How a link target reads in the link picker, so that two targets with the
// same words ("Speaker “Peskov”" twice) are told apart: code and words, the
// actor it is linked to, where it is (line, before or after the annotation
// being linked), its coder, and the sentence around it.
// "Speaker “Peskov” → Dmitry Peskov · line 3, before · Ana · “…Peskov told reporters on Monday…”"
QString linkCandidateLabel(const Project &project, const QString &documentText, const Annotation &source,
                           const Annotation &target);

} // namespace newscoder
