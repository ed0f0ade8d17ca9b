#include "cli/ImportCommands.h"

#include "cli/CliSupport.h"
#include "cli/ProjectCommands.h"
#include "io/ArticleImport.h"
#include "io/TextDecoding.h"
#include "io/table/ColumnMapping.h"
#include "model/IdPrefix.h"
#include "project/Project.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace newscoder::cli {

using Access = ProjectStore::Access;

int runImport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Import articles (plain text, saved web pages, DOCX, ODT, PDF, RTF, Nexis/Factiva/ProQuest "
                       "exports, CSV/TSV/JSONL tables; files or folders) into a project, as one undoable step."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Files or folders to import."),
                                 QStringLiteral("PATH..."));
    const QCommandLineOption json = jsonOption();
    parser.addOption(json);
    const QCommandLineOption encoding(
        QStringLiteral("encoding"),
        QStringLiteral("Read every file with this encoding (e.g. windows-1251, KOI8-R, GB18030) instead of "
                       "detecting it."),
        QStringLiteral("NAME"));
    parser.addOption(encoding);
    const QCommandLineOption map(
        QStringLiteral("map"),
        QStringLiteral("Tables (CSV, TSV, JSONL): which column holds each article field, e.g. "
                       "text=body,title=headline,date=published,url=link,outlet=source,author=byline,id=article_id. "
                       "Fields not given are found by their usual column names; other columns become metadata."),
        QStringLiteral("FIELD=COLUMN,..."));
    parser.addOption(map);
    if (const int rc = parseArguments(parser, arguments, 2); rc >= 0)
        return rc;
    ImportOptions options;
    {
        QString mapError;
        options.columnMap = table::parseColumnMap(parser.values(map), &mapError);
        if (!mapError.isEmpty())
            return badInput(mapError);
    }
    options.encoding = parser.value(encoding).trimmed();
    if (parser.isSet(encoding) && !isKnownEncoding(options.encoding))
        return badInput(QStringLiteral("unknown encoding \"%1\"").arg(parser.value(encoding)));
    QStringList paths = parser.positionalArguments();
    QString error;
    auto project = openProject(paths.takeFirst(), Access::ReadWrite, &error);
    if (!project)
        return badInput(error);

    const ImportReport report = readArticles(paths, {}, nullptr, options);
    QList<QUuid> ids;
    if (!report.documents.isEmpty()) {
        ids = project->importDocuments(report.documents);
        if (ids.isEmpty())
            return badInput(QStringLiteral("nothing was imported: %1").arg(project->lastError()));
    }
    if (parser.isSet(json)) {
        QJsonArray imported, skipped, warnings;
        for (qsizetype i = 0; i < ids.size(); ++i) {
            const Document &d = report.documents[i];
            imported.append(QJsonObject{{QStringLiteral("id"), idString(ids[i])},
                                        {QStringLiteral("path"), d.importSource},
                                        {QStringLiteral("title"), d.title},
                                        {QStringLiteral("outlet"), d.outlet},
                                        {QStringLiteral("date"), d.date.isValid()
                                                                     ? QJsonValue(d.date.toString(Qt::ISODate))
                                                                     : QJsonValue()},
                                        {QStringLiteral("url"), d.url},
                                        {QStringLiteral("length"), int(d.text.size())},
                                        {QStringLiteral("format"), report.sources.value(i).format},
                                        {QStringLiteral("encoding"), report.sources.value(i).encoding},
                                        {QStringLiteral("encoding_source"), report.sources.value(i).encodingSource}});
        }
        for (const auto &[path, reason] : report.skipped)
            skipped.append(QJsonObject{{QStringLiteral("path"), path}, {QStringLiteral("reason"), reason}});
        for (const auto &[path, note] : report.warnings)
            warnings.append(QJsonObject{{QStringLiteral("path"), path}, {QStringLiteral("warning"), note}});
        printJson(QJsonObject{{QStringLiteral("imported"), imported},
                              {QStringLiteral("skipped"), skipped},
                              {QStringLiteral("warnings"), warnings}});
    } else {
        for (qsizetype i = 0; i < ids.size(); ++i)
            writeOut(QStringLiteral("imported %1  %2\n").arg(idString(ids[i]), report.documents[i].title));
        for (const auto &[path, reason] : report.skipped)
            writeOut(QStringLiteral("skipped  %1: %2\n").arg(path, reason));
        for (const auto &[path, note] : report.warnings)
            writeOut(QStringLiteral("warning  %1: %2\n").arg(path, note));
        writeOut(QStringLiteral("%1 imported, %2 skipped\n").arg(ids.size()).arg(report.skipped.size()));
    }
    if (ids.isEmpty())
        return badInput(report.skipped.isEmpty() ? QStringLiteral("no articles found")
                                                 : QStringLiteral("no article could be imported"));
    return ExitOk;
}

} // namespace newscoder::cli
