#include "cli/SearchCli.h"

#include "cli/BlindAccess.h"
#include "cli/CliSupport.h"
#include "cli/QuoteSuggestCli.h"
#include "project/Project.h"
#include "search/CorpusSearch.h"
#include "search/MemoSearch.h"
#include "storage/StoreError.h"
#include "text/AnchorShift.h"
#include "text/ReviewFlags.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

namespace newscoder::cli {

namespace {

// The search options every search-like subcommand shares.
struct SearchFlags
{
    QCommandLineOption regex{QStringLiteral("regex"), QStringLiteral("PATTERN is a regular expression (PCRE).")};
    QCommandLineOption wholeWord{QStringLiteral("whole-word"), QStringLiteral("Match whole words only.")};
    QCommandLineOption caseSensitive{QStringLiteral("case-sensitive"), QStringLiteral("Match case exactly.")};
    QCommandLineOption sentences{QStringLiteral("sentences"),
                                 QStringLiteral("Each hit becomes the sentence(s) it touches.")};

    QList<QCommandLineOption> list() const { return {regex, wholeWord, caseSensitive, sentences}; }
    SearchOptions options(const QCommandLineParser &parser, const QString &pattern) const
    {
        SearchOptions o;
        o.pattern = pattern;
        o.mode = parser.isSet(regex) ? SearchMode::Regex : SearchMode::Plain;
        o.wholeWord = parser.isSet(wholeWord);
        o.caseSensitive = parser.isSet(caseSensitive);
        o.expandToSentence = parser.isSet(sentences);
        return o;
    }
};

QString oneLine(QString text)
{
    text.replace(u'\n', u' ').replace(u'\r', u' ').replace(u'\t', u' ');
    return text;
}

// search --memos: the memos with hits (at most `maxHits`; 0 = all).
int printMemoHits(const MemoSearchResult &result, int maxHits, bool json)
{
    if (!result.error.isEmpty())
        return badInput(result.error);
    const qsizetype shown = maxHits > 0 ? qMin<qsizetype>(maxHits, result.hits.size()) : result.hits.size();
    if (json) {
        QJsonArray hits;
        for (qsizetype i = 0; i < shown; ++i) {
            const MemoHit &h = result.hits[i];
            hits.append(QJsonObject{{QStringLiteral("kind"), memoKindName(h.memo.kind)},
                                    {QStringLiteral("id"), idString(h.memo.id)},
                                    {QStringLiteral("document"), h.memo.documentId.isNull()
                                                                     ? QJsonValue()
                                                                     : QJsonValue(idString(h.memo.documentId))},
                                    {QStringLiteral("owner"), h.memo.owner},
                                    {QStringLiteral("memo"), h.memo.memo},
                                    {QStringLiteral("start"), h.hit.start},
                                    {QStringLiteral("end"), h.hit.end},
                                    {QStringLiteral("text"), h.hit.text}});
        }
        printJson(QJsonObject{{QStringLiteral("hits"), hits},
                              {QStringLiteral("memosWithHits"), int(result.hits.size())},
                              {QStringLiteral("memosSearched"), result.memosSearched},
                              {QStringLiteral("truncated"), shown < result.hits.size()}});
    } else {
        for (qsizetype i = 0; i < shown; ++i) {
            const MemoHit &h = result.hits[i];
            writeOut(QStringLiteral("%1  %2  %3: %4\n")
                         .arg(memoKindName(h.memo.kind).leftJustified(10), idString(h.memo.id), h.memo.owner,
                              oneLine(h.hit.snippet)));
        }
        writeOut(QStringLiteral("%1 of %2 memos match\n").arg(result.hits.size()).arg(result.memosSearched));
    }
    return ExitOk;
}

// suggestions without --accept/--reject: the list.
void listSuggestions(const Project &project, const QList<Annotation> &suggestions, bool json)
{
    if (json) {
        QJsonArray array;
        const QHash<QUuid, QJsonObject> quotes = quoteSuggestionsJson(project, suggestions);
        for (const Annotation &a : suggestions) {
            const auto c = project.code(a.codeId);
            QJsonObject row{{QStringLiteral("id"), idString(a.id)},
                            {QStringLiteral("document"), idString(a.documentId)},
                            {QStringLiteral("code"), c ? c->name : QString()},
                            {QStringLiteral("coder"), project.coderNameFor(a.coderId)},
                            {QStringLiteral("start"), a.start},
                            {QStringLiteral("end"), a.end},
                            {QStringLiteral("status"), annotationStatusLabel(a)},
                            {QStringLiteral("reason"), a.reviewReason}};
            if (quotes.contains(a.id))
                row.insert(QStringLiteral("quote"), quotes.value(a.id)); // speaker link and actor
            array.append(row);
        }
        printJson(array);
        return;
    }
    for (const Annotation &a : suggestions) {
        const auto c = project.code(a.codeId);
        writeOut(QStringLiteral("%1  %2  %3-%4  %5  %6%7\n")
                     .arg(idString(a.id), idString(a.documentId))
                     .arg(a.start)
                     .arg(a.end)
                     .arg(c ? c->name : QString(), project.coderNameFor(a.coderId),
                          a.reviewReason.isEmpty() ? QString() : QStringLiteral("  ⚠ ") + a.reviewReason));
    }
}

} // namespace

int runSearch(const QStringList &arguments)
{
    const SearchFlags flags;
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption max(QStringLiteral("max"), QStringLiteral("Show at most N hits (0 = all; default 0)."),
                                 QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption memos(QStringLiteral("memos"),
                                   QStringLiteral("Search the memos of annotations, articles, codes, actors and "
                                                  "outlets instead of the article texts."));
    const QCommandLineOption leftovers(QStringLiteral("leftovers"),
                                       QStringLiteral("Also find hits in scraper leftovers (a scraper's header line, "
                                                      "repeated titles, tag lists…), which search leaves out."));
    const QCommandLineOption as = asOption();
    int maxHits = 0;
    SearchOptions options;
    const CommandSpec spec{
        .description = QStringLiteral("Find PATTERN in every article (or in the memos with --memos). Offsets are "
                                      "UTF-16 code units of the stored text."),
        .positionals = {projectArgument(), {QStringLiteral("PATTERN"), QStringLiteral("What to find.")}},
        .options = flags.list() + QList<QCommandLineOption>{json, max, memos, leftovers, as},
        .minPositional = 2,
        .maxPositional = 2,
        .check = [&](const QCommandLineParser &parser) {
            bool okMax = false;
            maxHits = parser.value(max).toInt(&okMax);
            if (!okMax || maxHits < 0)
                return badInput(QStringLiteral("--max must be a whole number from 0"));
            options = flags.options(parser, parser.positionalArguments().at(1));
            options.includeLeftovers = parser.isSet(leftovers);
            const TextSearcher check(options);
            if (!check.isValid())
                return badInput(QStringLiteral("bad pattern: %1").arg(check.error()));
            return Proceed;
        },
    };
    const auto body = [&](Project &project, const QCommandLineParser &parser) {
        if (parser.isSet(memos)) {
            // Blind coding: a coder's memo search leaves out other coders' annotation memos.
            QString error;
            const std::optional<Viewer> viewer = viewerFor(project, parser, as, &error);
            if (!viewer)
                return badInput(error);
            const std::optional<QUuid> onlyCoder =
                viewer->seesAll ? std::nullopt : std::optional<QUuid>(viewer->coderId);
            return printMemoHits(searchMemos(project.reader(), options, nullptr, onlyCoder), maxHits, parser.isSet(json));
        }
        const CorpusSearchResult result = searchCorpus(project.reader(), options, {}, nullptr, maxHits);
        if (!result.error.isEmpty())
            return badInput(result.error);
        if (parser.isSet(json)) {
            QJsonArray hits;
            for (const CorpusHit &h : result.hits)
                hits.append(QJsonObject{{QStringLiteral("document"), idString(h.documentId)},
                                        {QStringLiteral("title"), h.documentTitle},
                                        {QStringLiteral("start"), h.hit.start},
                                        {QStringLiteral("end"), h.hit.end},
                                        {QStringLiteral("text"), h.hit.text},
                                        {QStringLiteral("snippet"), h.hit.snippet}});
            printJson(QJsonObject{{QStringLiteral("hits"), hits},
                                  {QStringLiteral("totalHits"), result.totalHits},
                                  {QStringLiteral("documentsWithHits"), result.documentsWithHits},
                                  {QStringLiteral("documentsSearched"), result.documentsSearched},
                                  {QStringLiteral("truncated"), result.truncated}});
        } else {
            for (const CorpusHit &h : result.hits)
                writeOut(QStringLiteral("%1  %2-%3  %4: %5\n")
                             .arg(idString(h.documentId))
                             .arg(h.hit.start)
                             .arg(h.hit.end)
                             .arg(h.documentTitle, oneLine(h.hit.text)));
            writeOut(QStringLiteral("%1 hits in %2 articles%3\n")
                         .arg(result.totalHits)
                         .arg(result.documentsWithHits)
                         .arg(result.truncated ? QStringLiteral(" (showing %1)").arg(result.hits.size()) : QString()));
        }
        return ExitOk;
    };
    return runOnProject(arguments, spec, Access::ReadOnly, body);
}

int runAutocode(const QStringList &arguments)
{
    if (arguments.contains(QStringLiteral("--quotes")))
        return runAutocodeQuotes(arguments); // the quote engine instead of a pattern
    const SearchFlags flags;
    const QCommandLineOption code(QStringLiteral("code"), QStringLiteral("The code's name."), QStringLiteral("NAME"));
    const QCommandLineOption coder(QStringLiteral("coder"), QStringLiteral("Whose suggestions."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    SearchOptions options;
    const CommandSpec spec{
        .description = QStringLiteral("Find PATTERN in every article and add each hit as a suggested annotation "
                                      "(accept or reject them with 'suggestions'). Spans the coder has already coded "
                                      "with the code are skipped."),
        .positionals = {projectArgument(), {QStringLiteral("PATTERN"), QStringLiteral("What to find.")}},
        .options = flags.list() + QList<QCommandLineOption>{code, coder, json},
        .minPositional = 2,
        .maxPositional = 2,
        .check = [&](const QCommandLineParser &parser) {
            if (const int rc = requireOptions(parser, arguments, {&code, &coder}); rc != Proceed)
                return rc;
            if (parser.value(coder).trimmed().isEmpty())
                return badInput(QStringLiteral("--coder must not be empty"));
            options = flags.options(parser, parser.positionalArguments().at(1));
            const TextSearcher check(options);
            if (!check.isValid())
                return badInput(QStringLiteral("bad pattern: %1").arg(check.error()));
            return Proceed;
        },
    };
    const auto body = [&](Project &project, const QCommandLineParser &parser) {
        const auto codeFound = project.codeByName(parser.value(code));
        if (!codeFound)
            return badInput(QStringLiteral("no code named '%1'").arg(parser.value(code)));
        project.setCoderName(parser.value(coder));
        const CorpusSearchResult found = searchCorpus(project.reader(), options);
        if (!found.error.isEmpty())
            return badInput(found.error);
        QList<SuggestedSpan> spans;
        for (const CorpusHit &h : found.hits)
            spans.append({h.documentId, codeFound->id, h.hit.start, h.hit.end});
        const auto added = project.addSuggestions(spans);
        if (!added)
            return badInput(project.lastError());
        if (parser.isSet(json)) {
            QJsonArray ids;
            for (const QUuid &id : *added)
                ids.append(idString(id));
            printJson(QJsonObject{{QStringLiteral("hits"), found.totalHits},
                                  {QStringLiteral("documentsWithHits"), found.documentsWithHits},
                                  {QStringLiteral("added"), int(added->size())},
                                  {QStringLiteral("skipped"), int(spans.size() - added->size())},
                                  {QStringLiteral("ids"), ids}});
        } else {
            writeOut(QStringLiteral("%1 suggestions added (%2 hits in %3 articles, %4 already coded)\n")
                         .arg(added->size())
                         .arg(found.totalHits)
                         .arg(found.documentsWithHits)
                         .arg(spans.size() - added->size()));
        }
        return ExitOk;
    };
    return runOnProject(arguments, spec, Access::ReadWrite, body);
}

int runSuggestions(const QStringList &arguments)
{
    const QCommandLineOption accept(QStringLiteral("accept"), QStringLiteral("Accept the suggestions."));
    const QCommandLineOption reject(QStringLiteral("reject"), QStringLiteral("Reject the suggestions."));
    const QCommandLineOption all(QStringLiteral("all"), QStringLiteral("Every suggestion of the project."));
    const QCommandLineOption document(QStringLiteral("document"),
                                      QStringLiteral("Only this article's suggestions (full id)."),
                                      QStringLiteral("ID"));
    const QCommandLineOption reviewed(
        QStringLiteral("reviewed"),
        QStringLiteral("With --accept and ids: also accept suggestions a text edit flagged (you checked them)."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON (listing)."));
    const QCommandLineOption as = asOption();
    QStringList ids;
    bool acting = false;
    QUuid documentId;
    const CommandSpec spec{
        .description =
            QStringLiteral("List the suggested annotations, or accept (make them coded) or reject (delete) them."),
        .positionals = {projectArgument(),
                        {QStringLiteral("ID"), QStringLiteral("Suggestions (ids or 4+ character prefixes)."),
                         QStringLiteral("[ID...]")}},
        .options = {accept, reject, all, document, reviewed, json, as},
        .maxPositional = -1,
        .check = [&](const QCommandLineParser &parser) {
            ids = parser.positionalArguments().mid(1);
            acting = parser.isSet(accept) || parser.isSet(reject);
            if (parser.isSet(accept) && parser.isSet(reject))
                return usageError(arguments, QStringLiteral("--accept and --reject exclude each other."));
            if (acting && parser.isSet(all) == !ids.isEmpty())
                return usageError(arguments, QStringLiteral("give either --all or suggestion ids."));
            if (!acting && (!ids.isEmpty() || parser.isSet(all)))
                return usageError(arguments, QStringLiteral("ids and --all need --accept or --reject."));
            if (parser.isSet(reviewed) && (!parser.isSet(accept) || parser.isSet(all)))
                return usageError(arguments, QStringLiteral("--reviewed goes with --accept and suggestion ids (--all "
                                                            "never accepts a flagged suggestion)."));
            if (parser.isSet(document)) {
                documentId = QUuid::fromString(parser.value(document));
                if (documentId.isNull())
                    return badInput(QStringLiteral("'%1' is not a document id").arg(parser.value(document)));
            }
            return Proceed;
        },
    };
    const AccessFor access = [&](const QCommandLineParser &) { return acting ? Access::ReadWrite : Access::ReadOnly; };
    const auto body = [&](Project &project, const QCommandLineParser &parser) {
        if (!documentId.isNull() && !project.reader().documentSummary(documentId))
            return badInput(QStringLiteral("no document with id %1").arg(parser.value(document)));
        QString error;
        const std::optional<Viewer> viewer = viewerFor(project, parser, as, &error);
        if (!viewer)
            return badInput(error);
        QList<Annotation> suggestions = project.suggestions(documentId);
        suggestions.removeIf([&](const Annotation &a) { return !viewer->sees(a.coderId); }); // blind coding
        if (!acting) {
            listSuggestions(project, suggestions, parser.isSet(json));
            return ExitOk;
        }
        QList<QUuid> chosen;
        if (parser.isSet(all)) {
            for (const Annotation &a : suggestions)
                chosen.append(a.id);
        } else {
            QList<IdCandidate> candidates;
            for (const Annotation &a : suggestions)
                candidates.append({a.id, QString()});
            for (const QString &id : std::as_const(ids)) {
                const auto found = findId(id, candidates, QStringLiteral("suggestion"), &error);
                if (!found)
                    return badInput(error);
                chosen.append(*found);
            }
        }
        if (parser.isSet(accept) && !parser.isSet(all) && !parser.isSet(reviewed)) {
            // Named one by one: a flagged one is refused (nothing is accepted) until checked.
            for (const Annotation &a : suggestions) {
                if (chosen.contains(a.id) && !a.reviewReason.isEmpty())
                    return badInput(QStringLiteral("suggestion %1 is flagged for review (%2). %3 Accept it with "
                                                   "--reviewed once checked, or reject it.")
                                        .arg(idString(a.id), a.reviewReason, reviewExplanation(a)));
            }
        }
        int skipped = 0;
        const auto flagged =
            parser.isSet(reviewed) ? Project::FlaggedSuggestions::Accept : Project::FlaggedSuggestions::Skip;
        const bool ok = parser.isSet(accept) ? project.acceptSuggestions(chosen, flagged, &skipped)
                                             : project.rejectSuggestions(chosen);
        if (!ok)
            return badInput(project.lastError());
        const int n = int(QSet<QUuid>(chosen.cbegin(), chosen.cend()).size()) - skipped;
        QString report = QStringLiteral("%1 %2 suggestions")
                             .arg(parser.isSet(accept) ? QStringLiteral("accepted") : QStringLiteral("rejected"))
                             .arg(n);
        if (skipped > 0)
            report += QStringLiteral(", skipped %1 flagged for review (list them with: annotations --status "
                                     "needs-review)")
                          .arg(skipped);
        writeOut(report + u'\n');
        return ExitOk;
    };
    return runOnProject(arguments, spec, access, body);
}

int runEditText(const QStringList &arguments)
{
    const QCommandLineOption document(QStringLiteral("document"), QStringLiteral("The article's id (or prefix)."),
                                      QStringLiteral("ID"));
    const QCommandLineOption at(QStringLiteral("at"), QStringLiteral("Where the edit starts (UTF-16 offset)."),
                                QStringLiteral("POS"));
    const QCommandLineOption remove(QStringLiteral("remove"), QStringLiteral("How many code units to remove."),
                                    QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption insert(QStringLiteral("insert"), QStringLiteral("Text to insert."), QStringLiteral("TEXT"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    TextEdit edit;
    const CommandSpec spec{
        .description = QStringLiteral(
            "Edit an article's text (fix scraping or OCR errors): replace --remove N UTF-16 code units at --at POS "
            "with --insert TEXT. Every annotation keeps its anchor; annotations whose whole text is removed are "
            "flagged for review."),
        .positionals = {projectArgument()},
        .options = {document, at, remove, insert, json},
        .check = [&](const QCommandLineParser &parser) {
            if (const int rc = requireOptions(parser, arguments, {&document, &at}); rc != Proceed)
                return rc;
            bool okAt = false, okRemove = false;
            const int position = parser.value(at).toInt(&okAt);
            const int removed = parser.value(remove).toInt(&okRemove);
            if (!okAt || !okRemove || position < 0 || removed < 0)
                return badInput(QStringLiteral("--at and --remove must be whole numbers from 0"));
            edit = TextEdit{position, removed, parser.value(insert)};
            if (edit.isNoOp())
                return badInput(QStringLiteral("nothing to do: give --remove N and/or --insert TEXT"));
            return Proceed;
        },
    };
    const auto body = [&](Project &project, const QCommandLineParser &parser) {
        QString error;
        const auto summary = findDocument(project, parser.value(document), &error);
        if (!summary)
            return badInput(error);
        const QUuid documentId = summary->id;
        const QString text = project.reader().documentText(documentId);
        const QList<Annotation> before = project.reader().annotationsForDocument(documentId);
        if (!edit.isValidFor(int(text.size())))
            return badInput(QStringLiteral("the edit at %1 removing %2 is outside the text (0–%3)")
                                .arg(edit.position)
                                .arg(edit.removed)
                                .arg(text.size()));
        if (!project.editDocumentText(documentId, {edit}))
            return badInput(project.lastError());
        int moved = 0, flagged = 0;
        const QList<Annotation> after = project.reader().annotationsForDocument(documentId);
        QHash<QUuid, Annotation> old;
        for (const Annotation &a : before)
            old.insert(a.id, a);
        for (const Annotation &a : after) {
            const Annotation o = old.value(a.id);
            if (a.reviewReason != o.reviewReason || a.reviewEdit != o.reviewEdit)
                ++flagged; // newly flagged for review: a coding or a suggestion
            else if (a.start != o.start || a.end != o.end)
                ++moved;
        }
        if (parser.isSet(json))
            printJson(QJsonObject{{QStringLiteral("document"), idString(documentId)},
                                  {QStringLiteral("length"), int(applyEdit(text, edit).size())},
                                  {QStringLiteral("moved"), moved},
                                  {QStringLiteral("flagged"), flagged}});
        else
            writeOut(
                QStringLiteral("text edited: %1 annotations moved, %2 flagged for review\n").arg(moved).arg(flagged));
        return ExitOk;
    };
    return runOnProject(arguments, spec, Access::ReadWrite, body);
}

} // namespace newscoder::cli
