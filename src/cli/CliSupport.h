// The preamble every subcommand shares: output, the command line (a spec of
// options parsed in one place), opening the project, exit codes, and finding
// an article by id or prefix. A subcommand is its spec and its body:
//
//     const QCommandLineOption json = jsonOption();
//     const CommandSpec spec{.description = ..., .positionals = {projectArgument()}, .options = {json}};
//     const auto body = [&](Project &project, const QCommandLineParser &parser) { ...; return ExitOk; };
//     return runOnProject(arguments, spec, Access::ReadOnly, body);
#pragma once

#include "model/Document.h"
#include "model/IdPrefix.h"
#include "storage/ProjectReader.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <functional>
#include <memory>
#include <optional>

namespace newscoder {
class Project;
}

namespace newscoder::cli {

using Access = ProjectAccess;

// Exit codes of newscoder-cli.
inline constexpr int ExitOk = 0;
inline constexpr int ExitUsage = 1;    // a usage error
inline constexpr int ExitBadInput = 2; // bad input: a file, a value, a project

// What a check returns to let the command go on (any other value is the exit code).
inline constexpr int Proceed = -1;

// Writes `text` to stdout / stderr as UTF-8, exactly (no newline added).
void writeOut(const QString &text);
void writeErr(const QString &text);

// Prints a JSON value (object or array) on stdout, followed by a newline.
void printJson(const QJsonValue &value);

// Reports bad input: "newscoder-cli: MESSAGE" on stderr, returns ExitBadInput.
int badInput(const QString &message);

// Reports a usage error: "newscoder-cli SUBCOMMAND: MESSAGE" on stderr
// (arguments[0] names the subcommand), returns ExitUsage.
int usageError(const QStringList &arguments, const QString &message);

// "--NAME is required." (a usage error) for the first of `options` not given; Proceed when all are.
int requireOptions(const QCommandLineParser &parser, const QStringList &arguments,
                   const QList<const QCommandLineOption *> &options);

// One positional argument as --help shows it (syntax: how it is written, default its name).
struct Positional
{
    QString name;
    QString description;
    QString syntax = {};
};

// The PROJECT argument most subcommands start with.
Positional projectArgument(const QString &description = QStringLiteral("The project file."));

// The --json option of the subcommands that print JSON ("Print JSON.").
QCommandLineOption jsonOption();

// A subcommand's command line: what its --help shows (in this order) and
// what it accepts. `check` (optional) looks at the parsed options before
// anything is opened and returns Proceed or the exit code.
struct CommandSpec
{
    QString description = {};
    QList<Positional> positionals = {};
    QList<QCommandLineOption> options = {};
    int minPositional = 1;
    int maxPositional = 1; // -1: no limit
    bool usageErrorIsBadInput = false; // export's contract: every bad argument exits 2
    std::function<int(const QCommandLineParser &)> check = {};
};

// Parses `arguments` (arguments[0] is the program name shown in --help).
// Returns Proceed when the caller should go on, otherwise the exit code to
// return (--help printed → 0, a usage error printed → 1).
int parseArguments(QCommandLineParser &parser, const QStringList &arguments, int minPositional,
                   int maxPositional = -1);

// Sets `parser` up from `spec`, parses `arguments` and runs the spec's check:
// Proceed, or the exit code to return.
int parseCommand(QCommandLineParser &parser, const QStringList &arguments, const CommandSpec &spec);

using CommandBody = std::function<int(const QCommandLineParser &)>;
using ProjectBody = std::function<int(Project &, const QCommandLineParser &)>;
using AccessFor = std::function<Access(const QCommandLineParser &)>;

// A subcommand that opens no project (or opens it itself): parses, checks,
// runs `body`; a StoreError from the body is bad input (exit 2).
int runCommand(const QStringList &arguments, const CommandSpec &spec, const CommandBody &body);

// A subcommand on the project named by the first positional argument:
// parses, checks, opens it with `access` (a cleared stale lock is noted on
// stderr), runs `body`. A project that cannot be opened, and a StoreError
// from the body, are bad input (exit 2).
int runOnProject(const QStringList &arguments, const CommandSpec &spec, Access access,
                 const ProjectBody &body);
// The same where the options decide whether the project is written.
int runOnProject(const QStringList &arguments, const CommandSpec &spec, const AccessFor &access,
                 const ProjectBody &body);

// Opens a project as runOnProject does (nullptr + `error` on failure), for
// subcommands that open it themselves (refi-import creates a missing one).
std::unique_ptr<Project> openProject(const QString &path, Access access, QString *error);

// An id given by hand among `candidates`: the whole id or an unambiguous
// prefix (model/IdPrefix.h); nullopt + `error` naming `what` otherwise.
std::optional<QUuid> findId(const QString &idOrPrefix, const QList<IdCandidate> &candidates, const QString &what,
                            QString *error);

// Articles by full id or an unambiguous prefix of at least 4 characters
// (nullopt + `error` when none or several match; an ambiguous prefix lists
// the articles with their titles). The article list is read once, at the
// first prefix.
class DocumentFinder
{
public:
    explicit DocumentFinder(const Project &project);
    std::optional<DocumentSummary> find(const QString &idOrPrefix, QString *error);

private:
    const Project &m_project;
    std::optional<QList<DocumentSummary>> m_summaries;
};

// One article, as DocumentFinder finds it.
std::optional<DocumentSummary> findDocument(const Project &project, const QString &idOrPrefix, QString *error);

} // namespace newscoder::cli
