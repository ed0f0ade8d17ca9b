// newscoder-cli review / adjudicate / decisions: comparing two coders side by
// side, deciding each disagreement into the consensus, and the decision log.
#include "cli/StudyCli.h"

#include "cli/BlindAccess.h"
#include "cli/CliSupport.h"
#include "cli/JsonArrayWriter.h"
#include "dataset/FieldJson.h"
#include "export/Exporter.h"
#include "model/IdPrefix.h"
#include "project/Project.h"
#include "review/Adjudication.h"
#include "review/DecisionLog.h"
#include "review/ReviewItems.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace newscoder::cli {

namespace {

QCommandLineOption codersOption()
{
    return {QStringLiteral("coders"), QStringLiteral("The two coders to compare (default: the only two)."),
            QStringLiteral("A,B")};
}

// The coder pair: --coders A,B, else the project's two coders (role coder: not the lead, not the consensus).
std::optional<QStringList> coderPair(const ProjectReader &store, const QCommandLineParser &parser,
                                     const QCommandLineOption &option, QString *error)
{
    if (parser.isSet(option)) {
        const QStringList names = parser.value(option).split(u',', Qt::SkipEmptyParts);
        if (names.size() != 2) {
            *error = QStringLiteral("--coders takes two names: A,B");
            return std::nullopt;
        }
        return names;
    }
    QStringList names;
    for (const Coder &c : store.coders()) {
        if (c.role == CoderRole::Coder)
            names << c.name;
    }
    if (names.size() != 2) {
        *error = QStringLiteral("the project has %1 coders: say which two with --coders A,B").arg(names.size());
        return std::nullopt;
    }
    return names;
}

QJsonObject sideJson(const Project &project, const review::ReviewSide &side, const QString &text)
{
    QJsonObject o{{QStringLiteral("coder"), side.coder}};
    const auto actorName = [&](const QUuid &id) {
        const auto actor = project.actor(id);
        return actor ? actor->name : QString();
    };
    QJsonObject fields;
    QList<QUuid> fieldIds;
    for (const FieldValue &v : side.values) {
        if (!fieldIds.contains(v.fieldId))
            fieldIds.append(v.fieldId);
    }
    for (const QUuid &fieldId : std::as_const(fieldIds)) {
        const auto field = project.field(fieldId);
        if (!field)
            continue;
        QList<FieldValue> mine;
        for (const FieldValue &v : side.values) {
            if (v.fieldId == fieldId)
                mine.append(v);
        }
        fields.insert(field->second.name, dataset::fieldValueJson(field->second, mine, actorName));
    }
    if (side.annotation) {
        const auto code = project.code(side.annotation->codeId);
        o.insert(QStringLiteral("annotation"),
                 QJsonObject{{QStringLiteral("id"), idString(side.annotation->id)},
                             {QStringLiteral("code"), code ? code->name : QString()},
                             {QStringLiteral("start"), side.annotation->start},
                             {QStringLiteral("end"), side.annotation->end},
                             {QStringLiteral("text"), text.mid(side.annotation->start, side.annotation->length())}});
        o.insert(QStringLiteral("fields"), fields);
    } else {
        o.insert(QStringLiteral("annotation"), QJsonValue());
        o.insert(QStringLiteral("values"), fields);
    }
    return o;
}

QString itemStatus(const review::ReviewItem &item)
{
    return item.isDecided() ? QStringLiteral("decided")
                            : item.isReopened() ? QStringLiteral("reopened") : QStringLiteral("open");
}

QJsonObject itemJson(const Project &project, const review::ReviewItem &item, const QString &text)
{
    QJsonObject o{{QStringLiteral("id"), item.id},
                  {QStringLiteral("document"), idString(item.documentId)},
                  {QStringLiteral("kind"), review::itemKindName(item.kind)},
                  {QStringLiteral("differences"), QJsonArray::fromStringList(item.differences)},
                  {QStringLiteral("a"), sideJson(project, item.a, text)},
                  {QStringLiteral("b"), sideJson(project, item.b, text)},
                  {QStringLiteral("status"), itemStatus(item)}};
    if (!item.fieldId.isNull()) {
        const auto field = project.field(item.fieldId);
        o.insert(QStringLiteral("variable"), field ? field->second.name : QString());
    }
    if (item.decision) {
        o.insert(QStringLiteral("decision"), QJsonObject{{QStringLiteral("id"), idString(item.decision->id)},
                                                         {QStringLiteral("decision"), item.decision->decision},
                                                         {QStringLiteral("by"), item.decision->decidedBy},
                                                         {QStringLiteral("memo"), item.decision->memo}});
    } else {
        o.insert(QStringLiteral("decision"), QJsonValue());
    }
    return o;
}

QString sideText(const Project &project, const review::ReviewSide &side)
{
    if (!side.annotation)
        return side.values.isEmpty() ? QStringLiteral("—") : QStringLiteral("%1 value(s)").arg(side.values.size());
    const auto code = project.code(side.annotation->codeId);
    return QStringLiteral("%1 %2-%3").arg(code ? code->name : QStringLiteral("?")).arg(side.annotation->start).arg(
        side.annotation->end);
}

// decisions without --out: one line per decision, or the JSON array.
void printDecisionLog(const dataset::Table &table, bool json)
{
    QJsonArray array;
    const QList<dataset::Column> &columns = table.columns();
    table.forEachRow([&](const dataset::Row &row) {
        if (json) {
            QJsonObject o;
            for (qsizetype i = 0; i < columns.size(); ++i) {
                const QVariant &cell = row.value(i);
                if (columns[i].name == QLatin1String("sources"))
                    o.insert(columns[i].name, QJsonDocument::fromJson(cell.toString().toUtf8()).array());
                else if (cell.typeId() == QMetaType::QDateTime)
                    o.insert(columns[i].name, cell.toDateTime().toUTC().toString(Qt::ISODateWithMs));
                else
                    o.insert(columns[i].name, QJsonValue::fromVariant(cell));
            }
            array.append(o);
        } else {
            writeOut(QStringLiteral("%1  %2  %3  %4  %5%6\n")
                         .arg(row.value(7).toDateTime().toUTC().toString(Qt::ISODate), row.value(3).toString(),
                              row.value(5).toString(), row.value(6).toString(), row.value(2).toString(),
                              row.value(8).toString().isEmpty() ? QString()
                                                                : QStringLiteral("  — ") + row.value(8).toString()));
        }
        return true;
    });
    if (json)
        printJson(array);
}

// adjudicate --item: a review item by id or unambiguous prefix (model/IdPrefix.h) among `items`;
// nullptr + `error` when none or several match.
const review::ReviewItem *findItem(const QList<review::ReviewItem> &items, const QString &given,
                                                   const QStringList &pair, QString *error)
{
    const QString wanted = given.trimmed().toLower();
    QStringList ids;
    ids.reserve(items.size());
    for (const review::ReviewItem &candidate : items)
        ids.append(candidate.id);
    const TextIdResolution found = resolveTextIdPrefix(wanted, ids);
    if (found.found())
        return &items[found.index];
    if (found.outcome == IdResolution::Outcome::Ambiguous) {
        QStringList matches;
        for (const qsizetype i : found.matches)
            matches << ids[i];
        *error = QStringLiteral("item prefix %1 is ambiguous: %2").arg(wanted, matches.join(u' '));
    } else {
        *error = QStringLiteral("no review item %1 between %2 and %3").arg(wanted, pair.value(0), pair.value(1));
    }
    return nullptr;
}

} // namespace

int runReview(const QStringList &arguments)
{
    const QCommandLineOption coders = codersOption();
    const QCommandLineOption document(QStringLiteral("document"), QStringLiteral("Only this article."),
                                      QStringLiteral("ID"));
    const QCommandLineOption code(QStringLiteral("code"), QStringLiteral("Only these codes (repeatable)."),
                                  QStringLiteral("NAME"));
    const QCommandLineOption all(QStringLiteral("all"), QStringLiteral("List agreements too."));
    const QCommandLineOption open(QStringLiteral("open"), QStringLiteral("Only items not decided yet (or reopened)."));
    const QCommandLineOption json = jsonOption();
    const QCommandLineOption as = asOption();
    const CommandSpec spec{
        .description = QStringLiteral(
            "Compare two coders article by article: their annotations paired (same code, greatest overlap) and each "
            "difference listed with an id for adjudicate — only one coder, boundaries, code, field values, article "
            "variables."),
        .positionals = {projectArgument()},
        .options = {coders, document, code, all, open, json, as},
    };
    const auto body = [&](Project &project, const QCommandLineParser &parser) {
        if (const QString refusal = comparingRefusal(project, parser, as); !refusal.isEmpty())
            return badInput(refusal);
        QString error;
        const auto pair = coderPair(project.reader(), parser, coders, &error);
        if (!pair)
            return badInput(error);
        review::ReviewRequest request{pair->value(0), pair->value(1), {}, parser.values(code), parser.isSet(all)};
        if (parser.isSet(document)) {
            const auto d = findDocument(project, parser.value(document), &error);
            if (!d)
                return badInput(error);
            request.documents = {d->id};
        }
        const review::ReviewReport report = review::computeReview(project.reader(), request);
        if (!report.error.isEmpty())
            return badInput(report.error);
        int disagreements = 0;
        int decided = 0;
        JsonArrayWriter array;
        QUuid textOf;
        QString text;
        for (const review::ReviewItem &item : report.items) {
            disagreements += item.isDisagreement() ? 1 : 0;
            decided += item.isDecided() ? 1 : 0;
            if (parser.isSet(open) && item.isDecided())
                continue;
            if (item.documentId != textOf) {
                textOf = item.documentId;
                text = project.reader().documentText(textOf);
            }
            if (parser.isSet(json)) {
                array.append(itemJson(project, item, text));
            } else {
                writeOut(QStringLiteral("%1  %2  %3  %4: %5  |  %6: %7  [%8]\n")
                             .arg(item.id, idString(item.documentId).left(8),
                                  review::itemKindName(item.kind).leftJustified(9), item.a.coder,
                                  sideText(project, item.a), item.b.coder, sideText(project, item.b),
                                  item.decision ? itemStatus(item) + u' ' + item.decision->decision : itemStatus(item)));
            }
        }
        if (parser.isSet(json))
            array.finish();
        else
            writeOut(QStringLiteral("%1 article(s), %2 disagreement(s), %3 decided\n")
                         .arg(report.documents.size())
                         .arg(disagreements)
                         .arg(decided));
        return ExitOk;
    };
    return runOnProject(arguments, spec, Access::ReadOnly, body);
}

int runAdjudicate(const QStringList &arguments)
{
    const QCommandLineOption coders = codersOption();
    const QCommandLineOption item(QStringLiteral("item"), QStringLiteral("The review item (id or prefix)."),
                                  QStringLiteral("ID"));
    const QCommandLineOption decision(QStringLiteral("decision"), QStringLiteral("accept:CODER, both or reject."),
                                      QStringLiteral("D"));
    const QCommandLineOption memo(QStringLiteral("memo"), QStringLiteral("The rationale."), QStringLiteral("TEXT"));
    const QCommandLineOption agreements(QStringLiteral("accept-agreements"),
                                        QStringLiteral("Accept every agreement not decided yet."));
    const QCommandLineOption document(QStringLiteral("document"),
                                      QStringLiteral("With --accept-agreements: only this article."),
                                      QStringLiteral("ID"));
    const QCommandLineOption by(QStringLiteral("by"), QStringLiteral("Who decides (default: the project's lead)."),
                                QStringLiteral("NAME"));
    const QCommandLineOption json = jsonOption();
    const CommandSpec spec{
        .description = QStringLiteral(
            "Decide a review item into the consensus: accept one coder's version (accept:CODER), both, or reject "
            "(neither was right); or accept every agreement at once. Each decision is logged (see decisions) and is "
            "one undoable step."),
        .positionals = {projectArgument()},
        .options = {coders, item, decision, memo, agreements, document, by, json},
        .check = [&](const QCommandLineParser &parser) {
            if (parser.isSet(agreements) == parser.isSet(item) || parser.isSet(item) != parser.isSet(decision)
                || (parser.isSet(document) && !parser.isSet(agreements)))
                return usageError(arguments, QStringLiteral("use --item ID --decision D [--memo TEXT], or "
                                                            "--accept-agreements [--document ID]."));
            return Proceed;
        },
    };
    const auto body = [&](Project &project, const QCommandLineParser &parser) {
        const ProjectReader &store = project.reader();
        QString decidedBy = parser.value(by).trimmed();
        if (decidedBy.isEmpty()) {
            for (const Coder &c : store.coders()) {
                if (c.role == CoderRole::Lead)
                    decidedBy = decidedBy.isEmpty() ? c.name : QStringLiteral("?");
            }
            if (decidedBy.isEmpty() || decidedBy == u'?')
                return badInput(QStringLiteral("say who decides with --by NAME (or make one coder the lead: coders "
                                               "--set NAME --role lead)"));
        }
        QString error;
        const auto pair = coderPair(store, parser, coders, &error);
        if (!pair)
            return badInput(error);
        review::ReviewRequest request{pair->value(0), pair->value(1), {}, {}, true};
        if (parser.isSet(document)) {
            const auto d = findDocument(project, parser.value(document), &error);
            if (!d)
                return badInput(error);
            request.documents = {d->id};
        }
        const review::ReviewReport report = review::computeReview(store, request);
        if (!report.error.isEmpty())
            return badInput(report.error);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        study::StudyPlan plan;
        if (parser.isSet(agreements)) {
            plan = review::planAcceptAgreements(store, report.items, decidedBy, now);
        } else {
            const review::ReviewItem *chosen = findItem(report.items, parser.value(item), *pair, &error);
            if (!chosen)
                return badInput(error);
            plan = review::planDecision(store, *chosen, parser.value(decision), parser.value(memo), decidedBy, now);
        }
        if (!plan.error.isEmpty())
            return badInput(plan.error);
        const QList<Decision> made = plan.redo.insertDecisions;
        if (!project.commitStudyChange(plan.text, std::move(plan.redo), std::move(plan.undo)))
            return badInput(project.lastError());
        if (parser.isSet(json)) {
            QJsonArray array;
            for (const Decision &d : made) {
                QJsonArray results;
                for (const QUuid &r : d.results) {
                    if (!results.contains(idString(r)))
                        results.append(idString(r));
                }
                array.append(QJsonObject{{QStringLiteral("id"), idString(d.id)},
                                         {QStringLiteral("item"), d.item},
                                         {QStringLiteral("decision"), d.decision},
                                         {QStringLiteral("results"), results}});
            }
            printJson(array);
        } else {
            writeOut(QStringLiteral("%1 decision(s) recorded\n").arg(made.size()));
        }
        return ExitOk;
    };
    return runOnProject(arguments, spec, Access::ReadWrite, body);
}

int runDecisions(const QStringList &arguments)
{
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Write the log to this file."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("With --out: csv, tsv, xlsx, jsonl, sav or dta (default: from the "
                                                   "file name)."),
                                    QStringLiteral("F"));
    const QCommandLineOption json = jsonOption();
    const CommandSpec spec{
        .description = QStringLiteral(
            "The adjudication decision log, oldest first: printed, as JSON, or written to a file (csv, tsv, xlsx, "
            "jsonl, sav, dta)."),
        .positionals = {projectArgument()},
        .options = {out, format, json},
    };
    const auto body = [&](Project &project, const QCommandLineParser &parser) {
        const auto table = review::makeDecisionLogTable(project.reader());
        if (parser.isSet(out)) {
            const QString path = parser.value(out);
            const QString name = parser.isSet(format) ? parser.value(format) : QFileInfo(path).suffix().toLower();
            const auto f = exporting::formatFromName(name);
            if (!f)
                return badInput(QStringLiteral("unknown format '%1': use csv, tsv, xlsx, jsonl, sav or dta").arg(name));
            if (*f == exporting::Format::Jsonl) {
                if (const QString e = review::writeDecisionLogJsonl(project.reader(), path); !e.isEmpty())
                    return badInput(e);
            } else {
                const exporting::ExportResult result = exporting::exportTable(*table, *f, path);
                if (!result.error.isEmpty())
                    return badInput(result.error);
            }
            return ExitOk;
        }
        printDecisionLog(*table, parser.isSet(json));
        return ExitOk;
    };
    return runOnProject(arguments, spec, Access::ReadOnly, body);
}

} // namespace newscoder::cli
