#include "study/MyArticles.h"

#include "storage/ProjectReader.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace newscoder::study {

QString progressText(const MyProgress &progress)
{
    if (progress.assigned == 0)
        return {};
    QString text = QCoreApplication::translate("MyArticles", "done %1 / %2").arg(progress.done).arg(progress.assigned);
    if (progress.withMissing > 0)
        text += QCoreApplication::translate("MyArticles", " · %n with required fields missing", nullptr,
                                            progress.withMissing);
    return text;
}

MyArticles myArticles(const ProjectReader &store, const QString &coderName)
{
    MyArticles result;
    const std::optional<Coder> coder = store.coderByName(coderName.trimmed());
    if (!coder)
        return result;
    const QList<Assignment> assignments = store.assignments(coder->id);
    if (assignments.isEmpty())
        return result;
    QHash<QUuid, DocumentSummary> summaries;
    for (DocumentSummary &s : store.documentSummaries())
        summaries.insert(s.id, std::move(s));
    QList<QUuid> ids;
    ids.reserve(assignments.size());
    for (const Assignment &a : assignments)
        ids.append(a.documentId);
    // A few articles: counted for those alone; many: one pass over every
    // article is cheaper than the id lists in chunks (8.3 s → see README).
    const QHash<QUuid, int> missing =
        store.missingRequiredCounts(coder->id, ids.size() > 200 ? QList<QUuid>() : ids);
    for (const Assignment &a : assignments) {
        const DocumentSummary s = summaries.value(a.documentId);
        MyArticle row{a.documentId, s.title, s.date, a.sampleId, a.done.isValid(), missing.value(a.documentId)};
        result.progress.assigned += 1;
        result.progress.done += row.done ? 1 : 0;
        result.progress.withMissing += row.missing > 0 ? 1 : 0;
        result.rows.append(row);
    }
    std::stable_sort(result.rows.begin(), result.rows.end(), [](const MyArticle &x, const MyArticle &y) {
        if (x.date != y.date)
            return x.date < y.date;
        return x.title.localeAwareCompare(y.title) < 0;
    });
    return result;
}

} // namespace newscoder::study
