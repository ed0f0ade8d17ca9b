#pragma once

#include "review/ReviewItems.h"
#include "study/Assignments.h"

#include <QDateTime>
#include <QString>

namespace newscoder {

class ProjectReader;

namespace review {

// The name of the consensus coder adjudication creates when there is none.
QString defaultConsensusName();

// Plans one adjudication decision about `item`:
// - "accept:CODER" copies that coder's annotation (or variable values) into
//   the consensus;
// - "both" copies both annotations (variables: the union of the values, for
//   fields that take several);
// - "reject" records that neither coder was right (the consensus gets nothing;
//   for a variable, its consensus value is cleared).
// A copy gets a new id, the consensus coder, the same code, span, memo and
// field values; links point at the consensus copies of their targets — those
// accepted earlier now, those accepted later when they are (each accept also
// re-points the consensus links waiting for it). Deciding an item again
// replaces the earlier decision's copies. The decision is a row of the
// decision log with the coders' sides as they were. One change set.
study::StudyPlan planDecision(const ProjectReader &store, const ReviewItem &item, const QString &decision,
                              const QString &memo, const QString &decidedBy, const QDateTime &now);

// Plans "accept all agreements": every agreement item not decided yet is
// copied (coder A's version) with the decision "agreement", in one step.
study::StudyPlan planAcceptAgreements(const ProjectReader &store, const QList<ReviewItem> &items,
                                      const QString &decidedBy, const QDateTime &now);

} // namespace review
} // namespace newscoder
