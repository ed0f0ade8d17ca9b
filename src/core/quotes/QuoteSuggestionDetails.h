// What a listing shows of quote suggestions: each one's speaker span and
// actor (matched, or the new one accepting would create), read in a few
// queries for any number of suggestions.
#pragma once

#include "model/Annotation.h"
#include "quotes/QuoteSuggestions.h"

#include <QHash>
#include <QList>
#include <QUuid>

#include <optional>

namespace newscoder {

class Project;

struct QuoteSuggestionDetails
{
    QuoteSuggestionInfo info;
    std::optional<Annotation> speaker; // the linked speaker span
    QUuid actorId;                     // a registry actor already linked
    QString actorName;                 // its name, or the proposed new actor's
    bool newActor = false;             // accepting creates `actorName`
};

// By quote annotation id, for the quote suggestions among `annotations`
// (other annotations are left out). Empty on a read failure.
QHash<QUuid, QuoteSuggestionDetails> quoteSuggestionDetails(const Project &project,
                                                           const QList<Annotation> &annotations);

} // namespace newscoder
