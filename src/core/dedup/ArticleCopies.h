// Every article's copies in a project, for the article list's duplicate badge
// and "Copies of this article" panel: the near-duplicate pairs found over the
// whole project (findProjectDuplicates, at the threshold given) and the links
// an import stored (copy_of metadata, ImportDuplicates.h) — a link counts
// whatever the texts' similarity is now. Read-only; meant for a worker thread
// with a store opened on that thread.
#pragma once

#include "dedup/DuplicateFinder.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <QUuid>

namespace newscoder {

class ProjectReader;

namespace dedup {

struct ArticleCopy
{
    QUuid id;
    QString title;
    QString outlet;
    QDate date;
    double similarity = 0.0; // exact Jaccard; for a stored link without a pair now, its stored similarity
    bool exact = false;      // the same text character for character
    bool linked = false;     // an import recorded it as a copy (copy_of, either way)
};

// Article id → its copies, most similar first (then date, title). Articles
// without copies are absent.
using ArticleCopyMap = QHash<QUuid, QList<ArticleCopy>>;

// Throws StoreError. `options` must pass DuplicateFinder::checkOptions().
ArticleCopyMap findArticleCopies(const ProjectReader &store, const DuplicateOptions &options = {});

} // namespace dedup
} // namespace newscoder
