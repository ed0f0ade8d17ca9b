#pragma once

#include "model/Annotation.h"
#include "model/CodeField.h"
#include "model/Study.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace newscoder {

class ProjectReader;

namespace review {

// What one review item is about, comparing two coders on one article:
// - Agreement: the same code, span and field values (or the same variable value);
// - OnlyOne: a span only one of them marked;
// - Boundary: the same code on overlapping spans that start or end apart;
// - Code: overlapping spans with different codes;
// - Fields: the same code and span, field values differ;
// - Variable: an article variable (article- or outlet-level field) differs.
enum class ItemKind { Agreement, OnlyOne, Boundary, Code, Fields, Variable };
QString itemKindName(ItemKind kind); // "agreement", "only-one", "boundary", "code", "fields", "variable"

// One field whose values differ between the two sides.
struct FieldDifference
{
    QUuid fieldId;
    QString field; // its name
    QList<FieldValue> a;
    QList<FieldValue> b;
};

// One coder's side of an item: their annotation (span items) or their values
// of the variable (Variable items; an annotation's values for span items).
struct ReviewSide
{
    QUuid coderId;
    QString coder;
    std::optional<Annotation> annotation;
    QList<FieldValue> values;
};

struct ReviewItem
{
    // Stable while the same annotations (or the same variable) are compared:
    // 12 hex digits of a hash of the article and what is compared.
    QString id;
    QUuid documentId;
    ItemKind kind = ItemKind::Agreement;
    QStringList differences; // "code", "boundary", "field:NAME", "only:CODER", "variable:NAME"
    QList<FieldDifference> fields;
    ReviewSide a;
    ReviewSide b;
    QUuid fieldId; // Variable items: the variable
    QString fingerprint; // the content compared: a change after a decision reopens the item
    std::optional<Decision> decision; // the latest decision about this item
    bool isDisagreement() const { return kind != ItemKind::Agreement; }
    bool isDecided() const { return decision && decision->fingerprint == fingerprint; }
    bool isReopened() const { return decision && decision->fingerprint != fingerprint; }
    int start() const; // where the item begins in the text (variables: INT_MAX, after the spans)
    int end() const;   // where its longest side ends
};

struct ReviewRequest
{
    QString coderA;
    QString coderB;
    QList<QUuid> documents; // empty: every article both coded or both were assigned
    QStringList codes;      // empty: every code (names; variables of other codes are left out)
    bool agreements = true; // list agreements too (accept-all-agreements needs them)
};

struct ReviewReport
{
    QString error;
    QUuid coderA;
    QUuid coderB;
    QList<QUuid> documents; // the articles compared, in order
    QList<ReviewItem> items; // by article, then start and end in the text; variables last
};

// Pairs the two coders' annotations of each article — the same code with the
// greatest overlap first, then overlapping spans of different codes — and
// lists every pair and every span left alone, plus the article variables.
// Suggestions (not yet accepted) are not codings and are left out. Links are
// compared through the pairing: a quote of A linked to A's speaker agrees with
// B's quote linked to B's speaker when the two speakers are paired.
// Reads only.
ReviewReport computeReview(const ProjectReader &store, const ReviewRequest &request);

} // namespace review
} // namespace newscoder
