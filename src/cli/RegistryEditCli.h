#pragma once

#include <QStringList>

namespace newscoder::cli {

// Editing the registries from the command line (the Actors and Outlets docks'
// headless path). Each takes argv-style arguments and returns the exit code.
int runActorMerge(const QStringList &arguments);  // actor-merge PROJECT KEPT ABSORBED
int runOutletAdd(const QStringList &arguments);   // outlet-add PROJECT NAME [--domain D]... [--country C]
int runOutletAssign(const QStringList &arguments); // outlet-assign PROJECT (--outlet NAME | --none) --document ID...

} // namespace newscoder::cli
