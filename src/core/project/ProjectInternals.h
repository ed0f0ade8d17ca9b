// The writable store behind a Project, for the few places that must write
// rows themselves: an undo command of the core that lives outside project/
// (the REFI-QDA import) and tests that set up what no mutator writes. The
// app and the CLI read through Project::reader() and write through mutators.
#pragma once

#include "project/Project.h"
#include "storage/ProjectStore.h"

namespace newscoder {

struct ProjectInternals
{
    static ProjectStore &store(Project &project) { return project.store(); }
};

} // namespace newscoder
