#include "cli/ExportCli.h"

#include "cli/BlindAccess.h"
#include "cli/CliSupport.h"
#include "dataset/Dataset.h"
#include "dataset/NetworkTables.h"
#include "export/CodebookDocument.h"
#include "export/Exporter.h"
#include "export/StudyFolder.h"
#include "project/Project.h"

#include <QDir>
#include <QFileInfo>

namespace newscoder::cli {

namespace {

struct Filters
{
    dataset::Filter filter;
    dataset::ArticleFilter articles;
};

// The options every export shares (filters); nullopt + message on stderr when invalid.
std::optional<Filters> readFilter(const QCommandLineParser &parser, const Project &project)
{
    Filters both;
    dataset::Filter &filter = both.filter;
    dataset::ArticleFilter &articles = both.articles;
    for (const QString &value : parser.values(QStringLiteral("coders")))
        filter.coders += value.split(u',', Qt::SkipEmptyParts);
    for (const QString &value : parser.values(QStringLiteral("codes")))
        filter.codes += value.split(u',', Qt::SkipEmptyParts);
    filter.withSubCodes = !parser.isSet(QStringLiteral("no-subcodes"));
    filter.includeSuggestions = parser.isSet(QStringLiteral("suggestions"));
    filter.uncodedArticles = parser.isSet(QStringLiteral("uncoded"));
    articles.codedOnly = parser.isSet(QStringLiteral("coded-only"));
    if (articles.codedOnly && filter.uncodedArticles) {
        badInput(QStringLiteral("--coded-only and --uncoded contradict each other"));
        return std::nullopt;
    }
    for (const QString &value : parser.values(QStringLiteral("outlets")))
        articles.outlets += value.split(u',', Qt::SkipEmptyParts);
    for (const auto &[option, date] : {std::pair{QStringLiteral("from"), &articles.from},
                                       std::pair{QStringLiteral("to"), &articles.to}}) {
        if (!parser.isSet(option))
            continue;
        *date = QDate::fromString(parser.value(option), Qt::ISODate);
        if (!date->isValid()) {
            badInput(QStringLiteral("--%1 needs a date as YYYY-MM-DD, not '%2'").arg(option, parser.value(option)));
            return std::nullopt;
        }
    }
    bool ok = false;
    filter.contextCharacters = parser.value(QStringLiteral("context")).toInt(&ok);
    if (!ok || filter.contextCharacters < 0 || filter.contextCharacters > 100000) {
        badInput(QStringLiteral("--context needs a number of characters from 0 to 100000"));
        return std::nullopt;
    }
    DocumentFinder finder(project);
    for (const QString &value : parser.values(QStringLiteral("documents"))) {
        for (const QString &id : value.split(u',', Qt::SkipEmptyParts)) {
            QString error;
            const auto doc = finder.find(id.trimmed(), &error);
            if (!doc) {
                badInput(error);
                return std::nullopt;
            }
            filter.documents.append(doc->id);
        }
    }
    return both;
}

// A written export: its notes on stderr and the row count, or the failure.
int reportResult(const exporting::ExportResult &result, const QString &target)
{
    if (!result.ok)
        return badInput(result.error);
    for (const QString &warning : result.warnings)
        writeErr(QStringLiteral("newscoder-cli: note: %1\n").arg(warning));
    writeOut(QStringLiteral("%1 rows written to %2\n").arg(result.rows).arg(target));
    return ExitOk;
}

// What a table export (neither --all nor --codebook-document) writes, checked
// before the project is read.
struct TablePlan
{
    exporting::Format format = exporting::Format::Csv;
    std::optional<dataset::TableKind> kind; // none: every table (xlsx) or one object per article (jsonl)
    bool network = false;                   // --table nodes or edges
    QString target;
    exporting::ExportOptions options;
};

int checkTablePlan(const QCommandLineParser &parser, TablePlan &plan)
{
    const QString table = parser.value(QStringLiteral("table"));
    const QString format = parser.value(QStringLiteral("format"));
    if (!parser.isSet(QStringLiteral("format")))
        return badInput(QStringLiteral("export needs --format (csv, tsv, xlsx, jsonl, sav or dta)"));
    const auto fmt = exporting::formatFromName(format);
    if (!fmt)
        return badInput(QStringLiteral("unknown format '%1' (csv, tsv, xlsx, jsonl, sav or dta)").arg(format));
    if (!exporting::formatAvailable(*fmt))
        return badInput(QStringLiteral("this build cannot write %1 files").arg(exporting::formatName(*fmt)));
    plan.format = *fmt;
    plan.network = table == QLatin1String("nodes") || table == QLatin1String("edges");
    if (parser.isSet(QStringLiteral("table"))) {
        plan.kind = plan.network ? std::optional(dataset::TableKind::Links) : dataset::tableFromName(table);
        if (!plan.kind)
            return badInput(QStringLiteral("unknown table '%1' (segments, articles, links, nodes, edges, actors, "
                                           "outlets, codebook)")
                                .arg(table));
        if (*fmt == exporting::Format::Jsonl)
            return badInput(QStringLiteral("jsonl writes one object per article: leave out --table"));
    } else if (*fmt != exporting::Format::Xlsx && *fmt != exporting::Format::Jsonl) {
        return badInput(QStringLiteral("export needs --table (segments, articles, links, actors, outlets, codebook)"));
    }
    plan.target = parser.value(QStringLiteral("out"));
    if (!parser.isSet(QStringLiteral("out")) || plan.target.isEmpty())
        return badInput(QStringLiteral("export needs --out FILE"));
    const QFileInfo targetInfo(plan.target);
    if (targetInfo.isDir())
        return badInput(QStringLiteral("--out %1 is a folder, not a file").arg(plan.target));
    if (!targetInfo.absoluteDir().exists())
        return badInput(QStringLiteral("the folder of --out %1 does not exist").arg(plan.target));
    plan.options.byteOrderMark = parser.isSet(QStringLiteral("bom"));
    plan.options.neutraliseFormulas = parser.isSet(QStringLiteral("neutralise-formulas"));
    const QString sep = parser.value(QStringLiteral("delimiter"));
    if (sep != QLatin1String(",") && sep != QLatin1String(";"))
        return badInput(QStringLiteral("--delimiter must be ',' or ';'"));
    plan.options.delimiter = sep.front();
    bool contextOk = false;
    const int contextChars = parser.value(QStringLiteral("context")).toInt(&contextOk);
    if (!contextOk || contextChars < 0 || contextChars > 100000)
        return badInput(QStringLiteral("--context needs a number of characters from 0 to 100000"));
    return Proceed;
}

int writeTables(Project &project, const QCommandLineParser &parser, const QCommandLineOption &as, Filters &filter,
                const TablePlan &plan)
{
    // Under blind coding a coder exports only their own work.
    QString error;
    const auto viewer = viewerFor(project, parser, as, &error);
    if (!viewer)
        return badInput(error);
    if (!viewer->seesAll) {
        if (!filter.filter.coders.isEmpty() && filter.filter.coders != QStringList{viewer->name})
            return badInput(QStringLiteral("blind coding is on: %1 exports only their own work").arg(viewer->name));
        filter.filter.coders = {viewer->name};
    }
    exporting::ExportResult result;
    const dataset::Dataset data(project.reader(), filter.filter, filter.articles);
    if (plan.format == exporting::Format::Jsonl) {
        result = exporting::exportJsonl(data, plan.target);
    } else if (!plan.kind) {
        std::vector<std::unique_ptr<dataset::Table>> tables;
        QList<const dataset::Table *> sheets;
        for (dataset::TableKind k : dataset::allTables()) {
            tables.push_back(data.table(k));
            if (k == dataset::TableKind::Links) { // the network beside the links
                tables.push_back(dataset::makeNodesTable(data));
                tables.push_back(dataset::makeEdgesTable(data));
            }
        }
        for (const auto &t : tables)
            sheets.append(t.get());
        result = exporting::exportWorkbook(sheets, plan.target);
    } else {
        const auto one = plan.network ? dataset::makeNetworkTable(data, parser.value(QStringLiteral("table")))
                                      : data.table(*plan.kind);
        result = exporting::exportTable(*one, plan.format, plan.target, plan.options);
    }
    return reportResult(result, plan.target);
}

// --all: the study folder, CSV plus sav or dta when --format names one.
int checkStudyFolder(const QCommandLineParser &parser, std::optional<exporting::Format> &statistics)
{
    if (parser.isSet(QStringLiteral("format"))) {
        const QString format = parser.value(QStringLiteral("format"));
        const auto fmt = exporting::formatFromName(format);
        if (!fmt || (*fmt != exporting::Format::Csv && *fmt != exporting::Format::Sav && *fmt != exporting::Format::Dta))
            return badInput(QStringLiteral("--all writes CSV, plus sav or dta when --format names one"));
        if (*fmt != exporting::Format::Csv) {
            if (!exporting::formatAvailable(*fmt))
                return badInput(QStringLiteral("this build cannot write %1 files").arg(format));
            statistics = fmt;
        }
    }
    if (parser.isSet(QStringLiteral("table")))
        return badInput(QStringLiteral("--all writes every table: leave out --table"));
    if (!parser.isSet(QStringLiteral("out")) || parser.value(QStringLiteral("out")).isEmpty())
        return badInput(QStringLiteral("--all needs --out DIR"));
    return Proceed;
}

int writeStudyFolder(Project &project, const QCommandLineParser &parser, const Filters &filter,
                     const std::optional<exporting::Format> &statistics)
{
    exporting::ExportOptions options;
    options.byteOrderMark = parser.isSet(QStringLiteral("bom"));
    options.neutraliseFormulas = parser.isSet(QStringLiteral("neutralise-formulas"));
    const dataset::Dataset data(project.reader(), filter.filter, filter.articles);
    const QString folder = parser.value(QStringLiteral("out"));
    return reportResult(exporting::exportStudyFolder(data, folder, statistics, options), folder);
}

int writeCodebookDocument(Project &project, const Filters &filter, const QString &target)
{
    const dataset::Dataset data(project.reader(), filter.filter, filter.articles);
    const auto result = exporting::writeCodebookDocument(data, target);
    if (!result.ok)
        return badInput(result.error);
    writeOut(QStringLiteral("codebook written to %1\n").arg(target));
    return ExitOk;
}

} // namespace

bool exportNeedsGui(int argc, char **argv)
{
    if (argc < 2 || qstrcmp(argv[1], "export") != 0)
        return false;
    for (int i = 2; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        const bool pdf = (arg == "--codebook-document" && i + 1 < argc && QByteArray(argv[i + 1]).toLower().endsWith(".pdf"))
                         || (arg.startsWith("--codebook-document=") && arg.toLower().endsWith(".pdf"));
        if (pdf) {
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
                && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            return true;
        }
    }
    return false;
}

int runExport(const QStringList &arguments)
{
    const QCommandLineOption table(QStringLiteral("table"), QStringLiteral("The table to export."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("csv, tsv, xlsx, jsonl, sav or dta."),
                                    QStringLiteral("FORMAT"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("The file to write."), QStringLiteral("FILE"));
    const QCommandLineOption coders(QStringLiteral("coders"), QStringLiteral("Only these coders (comma-separated)."),
                                    QStringLiteral("A,B"));
    const QCommandLineOption codes(QStringLiteral("codes"),
                                   QStringLiteral("Only these codes and their sub-codes (comma-separated)."),
                                   QStringLiteral("NAME,..."));
    const QCommandLineOption noSubCodes(QStringLiteral("no-subcodes"),
                                        QStringLiteral("--codes without their sub-codes."));
    const QCommandLineOption documents(QStringLiteral("documents"),
                                       QStringLiteral("Only these articles (ids or prefixes, comma-separated)."),
                                       QStringLiteral("ID,..."));
    const QCommandLineOption context(QStringLiteral("context"),
                                     QStringLiteral("Characters of context each side of a segment (default 100)."),
                                     QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption bom(QStringLiteral("bom"), QStringLiteral("CSV/TSV: start with a UTF-8 byte-order mark."));
    const QCommandLineOption delimiter(QStringLiteral("delimiter"), QStringLiteral("CSV: the delimiter, ',' or ';'."),
                                       QStringLiteral("C"), QStringLiteral(","));
    const QCommandLineOption neutralise(
        QStringLiteral("neutralise-formulas"),
        QStringLiteral("CSV/TSV: prefix text cells starting with = + - @ with ' (spreadsheet formula injection)."));
    const QCommandLineOption suggestions(QStringLiteral("suggestions"),
                                         QStringLiteral("Include suggested annotations not yet accepted."));
    const QCommandLineOption uncoded(QStringLiteral("uncoded"),
                                     QStringLiteral("articles/jsonl: also articles nobody coded."));
    const QCommandLineOption outlets(QStringLiteral("outlets"),
                                     QStringLiteral("Only articles of these outlets (names, comma-separated)."),
                                     QStringLiteral("NAME,..."));
    const QCommandLineOption from(QStringLiteral("from"),
                                  QStringLiteral("Only articles published on or after this date."),
                                  QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("Only articles published on or before this date."),
                                QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption codedOnly(QStringLiteral("coded-only"),
                                       QStringLiteral("Only articles with at least one annotation (not only "
                                                      "article variables)."));
    const QCommandLineOption all(QStringLiteral("all"),
                                 QStringLiteral("Write a study folder (--out DIR): every table as CSV (plus --format "
                                                "sav or dta), manifest.json, import.R and a reliability table."));
    const QCommandLineOption codebookDocument(QStringLiteral("codebook-document"),
                                              QStringLiteral("Write the codebook as a document (.html, .md or .pdf)."),
                                              QStringLiteral("FILE"));
    const QCommandLineOption as = asOption();
    TablePlan plan;
    std::optional<exporting::Format> statistics;
    const CommandSpec spec{
        .description = QStringLiteral(
            "Export the coded dataset. Tables: segments (one row per annotation), articles (article × coder, with "
            "variables and code counts), links, nodes and edges (the links as a graph), actors, outlets, codebook. Formats: csv, tsv, xlsx (without --table: "
            "every table as a sheet), jsonl (one object per article, no --table), sav (SPSS), dta (Stata). "
            "Nothing is written when the export fails."),
        .positionals = {projectArgument()},
        .options = {as, table, format, out, coders, codes, noSubCodes, documents, outlets, from, to, codedOnly, context,
                    bom, delimiter, neutralise, suggestions, uncoded, all, codebookDocument},
        .usageErrorIsBadInput = true,
        .check = [&](const QCommandLineParser &parser) {
            // Every argument is checked before the project is read or anything written.
            if (parser.isSet(codebookDocument)) {
                if (!exporting::documentFormatForFile(parser.value(codebookDocument)))
                    return badInput(QStringLiteral("--codebook-document must name a .html, .md or .pdf file"));
                return Proceed;
            }
            return parser.isSet(all) ? checkStudyFolder(parser, statistics) : checkTablePlan(parser, plan);
        },
    };
    const auto body = [&](Project &project, const QCommandLineParser &parser) {
        auto filter = readFilter(parser, project);
        if (!filter)
            return ExitBadInput;
        if (parser.isSet(codebookDocument))
            return writeCodebookDocument(project, *filter, parser.value(codebookDocument));
        if (parser.isSet(all))
            return writeStudyFolder(project, parser, *filter, statistics);
        return writeTables(project, parser, as, *filter, plan);
    };
    return runOnProject(arguments, spec, Access::ReadOnly, body);
}

} // namespace newscoder::cli
