// newscoder-cli package / merge: coder packages for teams without a server,
// and merging them (or another project of the same study) back by ids.
#include "cli/StudyCli.h"

#include "cli/CliSupport.h"
#include "project/Project.h"
#include "storage/StoreError.h"
#include "study/CoderPackage.h"
#include "study/MergePlan.h"

#include <QFileInfo>
#include <QJsonArray>

namespace newscoder::cli {

int runPackage(const QStringList &arguments)
{
    const QCommandLineOption coder(QStringLiteral("coder"), QStringLiteral("The coder the package is for."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("The package file to write."),
                                 QStringLiteral("FILE.newscoder"));
    const QCommandLineOption json = jsonOption();
    const CommandSpec spec{
        .description = QStringLiteral(
            "Write a coder package: a project file with the codebook, the registries and the articles assigned to "
            "the coder, with only that coder's annotations and variables. Merge it back with `merge`."),
        .positionals = {projectArgument()},
        .options = {coder, out, json},
        .check = [&](const QCommandLineParser &parser) {
            if (!parser.isSet(coder) || !parser.isSet(out))
                return usageError(arguments, QStringLiteral("--coder NAME and --out FILE.newscoder are required."));
            return Proceed;
        },
    };
    const auto body = [&](Project &project, const QCommandLineParser &parser) {
        const study::PackageResult result =
            study::writeCoderPackage(project.reader(), parser.value(coder), parser.value(out));
        if (!result.error.isEmpty())
            return badInput(result.error);
        if (parser.isSet(json)) {
            printJson(QJsonObject{{QStringLiteral("package"), idString(result.packageId)},
                                  {QStringLiteral("file"), QFileInfo(parser.value(out)).absoluteFilePath()},
                                  {QStringLiteral("articles"), result.documents},
                                  {QStringLiteral("annotations"), result.annotations}});
        } else {
            writeOut(QStringLiteral("%1: %2 article(s), %3 annotation(s) of %4\n")
                         .arg(parser.value(out))
                         .arg(result.documents)
                         .arg(result.annotations)
                         .arg(parser.value(coder)));
        }
        return ExitOk;
    };
    return runOnProject(arguments, spec, Access::ReadOnly, body);
}

int runMerge(const QStringList &arguments)
{
    const QCommandLineOption prefer(QStringLiteral("prefer"),
                                    QStringLiteral("On a conflict keep 'master' (default) or take 'source'."),
                                    QStringLiteral("master|source"));
    const QCommandLineOption json = jsonOption();
    study::MergeOptions options;
    const CommandSpec spec{
        .description = QStringLiteral(
            "Merge coder packages or other projects of the same study into PROJECT by ids: each file one undoable "
            "step; merging a file again changes nothing. Reports what was added, updated, removed, unchanged and in "
            "conflict."),
        .positionals = {projectArgument(QStringLiteral("The master project file.")),
                        {QStringLiteral("FILE"), QStringLiteral("Packages or projects to merge."),
                         QStringLiteral("FILE.newscoder...")}},
        .options = {prefer, json},
        .minPositional = 2,
        .maxPositional = -1,
        .check = [&](const QCommandLineParser &parser) {
            if (!parser.isSet(prefer))
                return Proceed;
            if (parser.value(prefer) == QLatin1String("source"))
                options.preferSource = true;
            else if (parser.value(prefer) != QLatin1String("master"))
                return badInput(
                    QStringLiteral("--prefer takes 'master' or 'source', not '%1'").arg(parser.value(prefer)));
            return Proceed;
        },
    };
    const auto body = [&](Project &project, const QCommandLineParser &parser) {
        // Every source is opened before anything is merged: a bad file stops the run with nothing written.
        std::vector<std::unique_ptr<ProjectReader>> sources;
        for (const QString &path : parser.positionalArguments().mid(1)) {
            if (!QFileInfo(path).isFile())
                return badInput(QStringLiteral("%1: no such file").arg(path));
            try {
                sources.push_back(openProjectReader(path));
            } catch (const StoreError &e) {
                return badInput(QStringLiteral("%1: %2").arg(path, e.message()));
            }
        }
        QJsonArray reports;
        for (const auto &source : sources) {
            study::MergePlan merge = study::planMerge(project.reader(), *source, options);
            if (!merge.plan.error.isEmpty())
                return badInput(merge.plan.error);
            if (!project.commitStudyChange(merge.plan.text, std::move(merge.plan.redo), std::move(merge.plan.undo)))
                return badInput(project.lastError());
            const study::MergeReport &r = merge.report;
            if (parser.isSet(json)) {
                reports.append(study::mergeReportJson(r));
                continue;
            }
            writeOut(QStringLiteral("%1: added %2, updated %3, removed %4, unchanged %5 annotation(s); %6 conflict(s)\n")
                         .arg(r.path)
                         .arg(r.added.annotations)
                         .arg(r.updated.annotations)
                         .arg(r.removed.annotations)
                         .arg(r.unchanged.annotations)
                         .arg(r.conflicts.size()));
            if (r.added.documents > 0)
                writeOut(QStringLiteral("  added %1 article(s) this project lacked\n").arg(r.added.documents));
            for (const study::MergeConflict &c : r.conflicts)
                writeOut(QStringLiteral("  %1: %2 %3\n").arg(c.kind, c.detail, c.resolution));
        }
        if (parser.isSet(json))
            printJson(reports);
        return ExitOk;
    };
    return runOnProject(arguments, spec, Access::ReadWrite, body);
}

} // namespace newscoder::cli
