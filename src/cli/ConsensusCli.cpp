// newscoder-cli reliability PROJECT --against CONSENSUS and
// disagreement-report: how each coder differs from the adjudicated consensus,
// for coder training rounds.
#include "cli/ConsensusCli.h"

#include "cli/BlindAccess.h"
#include "cli/CliSupport.h"
#include "project/Project.h"
#include "review/ConsensusAgreement.h"
#include "review/DisagreementReport.h"
#include "storage/ProjectReader.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace newscoder::cli {

namespace {

QStringList splitList(const QString &value)
{
    QStringList items;
    for (const QString &item : value.split(u',', Qt::SkipEmptyParts)) {
        if (!item.trimmed().isEmpty())
            items << item.trimmed();
    }
    return items;
}

QJsonValue number(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QString shown(const std::optional<double> &value, bool percent = false)
{
    if (!value)
        return QStringLiteral("—");
    return percent ? QString::number(*value * 100.0, 'f', 1) + u'%' : QString::number(*value, 'f', 3);
}

QJsonObject countsJson(const QMap<QString, int> &counts)
{
    QJsonObject o;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

// The error profile's members, shared by a coder's total and each code.
void addProfile(QJsonObject &o, const review::ErrorCounts &e)
{
    o.insert(QStringLiteral("percent_agreement"), number(e.percentAgreement()));
    o.insert(QStringLiteral("units"), e.units);
    o.insert(QStringLiteral("agreements"), e.agreements);
    o.insert(QStringLiteral("errors"), QJsonObject{{QStringLiteral("missed"), e.missed},
                                                   {QStringLiteral("extra"), e.extra},
                                                   {QStringLiteral("boundary"), e.boundary},
                                                   {QStringLiteral("wrong_code"), e.wrongCode},
                                                   {QStringLiteral("fields"), e.fields},
                                                   {QStringLiteral("variables"), e.variables}});
    o.insert(QStringLiteral("field_differences"), countsJson(e.fieldDifferences));
    o.insert(QStringLiteral("variable_differences"), countsJson(e.variableDifferences));
}

QJsonObject reportJson(const review::ConsensusAgreementReport &report)
{
    QJsonArray coders;
    for (const review::CoderAgainstConsensus &c : report.coders) {
        QJsonObject coder{{QStringLiteral("coder"), c.coder},
                          {QStringLiteral("documents"), int(c.documents.size())},
                          {QStringLiteral("unitizing_alpha"), number(c.unitizing.value)}};
        addProfile(coder, c.counts);
        QJsonArray codes;
        for (const review::CodeAgainstConsensus &row : c.codes) {
            QJsonObject code{{QStringLiteral("code"), row.code},
                             {QStringLiteral("variable"), row.variable},
                             {QStringLiteral("unitizing_alpha"), number(row.unitizing.value)},
                             {QStringLiteral("presence_alpha"), number(row.presence.value)}};
            addProfile(code, row.counts);
            codes.append(code);
        }
        coder.insert(QStringLiteral("codes"), codes);
        coders.append(coder);
    }
    return {{QStringLiteral("consensus"), report.consensus},
            {QStringLiteral("documents"), int(report.documents.size())},
            {QStringLiteral("coders"), coders}};
}

QString profileText(const review::ErrorCounts &e)
{
    return QStringLiteral("missed %1, extra %2, boundary %3, wrong code %4, fields %5, variables %6")
        .arg(e.missed)
        .arg(e.extra)
        .arg(e.boundary)
        .arg(e.wrongCode)
        .arg(e.fields)
        .arg(e.variables);
}

void writeText(const review::ConsensusAgreementReport &report)
{
    writeOut(QStringLiteral("against %1: %2 adjudicated articles\n").arg(report.consensus).arg(report.documents.size()));
    if (report.coders.isEmpty())
        writeOut(QStringLiteral("no coder coded an adjudicated article\n"));
    for (const review::CoderAgainstConsensus &c : report.coders) {
        writeOut(QStringLiteral("\n%1  (%2 articles)  unitizing alpha %3  agreement %4 of %5 (%6)\n  %7\n")
                     .arg(c.coder)
                     .arg(c.documents.size())
                     .arg(shown(c.unitizing.value))
                     .arg(c.counts.agreements)
                     .arg(c.counts.units)
                     .arg(shown(c.counts.percentAgreement(), true), profileText(c.counts)));
        for (const review::CodeAgainstConsensus &row : c.codes) {
            writeOut(QStringLiteral("  %1 alpha-u %2  presence %3  agreement %4  %5\n")
                         .arg(row.code.leftJustified(16), shown(row.unitizing.value).leftJustified(6),
                              shown(row.presence.value).leftJustified(6),
                              shown(row.counts.percentAgreement(), true).leftJustified(7), profileText(row.counts)));
        }
        for (auto it = c.counts.fieldDifferences.cbegin(); it != c.counts.fieldDifferences.cend(); ++it)
            writeOut(QStringLiteral("  field %1 differs in %2\n").arg(it.key()).arg(it.value()));
        for (auto it = c.counts.variableDifferences.cbegin(); it != c.counts.variableDifferences.cend(); ++it)
            writeOut(QStringLiteral("  variable %1 differs in %2\n").arg(it.key()).arg(it.value()));
    }
}

} // namespace

bool asksAgainst(const QStringList &arguments)
{
    for (const QString &a : arguments) {
        if (a == QLatin1String("--against") || a.startsWith(QLatin1String("--against=")))
            return true;
    }
    return false;
}

int runReliabilityAgainst(const QStringList &arguments)
{
    const QCommandLineOption against(QStringLiteral("against"), QStringLiteral("The consensus coder (e.g. Consensus)."),
                                     QStringLiteral("CONSENSUS"));
    const QCommandLineOption coders(QStringLiteral("coders"), QStringLiteral("Only these coders (default: all)."),
                                    QStringLiteral("A,B,..."));
    const QCommandLineOption codes(QStringLiteral("codes"), QStringLiteral("Only these codes."), QStringLiteral("NAME,..."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption as = asOption();
    const CommandSpec spec{
        .description = QStringLiteral(
            "Each coder against the consensus, on the adjudicated articles (a decision in the log or a consensus "
            "annotation or variable) the coder coded or was assigned: Krippendorff's unitizing alpha (overall and "
            "per code) and alpha on presence per article, from the agreement engine with two coders, the coder and "
            "the consensus; percent agreement = agreeing items / items, where an item is a pair of the coder's and "
            "the consensus's spans (same code, greatest overlap, as `review` pairs them), a span only one of them "
            "marked, or an article variable; and the error profile: missed (a consensus span the coder lacks), "
            "extra (a coder span the consensus lacks), boundary, wrong code, fields (with the fields that differ) "
            "and variables. A wrong-code item counts under the consensus's code."),
        .positionals = {projectArgument()},
        .options = {against, coders, codes, json, as},
        .check = [&](const QCommandLineParser &parser) {
            if (parser.value(against).trimmed().isEmpty())
                return badInput(QStringLiteral("--against needs the consensus coder's name"));
            return Proceed;
        },
    };
    const auto body = [&](Project &project, const QCommandLineParser &parser) {
        // Under blind coding a coder may see themselves against the consensus, nobody else.
        if (const QString refusal = ownRowRefusal(project, parser, as, splitList(parser.value(coders)));
            !refusal.isEmpty())
            return badInput(refusal);
        const review::ConsensusAgreementReport report = review::computeConsensusAgreement(
            project.reader(), {parser.value(against), splitList(parser.value(coders)), splitList(parser.value(codes))});
        if (!report.error.isEmpty())
            return badInput(report.error);
        if (parser.isSet(json))
            printJson(reportJson(report));
        else
            writeText(report);
        return ExitOk;
    };
    return runOnProject(arguments, spec, Access::ReadOnly, body);
}

int runDisagreementReport(const QStringList &arguments)
{
    const QCommandLineOption coders(QStringLiteral("coders"), QStringLiteral("Two coders, or with --against the coders."),
                                    QStringLiteral("A,B"));
    const QCommandLineOption against(QStringLiteral("against"), QStringLiteral("Each coder against this consensus coder."),
                                     QStringLiteral("CONSENSUS"));
    const QCommandLineOption codes(QStringLiteral("codes"), QStringLiteral("Only these codes."), QStringLiteral("NAME,..."));
    const QCommandLineOption context(QStringLiteral("context"),
                                     QStringLiteral("Characters of context on each side (0 to 2000, default 120)."),
                                     QStringLiteral("N"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("The HTML file to write."), QStringLiteral("FILE.html"));
    const QCommandLineOption as = asOption();
    review::DisagreementReportRequest request;
    const CommandSpec spec{
        .description = QStringLiteral(
            "Write a self-contained HTML page for a coder training round: per code, the counts by kind and each "
            "disputed passage in a little of its context with the span marked, each coder's version (code, span, "
            "field values) and the consensus decision if any (decision, who, when, rationale). Compare two coders "
            "(--coders A,B) or each coder against the consensus (--against CONSENSUS; --coders then picks coders)."),
        .positionals = {projectArgument()},
        .options = {coders, against, codes, context, out, as},
        .check = [&](const QCommandLineParser &parser) {
            request.coders = splitList(parser.value(coders));
            request.against = parser.value(against).trimmed();
            request.codes = splitList(parser.value(codes));
            if (parser.isSet(against) && request.against.isEmpty())
                return badInput(QStringLiteral("--against needs the consensus coder's name"));
            if (request.against.isEmpty() && request.coders.size() != 2)
                return badInput(QStringLiteral("say --coders A,B (two coders) or --against CONSENSUS"));
            if (parser.value(out).trimmed().isEmpty())
                return badInput(QStringLiteral("--out FILE.html is needed"));
            if (parser.isSet(context)) {
                bool ok = false;
                request.context = parser.value(context).trimmed().toInt(&ok);
                if (!ok || request.context < 0 || request.context > 2000)
                    return badInput(
                        QStringLiteral("--context needs a number from 0 to 2000, not '%1'").arg(parser.value(context)));
            }
            request.title = QFileInfo(parser.positionalArguments().first()).completeBaseName();
            return Proceed;
        },
    };
    const auto body = [&](Project &project, const QCommandLineParser &parser) {
        if (const QString refusal = comparingRefusal(project, parser, as); !refusal.isEmpty())
            return badInput(refusal);
        review::DisagreementReportResult result;
        if (const QString error = review::writeDisagreementReport(project.reader(), request, parser.value(out), &result);
            !error.isEmpty())
            return badInput(error);
        writeOut(QStringLiteral("%1 disputed passages in %2 codes written to %3\n")
                     .arg(result.passages)
                     .arg(result.codes)
                     .arg(parser.value(out)));
        return ExitOk;
    };
    return runOnProject(arguments, spec, Access::ReadOnly, body);
}

} // namespace newscoder::cli
