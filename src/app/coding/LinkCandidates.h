#pragma once

#include "model/Annotation.h"

#include <QString>

namespace newscoder {

class Project;

// How a link target reads in the link picker, so that two targets with the
// same words ("Speaker “Peskov”" twice) are told apart: code and words, the
// actor it is linked to, where it is (line, before or after the annotation
// being linked), its coder, and the sentence around it.
// "Speaker “Peskov” → Dmitry Peskov · line 3, before · Ana · “…Peskov told reporters on Monday…”"
QString linkCandidateLabel(const Project &project, const QString &documentText, const Annotation &source,
                           const Annotation &target);

} // namespace newscoder
