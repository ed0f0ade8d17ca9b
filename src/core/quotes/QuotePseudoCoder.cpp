#include "quotes/QuotePseudoCoder.h"

#include "quotes/QuoteAttributor.h"
#include "storage/ProjectReader.h"
#include "storage/StoreError.h"

#include <QHash>
#include <QSet>

namespace newscoder {

namespace {

quotes::QuoteKind kindOf(const QString &value)
{
    const QString v = value.toLower();
    if (v.startsWith(u"indirect") || v.startsWith(u"reported"))
        return quotes::QuoteKind::Indirect;
    if (v.startsWith(u"partial") || v.startsWith(u"mixed") || v.startsWith(u"teil"))
        return quotes::QuoteKind::Mixed;
    return quotes::QuoteKind::Direct;
}

} // namespace

QList<quotes::GoldAttribution> codedQuotes(const ProjectReader &store, const QuoteMapping &mapping,
                                           const QList<Code> &, const QList<Actor> &actors,
                                           const QUuid &documentId, const QUuid &coderId)
{
    QList<quotes::GoldAttribution> gold;
    QHash<QUuid, Annotation> mine;
    QList<QUuid> ids;
    for (const Annotation &a : store.annotationsForDocument(documentId)) {
        if (a.coderId == coderId && a.status == AnnotationStatus::Coded) {
            mine.insert(a.id, a);
            ids.append(a.id);
        }
    }
    QHash<QUuid, QString> kindOfQuote;
    QHash<QUuid, QUuid> speakerOf, actorOf;
    for (const StoredValue &v : store.valuesTouchingAnnotations(ids)) {
        if (v.owner != StoredValue::Owner::Annotation || !mine.contains(v.ownerId))
            continue;
        if (v.value.fieldId == mapping.kindField)
            kindOfQuote.insert(v.ownerId, v.value.text);
        else if (v.value.fieldId == mapping.speakerLinkField)
            speakerOf.insert(v.ownerId, v.value.annotationId);
        else if (v.value.fieldId == mapping.actorField)
            actorOf.insert(v.ownerId, v.value.actorId);
    }
    QHash<QUuid, QString> actorNames;
    for (const Actor &a : actors)
        actorNames.insert(a.id, a.name);
    for (const Annotation &a : mine) {
        if (a.codeId != mapping.quoteCode)
            continue;
        quotes::GoldAttribution g;
        g.kind = kindOf(kindOfQuote.value(a.id));
        g.quote = {a.start, a.end};
        QUuid actor = actorOf.value(a.id);
        const QUuid speakerId = speakerOf.value(a.id);
        if (const auto s = mine.constFind(speakerId); s != mine.cend()) {
            g.speaker = {s->start, s->end};
            if (actor.isNull())
                actor = actorOf.value(s->id);
        }
        g.actor = actorNames.value(actor);
        gold.append(g);
    }
    std::sort(gold.begin(), gold.end(), [](const auto &x, const auto &y) { return x.quote.start < y.quote.start; });
    return gold;
}

PseudoCoderReport scorePseudoCoder(const ProjectReader &store, const QuoteMapping &mapping, const QList<Code> &codes,
                                   const QList<Actor> &actors, const QStringList &coders)
{
    PseudoCoderReport report;
    if (mapping.isEmpty()) {
        report.error = QStringLiteral("The codebook has no quote code.");
        return report;
    }
    try {
        QList<QPair<QString, QUuid>> wanted;
        for (const QString &name : coders) {
            const auto coder = store.coderByName(name);
            if (!coder) {
                report.error = QStringLiteral("No coder named '%1'.").arg(name);
                return report;
            }
            wanted.append({coder->name, coder->id});
        }
        // Articles each coder coded anything in.
        QHash<QUuid, QSet<QUuid>> codedBy; // coder → articles
        store.forEachAnnotation([&](const Annotation &a) {
            if (a.status == AnnotationStatus::Coded)
                codedBy[a.coderId].insert(a.documentId);
            return true;
        });
        QHash<QUuid, QList<quotes::Attribution>> proposed; // article → the engine's attributions
        QHash<QUuid, QString> texts;
        for (const auto &[name, id] : wanted) {
            PseudoCoderRow row;
            row.coder = name;
            for (const QUuid &documentId : codedBy.value(id)) {
                if (!texts.contains(documentId)) {
                    texts.insert(documentId, store.documentText(documentId));
                    proposed.insert(documentId, quotes::attributeQuotes(texts.value(documentId)));
                }
                const auto report1 = quotes::scoreArticle(texts.value(documentId),
                                                          codedQuotes(store, mapping, codes, actors, documentId, id),
                                                          proposed.value(documentId));
                row.direct.add(report1.direct);
                row.all.add(report1.all);
                ++row.articles;
            }
            report.rows.append(row);
        }
    } catch (const StoreError &e) {
        report.error = e.message();
    }
    return report;
}

} // namespace newscoder
