#include "cli/RefiCli.h"

#include "cli/CliSupport.h"
#include "project/Project.h"
#include "refi/RefiExport.h"
#include "refi/RefiImport.h"
#include "storage/StoreError.h"

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
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Export a project as a REFI-QDA project (.qdpx: texts, codes, codings per coder, memos, cases) "
        "or its codebook as a REFI-QDA codebook (.qdc)."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    parser.addPositionalArgument(QStringLiteral("OUT"), QStringLiteral("OUT.qdpx or OUT.qdc"));
    parser.addOption({QStringLiteral("coders"), QStringLiteral("Only these coders' codings (comma-separated)."),
                      QStringLiteral("A,B")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the counts as JSON.")});
    if (const int rc = parseArguments(parser, arguments, 2, 2); rc >= 0)
        return rc;
    const QString projectPath = parser.positionalArguments().at(0);
    const QString out = parser.positionalArguments().at(1);
    if (!isProjectArchive(out) && !isCodebookFile(out))
        return badInput(QStringLiteral("The output must end in .qdpx (project) or .qdc (codebook): %1").arg(out));
    if (!QFileInfo::exists(projectPath))
        return badInput(QStringLiteral("No project at %1.").arg(projectPath));
    std::unique_ptr<Project> project;
    try {
        project = Project::open(projectPath, ProjectStore::Access::ReadOnly);
    } catch (const StoreError &e) {
        return badInput(e.message());
    }
    refi::ExportOptions options;
    for (const QString &c : parser.value(QStringLiteral("coders")).split(u',', Qt::SkipEmptyParts))
        options.coders << c.trimmed();
    QString error;
    const auto counts = isCodebookFile(out) ? refi::exportCodebook(*project, out, &error)
                                            : refi::exportProject(*project, out, options, &error);
    if (!counts)
        return badInput(error);
    if (parser.isSet(QStringLiteral("json"))) {
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
}

int runRefiImport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Import a REFI-QDA project (.qdpx) or codebook (.qdc) from NVivo, MAXQDA, ATLAS.ti, QualCoder, Taguette "
        "or Newscoder. Merges by GUID (importing twice changes nothing); one undo step. PROJECT is created when "
        "it does not exist. Hostile or broken files are refused and nothing is written."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("FILE.qdpx or FILE.qdc"));
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the report as JSON.")});
    parser.addOption({QStringLiteral("dry-run"), QStringLiteral("Only report what would be imported.")});
    parser.addOption({QStringLiteral("coder"),
                      QStringLiteral("Coder of codings that name no user (default \"REFI-QDA import\")."),
                      QStringLiteral("NAME")});
    if (const int rc = parseArguments(parser, arguments, 2, 2); rc >= 0)
        return rc;
    const QString projectPath = parser.positionalArguments().at(0);
    const QString file = parser.positionalArguments().at(1);
    if (!isProjectArchive(file) && !isCodebookFile(file))
        return badInput(QStringLiteral("The file must end in .qdpx (project) or .qdc (codebook): %1").arg(file));
    if (!QFileInfo(file).isFile())
        return badInput(QStringLiteral("No file at %1.").arg(file));
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    const bool create = !QFileInfo::exists(projectPath);
    if (create && dryRun)
        return badInput(QStringLiteral("No project at %1 (a dry run creates none).").arg(projectPath));
    std::unique_ptr<Project> project;
    try {
        project = create ? Project::create(projectPath, {}) : Project::open(projectPath);
    } catch (const StoreError &e) {
        return badInput(e.message());
    }
    const auto fail = [&](const QString &message) {
        project.reset();
        if (create)
            removeCreatedProject(projectPath);
        return badInput(message);
    };
    refi::ImportOptions options;
    options.fallbackCoder = parser.value(QStringLiteral("coder"));
    QString error;
    const auto plan = refi::planImport(*project, file, options, &error);
    if (!plan)
        return fail(error);
    if (!dryRun && !refi::applyImport(*project, *plan, &error))
        return fail(error);
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject report = refi::importReportJson(*plan);
        report.insert(QStringLiteral("imported"), !dryRun);
        report.insert(QStringLiteral("project_created"), create);
        printJson(report);
    } else {
        writeOut((dryRun ? QStringLiteral("Dry run — nothing written.\n") : QString()) + refi::importReportText(*plan));
    }
    return ExitOk;
}

} // namespace newscoder::cli
