// Duplicates among articles about to be imported: every incoming article is
// compared with the project's articles (read once, streamed, fingerprinted in
// batches — never all pairs; see ProjectDuplicates.h) and with the incoming
// articles before it, through the same MinHash + LSH clustering
// (DuplicateFinder). An incoming article is a copy when it forms a pair at or
// above the threshold with an earlier article (any project article counts as
// earlier); its match is the partner with the highest similarity, a project
// article before an incoming one at equal similarity. In a cluster too large
// to list every pair (MaxFullPairCluster) an incoming member without a listed
// earlier partner is matched with the cluster's first article, with their
// exact similarity.
//
// What to do with the copies (DuplicateChoice) is applied by
// applyDuplicateChoice(): the documents then go to Project::importDocuments
// in one undoable step like any import.
#pragma once

#include "dedup/DuplicateFinder.h"
#include "dedup/ProjectDuplicates.h"
#include "model/Document.h"

#include <QList>
#include <QString>

namespace newscoder {

class ProjectReader;

namespace dedup {

// Metadata entries a linked copy carries (durable, exported like any metadata):
// the id of the article it copies and their similarity ("0.912").
inline constexpr QLatin1StringView CopyOfKey{"copy_of"};
inline constexpr QLatin1StringView CopySimilarityKey{"copy_similarity"};

enum class DuplicateChoice {
    Keep, // import copies as they are (they are still reported)
    Skip, // leave copies out
    Link, // import copies with CopyOfKey / CopySimilarityKey metadata naming the earlier article
};

// "skip", "keep", "link" → the choice; false for anything else.
bool parseDuplicateChoice(const QString &name, DuplicateChoice *choice);
QString duplicateChoiceName(DuplicateChoice choice);

struct ImportMatch
{
    int incoming = -1;        // index into the incoming documents
    int earlierIncoming = -1; // >= 0: the copy is of this earlier incoming document
    DuplicateArticle original; // the project article copied (earlierIncoming < 0)
    double similarity = 0.0;   // exact Jaccard of the shingle sets
    bool exact = false;        // character-for-character the same text
};

struct ImportDuplicates
{
    DuplicateOptions options;
    int projectArticles = 0;
    QList<ImportMatch> matches; // at most one per incoming document, by incoming index
    DuplicateStats stats;
    // The match of incoming document `incoming`, or nullptr when it is no copy.
    const ImportMatch *matchFor(int incoming) const;
};

// Throws StoreError. `options` must pass DuplicateFinder::checkOptions().
ImportDuplicates findImportDuplicates(const ProjectReader &store, const QList<Document> &incoming,
                                      const DuplicateOptions &options = {});

// The same against project articles given as texts (no store), for callers
// that hold them already: `projectTexts[i]` belongs to `projectArticles[i]`.
ImportDuplicates findImportDuplicates(const QList<DuplicateArticle> &projectArticles, const QStringList &projectTexts,
                                      const QList<Document> &incoming, const DuplicateOptions &options = {});

struct ChosenImport
{
    QList<Document> documents; // what to import
    QList<int> incomingIndex;  // for each of them, its index among the incoming documents
    QList<int> skipped;        // incoming indices left out as copies (Skip)
};

// Applies `choice` to the copies found in `incoming`. Link gives every incoming
// document an id (so a copy of an earlier incoming one can name it) and puts
// the CopyOfKey and CopySimilarityKey entries first in a copy's metadata.
ChosenImport applyDuplicateChoice(QList<Document> incoming, const ImportDuplicates &found, DuplicateChoice choice);

} // namespace dedup
} // namespace newscoder
