#include "cli/AgreementCommand.h"

#include "agreement/ProjectAgreement.h"
#include "cli/CliSupport.h"
#include "storage/ProjectStore.h"
#include "storage/StoreError.h"

#include <QJsonArray>
#include <QJsonObject>

#include <limits>

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

} // namespace

int runAgreement(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Inter-coder agreement within a project, per code: unitizing alpha over each article's text and "
        "alpha on presence per article."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
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
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOptions({coders, documents, codes, bootstrap, seed, json});
    if (const int rc = parseArguments(parser, arguments, 1, 1); rc >= 0)
        return rc;

    AgreementRequest request;
    if (parser.isSet(seed) && !parser.isSet(bootstrap))
        return badInput(QStringLiteral("--seed needs --bootstrap"));
    if (parser.isSet(bootstrap)) {
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
    }

    std::unique_ptr<ProjectStore> store;
    try {
        store = ProjectStore::open(parser.positionalArguments().first(), ProjectStore::Access::ReadOnly);
    } catch (const StoreError &e) {
        return badInput(e.message());
    }
    request.coders = splitList(parser.value(coders));
    request.codes = splitList(parser.value(codes));
    AgreementReport report;
    try {
        if (parser.isSet(documents)) {
            const QList<DocumentSummary> all = store->documentSummaries();
            for (const QString &wanted : splitList(parser.value(documents))) {
                QList<QUuid> matches;
                for (const DocumentSummary &d : all) {
                    if (idString(d.id).startsWith(wanted.toLower()))
                        matches << d.id;
                }
                if (matches.size() != 1)
                    return badInput(matches.isEmpty() ? QStringLiteral("no document with id %1").arg(wanted)
                                                      : QStringLiteral("'%1' matches more than one document").arg(wanted));
                request.documents << matches.first();
            }
        }
        report = computeProjectAgreement(*store, request);
    } catch (const StoreError &e) {
        return badInput(e.message());
    }
    if (!report.error.isEmpty())
        return badInput(report.error);

    if (parser.isSet(json)) {
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
                                    {QStringLiteral("note"), row.result.note.isEmpty() ? QJsonValue()
                                                                                       : QJsonValue(row.result.note)}});
        }
        QJsonObject out{{QStringLiteral("coders"), QJsonArray::fromStringList(report.coders)},
                        {QStringLiteral("documents"), report.documents},
                        {QStringLiteral("documents_all_coded"), report.documentsAllCoded},
                        {QStringLiteral("rows"), rows}};
        if (request.bootstrapDraws > 0) // as `reliability` reports it
            out.insert(QStringLiteral("bootstrap"),
                       QJsonObject{{QStringLiteral("draws"), request.bootstrapDraws},
                                   {QStringLiteral("seed"), qint64(request.bootstrapSeed)},
                                   {QStringLiteral("level"), 0.95}});
        printJson(out);
        return ExitOk;
    }
    writeOut(QStringLiteral("coders: %1; articles coded: %2 (by all: %3)\n")
                 .arg(report.coders.join(u", "))
                 .arg(report.documents)
                 .arg(report.documentsAllCoded));
    for (const AgreementRow &row : std::as_const(report.rows)) {
        const QString ci = row.result.ci ? QStringLiteral("  95% CI [%1, %2]")
                                               .arg(shown(row.result.ci->lower), shown(row.result.ci->upper))
                                         : QString();
        writeOut(QStringLiteral("%1 %2 %3%4  units %5  pairable %6%7\n")
                     .arg(row.subject.leftJustified(16), row.measure.leftJustified(16), shown(row.result.value), ci)
                     .arg(row.result.units)
                     .arg(row.result.pairableValues)
                     .arg(row.result.note.isEmpty() ? QString() : QStringLiteral("  (%1)").arg(row.result.note)));
    }
    return ExitOk;
}

} // namespace newscoder::cli
