// Duplicate detection over a whole project: every article's text is read in
// one streamed query (ProjectReader::streamDocumentTexts), fingerprinted in batches
// and clustered by DuplicateFinder. Read-only; meant for the CLI and a worker
// thread (give it a store opened on that thread).
#pragma once

#include "dedup/DuplicateFinder.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QUuid>

namespace newscoder {

class ProjectReader;

namespace dedup {

struct DuplicateArticle
{
    QUuid id;
    QString title;
    QString outlet;
    QDate date;
    int words = 0; // folded words compared (0: not compared)
};

struct ProjectDuplicates
{
    DuplicateOptions options;
    // Every article, by publication date (unknown first), title, id; the
    // indices of `result` point into this list, so within a cluster the
    // earliest article comes first.
    QList<DuplicateArticle> articles;
    DuplicateResult result;
};

// Throws StoreError. `options` must pass DuplicateFinder::checkOptions().
ProjectDuplicates findProjectDuplicates(const ProjectReader &store, const DuplicateOptions &options = {});

} // namespace dedup
} // namespace newscoder
