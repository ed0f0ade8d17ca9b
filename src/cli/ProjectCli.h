#pragma once

#include <QStringList>

namespace newscoder::cli {

// Subcommands working on a project file: new, info, documents, text,
// annotate, annotations. Each takes argv-style arguments (arguments[0] =
// "newscoder-cli SUBCOMMAND") and returns the exit code.
int runNew(const QStringList &arguments);
int runInfo(const QStringList &arguments);
int runDocuments(const QStringList &arguments);
int runText(const QStringList &arguments);
int runAnnotate(const QStringList &arguments);
int runAnnotations(const QStringList &arguments);

} // namespace newscoder::cli
