#include "search/MemoSearch.h"

#include "storage/StoreError.h"
#include "storage/ProjectReader.h"

namespace newscoder {

MemoSearchResult searchMemos(const ProjectReader &store, const SearchOptions &options, const std::atomic_bool *cancel,
                             const std::optional<QUuid> &onlyCoder)
{
    MemoSearchResult result;
    SearchOptions memoOptions = options;
    memoOptions.expandToSentence = false;
    const TextSearcher searcher(memoOptions);
    if (!searcher.isValid()) {
        result.error = searcher.error();
        return result;
    }
    try {
        QSet<QUuid> hidden;
        if (onlyCoder)
            hidden = store.memoAnnotationsOfOtherCoders(*onlyCoder);
        for (const MemoRecord &memo : store.memos()) {
            if (cancel && cancel->load()) {
                result.cancelled = true;
                break;
            }
            if (memo.kind == MemoRecord::Kind::Annotation && hidden.contains(memo.id))
                continue;
            ++result.memosSearched;
            const QList<SearchHit> hits = searcher.find(memo.memo, 1);
            if (!hits.isEmpty())
                result.hits.append({memo, hits.first()});
        }
    } catch (const StoreError &e) {
        result.error = e.message();
    }
    return result;
}

} // namespace newscoder
