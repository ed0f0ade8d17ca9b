#pragma once

#include "stats/AgreementResult.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <atomic>
#include <functional>

namespace newscoder {

class ProjectStore;

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
};

struct AgreementReport
{
    QStringList coders;
    int documents = 0;        // documents in the comparison
    int documentsAllCoded = 0; // of which every coder coded (used for unitizing alpha)
    QList<AgreementRow> rows;
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
// - unitizing alpha (Krippendorff's alpha-u, nominal) over each document's text
//   as the continuum [0, length), on the documents every selected coder coded;
// - alpha on presence per article (does the article contain the code, 1/0),
//   nominal, where a coder's value is missing for articles they did not code.
// Suggestions (auto-coded, not yet accepted) are not codings and are left out.
// A coder counts as having coded an article when they made at least one
// annotation in it (Newscoder has no assignment table yet). Overlapping spans
// of one coder and code are merged first (alpha-u assumes they do not overlap).
// With request.bootstrapDraws > 0, alpha on presence is bootstrapped over the
// articles (stats::bootstrapAlpha) and unitizing alpha over the articles every
// coder coded, each resampled whole with its spans
// (stats::bootstrapUnitizingAlpha).
// Reads only; run it on a worker thread with its own read-only store. When
// `cancel` turns true (checked between codes and between bootstrap draws) the
// report comes back with cancelled = true and no rows.
AgreementReport computeProjectAgreement(const ProjectStore &store, const AgreementRequest &request,
                                        const std::function<void(int done, int total)> &progress = {},
                                        const std::atomic_bool *cancel = nullptr);

// The spans of one code that are not matched exactly by every other coder.
// With request.documents set, reads only those articles' annotations.
QList<Disagreement> codeDisagreements(const ProjectStore &store, const QUuid &codeId,
                                      const AgreementRequest &request);

} // namespace newscoder
