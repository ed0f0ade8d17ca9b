#pragma once

#include "model/Document.h"
#include "storage/ProjectStore.h"

#include <QCommandLineOption>
#include <QStringList>

#include <memory>
#include <optional>

namespace newscoder {
class Project;
}

namespace newscoder::cli {

// Shared by the subcommands: open a project (nullptr + `error` on failure),
// the --json option, and a document by full id or an unambiguous prefix of
// at least 4 characters (nullopt + `error` when none or several match).
std::unique_ptr<Project> openProject(const QString &path, ProjectStore::Access access, QString *error);
QCommandLineOption jsonOption();
std::optional<DocumentSummary> findDocument(const Project &project, const QString &idOrPrefix, QString *error);

// Subcommands working on a project file. Each takes argv-style arguments
// (arguments[0] = "newscoder-cli SUBCOMMAND") and returns the exit code.
int runNew(const QStringList &arguments);
int runInfo(const QStringList &arguments);
int runDocuments(const QStringList &arguments);
int runText(const QStringList &arguments);
int runAnnotate(const QStringList &arguments);
int runAnnotations(const QStringList &arguments);

} // namespace newscoder::cli
