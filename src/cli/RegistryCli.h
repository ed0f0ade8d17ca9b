#pragma once

#include <QStringList>

namespace newscoder::cli {

// Subcommands for the actor and outlet registries and article/outlet
// variables. Each takes argv-style arguments (arguments[0] = "newscoder-cli
// SUBCOMMAND") and returns the exit code.
int runActors(const QStringList &arguments);
int runActorAdd(const QStringList &arguments);
int runOutlets(const QStringList &arguments);
int runVariables(const QStringList &arguments);
int runSetVariable(const QStringList &arguments);

} // namespace newscoder::cli
