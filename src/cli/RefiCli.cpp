#include "cli/RefiCli.h"

#include "cli/CliSupport.h"
#include "project/Project.h"
#include "refi/RefiExport.h"
#include "refi/RefiImport.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>

namespace newscoder::cli {

namespace {

bool isProjectArchive(const QString &path)
{
    return path.endsWith(QLatin1String(".qdpx"), Qt::CaseInsensitive);
}
bool isCodebookFile(const QString &path)
{
    return path.endsWith(QLatin1String(".qdc"), Qt::CaseInsensitive);
}

// Removes a project file this command created (and its companions) after a
// failed import, so that bad input leaves nothing behind.
void removeCreatedProject(const QString &path)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral(".lock")})
        QFile::remove(path + suffix);
}

} // namespace

int runRefiExport(const QStringList &arguments)
{
    const QCommandLineOption coders(QStringLiteral("coders"), QStringLiteral("Only these coders' codings (comma-separated)."),
                                    QStringLiteral("A,B"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the counts as JSON."));
    const CommandSpec spec{
        .description = QStringLiteral(
            "Export a project as a REFI-QDA project (.qdpx: texts, codes, codings per coder, memos, cases) "
            "or its codebook as a REFI-QDA codebook (.qdc)."),
        .positionals = {projectArgument(), {QStringLiteral("OUT"), QStringLiteral("OUT.qdpx or OUT.qdc")}},
        .options = {coders, json},
        .minPositional = 2,
        .maxPositional = 2,
        .check = [&](const QCommandLineParser &parser) {
            const QString projectPath = parser.positionalArguments().at(0);
            const QString out = parser.positionalArguments().at(1);
            if (!isProjectArchive(out) && !isCodebookFile(out))
                return badInput(
                    QStringLiteral("The output must end in .qdpx (project) or .qdc (codebook): %1").arg(out));
            if (!QFileInfo::exists(projectPath))
                return badInput(QStringLiteral("No project at %1.").arg(projectPath));
            return Proceed;
        },
    };
    const auto body = [&](Project &project, const QCommandLineParser &parser) {
        const QString out = parser.positionalArguments().at(1);
        refi::ExportOptions options;
        for (const QString &c : parser.value(coders).split(u',', Qt::SkipEmptyParts))
            options.coders << c.trimmed();
        QString error;
        const auto counts = isCodebookFile(out) ? refi::exportCodebook(project, out, &error)
                                                : refi::exportProject(project, out, options, &error);
        if (!counts)
            return badInput(error);
        if (parser.isSet(json)) {
            QJsonObject report = refi::countsJson(*counts);
            report.insert(QStringLiteral("file"), out);
            printJson(report);
        } else {
            writeOut(QStringLiteral("Wrote %1: %2 sources, %3 codes, %4 codings, %5 users, %6 notes, %7 cases\n")
                         .arg(out)
                         .arg(counts->sources)
                         .arg(counts->codes)
                         .arg(counts->selections)
                         .arg(counts->users)
                         .arg(counts->notes)
                         .arg(counts->cases));
        }
        return ExitOk;
    };
    return runOnProject(arguments, spec, Access::ReadOnly, body);
}

// The project may not exist yet (it is then created, and removed again when
// the import fails): not runOnProject, which opens an existing one.
int runRefiImport(const QStringList &arguments)
{
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the report as JSON."));
    const QCommandLineOption dryRunOption(QStringLiteral("dry-run"), QStringLiteral("Only report what would be imported."));
    const QCommandLineOption coder(QStringLiteral("coder"),
                                   QStringLiteral("Coder of codings that name no user (default \"REFI-QDA import\")."),
                                   QStringLiteral("NAME"));
    const CommandSpec spec{
        .description = QStringLiteral(
            "Import a REFI-QDA project (.qdpx) or codebook (.qdc) from NVivo, MAXQDA, ATLAS.ti, QualCoder, Taguette "
            "or Newscoder. Merges by GUID (importing twice changes nothing); one undo step. PROJECT is created when "
            "it does not exist. Hostile or broken files are refused and nothing is written."),
        .positionals = {projectArgument(), {QStringLiteral("FILE"), QStringLiteral("FILE.qdpx or FILE.qdc")}},
        .options = {json, dryRunOption, coder},
        .minPositional = 2,
        .maxPositional = 2,
        .check = [&](const QCommandLineParser &parser) {
            const QString file = parser.positionalArguments().at(1);
            if (!isProjectArchive(file) && !isCodebookFile(file))
                return badInput(
                    QStringLiteral("The file must end in .qdpx (project) or .qdc (codebook): %1").arg(file));
            if (!QFileInfo(file).isFile())
                return badInput(QStringLiteral("No file at %1.").arg(file));
            if (parser.isSet(dryRunOption) && !QFileInfo::exists(parser.positionalArguments().at(0)))
                return badInput(
                    QStringLiteral("No project at %1 (a dry run creates none).").arg(parser.positionalArguments().at(0)));
            return Proceed;
        },
    };
    const auto body = [&](const QCommandLineParser &parser) {
        const QString projectPath = parser.positionalArguments().at(0);
        const QString file = parser.positionalArguments().at(1);
        const bool dryRun = parser.isSet(dryRunOption);
        const bool create = !QFileInfo::exists(projectPath);
        std::unique_ptr<Project> project;
        if (create) {
            project = Project::create(projectPath, {});
        } else {
            QString error;
            project = openProject(projectPath, Access::ReadWrite, &error);
            if (!project)
                return badInput(error);
        }
        const auto fail = [&](const QString &message) {
            project.reset();
            if (create)
                removeCreatedProject(projectPath);
            return badInput(message);
        };
        refi::ImportOptions options;
        options.fallbackCoder = parser.value(coder);
        QString error;
        const auto plan = refi::planImport(*project, file, options, &error);
        if (!plan)
            return fail(error);
        if (!dryRun && !refi::applyImport(*project, *plan, &error))
            return fail(error);
        if (parser.isSet(json)) {
            QJsonObject report = refi::importReportJson(*plan);
            report.insert(QStringLiteral("imported"), !dryRun);
            report.insert(QStringLiteral("project_created"), create);
            printJson(report);
        } else {
            writeOut((dryRun ? QStringLiteral("Dry run — nothing written.\n") : QString()) + refi::importReportText(*plan));
        }
        return ExitOk;
    };
    return runCommand(arguments, spec, body);
}

} // namespace newscoder::cli
