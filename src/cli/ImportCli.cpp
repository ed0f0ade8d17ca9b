#include "cli/ImportCli.h"

#include "cli/CliSupport.h"
#include "dedup/ImportDuplicates.h"
#include "io/ArticleImport.h"
#include "io/TextDecoding.h"
#include "io/table/ColumnMapping.h"
#include "project/Project.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

namespace newscoder::cli {

using namespace newscoder::dedup;

namespace {

QJsonValue dateJson(const QDate &date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue();
}

double rounded(double similarity)
{
    return std::round(similarity * 10000.0) / 10000.0;
}

// What became of each copy, and the article it copies.
struct DuplicateLine
{
    int incoming = -1;
    QString action;       // "skipped", "kept", "linked"
    QUuid id;             // when imported
    const ImportMatch *match = nullptr;
};

QJsonObject duplicateJson(const DuplicateLine &line, const QList<Document> &incoming, const QList<QUuid> &incomingIds)
{
    const Document &d = incoming[line.incoming];
    const ImportMatch &m = *line.match;
    QJsonObject original;
    if (m.earlierIncoming >= 0) {
        const Document &o = incoming[m.earlierIncoming];
        const QUuid oid = incomingIds.value(m.earlierIncoming);
        original = {{QStringLiteral("id"), oid.isNull() ? QJsonValue() : QJsonValue(idString(oid))},
                    {QStringLiteral("path"), o.importSource},
                    {QStringLiteral("title"), o.title},
                    {QStringLiteral("outlet"), o.outlet},
                    {QStringLiteral("date"), dateJson(o.date)},
                    {QStringLiteral("in_project"), false}};
    } else {
        original = {{QStringLiteral("id"), idString(m.original.id)},
                    {QStringLiteral("title"), m.original.title},
                    {QStringLiteral("outlet"), m.original.outlet},
                    {QStringLiteral("date"), dateJson(m.original.date)},
                    {QStringLiteral("in_project"), true}};
    }
    return {{QStringLiteral("path"), d.importSource},
            {QStringLiteral("title"), d.title},
            {QStringLiteral("action"), line.action},
            {QStringLiteral("id"), line.id.isNull() ? QJsonValue() : QJsonValue(idString(line.id))},
            {QStringLiteral("copy_of"), original},
            {QStringLiteral("similarity"), rounded(m.similarity)},
            {QStringLiteral("exact"), m.exact}};
}

QString duplicateText(const DuplicateLine &line, const QList<Document> &incoming, const QList<QUuid> &incomingIds)
{
    const Document &d = incoming[line.incoming];
    const ImportMatch &m = *line.match;
    QString original;
    if (m.earlierIncoming >= 0) {
        const Document &o = incoming[m.earlierIncoming];
        const QUuid oid = incomingIds.value(m.earlierIncoming);
        original = QStringLiteral("%1 \"%2\" (%3, imported now)")
                       .arg(oid.isNull() ? QStringLiteral("-") : idString(oid), o.title, o.importSource);
    } else {
        QStringList about;
        if (!m.original.outlet.isEmpty())
            about << m.original.outlet;
        if (m.original.date.isValid())
            about << m.original.date.toString(Qt::ISODate);
        original = QStringLiteral("%1 \"%2\"%3")
                       .arg(idString(m.original.id), m.original.title,
                            about.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(about.join(QStringLiteral(", "))));
    }
    return QStringLiteral("duplicate %1 \"%2\" (%3): %4 copy of %5, similarity %6\n")
        .arg(line.action.leftJustified(7), d.title, d.importSource, m.exact ? QStringLiteral("exact") : QStringLiteral("near"),
             original)
        .arg(m.similarity, 0, 'f', 3);
}

// import --json: what was imported, skipped and warned about, and the copies found.
void printImportJson(const ImportReport &report, const ChosenImport &chosen, const QList<QUuid> &ids,
                     const QList<DuplicateLine> &lines, const QList<QUuid> &incomingIds, DuplicateChoice choice,
                     double threshold)
{
    QJsonArray imported, skipped, warnings, copies;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const int k = chosen.incomingIndex[i];
        const Document &d = report.documents[k];
        imported.append(QJsonObject{{QStringLiteral("id"), idString(ids[i])},
                                    {QStringLiteral("path"), d.importSource},
                                    {QStringLiteral("title"), d.title},
                                    {QStringLiteral("outlet"), d.outlet},
                                    {QStringLiteral("date"), dateJson(d.date)},
                                    {QStringLiteral("url"), d.url},
                                    {QStringLiteral("length"), int(d.text.size())},
                                    {QStringLiteral("format"), report.sources.value(k).format},
                                    {QStringLiteral("encoding"), report.sources.value(k).encoding},
                                    {QStringLiteral("encoding_source"), report.sources.value(k).encodingSource}});
    }
    for (const auto &[path, reason] : report.skipped)
        skipped.append(QJsonObject{{QStringLiteral("path"), path}, {QStringLiteral("reason"), reason}});
    for (const auto &[path, note] : report.warnings)
        warnings.append(QJsonObject{{QStringLiteral("path"), path}, {QStringLiteral("warning"), note}});
    for (const DuplicateLine &line : lines)
        copies.append(duplicateJson(line, report.documents, incomingIds));
    printJson(QJsonObject{{QStringLiteral("imported"), imported},
                          {QStringLiteral("skipped"), skipped},
                          {QStringLiteral("warnings"), warnings},
                          {QStringLiteral("duplicates"), copies},
                          {QStringLiteral("duplicates_choice"), duplicateChoiceName(choice)},
                          {QStringLiteral("threshold"), threshold}});
}

// import without --json: one line per article, skip, warning and copy, then the counts.
void printImportText(const ImportReport &report, const ChosenImport &chosen, const QList<QUuid> &ids,
                     const QList<DuplicateLine> &lines, const QList<QUuid> &incomingIds)
{
    for (qsizetype i = 0; i < ids.size(); ++i)
        writeOut(QStringLiteral("imported %1  %2\n").arg(idString(ids[i]), chosen.documents[i].title));
    for (const auto &[path, reason] : report.skipped)
        writeOut(QStringLiteral("skipped  %1: %2\n").arg(path, reason));
    for (const auto &[path, note] : report.warnings)
        writeOut(QStringLiteral("warning  %1: %2\n").arg(path, note));
    for (const DuplicateLine &line : lines)
        writeOut(duplicateText(line, report.documents, incomingIds));
    QString summary = QStringLiteral("%1 imported, %2 skipped").arg(ids.size()).arg(report.skipped.size());
    if (!lines.isEmpty())
        summary += QStringLiteral(", %1 %2 (%3)")
                       .arg(lines.size())
                       .arg(lines.size() == 1 ? QStringLiteral("duplicate") : QStringLiteral("duplicates"))
                       .arg(lines.first().action);
    writeOut(summary + u'\n');
}

} // namespace

int runImport(const QStringList &arguments)
{
    const QCommandLineOption json = jsonOption();
    const QCommandLineOption encoding(
        QStringLiteral("encoding"),
        QStringLiteral("Read every file with this encoding (e.g. windows-1251, KOI8-R, GB18030) instead of "
                       "detecting it."),
        QStringLiteral("NAME"));
    const QCommandLineOption map(
        QStringLiteral("map"),
        QStringLiteral("Tables (CSV, TSV, JSONL): which column holds each article field, e.g. "
                       "text=body,title=headline,date=published,url=link,outlet=source,author=byline,id=article_id. "
                       "Fields not given are found by their usual column names; other columns become metadata."),
        QStringLiteral("FIELD=COLUMN,..."));
    const QCommandLineOption duplicates(
        QStringLiteral("duplicates"),
        QStringLiteral("What to do with an article that copies an earlier one (in the project or in this import): "
                       "skip (leave it out), keep (import it as it is; the default) or link (import it with "
                       "copy_of and copy_similarity metadata naming the earlier article)."),
        QStringLiteral("skip|keep|link"), QStringLiteral("keep"));
    const QCommandLineOption threshold(
        QStringLiteral("threshold"),
        QStringLiteral("Similarity from which an article is a copy, above 0 and at most 1 (default 0.8)."),
        QStringLiteral("T"), QStringLiteral("0.8"));
    ImportOptions options;
    DuplicateChoice choice = DuplicateChoice::Keep;
    DuplicateOptions duplicateOptions;
    const CommandSpec spec{
        .description = QStringLiteral(
            "Import articles (plain text, saved web pages, DOCX, ODT, PDF, RTF, Nexis/Factiva/ProQuest exports, "
            "CSV/TSV/JSONL tables; files or folders) into a project, as one undoable step. Every incoming article is "
            "compared with the project's articles and the other incoming ones (Jaccard similarity of 3-word "
            "shingles, MinHash with locality-sensitive hashing); the near-duplicates found are reported and handled "
            "as --duplicates says."),
        .positionals = {projectArgument(),
                        {QStringLiteral("PATH"), QStringLiteral("Files or folders to import."), QStringLiteral("PATH...")}},
        .options = {json, encoding, map, duplicates, threshold},
        .minPositional = 2,
        .maxPositional = -1,
        .check = [&](const QCommandLineParser &parser) {
            QString mapError;
            options.columnMap = table::parseColumnMap(parser.values(map), &mapError);
            if (!mapError.isEmpty())
                return badInput(mapError);
            options.encoding = parser.value(encoding).trimmed();
            if (parser.isSet(encoding) && !isKnownEncoding(options.encoding))
                return badInput(QStringLiteral("unknown encoding \"%1\"").arg(parser.value(encoding)));
            if (!parseDuplicateChoice(parser.value(duplicates), &choice))
                return badInput(
                    QStringLiteral("--duplicates must be skip, keep or link, not '%1'").arg(parser.value(duplicates)));
            bool ok = false;
            duplicateOptions.threshold = parser.value(threshold).toDouble(&ok);
            if (!ok)
                return badInput(QStringLiteral("--threshold must be a number above 0 and at most 1, not '%1'")
                                    .arg(parser.value(threshold)));
            if (const QString problem = DuplicateFinder::checkOptions(duplicateOptions); !problem.isEmpty())
                return badInput(QStringLiteral("--threshold %1: %2").arg(parser.value(threshold), problem));
            return Proceed;
        },
    };
    const auto body = [&](Project &project, const QCommandLineParser &parser) {
        const QStringList paths = parser.positionalArguments().mid(1);
        const ImportReport report = readArticles(paths, {}, nullptr, options);
        const ImportDuplicates found = findImportDuplicates(project.reader(), report.documents, duplicateOptions);
        const ChosenImport chosen = applyDuplicateChoice(report.documents, found, choice);
        QList<QUuid> ids;
        if (!chosen.documents.isEmpty()) {
            ids = project.importDocuments(chosen.documents);
            if (ids.isEmpty())
                return badInput(QStringLiteral("nothing was imported: %1").arg(project.lastError()));
        }
        QList<QUuid> incomingIds(report.documents.size()); // null: not imported
        for (qsizetype i = 0; i < ids.size(); ++i)
            incomingIds[chosen.incomingIndex[i]] = ids[i];
        QList<DuplicateLine> lines;
        for (const ImportMatch &m : found.matches) {
            const QString action = choice == DuplicateChoice::Skip   ? QStringLiteral("skipped")
                                   : choice == DuplicateChoice::Link ? QStringLiteral("linked")
                                                                     : QStringLiteral("kept");
            lines.append({m.incoming, action, incomingIds[m.incoming], &m});
        }
        if (parser.isSet(json))
            printImportJson(report, chosen, ids, lines, incomingIds, choice, duplicateOptions.threshold);
        else
            printImportText(report, chosen, ids, lines, incomingIds);
        if (ids.isEmpty() && chosen.skipped.isEmpty())
            return badInput(report.skipped.isEmpty() ? QStringLiteral("no articles found")
                                                     : QStringLiteral("no article could be imported"));
        return ExitOk;
    };
    return runOnProject(arguments, spec, Access::ReadWrite, body);
}

} // namespace newscoder::cli
