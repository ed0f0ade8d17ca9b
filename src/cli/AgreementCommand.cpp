#include "cli/AgreementCommand.h"

#include "agreement/ProjectAgreement.h"
#include "cli/CliSupport.h"
#include "storage/ProjectStore.h"
#include "storage/StoreError.h"

#include <QJsonArray>
#include <QJsonObject>

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
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOptions({coders, documents, codes, json});
    if (const int rc = parseArguments(parser, arguments, 1, 1); rc >= 0)
        return rc;

    std::unique_ptr<ProjectStore> store;
    try {
        store = ProjectStore::open(parser.positionalArguments().first(), ProjectStore::Access::ReadOnly);
    } catch (const StoreError &e) {
        return badInput(e.message());
    }
    AgreementRequest request;
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
                                    {QStringLiteral("note"), row.result.note.isEmpty() ? QJsonValue()
                                                                                       : QJsonValue(row.result.note)}});
        }
        printJson(QJsonObject{{QStringLiteral("coders"), QJsonArray::fromStringList(report.coders)},
                              {QStringLiteral("documents"), report.documents},
                              {QStringLiteral("documents_all_coded"), report.documentsAllCoded},
                              {QStringLiteral("rows"), rows}});
        return ExitOk;
    }
    writeOut(QStringLiteral("coders: %1; articles coded: %2 (by all: %3)\n")
                 .arg(report.coders.join(u", "))
                 .arg(report.documents)
                 .arg(report.documentsAllCoded));
    for (const AgreementRow &row : std::as_const(report.rows)) {
        writeOut(QStringLiteral("%1 %2 %3  units %4  pairable %5%6\n")
                     .arg(row.subject.leftJustified(16), row.measure.leftJustified(16), shown(row.result.value))
                     .arg(row.result.units)
                     .arg(row.result.pairableValues)
                     .arg(row.result.note.isEmpty() ? QString() : QStringLiteral("  (%1)").arg(row.result.note)));
    }
    return ExitOk;
}

} // namespace newscoder::cli
