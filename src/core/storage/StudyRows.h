// Rows the several-coders views read in one query each (StudyRows.cpp): the
// coded spans of articles that two or more coders worked on (per-article
// agreement in the article list) and the annotation memos of other coders
// (blind coding keeps them out of memo search), and one coder's counts per code. Works on the store's own
// connection; fine on a worker thread with a store opened there.
#pragma once

#include "storage/ProjectStore.h"

#include <QHash>
#include <QSet>
#include <QUuid>

#include <functional>

namespace newscoder {

class StudyRows
{
public:
    explicit StudyRows(const ProjectStore &store) : m_store(store) {}

    using Span = CodedSpan; // see ProjectReader.h

    // Every span of the articles at least two coders worked on (coded there or
    // marked their assignment done), ordered by article, then coder: one query,
    // streamed to `visit` (false stops). `documentIds` not empty: only those
    // articles (at most a few hundred: one query each chunk of 500).
    void forEachSharedSpan(const std::function<bool(const Span &)> &visit,
                           const QList<QUuid> &documentIds = {}) const;

    // Annotations per code of one coder (the codebook's counts under blind coding).
    QHash<QUuid, int> annotationCountsByCodeOfCoder(const QUuid &coderId) const;

    // Annotations with a memo that `coderId` did not make.
    QSet<QUuid> memoAnnotationsOfOtherCoders(const QUuid &coderId) const;

private:
    const ProjectStore &m_store;
};

} // namespace newscoder
