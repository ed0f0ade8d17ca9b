#pragma once

#include "model/Code.h"
#include "review/ReviewItems.h"
#include "stats/AgreementResult.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace newscoder {

class ProjectReader;

namespace review {

// One coder's differences from the consensus, counted over review items
// (review/ReviewItems.h: the coder's annotations paired with the
// consensus's, same code and greatest overlap first). Every item is one
// unit and lands in exactly one kind, so
// agreements + missed + extra + boundary + wrongCode + fields + variables == units.
struct ErrorCounts
{
    int units = 0;      // review items: span pairs, spans alone, article variables
    int agreements = 0; // the same code, span and field values (or variable value)
    int missed = 0;     // a consensus span the coder did not mark
    int extra = 0;      // a coder span the consensus does not have (rejected or never accepted)
    int boundary = 0;   // the same code, the span starts or ends elsewhere
    int wrongCode = 0;  // overlapping spans, another code
    int fields = 0;     // the same code and span, a field value differs
    int variables = 0;  // an article variable differs
    // Field name → span items where that field's values differ (of any kind:
    // a boundary item may differ in a field too). Variable name → articles.
    QMap<QString, int> fieldDifferences;
    QMap<QString, int> variableDifferences;

    int disagreements() const { return units - agreements; }
    // agreements / units; nullopt without units.
    std::optional<double> percentAgreement() const;
    // Counts one item; the coder is side A, the consensus side B.
    void add(const ReviewItem &item);
};

// One code, one coder against the consensus.
struct CodeAgainstConsensus
{
    QString code;
    QUuid codeId;
    bool variable = false;         // an article variable code: no spans, no α here
    stats::AgreementResult unitizing; // Krippendorff's unitizing α (nominal), coder + consensus
    stats::AgreementResult presence;  // α on presence per article (nominal)
    ErrorCounts counts;            // items of this code (see codeOfItem)
};

struct CoderAgainstConsensus
{
    QString coder;
    QList<QUuid> documents;        // the adjudicated articles compared
    stats::AgreementResult unitizing; // unitizing α over every span code at once
    ErrorCounts counts;            // every item
    QList<CodeAgainstConsensus> codes; // codebook order; codes with units or a defined α
};

struct ConsensusAgreementRequest
{
    QString consensus;   // empty: the project's consensus coder (role consensus)
    QStringList coders;  // empty: every other coder who coded or was assigned an adjudicated article
    QStringList codes;   // empty: every code
};

struct ConsensusAgreementReport
{
    QString consensus;
    QList<QUuid> documents; // the adjudicated articles, in article order
    QList<CoderAgainstConsensus> coders;
    QString error;
};

// The articles the consensus speaks for: those with a decision in the
// decision log or a consensus annotation or variable.
QList<QUuid> adjudicatedDocuments(const ProjectReader &store, const QUuid &consensusId);

// The adjudicated articles a coder coded or was assigned, in article order.
QList<QUuid> coderShareOf(const ProjectReader &store, const QUuid &coderId, const QList<QUuid> &adjudicated);

// The coders compared with the consensus: `names` (each must exist and not
// be the consensus), or every coder but the consensus. Sets `error` on failure.
QList<Coder> codersAgainst(const ProjectReader &store, const Coder &consensus, const QStringList &names,
                           QString *error);

// Each coder against the consensus on the adjudicated articles they coded
// (or were assigned): α from the project agreement engine with two coders,
// the coder and the consensus (an adjudicated article counts as coded by the
// consensus even where it kept no span), and percent agreement and the error
// profile from the review pairing of the coder (A) with the consensus (B).
// Reads only.
ConsensusAgreementReport computeConsensusAgreement(const ProjectReader &store,
                                                   const ConsensusAgreementRequest &request);

// The code a review item is counted under: the consensus side's code where
// it has a span (the right code), else the coder's; for a variable, the
// variable code owning the field. Null when none applies.
QUuid codeOfItem(const ReviewItem &item, const QList<Code> &codes);

} // namespace review
} // namespace newscoder
