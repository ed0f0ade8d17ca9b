#include "cli/DuplicateCli.h"

#include "cli/CliSupport.h"
#include "dedup/MinHash.h"
#include "dedup/ProjectDuplicates.h"
#include "project/Project.h"
#include "storage/ProjectReader.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

namespace newscoder::cli {

namespace {

using namespace newscoder::dedup;

double rounded(double similarity)
{
    return std::round(similarity * 10000.0) / 10000.0;
}

QJsonValue dateJson(const QDate &date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue();
}

QJsonObject reportJson(const ProjectDuplicates &found)
{
    const DuplicateStats &stats = found.result.stats;
    QJsonArray clusters;
    int number = 0;
    for (const DuplicateCluster &cluster : found.result.clusters) {
        QJsonArray documents;
        for (const int m : cluster.members) {
            const DuplicateArticle &a = found.articles[m];
            documents.append(QJsonObject{{QStringLiteral("id"), idString(a.id)},
                                         {QStringLiteral("title"), a.title},
                                         {QStringLiteral("outlet"), a.outlet},
                                         {QStringLiteral("date"), dateJson(a.date)},
                                         {QStringLiteral("words"), a.words}});
        }
        QJsonArray pairs;
        for (const DuplicatePair &p : cluster.pairs)
            pairs.append(QJsonObject{{QStringLiteral("first"), idString(found.articles[p.first].id)},
                                     {QStringLiteral("second"), idString(found.articles[p.second].id)},
                                     {QStringLiteral("similarity"), rounded(p.similarity)},
                                     {QStringLiteral("exact"), p.exact}});
        clusters.append(QJsonObject{{QStringLiteral("cluster"), ++number},
                                    {QStringLiteral("size"), int(cluster.members.size())},
                                    {QStringLiteral("documents"), documents},
                                    {QStringLiteral("pairs"), pairs},
                                    {QStringLiteral("pairsComplete"), cluster.pairsComplete}});
    }
    return QJsonObject{
        {QStringLiteral("threshold"), found.options.threshold},
        {QStringLiteral("similarity"), QStringLiteral("jaccard")},
        {QStringLiteral("shingleWords"), found.options.shingleWords},
        {QStringLiteral("minhash"), QJsonObject{{QStringLiteral("hashes"), MinHashCount},
                                                {QStringLiteral("bands"), stats.bands},
                                                {QStringLiteral("rows"), stats.rows}}},
        {QStringLiteral("articles"), stats.texts},
        {QStringLiteral("articlesWithoutWords"), stats.withoutWords},
        {QStringLiteral("candidatePairs"), stats.candidatePairs},
        {QStringLiteral("clusters"), clusters},
    };
}

QString reportText(const ProjectDuplicates &found)
{
    const DuplicateStats &stats = found.result.stats;
    const qsizetype count = found.result.clusters.size();
    QString text = QStringLiteral("%1 %2 of duplicates among %3 articles (Jaccard similarity of %4-word shingles "
                                  ">= %5)\n")
                       .arg(count)
                       .arg(count == 1 ? QStringLiteral("cluster") : QStringLiteral("clusters"))
                       .arg(stats.texts)
                       .arg(found.options.shingleWords)
                       .arg(found.options.threshold, 0, 'f', 2);
    if (stats.withoutWords > 0)
        text += QStringLiteral("%1 articles without words were not compared.\n").arg(stats.withoutWords);
    int number = 0;
    for (const DuplicateCluster &cluster : found.result.clusters) {
        text += QStringLiteral("\nCluster %1 (%2 articles)\n").arg(++number).arg(cluster.members.size());
        for (const int m : cluster.members) {
            const DuplicateArticle &a = found.articles[m];
            text += QStringLiteral("  %1  %2  %3  %4\n")
                        .arg(idString(a.id), a.date.toString(Qt::ISODate).leftJustified(10),
                             a.outlet.leftJustified(20), a.title);
        }
        for (const DuplicatePair &p : cluster.pairs)
            text += QStringLiteral("    %1  %2  %3%4\n")
                        .arg(idString(found.articles[p.first].id).left(8), idString(found.articles[p.second].id).left(8))
                        .arg(p.similarity, 0, 'f', 3)
                        .arg(p.exact ? QStringLiteral("  exact copy") : QString());
        if (!cluster.pairsComplete)
            text += QStringLiteral("    (a large cluster: only the pairs that joined it are listed)\n");
    }
    return text;
}

} // namespace

int runDuplicates(const QStringList &arguments)
{
    const QCommandLineOption threshold(QStringLiteral("threshold"),
                                       QStringLiteral("Minimum similarity, above 0 and at most 1 (default 0.8)."),
                                       QStringLiteral("T"), QStringLiteral("0.8"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    DuplicateOptions options;
    const CommandSpec spec{
        .description = QStringLiteral(
            "Find exact and near-duplicate articles (syndicated copies, updated versions). Similarity is the Jaccard "
            "similarity of the articles' 3-word shingles after folding case, punctuation and diacritics; candidates "
            "come from MinHash with locality-sensitive hashing, each verified exactly. Articles joined by pairs at or "
            "above the threshold form a cluster, earliest article first."),
        .positionals = {projectArgument()},
        .options = {threshold, json},
        .check = [&](const QCommandLineParser &parser) {
            bool ok = false;
            options.threshold = parser.value(threshold).toDouble(&ok);
            if (!ok)
                return badInput(QStringLiteral("--threshold must be a number above 0 and at most 1, not '%1'")
                                    .arg(parser.value(threshold)));
            if (const QString problem = DuplicateFinder::checkOptions(options); !problem.isEmpty())
                return badInput(QStringLiteral("--threshold %1: %2").arg(parser.value(threshold), problem));
            return Proceed;
        },
    };
    const auto body = [&](Project &project, const QCommandLineParser &parser) {
        const ProjectDuplicates found = findProjectDuplicates(project.reader(), options);
        if (parser.isSet(json))
            printJson(reportJson(found));
        else
            writeOut(reportText(found));
        return ExitOk;
    };
    return runOnProject(arguments, spec, Access::ReadOnly, body);
}

} // namespace newscoder::cli
