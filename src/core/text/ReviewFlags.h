#pragma once

#include "model/Annotation.h"

#include <QJsonObject>

namespace newscoder {

// Review flags a text edit leaves on annotations (Annotation::reviewReason,
// Annotation::reviewEdit), in words and as JSON.

// "coded", "suggested" or "needs-review" (status Review, or a flagged suggestion).
QString annotationStatusLabel(const Annotation &annotation);

// The edit that flagged it: {"at", "removed", "inserted", "was", "when"}
// (empty when none was recorded, e.g. flagged before schema 4).
QJsonObject reviewEditJson(const Annotation &annotation);

// One sentence for the user, e.g. "Its whole text (“world”) was deleted by the
// edit at 6: check where it belongs." Empty when not flagged.
QString reviewExplanation(const Annotation &annotation);

} // namespace newscoder
