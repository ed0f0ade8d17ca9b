#pragma once

#include "agreement/ProjectAgreement.h"
#include "model/Annotation.h"
#include "model/Code.h"

#include <QList>

#include <atomic>

namespace newscoder {

class ProjectReader;

// Agreement on the values coders gave, at each field's level of measurement
// (Krippendorff's alpha; nominal for choices, booleans and links, ordinal for
// scales in their declared order, interval for numbers). Text and date fields
// are not compared, and neither are fields that take several values.
//
// - Article variables (fields of article- and outlet-level codes, as coded
//   per article): the unit is the article, each coder's value is the one
//   they coded for it (an outlet value they did not override counts as
//   missing: inherited values are not a coder's judgement).
// - Annotation fields: the unit is a span that several coders marked
//   identically (same article, code, start and end); each coder's value is
//   the one their annotation holds. A link's value is its target's code and
//   span, so coders agree when they link to the same words.
//
// `coders` are the coders to compare (ids and names); `documents` restricts
// the articles (empty: all). Rows use the measure "alpha" and name the
// subject "Code › Field". Fields no selected coder gave a value get no row.
QList<AgreementRow> computeFieldAgreement(const ProjectReader &store, const QList<Code> &codes,
                                          const QList<Coder> &coders, const QList<QUuid> &documents,
                                          const std::atomic_bool *cancel = nullptr);

} // namespace newscoder
