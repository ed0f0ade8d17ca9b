// Accepting and rejecting quote suggestions: what goes with a quote (its
// suggested speaker span, a proposed actor), read in a few queries for any
// number of suggestions (accepting a whole corpus' suggestions at once).
#include "quotes/QuoteSuggestions.h"

#include "project/Project.h"
#include "quotes/ActorMatching.h"
#include "storage/StoreError.h"

namespace newscoder {

namespace {

// Quote id → the suggested speaker span it links to. Throws StoreError.
QHash<QUuid, Annotation> linkedSpeakers(const Project &project, const QuoteMapping &mapping,
                                        const QList<Annotation> &quotes)
{
    QHash<QUuid, Annotation> result;
    if (mapping.speakerLinkField.isNull() || mapping.speakerCode.isNull() || quotes.isEmpty())
        return result;
    QList<QUuid> ids;
    QSet<QUuid> idSet, documents;
    for (const Annotation &q : quotes) {
        ids.append(q.id);
        idSet.insert(q.id);
        documents.insert(q.documentId);
    }
    QHash<QUuid, QUuid> speakerOf;
    for (const StoredValue &v : project.reader().valuesTouchingAnnotations(ids)) {
        if (v.owner == StoredValue::Owner::Annotation && idSet.contains(v.ownerId)
            && v.value.fieldId == mapping.speakerLinkField && !v.value.annotationId.isNull())
            speakerOf.insert(v.ownerId, v.value.annotationId);
    }
    if (speakerOf.isEmpty())
        return result;
    QHash<QUuid, Annotation> speakers;
    for (const QUuid &documentId : documents) {
        for (const Annotation &a : project.reader().annotationsForDocument(documentId)) {
            if (a.status == AnnotationStatus::Suggested && a.codeId == mapping.speakerCode)
                speakers.insert(a.id, a);
        }
    }
    for (auto it = speakerOf.cbegin(); it != speakerOf.cend(); ++it) {
        if (const auto s = speakers.constFind(it.value()); s != speakers.cend())
            result.insert(it.key(), *s);
    }
    return result;
}

// The quote suggestions among `annotations`.
QList<Annotation> quoteSuggestionsAmong(const QuoteMapping &mapping, const QList<Annotation> &annotations)
{
    QList<Annotation> quotes;
    for (const Annotation &a : annotations) {
        if (a.codeId == mapping.quoteCode && a.status == AnnotationStatus::Suggested
            && readQuoteSuggestionMemo(a.memo))
            quotes.append(a);
    }
    return quotes;
}

} // namespace

std::optional<Annotation> linkedSpeakerSuggestion(const Project &project, const Annotation &quote)
{
    try {
        const QHash<QUuid, Annotation> found = linkedSpeakers(project, quoteMapping(project), {quote});
        if (const auto it = found.constFind(quote.id); it != found.cend())
            return *it;
    } catch (const StoreError &) {
    }
    return std::nullopt;
}

QuoteAcceptance quoteAcceptChange(const Project &project, const QList<Annotation> &accepted)
{
    QuoteAcceptance result;
    const QuoteMapping mapping = quoteMapping(project);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QSet<QUuid> changed;
    for (const Annotation &a : accepted)
        changed.insert(a.id);
    const auto accept = [&](const Annotation &a) {
        Annotation after = a;
        after.status = AnnotationStatus::Coded;
        after.reviewReason.clear(); // accepted after review
        after.reviewEdit.clear();
        after.modified = now;
        if (readQuoteSuggestionMemo(a.memo))
            after.memo.clear(); // the rule and confidence were for deciding
        result.updates.append({a, after});
    };
    for (const Annotation &a : accepted)
        accept(a);
    const QList<Annotation> quotes = quoteSuggestionsAmong(mapping, accepted);
    const QHash<QUuid, Annotation> speakers = linkedSpeakers(project, mapping, quotes);
    const bool onSpeaker = !mapping.speakerCode.isNull() && project.code(mapping.speakerCode)
        && project.code(mapping.speakerCode)->field(mapping.actorField);
    // Owners that hold an actor already (the coder picked one, or it was matched).
    QSet<QUuid> hasActor;
    if (!mapping.actorField.isNull()) {
        QList<QUuid> owners;
        for (const Annotation &q : quotes)
            owners.append(q.id);
        for (const Annotation &s : speakers)
            owners.append(s.id);
        for (const StoredValue &v : project.reader().valuesTouchingAnnotations(owners)) {
            if (v.owner == StoredValue::Owner::Annotation && v.value.fieldId == mapping.actorField)
                hasActor.insert(v.ownerId);
        }
    }
    QList<Actor> known = project.actors();
    for (const Annotation &quote : quotes) {
        const auto speaker = speakers.constFind(quote.id);
        const bool withSpeaker = speaker != speakers.cend();
        if (withSpeaker && !changed.contains(speaker->id)) {
            changed.insert(speaker->id);
            accept(*speaker);
        }
        const auto info = readQuoteSuggestionMemo(quote.memo);
        if (info->newActor.isEmpty() || mapping.actorField.isNull())
            continue;
        const QUuid owner = onSpeaker ? (withSpeaker ? speaker->id : QUuid()) : quote.id;
        if (owner.isNull() || hasActor.contains(owner))
            continue;
        QUuid actorId;
        const ActorMatch match = matchActor(known, info->newActor);
        if (match.isMatch()) {
            actorId = match.actorId; // added since (or by an earlier quote of this step)
        } else if (match.how == ActorMatch::How::New) {
            Actor actor;
            actor.id = QUuid::createUuid();
            actor.name = match.proposedName;
            result.newActors.append(actor);
            known.append(actor);
            actorId = actor.id;
        }
        if (actorId.isNull())
            continue;
        StoredValue v;
        v.owner = StoredValue::Owner::Annotation;
        v.ownerId = owner;
        v.value.fieldId = mapping.actorField;
        v.value.actorId = actorId;
        result.newValues.append(v);
        hasActor.insert(owner); // a speaker shared by two quotes gets one actor
    }
    return result;
}

QList<Annotation> quoteRejectExtras(const Project &project, const QList<Annotation> &rejected)
{
    QList<Annotation> extras;
    const QuoteMapping mapping = quoteMapping(project);
    const QList<Annotation> quotes = quoteSuggestionsAmong(mapping, rejected);
    const QHash<QUuid, Annotation> speakers = linkedSpeakers(project, mapping, quotes);
    if (speakers.isEmpty())
        return extras;
    QSet<QUuid> going;
    for (const Annotation &a : rejected)
        going.insert(a.id);
    QList<QUuid> speakerIds;
    for (const Annotation &s : speakers)
        speakerIds.append(s.id);
    QSet<QUuid> linkedElsewhere; // another quote that stays still points at it
    for (const StoredValue &v : project.reader().valuesTouchingAnnotations(speakerIds)) {
        if (!v.value.annotationId.isNull() && !going.contains(v.ownerId))
            linkedElsewhere.insert(v.value.annotationId);
    }
    for (const Annotation &s : speakers) {
        if (going.contains(s.id) || linkedElsewhere.contains(s.id))
            continue;
        going.insert(s.id);
        extras.append(s);
    }
    return extras;
}

} // namespace newscoder
