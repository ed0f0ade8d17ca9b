#include "quotes/QuoteSuggestionDetails.h"

#include "project/Project.h"
#include "storage/StoreError.h"

namespace newscoder {

QHash<QUuid, QuoteSuggestionDetails> quoteSuggestionDetails(const Project &project,
                                                           const QList<Annotation> &annotations)
{
    QHash<QUuid, QuoteSuggestionDetails> result;
    const QuoteMapping mapping = quoteMapping(project);
    if (mapping.isEmpty())
        return result;
    QHash<QUuid, Annotation> known;
    for (const Annotation &a : annotations) {
        known.insert(a.id, a);
        if (a.codeId != mapping.quoteCode || a.status != AnnotationStatus::Suggested)
            continue;
        if (const auto info = readQuoteSuggestionMemo(a.memo))
            result.insert(a.id, QuoteSuggestionDetails{*info, std::nullopt, {}, {}, false});
    }
    if (result.isEmpty())
        return result;
    try {
        QList<QUuid> fields;
        for (const QUuid &f : {mapping.speakerLinkField, mapping.actorField}) {
            if (!f.isNull())
                fields.append(f);
        }
        QHash<QUuid, QUuid> speakerOf; // quote → speaker annotation
        QHash<QUuid, QUuid> actorOf;   // owner annotation → actor
        for (const StoredValue &v : fields.isEmpty() ? QList<StoredValue>() : project.reader().valuesOfFields(fields)) {
            if (v.owner != StoredValue::Owner::Annotation)
                continue;
            if (v.value.fieldId == mapping.speakerLinkField && result.contains(v.ownerId))
                speakerOf.insert(v.ownerId, v.value.annotationId);
            else if (v.value.fieldId == mapping.actorField && !v.value.actorId.isNull())
                actorOf.insert(v.ownerId, v.value.actorId);
        }
        for (auto it = result.begin(); it != result.end(); ++it) {
            QuoteSuggestionDetails &d = it.value();
            const QUuid speakerId = speakerOf.value(it.key());
            if (!speakerId.isNull()) {
                if (known.contains(speakerId))
                    d.speaker = known.value(speakerId);
                else
                    d.speaker = project.reader().annotation(speakerId);
            }
            QUuid actorId = actorOf.value(it.key());
            if (actorId.isNull() && d.speaker)
                actorId = actorOf.value(d.speaker->id);
            if (!actorId.isNull()) {
                d.actorId = actorId;
                const auto actor = project.actor(actorId);
                d.actorName = actor ? actor->name : QString();
            } else if (!d.info.newActor.isEmpty()) {
                d.actorName = d.info.newActor;
                d.newActor = true;
            }
        }
    } catch (const StoreError &) {
        return {};
    }
    return result;
}

} // namespace newscoder
