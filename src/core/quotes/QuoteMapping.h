// Which codes and fields of a project's codebook receive the quotes the
// engine suggests: the quote code, the speaker code, the quote's field that
// links to the speaker span, the field that holds the actor (on the quote or
// on the speaker code) and the quote's field that holds the kind.
#pragma once

#include "model/Code.h"
#include "quotes/Attribution.h"

#include <QString>
#include <QUuid>

#include <optional>

namespace newscoder {

class Project;

struct QuoteMapping
{
    QUuid quoteCode;        // required: a span code
    QUuid speakerCode;      // a span code; null: no speaker spans
    QUuid speakerLinkField; // annotation-link field of the quote code (needs speakerCode)
    QUuid actorField;       // actor-link field of the quote or the speaker code
    QUuid kindField;        // choice or text field of the quote code

    bool isEmpty() const { return quoteCode.isNull(); }
    friend bool operator==(const QuoteMapping &, const QuoteMapping &) = default;
};

// The project setting that holds a mapping chosen by hand (compact JSON of ids).
inline const QString QuoteMappingSetting = QStringLiteral("quote_mapping");

QString quoteMappingToJson(const QuoteMapping &mapping);
// Empty mapping on text that is not a mapping.
QuoteMapping quoteMappingFromJson(const QString &json);

// Why `mapping` does not fit `codes` ("" when it does).
QString quoteMappingProblem(const QList<Code> &codes, const QuoteMapping &mapping);

// The mapping a codebook has by its names: a span code "Quote" (or "Zitat"),
// a span code "Speaker" ("Sprecher"), the quote's annotation-link field that
// accepts the speaker code, an actor-link field of the speaker (else of the
// quote) code, and the quote's field named "Type"/"Kind" ("Art", "Typ"). The
// default news codebook maps this way. Empty when there is no quote code.
QuoteMapping inferQuoteMapping(const QList<Code> &codes);

// The project's mapping: the stored one when it still fits the codebook,
// else the one inferred from the names (empty when neither).
QuoteMapping quoteMapping(const Project &project);
// Stores a mapping (one undoable step); refuses one that does not fit.
bool setQuoteMapping(Project &project, const QuoteMapping &mapping, QString *error = nullptr);

// The value the kind field gets for a kind: the option whose value or label
// names the kind ("direct", "indirect", "mixed"; a mixed quote falls back to
// "partial", a floating one to "direct"); for a text field the kind's name.
// Empty when a choice field has no option that fits.
QString quoteKindValue(const CodeField &field, quotes::QuoteKind kind);

} // namespace newscoder
