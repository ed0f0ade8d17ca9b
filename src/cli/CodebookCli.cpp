#include "cli/CodebookCli.h"

#include "cli/CliSupport.h"
#include "io/CodebookFile.h"
#include "io/CodebookJson.h"
#include "project/Project.h"
#include "storage/StoreError.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace newscoder::cli {

namespace {

QString fieldSummary(const Project &project, const CodeField &f)
{
    QStringList traits{fieldKindName(f.kind)};
    if (f.required)
        traits << QStringLiteral("required");
    if (f.allowsSeveral() && f.kind != FieldKind::MultipleChoice)
        traits << QStringLiteral("multiple");
    QString text = QStringLiteral("%1 (%2)").arg(f.name, traits.join(QStringLiteral(", ")));
    if (!f.options.isEmpty()) {
        QStringList values;
        for (const FieldOption &o : f.options)
            values << o.value;
        text += QStringLiteral(": ") + values.join(QStringLiteral(" | "));
    }
    if (!f.linkCodes.isEmpty()) {
        QStringList targets;
        for (const QUuid &id : f.linkCodes) {
            if (const auto c = project.code(id))
                targets << c->name;
        }
        text += QStringLiteral(" → ") + targets.join(QStringLiteral(", "));
    }
    return text;
}

} // namespace

std::optional<QList<Code>> readCodebookArgument(const QString &path)
{
    CodebookFileResult read = readCodebookFile(path);
    switch (read.outcome) {
    case CodebookFileResult::Outcome::Read:
        return std::move(read.codes);
    case CodebookFileResult::Outcome::Unreadable:
        badInput(QStringLiteral("cannot read %1: %2").arg(path, read.error));
        break;
    case CodebookFileResult::Outcome::TooLarge:
        badInput(QStringLiteral("%1: the file is larger than %2 MiB; not a codebook")
                     .arg(path)
                     .arg(MaxCodebookFileBytes / (1024 * 1024)));
        break;
    case CodebookFileResult::Outcome::Invalid:
        badInput(QStringLiteral("%1: %2").arg(path, read.error));
        break;
    }
    return std::nullopt;
}

int runCodebook(const QStringList &arguments)
{
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print Newscoder codebook JSON (with ids and annotation counts)."));
    const CommandSpec spec{
        .description = QStringLiteral("Print a project's codebook: codes with their sub-codes, keys, units, fields "
                                      "and annotation counts."),
        .positionals = {projectArgument()},
        .options = {json},
    };
    const auto body = [&](Project &project, const QCommandLineParser &parser) {
        const QHash<QUuid, int> counts = project.reader().annotationCountsByCode();
        const QList<Code> &codes = project.codes(); // tree order
        if (parser.isSet(json)) {
            CodebookJsonWriteOptions options;
            options.includeIds = true;
            options.includeCounts = true;
            options.annotationCounts = counts;
            writeOut(QString::fromUtf8(
                writeCodebookJson(codes, QFileInfo(project.path()).completeBaseName(), options)));
            return ExitOk;
        }
        QHash<QUuid, int> depth;
        for (const Code &c : codes) {
            const int level = c.parentId.isNull() ? 0 : depth.value(c.parentId) + 1;
            depth.insert(c.id, level);
            const QString indent(level * 2, u' ');
            QStringList traits;
            if (!c.shortcut.isEmpty())
                traits << QStringLiteral("key %1").arg(c.shortcut);
            traits << codeUnitName(c.unit);
            traits << QStringLiteral("%1 annotation(s)").arg(counts.value(c.id));
            writeOut(QStringLiteral("%1%2  [%3]\n").arg(indent, c.name, traits.join(QStringLiteral(", "))));
            for (const CodeField &f : c.fields)
                writeOut(QStringLiteral("%1    - %2\n").arg(indent, fieldSummary(project, f)));
        }
        if (codes.isEmpty())
            writeOut(QStringLiteral("(no codes)\n"));
        return ExitOk;
    };
    return runOnProject(arguments, spec, Access::ReadOnly, body);
}

int runCodebookImport(const QStringList &arguments)
{
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the summary as JSON."));
    std::optional<QList<Code>> codes;
    const CommandSpec spec{
        .description = QStringLiteral(
            "Add the codes of a Newscoder codebook JSON file to a project, as one undoable step. A code named like "
            "an existing code under the same parent is merged into it (the existing code keeps its id and details "
            "and gets the fields it lacks); shortcuts already in use are dropped."),
        .positionals = {projectArgument(), {QStringLiteral("FILE.json"), QStringLiteral("The codebook to import.")}},
        .options = {json},
        .minPositional = 2,
        .maxPositional = 2,
        .check = [&](const QCommandLineParser &parser) {
            // Read and check the file completely before the project is touched.
            codes = readCodebookArgument(parser.positionalArguments().at(1));
            return codes ? Proceed : ExitBadInput;
        },
    };
    const auto body = [&](Project &project, const QCommandLineParser &parser) {
        const auto summary = project.importCodebook(*codes);
        if (!summary)
            return badInput(QStringLiteral("nothing was imported: %1").arg(project.lastError()));
        if (parser.isSet(json)) {
            printJson(QJsonObject{{QStringLiteral("added"), summary->codesAdded},
                                  {QStringLiteral("merged"), summary->codesMerged},
                                  {QStringLiteral("fields_added"), summary->fieldsAdded}});
        } else {
            writeOut(QStringLiteral("%1 code(s) added, %2 merged into existing codes, %3 field(s) added\n")
                         .arg(summary->codesAdded)
                         .arg(summary->codesMerged)
                         .arg(summary->fieldsAdded));
        }
        return ExitOk;
    };
    return runOnProject(arguments, spec, Access::ReadWrite, body);
}

} // namespace newscoder::cli
