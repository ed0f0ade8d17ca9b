#pragma once

#include <QDateTime>
#include <QString>
#include <QUuid>

#include <optional>

namespace newscoder {

// Where an annotation stands: coded by a person; suggested by auto-coding
// (waiting for a coder to accept or reject it); or flagged for review because
// an edit of the article text deleted all of its text. A suggestion an edit
// orphaned or changed stays Suggested but carries a review reason (below).
enum class AnnotationStatus { Coded, Suggested, Review };

QString annotationStatusName(AnnotationStatus status); // "coded", "suggested", "review"
AnnotationStatus annotationStatusFromName(const QString &name);

// A coded span [start, end) of a document's stored text. Offsets are UTF-16
// code units (QString indices) into Document::text.
struct Annotation
{
    QUuid id;
    QUuid documentId;
    QUuid codeId;
    int start = 0;
    int end = 0;
    QUuid coderId;
    QString memo;
    QDateTime created;  // UTC
    QDateTime modified; // UTC
    AnnotationStatus status = AnnotationStatus::Coded;
    // Why a text edit flagged it for review ("" = not flagged): "text-deleted"
    // (every character of its text was removed) or "text-changed" (a
    // suggestion whose text was edited: checked again before it is accepted).
    QString reviewReason;
    // The edit that flagged it, as compact JSON (see text/ReviewFlags.h).
    QString reviewEdit;

    int length() const { return end - start; }
    // Flagged for review (status Review, or a flagged suggestion).
    bool needsReview() const { return status == AnnotationStatus::Review || !reviewReason.isEmpty(); }
};

// What a coder does in a study: codes articles, leads (assigns, reviews and
// adjudicates), or is the consensus layer adjudication writes to.
enum class CoderRole { Coder, Lead, Consensus };

QString coderRoleName(CoderRole role); // "coder", "lead", "consensus"
std::optional<CoderRole> coderRoleFromName(const QString &name);

// A person who codes. Names are unique within a project.
struct Coder
{
    QUuid id;
    QString name;
    QString colour; // "#rrggbb" or "" (the window picks one)
    CoderRole role = CoderRole::Coder;
    friend bool operator==(const Coder &, const Coder &) = default;
};

} // namespace newscoder
