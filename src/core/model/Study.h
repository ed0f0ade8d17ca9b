#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

namespace newscoder {

// An article given to a coder to code. `sampleId` is the reliability sample
// that put it there (null: assigned by hand). `done` is set when the coder
// marked the article done (invalid: still to do).
struct Assignment
{
    QUuid documentId;
    QUuid coderId;
    QUuid sampleId;
    QDateTime assigned; // UTC
    QDateTime done;     // UTC; invalid while not done
    friend bool operator==(const Assignment &, const Assignment &) = default;
};

// A reliability sample as it was drawn, so it can be reported ("40 articles
// double-coded by Ana and Ben, seed 7"): `spec` is the request as JSON
// (size, coders, seed, stratification), `description` one sentence.
struct ReliabilitySample
{
    QUuid id;
    QDateTime created; // UTC
    quint64 seed = 0;
    QString spec;
    QString description;
    friend bool operator==(const ReliabilitySample &, const ReliabilitySample &) = default;
};

// One adjudication decision (a row of the decision log): what the lead decided
// about one review item of one article.
struct Decision
{
    QUuid id;
    QUuid documentId;
    QString item;        // the review item's id (review/ReviewItems.h)
    QString kind;        // the item's kind when decided ("boundary", "code", …)
    QString decision;    // "accept:CODER", "both", "reject" or "agreement"
    QString fingerprint; // the item's content when decided: a later change reopens it
    QString decidedBy;   // coder name of the lead
    QDateTime decided;   // UTC
    QString sources;     // JSON array: the coders' annotations or values decided about
    QList<QUuid> results; // the consensus annotations the decision created
    QList<QUuid> sourceAnnotations; // for each result, the annotation it copies (same order)
    QString memo;        // the rationale, optional
    friend bool operator==(const Decision &, const Decision &) = default;
};

} // namespace newscoder
