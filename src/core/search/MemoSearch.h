#pragma once

#include "search/TextSearch.h"
#include "storage/ProjectReader.h"

#include <QList>

#include <atomic>
#include <optional>

namespace newscoder {

struct MemoHit
{
    MemoRecord memo;
    SearchHit hit; // offsets into memo.memo; the snippet shows the hit in context
};

struct MemoSearchResult
{
    QList<MemoHit> hits; // one per matching memo (its first hit)
    int memosSearched = 0;
    bool cancelled = false;
    QString error; // invalid pattern or a storage failure
};

// Searches every memo of `store` (ProjectReader::memos() order) with the
// options' matching rules (expandToSentence is ignored: a memo is short).
// One hit per memo that matches. Reads only; fine on a worker thread with a
// store opened there. `cancel` (optional) is checked between memos.
// `onlyCoder` set (blind coding, study/BlindCoding.h): annotation memos of
// other coders are skipped and not counted (a null id: every annotation memo).
MemoSearchResult searchMemos(const ProjectReader &store, const SearchOptions &options,
                             const std::atomic_bool *cancel = nullptr,
                             const std::optional<QUuid> &onlyCoder = std::nullopt);

} // namespace newscoder
