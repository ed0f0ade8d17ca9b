#include "cli/AgreementCli.h"

#include "agreement/ProjectAgreement.h"
#include "cli/BlindAccess.h"
#include "cli/CliSupport.h"
#include "project/Project.h"
#include "storage/ProjectReader.h"

#include <QJsonArray>
#include <QJsonObject>

#include <limits>

using namespace Qt::StringLiterals;

namespace newscoder::cli {

namespace {

QStringList splitList(const QString &value)
{
    QStringList items;
    for (const QString &item : value.split(u',', Qt::SkipEmptyParts))
        items << item.trimmed();
    return items;
}

QJsonValue number(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QString shown(const std::optional<double> &value)
{
    return value ? QString::number(*value, 'f', 3) : QStringLiteral("—");
}

constexpr int MaxBootstrapDraws = 100000;

// "ci95": [lower, upper] or null.
QJsonValue interval(const std::optional<stats::ConfidenceInterval> &ci)
{
    return ci ? QJsonValue(QJsonArray{ci->lower, ci->upper}) : QJsonValue();
}

QJsonArray mergesJson(const QList<SpanMerge> &merges)
{
    QJsonArray out;
    for (const SpanMerge &m : merges) {
        QJsonArray spans, annotations;
        for (const auto &[start, end] : m.spans)
            spans.append(QJsonArray{start, end});
        for (const QUuid &id : m.annotations)
            annotations.append(idString(id));
        out.append(QJsonObject{{QStringLiteral("coder"), m.coder},
                               {QStringLiteral("article"), idString(m.documentId)},
                               {QStringLiteral("article_title"), m.documentTitle},
                               {QStringLiteral("spans"), spans},
                               {QStringLiteral("annotations"), annotations},
                               {QStringLiteral("unit"), QJsonArray{m.start, m.end}}});
    }
    return out;
}

// After the table: every merge, so that the overlaps can be found and fixed.
void writeMergesText(const AgreementReport &report)
{
    bool first = true;
    for (const AgreementRow &row : report.rows) {
        for (const SpanMerge &m : row.merges) {
            if (first)
                writeOut(QStringLiteral("\nOverlapping spans of one coder and code, merged into one unit:\n"));
            first = false;
            QStringList spans;
            for (const auto &[start, end] : m.spans)
                spans << QStringLiteral("[%1,%2)").arg(start).arg(end);
            writeOut(u"  "_s + row.subject + u"  "_s + m.coder + u"  \""_s + m.documentTitle + u"\" ("_s +
                     idString(m.documentId).left(8) + u")  "_s + spans.join(u" + "_s) +
                     QStringLiteral(" -> [%1,%2)\n").arg(m.start).arg(m.end));
        }
    }
}

// The report: JSON, or a table followed by the merged spans; with the
// units CSV (`unitsPath`, empty without --units-csv) described.
void printReport(const AgreementReport &report, const AgreementRequest &request, bool json, const QString &unitsPath)
{
    if (json) {
        QJsonArray rows;
        for (const AgreementRow &row : std::as_const(report.rows)) {
            rows.append(QJsonObject{{QStringLiteral("code"), row.subject},
                                    {QStringLiteral("measure"), row.measure},
                                    {QStringLiteral("level"), row.level},
                                    {QStringLiteral("value"), number(row.result.value)},
                                    {QStringLiteral("observed"), number(row.result.observed)},
                                    {QStringLiteral("expected"), number(row.result.expected)},
                                    {QStringLiteral("units"), row.result.units},
                                    {QStringLiteral("coders"), row.coders},
                                    {QStringLiteral("pairable_values"), row.result.pairableValues},
                                    {QStringLiteral("ci95"), interval(row.result.ci)},
                                    {QStringLiteral("merged"), row.merges.size()},
                                    {QStringLiteral("merges"), mergesJson(row.merges)},
                                    {QStringLiteral("note"), row.result.note.isEmpty() ? QJsonValue()
                                                                                       : QJsonValue(row.result.note)}});
        }
        QJsonObject out{{QStringLiteral("coders"), QJsonArray::fromStringList(report.coders)},
                        {QStringLiteral("documents"), report.documents},
                        {QStringLiteral("documents_all_coded"), report.documentsAllCoded},
                        {QStringLiteral("rows"), rows}};
        if (!unitsPath.isEmpty())
            out.insert(QStringLiteral("units_csv"),
                       QJsonObject{{QStringLiteral("file"), unitsPath},
                                   {QStringLiteral("units"), report.units.unitCount()},
                                   {QStringLiteral("articles"), report.units.articles.size()},
                                   {QStringLiteral("continuum_length"), report.units.continuumLength()}});
        if (request.bootstrapDraws > 0) // as `reliability` reports it
            out.insert(QStringLiteral("bootstrap"),
                       QJsonObject{{QStringLiteral("draws"), request.bootstrapDraws},
                                   {QStringLiteral("seed"), qint64(request.bootstrapSeed)},
                                   {QStringLiteral("level"), 0.95}});
        printJson(out);
        return;
    }
    writeOut(QStringLiteral("coders: %1; articles coded: %2 (by all: %3)\n")
                 .arg(report.coders.join(u", "))
                 .arg(report.documents)
                 .arg(report.documentsAllCoded));
    for (const AgreementRow &row : std::as_const(report.rows)) {
        const QString ci = row.result.ci ? QStringLiteral("  95% CI [%1, %2]")
                                               .arg(shown(row.result.ci->lower), shown(row.result.ci->upper))
                                         : QString();
        const QString merged = row.merges.isEmpty() ? QString() : QStringLiteral("  merged %1").arg(row.merges.size());
        writeOut(row.subject.leftJustified(16) + u' ' + row.measure.leftJustified(16) + u' ' +
                 shown(row.result.value) + ci + QStringLiteral("  units %1  pairable %2").arg(row.result.units).arg(row.result.pairableValues) +
                 merged + (row.result.note.isEmpty() ? QString() : QStringLiteral("  (") + row.result.note + u')') +
                 u'\n');
    }
    writeMergesText(report);
    if (!unitsPath.isEmpty())
        writeOut(QStringLiteral("units written to %1: %2 spans in %3 articles, continuum 0:%4\n")
                     .arg(unitsPath)
                     .arg(report.units.unitCount())
                     .arg(report.units.articles.size())
                     .arg(report.units.continuumLength()));
}

} // namespace

int runAgreement(const QStringList &arguments)
{
    const QCommandLineOption coders(QStringLiteral("coders"), QStringLiteral("Compare these coders (default: all)."),
                                    QStringLiteral("A,B,..."));
    const QCommandLineOption documents(QStringLiteral("documents"),
                                       QStringLiteral("Only these articles (ids or id prefixes)."),
                                       QStringLiteral("ID,..."));
    const QCommandLineOption codes(QStringLiteral("codes"), QStringLiteral("Only these codes."),
                                   QStringLiteral("NAME,..."));
    const QCommandLineOption bootstrap(
        QStringLiteral("bootstrap"),
        QStringLiteral("Add a 95% percentile bootstrap interval from N draws (1 to %1): alpha on presence "
                       "resamples the articles, unitizing alpha the articles every coder coded.")
            .arg(MaxBootstrapDraws),
        QStringLiteral("N"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed of the bootstrap (default 1)."),
                                  QStringLiteral("S"));
    const QCommandLineOption unitsCsv(
        QStringLiteral("units-csv"),
        QStringLiteral("Also write the units unitizing alpha used, as CSV that `reliability FILE --unitizing` "
                       "reads: coder, category (code), article (id), begin and length on the pooled "
                       "continuum; a row with an empty category per coder and article gives the article's "
                       "place (the continuum's length is the sum)."),
        QStringLiteral("FILE"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption as = asOption();
    AgreementRequest request;
    const CommandSpec spec{
        .description = QStringLiteral(
            "Inter-coder agreement within a project, per code: unitizing alpha over the coded spans and alpha on "
            "presence per article (and alpha on field values and article variables).\n\n"
            "Unitizing alpha pools the articles every compared coder coded: laid end to end on one continuum "
            "(UTF-16 code units of their texts), a gap never running across an article boundary. Spans of one "
            "coder and code that overlap (each begins before the other ends) are merged into one unit and listed "
            "(\"merged\"); spans that only touch stay two units; a span of length 0 is a unit of length 0.\n\n"
            "Per row: value = alpha; observed and expected = its disagreements D_o and D_e (value = 1 - D_o/D_e); "
            "units = the units that entered it (unitizing: spans after merging; presence: articles with two or "
            "more coders' values); pairable_values = unitizing: coders x continuum length, otherwise the values "
            "in those units; coders = coders compared; merged = overlaps merged in that code; ci95 = the "
            "bootstrap interval (with --bootstrap)."),
        .positionals = {projectArgument()},
        .options = {coders, documents, codes, bootstrap, seed, unitsCsv, json, as},
        .check = [&](const QCommandLineParser &parser) {
            if (parser.isSet(seed) && !parser.isSet(bootstrap))
                return badInput(QStringLiteral("--seed needs --bootstrap"));
            if (!parser.isSet(bootstrap))
                return Proceed;
            bool okDraws = false;
            request.bootstrapDraws = parser.value(bootstrap).trimmed().toInt(&okDraws);
            if (!okDraws || request.bootstrapDraws < 1 || request.bootstrapDraws > MaxBootstrapDraws)
                return badInput(QStringLiteral("--bootstrap needs a number of draws from 1 to %1, not '%2'")
                                    .arg(MaxBootstrapDraws)
                                    .arg(parser.value(bootstrap)));
            if (parser.isSet(seed)) {
                bool okSeed = false;
                const qint64 value = parser.value(seed).trimmed().toLongLong(&okSeed); // exact in JSON
                if (!okSeed || value < 0)
                    return badInput(QStringLiteral("--seed needs an integer from 0 to %1, not '%2'")
                                        .arg(std::numeric_limits<qint64>::max())
                                        .arg(parser.value(seed)));
                request.bootstrapSeed = quint64(value);
            }
            return Proceed;
        },
    };
    const auto body = [&](Project &project, const QCommandLineParser &parser) {
        if (const QString refusal = comparingRefusal(project, parser, as); !refusal.isEmpty())
            return badInput(refusal);
        request.coders = splitList(parser.value(coders));
        request.codes = splitList(parser.value(codes));
        if (parser.isSet(documents)) {
            DocumentFinder finder(project);
            for (const QString &wanted : splitList(parser.value(documents))) {
                QString error;
                const auto found = finder.find(wanted, &error);
                if (!found)
                    return badInput(error);
                request.documents << found->id;
            }
        }
        const AgreementReport report = computeProjectAgreement(project.reader(), request);
        if (!report.error.isEmpty())
            return badInput(report.error);
        const QString unitsPath = parser.value(unitsCsv);
        if (parser.isSet(unitsCsv)) {
            QString error;
            if (unitsPath.isEmpty() || !writePooledUnitsCsv(report.units, unitsPath, &error))
                return badInput(unitsPath.isEmpty() ? QStringLiteral("--units-csv needs a file name") : error);
        }
        printReport(report, request, parser.isSet(json), parser.isSet(unitsCsv) ? unitsPath : QString());
        return ExitOk;
    };
    return runOnProject(arguments, spec, Access::ReadOnly, body);
}

} // namespace newscoder::cli
