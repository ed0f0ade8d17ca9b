#include "dedup/ArticleCopies.h"

#include "dedup/ImportDuplicates.h"
#include "dedup/ProjectDuplicates.h"
#include "storage/ProjectReader.h"

#include <algorithm>

namespace newscoder::dedup {

namespace {

ArticleCopy copyOf(const DuplicateArticle &a, double similarity, bool exact)
{
    return {a.id, a.title, a.outlet, a.date, similarity, exact, false};
}

// Adds `copy` to `of`'s list, or marks the one there linked.
void add(ArticleCopyMap &map, const QUuid &of, const ArticleCopy &copy)
{
    QList<ArticleCopy> &list = map[of];
    for (ArticleCopy &c : list) {
        if (c.id == copy.id) {
            c.linked = c.linked || copy.linked;
            return;
        }
    }
    list.append(copy);
}

} // namespace

ArticleCopyMap findArticleCopies(const ProjectReader &store, const DuplicateOptions &options)
{
    const ProjectDuplicates found = findProjectDuplicates(store, options);
    ArticleCopyMap map;
    for (const DuplicateCluster &cluster : found.result.clusters) {
        for (const DuplicatePair &p : cluster.pairs) {
            const DuplicateArticle &a = found.articles[p.first];
            const DuplicateArticle &b = found.articles[p.second];
            add(map, a.id, copyOf(b, p.similarity, p.exact));
            add(map, b.id, copyOf(a, p.similarity, p.exact));
        }
    }
    // Links stored at import: both ends show them.
    const QHash<QUuid, QString> links = store.metadataByDocument(QString(CopyOfKey));
    if (!links.isEmpty()) {
        const QHash<QUuid, QString> similarities = store.metadataByDocument(QString(CopySimilarityKey));
        QHash<QUuid, int> index;
        for (qsizetype i = 0; i < found.articles.size(); ++i)
            index.insert(found.articles[i].id, int(i));
        for (auto it = links.cbegin(); it != links.cend(); ++it) {
            const QUuid original = QUuid::fromString(it.value());
            if (!index.contains(it.key()) || !index.contains(original) || original == it.key())
                continue; // the earlier article was removed since
            const double similarity = similarities.value(it.key()).toDouble();
            ArticleCopy toCopy = copyOf(found.articles[index[it.key()]], similarity, false);
            ArticleCopy toOriginal = copyOf(found.articles[index[original]], similarity, false);
            toCopy.linked = toOriginal.linked = true;
            add(map, original, toCopy);
            add(map, it.key(), toOriginal);
        }
    }
    for (QList<ArticleCopy> &list : map) {
        std::sort(list.begin(), list.end(), [](const ArticleCopy &x, const ArticleCopy &y) {
            if (x.similarity != y.similarity)
                return x.similarity > y.similarity;
            if (x.date != y.date)
                return x.date < y.date;
            if (x.title != y.title)
                return x.title < y.title;
            return x.id < y.id;
        });
    }
    return map;
}

} // namespace newscoder::dedup
