// The quote engine as a pseudo-coder: how good its suggestions are against
// each coder (or the consensus) — the engine's attributions scored against
// the coder's own coded quotes the way the gold set is scored (QuoteScorer.h):
// quote spans paired at token overlap ≥ 0.3 and ≥ 0.8, exact spans, and the
// speaker (actor) of each paired quote. The engine is deterministic, so its
// suggestions are proposed again for the comparison: what a coder accepted,
// changed or rejected does not hide what was suggested.
#pragma once

#include "model/Actor.h"
#include "model/Code.h"
#include "quotes/QuoteMapping.h"
#include "quotes/QuoteScorer.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace newscoder {

class ProjectReader;

struct PseudoCoderRow
{
    QString coder;
    int articles = 0; // articles the coder coded anything in (only those count)
    quotes::QuoteScores direct; // the coder's quotes of kind direct
    quotes::QuoteScores all;
};

struct PseudoCoderReport
{
    QList<PseudoCoderRow> rows; // in the order asked
    QString error;
};

// The coder's coded quotes (status Coded) of `documentId` as gold
// attributions: span, kind (from the kind field: direct, indirect, partial →
// mixed), speaker span (the linked speaker annotation) and actor name (the
// actor field on the speaker or the quote). Throws StoreError.
QList<quotes::GoldAttribution> codedQuotes(const ProjectReader &store, const QuoteMapping &mapping,
                                           const QList<Code> &codes, const QList<Actor> &actors,
                                           const QUuid &documentId, const QUuid &coderId);

// One row per coder name (unknown names: an error).
PseudoCoderReport scorePseudoCoder(const ProjectReader &store, const QuoteMapping &mapping, const QList<Code> &codes,
                                   const QList<Actor> &actors, const QStringList &coders);

} // namespace newscoder
