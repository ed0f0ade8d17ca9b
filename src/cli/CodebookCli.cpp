#include "cli/CodebookCli.h"

#include "cli/CliSupport.h"
#include "io/CodebookJson.h"
#include "project/Project.h"
#include "storage/StoreError.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace newscoder::cli {

namespace {

constexpr qint64 MaxCodebookBytes = 16 * 1024 * 1024;

std::unique_ptr<Project> openProject(const QString &path, ProjectStore::Access access, QString *error)
{
    try {
        auto project = Project::open(path, access);
        if (const QString notice = project->store().lockNotice(); !notice.isEmpty())
            writeErr(notice + u'\n'); // a lock left by a crashed process was cleared
        return project;
    } catch (const StoreError &e) {
        *error = e.message();
        return nullptr;
    }
}

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

int runCodebook(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Print a project's codebook: codes with their sub-codes, keys, units, fields and annotation counts."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print Newscoder codebook JSON (with ids and annotation counts)."));
    parser.addOption(json);
    if (const int rc = parseArguments(parser, arguments, 1, 1); rc >= 0)
        return rc;
    QString error;
    auto project = openProject(parser.positionalArguments().first(), ProjectStore::Access::ReadOnly, &error);
    if (!project)
        return badInput(error);
    QHash<QUuid, int> counts;
    try {
        counts = project->store().annotationCountsByCode();
    } catch (const StoreError &e) {
        return badInput(e.message());
    }
    const QList<Code> &codes = project->codes(); // tree order
    if (parser.isSet(json)) {
        CodebookJsonWriteOptions options;
        options.includeIds = true;
        options.includeCounts = true;
        options.annotationCounts = counts;
        writeOut(QString::fromUtf8(
            writeCodebookJson(codes, QFileInfo(project->path()).completeBaseName(), options)));
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
            writeOut(QStringLiteral("%1    - %2\n").arg(indent, fieldSummary(*project, f)));
    }
    if (codes.isEmpty())
        writeOut(QStringLiteral("(no codes)\n"));
    return ExitOk;
}

int runCodebookImport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Add the codes of a Newscoder codebook JSON file to a project, as one undoable step. A code named like an "
        "existing code under the same parent is merged into it (the existing code keeps its id and details and gets "
        "the fields it lacks); shortcuts already in use are dropped."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    parser.addPositionalArgument(QStringLiteral("FILE.json"), QStringLiteral("The codebook to import."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the summary as JSON."));
    parser.addOption(json);
    if (const int rc = parseArguments(parser, arguments, 2, 2); rc >= 0)
        return rc;
    const QString projectPath = parser.positionalArguments().at(0);
    const QString codebookPath = parser.positionalArguments().at(1);

    // Read and check the file completely before the project is touched.
    QFile file(codebookPath);
    if (!file.open(QIODevice::ReadOnly))
        return badInput(QStringLiteral("cannot read %1: %2").arg(codebookPath, file.errorString()));
    if (file.size() > MaxCodebookBytes)
        return badInput(QStringLiteral("%1: the file is larger than %2 MiB; not a codebook")
                            .arg(codebookPath)
                            .arg(MaxCodebookBytes / (1024 * 1024)));
    const QByteArray bytes = file.read(MaxCodebookBytes + 1);
    if (bytes.size() > MaxCodebookBytes)
        return badInput(QStringLiteral("%1: the file is larger than %2 MiB; not a codebook")
                            .arg(codebookPath)
                            .arg(MaxCodebookBytes / (1024 * 1024)));
    const CodebookReadResult read = readCodebookJson(bytes);
    if (!read.error.isEmpty())
        return badInput(QStringLiteral("%1: %2").arg(codebookPath, read.error));

    QString error;
    auto project = openProject(projectPath, ProjectStore::Access::ReadWrite, &error);
    if (!project)
        return badInput(error);
    const auto summary = project->importCodebook(read.codes);
    if (!summary)
        return badInput(QStringLiteral("nothing was imported: %1").arg(project->lastError()));
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
}

} // namespace newscoder::cli
