// The writable store behind a Project, for the few places that must write
// rows themselves: an undo command of the core that lives outside project/
// (the REFI-QDA import), tests that set up what no mutator writes, the
// benchmarks' bulk fixtures, and the CLI's `annotate` and `set-variable`,
// which wrap several mutators in one store transaction. The app reads
// through Project::reader() and writes only through mutators.
#pragma once

#include "project/Project.h"
#include "storage/ProjectStore.h"

namespace newscoder {

struct ProjectInternals
{
    static ProjectStore &store(Project &project) { return project.store(); }
};

} // namespace newscoder
