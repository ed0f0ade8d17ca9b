#include "dedup/ProjectDuplicates.h"

#include "storage/ProjectReader.h"

namespace newscoder::dedup {

namespace {

// Texts held at once while reading: enough to keep every core busy.
constexpr int BatchSize = 512;

} // namespace

ProjectDuplicates findProjectDuplicates(const ProjectReader &store, const DuplicateOptions &options)
{
    ProjectDuplicates found;
    found.options = options;
    DuplicateFinder finder(options);
    QStringList batch;
    batch.reserve(BatchSize);
    store.streamDocumentTexts([&](const DocumentTextRow &row) {
        found.articles.append({row.id, row.title, row.outlet, row.date, 0});
        batch.append(row.text);
        if (batch.size() >= BatchSize) {
            finder.addTexts(batch);
            batch.clear();
        }
        return true;
    });
    finder.addTexts(batch);
    for (qsizetype i = 0; i < found.articles.size(); ++i)
        found.articles[i].words = finder.wordCount(int(i));
    found.result = finder.findClusters();
    return found;
}

} // namespace newscoder::dedup
