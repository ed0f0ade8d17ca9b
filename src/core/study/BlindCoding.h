// Blind coding: while the project setting is on, a coder sees only their own
// annotations and variables; a lead (and a project without a lead) sees
// everyone's. The window's views ask visibleFilter() which coders to show.
#pragma once

#include "models/CoderFilter.h"

#include <QUuid>

#include <optional>

namespace newscoder {
class Project;
}

namespace newscoder::study {

// Whether the current coder is kept from other coders' work: blind coding on,
// and the current coder is not a lead (the consensus layer counts as a lead's).
bool hidesOtherCoders(const Project &project);

// The filter the views apply: `requested`, or only the current coder's
// annotations while other coders are hidden.
CoderFilter visibleFilter(const Project &project, const CoderFilter &requested);

// For readers that list rows of every coder (search, suggestions, counts):
// nullopt while everyone's work is shown, else the only coder whose rows to
// show (a null id: a coder with no row yet, who sees nothing of others).
std::optional<QUuid> onlyVisibleCoder(const Project &project);

// Whether the current coder may turn blind coding on or off: a lead, or
// anyone while the study has no lead.
bool maySetBlindCoding(const Project &project);

} // namespace newscoder::study
