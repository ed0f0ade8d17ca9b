#include "cli/QuoteSuggestCli.h"

#include "cli/CliSupport.h"
#include "model/IdPrefix.h"
#include "project/Project.h"
#include "quotes/QuoteSuggestionDetails.h"
#include "quotes/QuoteSuggestions.h"
#include "storage/StoreError.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace newscoder::cli {

int runAutocodeQuotes(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Propose the quotes of the articles (all, or --documents) as suggestions: each quote with its speaker span, "
        "the link between them, the kind and the actor (matched in the registry; an unknown speaker is proposed as "
        "a new actor, created on accepting). Accept or reject them with 'suggestions'. Quotes the coder already "
        "has are skipped. The codebook's quote mapping says which codes and fields receive them."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    const QCommandLineOption quotes(QStringLiteral("quotes"), QStringLiteral("Suggest quotes (the quote engine)."));
    const QCommandLineOption documents(QStringLiteral("documents"),
                                       QStringLiteral("Only these articles (ids or 4+ character prefixes, comma-separated)."),
                                       QStringLiteral("ID,..."));
    const QCommandLineOption coder(QStringLiteral("coder"), QStringLiteral("Whose suggestions."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOptions({quotes, documents, coder, json});
    if (const int rc = parseArguments(parser, arguments, 1, 1); rc >= 0)
        return rc;
    if (!parser.isSet(coder)) {
        writeErr(QStringLiteral("%1: --coder is required.\n").arg(arguments.value(0)));
        return ExitUsage;
    }
    if (parser.value(coder).trimmed().isEmpty())
        return badInput(QStringLiteral("--coder must not be empty"));
    std::unique_ptr<Project> project;
    try {
        project = Project::open(parser.positionalArguments().first());
        if (const QString notice = project->store().lockNotice(); !notice.isEmpty())
            writeErr(notice + u'\n');
    } catch (const StoreError &e) {
        return badInput(e.message());
    }
    QList<QUuid> chosen;
    if (parser.isSet(documents)) {
        QList<IdCandidate> candidates;
        try {
            for (const DocumentSummary &s : project->store().documentSummaries())
                candidates.append({s.id, s.title});
        } catch (const StoreError &e) {
            return badInput(e.message());
        }
        const QStringList given = parser.value(documents).split(u',', Qt::SkipEmptyParts);
        if (given.isEmpty())
            return badInput(QStringLiteral("--documents needs at least one article id"));
        for (const QString &id : given) {
            const IdResolution r = resolveIdPrefix(id, candidates);
            if (!r.found())
                return badInput(r.message(id.trimmed(), QStringLiteral("document")));
            if (!chosen.contains(r.id))
                chosen.append(r.id);
        }
    }
    project->setCoderName(parser.value(coder).trimmed());
    const QuoteSuggestionRun run = suggestQuotes(*project, chosen);
    if (!run.error.isEmpty())
        return badInput(run.error);
    if (parser.isSet(json)) {
        QJsonArray ids;
        const QUuid quoteCode = quoteMapping(*project).quoteCode;
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
}

QHash<QUuid, QJsonObject> quoteSuggestionsJson(const Project &project, const QList<Annotation> &suggestions)
{
    QHash<QUuid, QJsonObject> result;
    QHash<QUuid, QString> texts; // document → text, read once each
    const auto textOf = [&](const Annotation &a) {
        if (!texts.contains(a.documentId)) {
            try {
                texts.insert(a.documentId, project.store().documentText(a.documentId));
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
