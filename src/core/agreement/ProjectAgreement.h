#pragma once

#include "agreement/PooledUnits.h"
#include "stats/AgreementResult.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <atomic>
#include <functional>

namespace newscoder {

class ProjectReader;

// Which part of a project to compare. Empty lists mean "all".
struct AgreementRequest
{
    QStringList coders;      // coder names
    QList<QUuid> documents;  // document ids
    QStringList codes;       // code names
    // > 0: every row with a defined value gets a 95% percentile bootstrap
    // interval (result.ci) from this many draws; 0: none.
    int bootstrapDraws = 0;
    quint64 bootstrapSeed = 1; // the same seed for every row: reproducible per request
    // Articles that count as coded by every selected coder even where one of
    // them marked nothing: an adjudicated article whose consensus has no
    // span still says "nothing here" (review/ConsensusAgreement.h).
    QList<QUuid> codedByAll;
};

// Overlapping spans of one coder and code in one article that unitizing
// alpha counted as one unit (offsets in the article text, UTF-16 code units).
struct SpanMerge
{
    QUuid documentId;
    QString documentTitle;
    QString coder;
    QList<QPair<int, int>> spans; // [start, end) as coded, in order of start
    QList<QUuid> annotations;     // the annotations behind them, in the same order
    int start = 0;                // the unit they became
    int end = 0;
};

// One line of the agreement table: one measure for one code (or variable).
struct AgreementRow
{
    QString subject;  // code name
    QUuid codeId;
    QString measure;  // "unitizing-alpha" or "alpha-presence"
    QString level;    // level of measurement ("nominal" for both measures here)
    stats::AgreementResult result;
    int coders = 0;   // coders who take part
    QList<SpanMerge> merges; // unitizing-alpha rows: the overlaps merged, by article, coder, start
};

struct AgreementReport
{
    QStringList coders;
    int documents = 0;        // documents in the comparison
    int documentsAllCoded = 0; // of which every coder coded (used for unitizing alpha)
    QList<AgreementRow> rows;
    PooledUnits units;        // what unitizing alpha was computed from (see pooledUnitsCsv())
    QString error;            // set when the request cannot be computed
    bool cancelled = false;
};

// A span that the other coders did not mark the same way.
struct Disagreement
{
    QUuid documentId;
    QString documentTitle;
    QString coder;
    int start = 0;
    int end = 0;
    QString text;
    QString kind; // "no counterpart" or "boundaries differ"
};

// Agreement between coders in a project, per code:
// - unitizing alpha (Krippendorff's alpha-u, nominal) on the articles every
//   selected coder coded, pooled: laid end to end on one continuum (in
//   UTF-16 code units of their texts), a gap never running across an article
//   boundary (report.units holds exactly these data);
// - alpha on presence per article (does the article contain the code, 1/0),
//   nominal, where a coder's value is missing for articles they did not code.
// Suggestions (auto-coded, not yet accepted) are not codings and are left out;
// annotations of length 0 (text edited away) are units of length 0.
// A coder counts as having coded an article when they made at least one
// annotation in it (Newscoder has no assignment table yet). Spans of one
// coder and code that overlap (each begins before the other ends) are merged
// into one unit by the engine (stats::unitizingAlpha) and listed in the
// row's `merges`; spans that only touch ([20,40) and [40,60)) stay two units.
// With request.bootstrapDraws > 0, alpha on presence is bootstrapped over the
// articles (stats::bootstrapAlpha) and unitizing alpha over the articles every
// coder coded, each resampled whole with its spans
// (stats::bootstrapUnitizingAlpha).
// Reads only; run it on a worker thread with its own read-only store. When
// `cancel` turns true (checked between codes and between bootstrap draws) the
// report comes back with cancelled = true and no rows.
AgreementReport computeProjectAgreement(const ProjectReader &store, const AgreementRequest &request,
                                        const std::function<void(int done, int total)> &progress = {},
                                        const std::atomic_bool *cancel = nullptr);

// The spans of one code that are not matched exactly by every other coder.
// With request.documents set, reads only those articles' annotations.
QList<Disagreement> codeDisagreements(const ProjectReader &store, const QUuid &codeId,
                                      const AgreementRequest &request);

} // namespace newscoder
