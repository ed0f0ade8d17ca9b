#pragma once

#include "search/TextSearch.h"

#include <QList>
#include <QString>
#include <QUuid>

#include <atomic>
#include <functional>

namespace newscoder {

class ProjectReader;

struct CorpusHit
{
    QUuid documentId;
    QString documentTitle;
    SearchHit hit;
};

struct CorpusSearchResult
{
    QList<CorpusHit> hits;     // document by document, in the store's document order
    int totalHits = 0;         // every hit in the documents searched, also those beyond maxHits
    int documentsSearched = 0;
    int documentsWithHits = 0;
    bool truncated = false;    // totalHits > hits.size() because of maxHits
    bool cancelled = false;    // stopped early: the counts cover the documents searched so far
    QString error;             // invalid pattern or a storage failure; the hits found before it stay
};

// Searches the text of every document of `store` (documentSummaries() order).
//
// Meant for a worker thread: give it a store opened on that thread (e.g.
// ReaderSource::open()); it only reads.
// `progress(done, total)` (optional) is called with (0, total) first and after
// each document. `cancel` (optional) is checked before each document. At most
// `maxHits` hits are kept (maxHits <= 0: no limit); the search still runs to
// the end to count them all. An invalid pattern is reported before any
// document is read; a StoreError stops the search with its message.
CorpusSearchResult searchCorpus(const ProjectReader &store, const SearchOptions &options,
                                const std::function<void(int done, int total)> &progress = {},
                                const std::atomic_bool *cancel = nullptr, int maxHits = 0);

} // namespace newscoder
