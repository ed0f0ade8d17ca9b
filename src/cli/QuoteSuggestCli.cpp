#include "cli/QuoteSuggestCli.h"

#include "cli/CliSupport.h"
#include "project/Project.h"
#include "quotes/QuoteSuggestionDetails.h"
#include "quotes/QuoteSuggestions.h"
#include "storage/StoreError.h"

#include <QJsonArray>

namespace newscoder::cli {

int runAutocodeQuotes(const QStringList &arguments)
{
    const QCommandLineOption quotes(QStringLiteral("quotes"), QStringLiteral("Suggest quotes (the quote engine)."));
    const QCommandLineOption documents(
        QStringLiteral("documents"), QStringLiteral("Only these articles (ids or 4+ character prefixes, comma-separated)."),
        QStringLiteral("ID,..."));
    const QCommandLineOption coder(QStringLiteral("coder"), QStringLiteral("Whose suggestions."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const CommandSpec spec{
        .description = QStringLiteral(
            "Propose the quotes of the articles (all, or --documents) as suggestions: each quote with its speaker "
            "span, the link between them, the kind and the actor (matched in the registry; an unknown speaker is "
            "proposed as a new actor, created on accepting). Accept or reject them with 'suggestions'. Quotes the "
            "coder already has are skipped. The codebook's quote mapping says which codes and fields receive them."),
        .positionals = {projectArgument()},
        .options = {quotes, documents, coder, json},
        .check = [&](const QCommandLineParser &parser) {
            if (const int rc = requireOptions(parser, arguments, {&coder}); rc != Proceed)
                return rc;
            if (parser.value(coder).trimmed().isEmpty())
                return badInput(QStringLiteral("--coder must not be empty"));
            return Proceed;
        },
    };
    const auto body = [&](Project &project, const QCommandLineParser &parser) {
        QList<QUuid> chosen;
        if (parser.isSet(documents)) {
            DocumentFinder finder(project);
            const QStringList given = parser.value(documents).split(u',', Qt::SkipEmptyParts);
            if (given.isEmpty())
                return badInput(QStringLiteral("--documents needs at least one article id"));
            for (const QString &id : given) {
                QString error;
                const auto found = finder.find(id.trimmed(), &error);
                if (!found)
                    return badInput(error);
                if (!chosen.contains(found->id))
                    chosen.append(found->id);
            }
        }
        project.setCoderName(parser.value(coder).trimmed());
        const QuoteSuggestionRun run = suggestQuotes(project, chosen);
        if (!run.error.isEmpty())
            return badInput(run.error);
        if (parser.isSet(json)) {
            QJsonArray ids;
            const QUuid quoteCode = quoteMapping(project).quoteCode;
            for (const Annotation &a : run.change.insertAnnotations) {
                if (a.codeId == quoteCode)
                    ids.append(idString(a.id));
            }
            printJson(QJsonObject{{QStringLiteral("documents"), run.documents},
                                  {QStringLiteral("quotes"), run.quotes},
                                  {QStringLiteral("speakers"), run.speakers},
                                  {QStringLiteral("skipped"), run.skipped},
                                  {QStringLiteral("ids"), ids}});
        } else {
            writeOut(QStringLiteral("%1 quote suggestions added with %2 speaker spans (%3 articles, %4 already coded)\n")
                         .arg(run.quotes)
                         .arg(run.speakers)
                         .arg(run.documents)
                         .arg(run.skipped));
        }
        return ExitOk;
    };
    return runOnProject(arguments, spec, Access::ReadWrite, body);
}

QHash<QUuid, QJsonObject> quoteSuggestionsJson(const Project &project, const QList<Annotation> &suggestions)
{
    QHash<QUuid, QJsonObject> result;
    QHash<QUuid, QString> texts; // document → text, read once each
    const auto textOf = [&](const Annotation &a) {
        if (!texts.contains(a.documentId)) {
            try {
                texts.insert(a.documentId, project.reader().documentText(a.documentId));
            } catch (const StoreError &) {
                texts.insert(a.documentId, QString());
            }
        }
        return texts.value(a.documentId).mid(a.start, a.length());
    };
    const auto details = quoteSuggestionDetails(project, suggestions);
    for (auto it = details.cbegin(); it != details.cend(); ++it) {
        const QuoteSuggestionDetails &d = it.value();
        QJsonObject o{{QStringLiteral("kind"), quotes::quoteKindName(d.info.kind)},
                      {QStringLiteral("rule"), d.info.rule},
                      {QStringLiteral("confidence"), d.info.confidence},
                      {QStringLiteral("speaker_kind"), quotes::speakerKindName(d.info.speakerKind)}};
        if (d.speaker)
            o.insert(QStringLiteral("speaker"), QJsonObject{{QStringLiteral("id"), idString(d.speaker->id)},
                                                            {QStringLiteral("start"), d.speaker->start},
                                                            {QStringLiteral("end"), d.speaker->end},
                                                            {QStringLiteral("text"), textOf(*d.speaker)}});
        else
            o.insert(QStringLiteral("speaker"), QJsonValue::Null);
        if (!d.actorName.isEmpty())
            o.insert(QStringLiteral("actor"),
                     QJsonObject{{QStringLiteral("id"), d.actorId.isNull() ? QJsonValue() : QJsonValue(idString(d.actorId))},
                                 {QStringLiteral("name"), d.actorName},
                                 {QStringLiteral("new"), d.newActor}});
        else
            o.insert(QStringLiteral("actor"), QJsonValue::Null);
        result.insert(it.key(), o);
    }
    return result;
}

} // namespace newscoder::cli
