#include "search/CorpusSearch.h"

#include "io/ScraperResidue.h"

#include "storage/ProjectReader.h"
#include "storage/StoreError.h"

namespace newscoder {

CorpusSearchResult searchCorpus(const ProjectReader &store, const SearchOptions &options,
                                const std::function<void(int done, int total)> &progress,
                                const std::atomic_bool *cancel, int maxHits)
{
    CorpusSearchResult result;
    const TextSearcher searcher(options);
    if (!searcher.isValid()) {
        result.error = searcher.error();
        return result;
    }
    try {
        const QList<DocumentSummary> documents = store.documentSummaries();
        // Scraper leftovers are not article text: hits wholly inside them are left out.
        const QHash<QUuid, QString> leftovers = options.includeLeftovers
                                                    ? QHash<QUuid, QString>()
                                                    : store.metadataByDocument(QString::fromLatin1(scraped::ResidueMetadataKey));
        const int total = int(documents.size());
        if (progress)
            progress(0, total);
        for (const DocumentSummary &document : documents) {
            if (cancel && cancel->load()) {
                result.cancelled = true;
                break;
            }
            const QString text = store.documentText(document.id);
            QList<TextSpan> spans = searcher.findSpans(text);
            if (const auto marked = leftovers.constFind(document.id); marked != leftovers.cend()) {
                const QList<scraped::ResidueSpan> residue = scraped::residueFromString(*marked, int(text.size()));
                spans.removeIf([&](const TextSpan &s) { return scraped::insideResidue(residue, s.start, s.end); });
            }
            for (const TextSpan &span : spans) {
                if (maxHits > 0 && result.hits.size() >= maxHits)
                    break;
                result.hits.append({document.id, document.title, searcher.makeHit(text, span)});
            }
            result.totalHits += int(spans.size());
            result.documentsWithHits += spans.isEmpty() ? 0 : 1;
            ++result.documentsSearched;
            if (progress)
                progress(result.documentsSearched, total);
        }
    } catch (const StoreError &e) {
        result.error = e.message();
    }
    result.truncated = result.totalHits > result.hits.size();
    return result;
}

} // namespace newscoder
