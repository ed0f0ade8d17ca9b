// Merging a coder package, or another project of the same study, into a
// master by ids: a three-way comparison of every merge unit (an annotation
// with its values, a coder's variables of an article, an actor) against the
// source's merge base — what the source looked like when it was packaged or
// last merged. Per unit:
//   source = master              → unchanged
//   source = base                → unchanged (only the master changed it)
//   master = base                → the source's version is taken (added,
//                                  updated or removed)
//   otherwise                    → a conflict: both changed it
// A conflict keeps the master's version (or the source's with
// PreferSource) and stays listed on every later merge until the two agree.
// Conditions that stop a unit from being taken are conflicts too: its
// article's text edited on both sides, its code or field not in the
// master's codebook, a link to an annotation the master lacks.
// An article's text ("t:ID") is merged three-way too: edited only in the
// source, the source's text is taken and the master's annotations on it
// move with it (the text-edit anchor rules, study/MergeTexts.h); edited only
// in the master, the master's stands and the source's annotations are moved
// onto it before they are compared; edited in both, "text-differs" (the
// master's stands unless PreferSource).
// An article of the source the master lacks is added with its text,
// metadata and outlet (the master's outlet of that id or name, else the
// source's), and its annotations and variables come with it — unless the
// merge base holds it, i.e. the master removed it since: then it is an
// "article-missing" conflict and stays out.
// Actors created in two places under different ids with the same name
// become one: the earliest id (smallest UUID) stands and every value is
// re-pointed to it, so the order of merges does not matter.
// The plan is one StudyChange (one transaction, one undo step); merging the
// same source again plans nothing.
#pragma once

#include "study/Assignments.h"
#include "study/MergeUnits.h"

#include <QJsonObject>

namespace newscoder::study {

struct MergeCounts
{
    int documents = 0; // articles (added: the source's articles this project lacked)
    int annotations = 0;
    int variables = 0; // a coder's variables of one article
    int actors = 0;
    int coders = 0;
};

struct MergeConflict
{
    QString kind;   // "changed-in-both", "text-differs", "article-missing", "code-missing",
                    // "link-missing", "codebook-differs", "actor-duplicate", "coder-renamed"
    QString unit;   // the merge unit's key ("" for the codebook)
    QUuid documentId;
    QString detail;     // one sentence for a person
    QString resolution; // what the merge did about it
};

struct MergeReport
{
    QString source;  // the source's id (package id or project id)
    QString path;    // the file merged
    MergeCounts added, updated, removed, unchanged;
    QList<MergeConflict> conflicts;
};

QJsonObject mergeReportJson(const MergeReport &report);

struct MergeOptions
{
    bool preferSource = false; // on a conflict take the source's version
    // Articles whose units are held at once while planning (tests use a few
    // to cross batch borders on small projects).
    qsizetype articlesPerBatch = MergeBatchArticles;
};

struct MergePlan
{
    StudyPlan plan;
    MergeReport report;
    bool cancelled = false; // by the progress callback: nothing planned
};

// Plans merging `source` into `master`. An error (in plan.error) when the
// source is not of the same study (no project id and no code in common) or
// is the master itself. Throws StoreError when a file cannot be read.
// Memory holds both projects' frames (readMergeFrame), the bases and the
// change, and one batch of articles' annotations and variables at a time.
// One progress step per annotation read (both sides) and per source unit
// compared (the caller adds them to the total).
MergePlan planMerge(const ProjectReader &master, const ProjectReader &source, const MergeOptions &options = {},
                    MergeProgress *progress = nullptr);

// Plans merging the file `sourcePath` into the project file `masterPath`,
// each read through a read-only connection of its own, so it runs on a
// worker thread while the window keeps the master open; the plan is
// committed on the master's own Project afterwards. Progress: every
// annotation of both read, then every source unit compared. An unreadable
// file or another study is an error in plan.error; a cancel returns
// `cancelled` and nothing planned.
MergePlan planMergeFile(const QString &masterPath, const QString &sourcePath, const MergeOptions &options = {},
                        const MergeProgress::Report &report = {});

} // namespace newscoder::study
