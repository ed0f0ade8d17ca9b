// Per-article agreement between the coders of an article, for the article
// list: a cheap measure, not the reliability coefficients. Each pair of coders
// has its spans paired one to one (same code, overlapping text, greatest
// overlap first, as Review Coders pairs them, but without comparing field
// values); the agreement is 2 × paired ÷ the spans of both, summed over the
// pairs of coders. Coders of an article: those who coded in it and those who
// marked it done (nothing coded is a statement too); the consensus layer and
// suggestions do not count.
#pragma once

#include <QHash>
#include <QUuid>

#include <atomic>

namespace newscoder {

class ProjectReader;

namespace study {

struct ArticleAgreement
{
    int coders = 0; // coders of the article (two or more)
    int spans = 0;  // spans of both sides, summed over the pairs of coders
    int paired = 0; // pairs found (each stands for two spans)
    int exact = 0;  // of those, pairs with the same boundaries
    // 0–1; 1 when no coder coded anything (they agree there is nothing to code).
    double share() const { return spans == 0 ? 1.0 : 2.0 * paired / spans; }
};

// Articles with fewer than two coders are absent. One query
// (ProjectReader::forEachSharedSpan); checks `cancel` between articles. Meant for
// a worker thread with a store opened there.
// `documentIds` not empty: only those articles (after coding a few).
QHash<QUuid, ArticleAgreement> articleAgreements(const ProjectReader &store, const std::atomic_bool *cancel = nullptr,
                                                 const QList<QUuid> &documentIds = {});

} // namespace study
} // namespace newscoder
