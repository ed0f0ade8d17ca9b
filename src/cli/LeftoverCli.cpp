#include "cli/LeftoverCli.h"

#include "cli/CliSupport.h"
#include "io/ScraperResidue.h"
#include "project/Project.h"
#include "project/ScraperLeftovers.h"
#include "storage/ProjectReader.h"

#include <QJsonArray>
#include <QJsonObject>

namespace newscoder::cli {

int runLeftovers(const QStringList &arguments)
{
    const QCommandLineOption document(QStringLiteral("document"), QStringLiteral("The article (id or prefix)."),
                                      QStringLiteral("ID"));
    const QCommandLineOption mark(QStringLiteral("mark"), QStringLiteral("Find the leftovers again and mark them."));
    const QCommandLineOption unmark(QStringLiteral("unmark"), QStringLiteral("Treat the leftovers as article text."));
    const QCommandLineOption json = jsonOption();
    const CommandSpec spec{
        .description = QStringLiteral(
            "An article's scraper leftovers: the header line, the title again, time stamps, tag lists, web "
            "addresses, picture credits, share and log-in lines, related stories. They stay in the text (offsets "
            "never move) but are dimmed in the window and left out of search, auto-code and reading cues. --unmark "
            "makes them article text again; --mark finds them again by the rules. Offsets are UTF-16 code units of "
            "the stored text."),
        .positionals = {projectArgument()},
        .options = {document, mark, unmark, json},
        .check = [&](const QCommandLineParser &parser) {
            if (!parser.isSet(document))
                return badInput(QStringLiteral("--document ID is required"));
            if (parser.isSet(mark) && parser.isSet(unmark))
                return badInput(QStringLiteral("--mark and --unmark exclude each other"));
            return Proceed;
        },
    };
    const AccessFor access = [&](const QCommandLineParser &parser) {
        return parser.isSet(mark) || parser.isSet(unmark) ? Access::ReadWrite
                                                          : Access::ReadOnly;
    };
    const auto body = [&](Project &project, const QCommandLineParser &parser) {
        QString error;
        const auto summary = findDocument(project, parser.value(document), &error);
        if (!summary)
            return badInput(error);
        if (parser.isSet(mark) || parser.isSet(unmark))
            setScraperLeftoversMarked(project, summary->id, parser.isSet(mark)); // unchanged is not an error
        const auto doc = project.reader().document(summary->id);
        if (!doc)
            return badInput(QStringLiteral("the article cannot be read"));
        const QList<scraped::ResidueSpan> spans = scraped::residueOf(*doc);
        if (parser.isSet(json)) {
            QJsonArray items;
            for (const scraped::ResidueSpan &span : spans)
                items.append(QJsonObject{{QStringLiteral("start"), span.start},
                                         {QStringLiteral("end"), span.end},
                                         {QStringLiteral("rule"), span.rule},
                                         {QStringLiteral("label"), scraped::ruleLabel(span.rule)},
                                         {QStringLiteral("text"), doc->text.mid(span.start, span.end - span.start)}});
            QJsonObject facts;
            for (const MetadataEntry &entry : doc->metadata) {
                if (entry.first.endsWith(QLatin1String("_from_text")) || entry.first == QLatin1String("dateline_place"))
                    facts.insert(entry.first, entry.second);
            }
            printJson(QJsonObject{{QStringLiteral("id"), idString(doc->id)},
                                  {QStringLiteral("title"), doc->title},
                                  {QStringLiteral("leftovers"), items},
                                  {QStringLiteral("stated"), facts}});
            return ExitOk;
        }
        QString text = QStringLiteral("%1 leftover range(s) in \"%2\"\n").arg(spans.size()).arg(doc->title);
        for (const scraped::ResidueSpan &span : spans)
            text += QStringLiteral("  %1-%2  %3  %4\n")
                        .arg(span.start)
                        .arg(span.end)
                        .arg(scraped::ruleLabel(span.rule).leftJustified(34))
                        .arg(doc->text.mid(span.start, std::min(span.end - span.start, 60)).simplified());
        writeOut(text);
        return ExitOk;
    };
    return runOnProject(arguments, spec, access, body);
}

} // namespace newscoder::cli
