#include "dedup/ImportDuplicates.h"

#include "storage/ProjectReader.h"

#include <QHash>

#include <algorithm>
#include <cmath>

namespace newscoder::dedup {

namespace {

// Texts held at once while reading the project: enough to keep every core busy.
constexpr int BatchSize = 512;

// Pairs at the threshold count, as in DuplicateFinder.
constexpr double Tolerance = 1e-9;

QStringList incomingTexts(const QList<Document> &incoming)
{
    QStringList texts;
    texts.reserve(incoming.size());
    for (const Document &d : incoming)
        texts.append(d.text);
    return texts;
}

// Every incoming document's best earlier partner, from the clusters of the
// project articles (indices 0 .. projectCount-1) followed by the incoming ones.
ImportDuplicates matchesFrom(const DuplicateFinder &finder, const QList<DuplicateArticle> &projectArticles,
                             const DuplicateOptions &options)
{
    ImportDuplicates found;
    found.options = options;
    const int projectCount = int(projectArticles.size());
    found.projectArticles = projectCount;
    const DuplicateResult result = finder.findClusters();
    found.stats = result.stats;
    QHash<int, DuplicatePair> best; // incoming text index → best pair with an earlier text
    const auto consider = [&](const DuplicatePair &p) {
        if (p.second < projectCount)
            return; // two project articles
        auto it = best.find(p.second);
        if (it == best.end())
            best.insert(p.second, p);
        else if (p.similarity > it->similarity + Tolerance
                 || (std::abs(p.similarity - it->similarity) <= Tolerance && p.first < it->first))
            *it = p;
    };
    for (const DuplicateCluster &cluster : result.clusters) {
        for (const DuplicatePair &p : cluster.pairs)
            consider(p);
        if (cluster.pairsComplete)
            continue;
        const int first = cluster.members.first();
        for (const int m : cluster.members) {
            if (m >= projectCount && m != first && !best.contains(m))
                best.insert(m, finder.compare(first, m));
        }
    }
    QList<int> incoming = best.keys();
    std::sort(incoming.begin(), incoming.end());
    for (const int index : incoming) {
        const DuplicatePair &p = best[index];
        ImportMatch match;
        match.incoming = index - projectCount;
        if (p.first < projectCount)
            match.original = projectArticles[p.first];
        else
            match.earlierIncoming = p.first - projectCount;
        match.similarity = p.similarity;
        match.exact = p.exact;
        found.matches.append(match);
    }
    return found;
}

} // namespace

bool parseDuplicateChoice(const QString &name, DuplicateChoice *choice)
{
    if (name == QLatin1String("keep"))
        *choice = DuplicateChoice::Keep;
    else if (name == QLatin1String("skip"))
        *choice = DuplicateChoice::Skip;
    else if (name == QLatin1String("link"))
        *choice = DuplicateChoice::Link;
    else
        return false;
    return true;
}

QString duplicateChoiceName(DuplicateChoice choice)
{
    switch (choice) {
    case DuplicateChoice::Skip:
        return QStringLiteral("skip");
    case DuplicateChoice::Link:
        return QStringLiteral("link");
    case DuplicateChoice::Keep:
        break;
    }
    return QStringLiteral("keep");
}

const ImportMatch *ImportDuplicates::matchFor(int incoming) const
{
    const auto it = std::lower_bound(matches.begin(), matches.end(), incoming,
                                     [](const ImportMatch &m, int i) { return m.incoming < i; });
    return it != matches.end() && it->incoming == incoming ? &*it : nullptr;
}

ImportDuplicates findImportDuplicates(const ProjectReader &store, const QList<Document> &incoming,
                                      const DuplicateOptions &options)
{
    DuplicateFinder finder(options);
    QList<DuplicateArticle> articles;
    if (!incoming.isEmpty()) { // nothing to compare: the project is not read
        QStringList batch;
        batch.reserve(BatchSize);
        store.streamDocumentTexts([&](const DocumentTextRow &row) {
            articles.append({row.id, row.title, row.outlet, row.date, 0});
            batch.append(row.text);
            if (batch.size() >= BatchSize) {
                finder.addTexts(batch);
                batch.clear();
            }
            return true;
        });
        finder.addTexts(batch);
        for (qsizetype i = 0; i < articles.size(); ++i)
            articles[i].words = finder.wordCount(int(i));
    }
    finder.addTexts(incomingTexts(incoming));
    return matchesFrom(finder, articles, options);
}

ImportDuplicates findImportDuplicates(const QList<DuplicateArticle> &projectArticles, const QStringList &projectTexts,
                                      const QList<Document> &incoming, const DuplicateOptions &options)
{
    DuplicateFinder finder(options);
    finder.addTexts(projectTexts);
    QList<DuplicateArticle> articles = projectArticles;
    for (qsizetype i = 0; i < articles.size(); ++i)
        articles[i].words = finder.wordCount(int(i));
    finder.addTexts(incomingTexts(incoming));
    return matchesFrom(finder, articles, options);
}

ChosenImport applyDuplicateChoice(QList<Document> incoming, const ImportDuplicates &found, DuplicateChoice choice)
{
    ChosenImport chosen;
    if (choice == DuplicateChoice::Link) {
        for (Document &d : incoming) {
            if (d.id.isNull())
                d.id = QUuid::createUuid();
        }
    }
    for (qsizetype i = 0; i < incoming.size(); ++i) {
        const ImportMatch *match = found.matchFor(int(i));
        if (match && choice == DuplicateChoice::Skip) {
            chosen.skipped.append(int(i));
            continue;
        }
        Document d = incoming[i];
        if (match && choice == DuplicateChoice::Link) {
            const QUuid original =
                match->earlierIncoming >= 0 ? incoming[match->earlierIncoming].id : match->original.id;
            d.metadata.prepend({QString(CopySimilarityKey), QString::number(match->similarity, 'f', 3)});
            d.metadata.prepend({QString(CopyOfKey), original.toString(QUuid::WithoutBraces)});
        }
        chosen.documents.append(std::move(d));
        chosen.incomingIndex.append(int(i));
    }
    return chosen;
}

} // namespace newscoder::dedup
