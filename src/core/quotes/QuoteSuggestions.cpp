#include "quotes/QuoteSuggestions.h"

#include "project/Project.h"
#include "quotes/ActorMatching.h"
#include "quotes/QuoteAttributor.h"
#include "storage/ProjectReader.h"
#include "storage/StoreError.h"


namespace newscoder {

namespace {

const QString Separator = QStringLiteral(" · ");

std::optional<quotes::QuoteKind> kindFromName(const QString &name)
{
    using quotes::QuoteKind;
    for (QuoteKind k : {QuoteKind::Direct, QuoteKind::Mixed, QuoteKind::Indirect, QuoteKind::Floating}) {
        if (quotes::quoteKindName(k) == name)
            return k;
    }
    return std::nullopt;
}

quotes::SpeakerKind speakerKindFromName(const QString &name)
{
    using quotes::SpeakerKind;
    for (SpeakerKind k : {SpeakerKind::Person, SpeakerKind::Organisation, SpeakerKind::Pronoun,
                          SpeakerKind::Reference, SpeakerKind::Anonymous}) {
        if (quotes::speakerKindName(k) == name)
            return k;
    }
    return SpeakerKind::None;
}

} // namespace

// "Suggested direct quote · rule: … · confidence: 0.90 · speaker: person ·
// actor: Dmitry Peskov · new actor: Dmitry Peskov": readable where the window
// shows a memo (hovering the span) and read back field by field.
QString quoteSuggestionMemo(const QuoteSuggestionInfo &info)
{
    QStringList parts{QStringLiteral("Suggested %1 quote").arg(quotes::quoteKindName(info.kind)),
                      QStringLiteral("rule: ") + QString(info.rule).replace(Separator, QStringLiteral(", ")),
                      QStringLiteral("confidence: %1").arg(info.confidence, 0, 'f', 2),
                      QStringLiteral("speaker: ") + quotes::speakerKindName(info.speakerKind)};
    if (!info.actor.isEmpty())
        parts << QStringLiteral("actor: ") + info.actor.simplified();
    if (!info.newActor.isEmpty())
        parts << QStringLiteral("new actor: ") + info.newActor.simplified();
    return parts.join(Separator);
}

std::optional<QuoteSuggestionInfo> readQuoteSuggestionMemo(const QString &memo)
{
    if (!memo.startsWith(QLatin1String("Suggested ")))
        return std::nullopt;
    const QStringList parts = memo.split(Separator);
    const QString head = parts.first();
    if (!head.endsWith(QLatin1String(" quote")))
        return std::nullopt;
    const auto kind = kindFromName(head.mid(10, head.size() - 16));
    if (!kind)
        return std::nullopt;
    QuoteSuggestionInfo info;
    info.kind = *kind;
    bool ruled = false;
    for (const QString &part : parts.mid(1)) {
        const qsizetype colon = part.indexOf(QLatin1String(": "));
        if (colon < 0)
            return std::nullopt; // a memo someone wrote, not ours
        const QString key = part.left(colon), value = part.mid(colon + 2);
        if (key == QLatin1String("rule")) {
            info.rule = value;
            ruled = true;
        } else if (key == QLatin1String("confidence")) {
            info.confidence = value.toDouble();
        } else if (key == QLatin1String("speaker")) {
            info.speakerKind = speakerKindFromName(value);
        } else if (key == QLatin1String("actor")) {
            info.actor = value;
        } else if (key == QLatin1String("new actor")) {
            info.newActor = value;
        } else {
            return std::nullopt;
        }
    }
    if (!ruled)
        return std::nullopt;
    return info;
}

QString quoteSuggestionSummary(const QuoteSuggestionInfo &info)
{
    QString s = QStringLiteral("%1 quote · rule %2 · confidence %3")
                    .arg(quotes::quoteKindName(info.kind), info.rule)
                    .arg(info.confidence, 0, 'f', 2);
    if (info.speakerKind == quotes::SpeakerKind::Anonymous)
        s += QStringLiteral(" · anonymous source");
    if (!info.newActor.isEmpty())
        s += QStringLiteral(" · new actor: ") + info.newActor;
    else if (!info.actor.isEmpty())
        s += QStringLiteral(" · actor: ") + info.actor;
    return s;
}

// --- planning

QuoteSuggestionPlanner::QuoteSuggestionPlanner(QuoteMapping mapping, QList<Code> codes, QList<Actor> actors,
                                               const QUuid &coderId)
    : m_mapping(std::move(mapping)), m_actors(std::move(actors)), m_coderId(coderId)
{
    for (const Code &c : codes) {
        if (c.id == m_mapping.quoteCode)
            m_quoteCode = c;
        else if (c.id == m_mapping.speakerCode)
            m_speakerCode = c;
    }
    if (m_quoteCode && !m_mapping.kindField.isNull()) {
        if (const CodeField *f = m_quoteCode->field(m_mapping.kindField))
            m_kindField = *f;
    }
    m_actorOnSpeaker = m_speakerCode && m_speakerCode->field(m_mapping.actorField);
}

QString QuoteSuggestionPlanner::key(const QUuid &documentId, const QUuid &codeId, int start, int end) const
{
    return idString(documentId) + u'|' + idString(codeId) + u'|' + QString::number(start) + u'|'
        + QString::number(end);
}

void QuoteSuggestionPlanner::noteExisting(const Annotation &a)
{
    if (a.coderId != m_coderId)
        return;
    if (a.codeId == m_mapping.quoteCode || (!m_mapping.speakerCode.isNull() && a.codeId == m_mapping.speakerCode))
        m_existing.insert(key(a.documentId, a.codeId, a.start, a.end), a.id);
}

QUuid QuoteSuggestionPlanner::speakerFor(const QUuid &documentId, const quotes::QuoteSpan &span)
{
    const QString k = key(documentId, m_mapping.speakerCode, span.start, span.end);
    if (const auto it = m_existing.constFind(k); it != m_existing.cend())
        return *it;
    Annotation a;
    a.id = QUuid::createUuid();
    a.documentId = documentId;
    a.codeId = m_mapping.speakerCode;
    a.start = span.start;
    a.end = span.end;
    a.coderId = m_coderId;
    a.status = AnnotationStatus::Suggested;
    a.created = a.modified = QDateTime::currentDateTimeUtc();
    m_change.insertAnnotations.append(a);
    m_existing.insert(k, a.id);
    m_created.insert(a.id);
    ++m_speakers;
    return a.id;
}

void QuoteSuggestionPlanner::addDocument(const QUuid &documentId, const QString &text)
{
    if (!m_quoteCode)
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto value = [](const QUuid &owner, const FieldValue &v) {
        StoredValue s;
        s.owner = StoredValue::Owner::Annotation;
        s.ownerId = owner;
        s.value = v;
        return s;
    };
    for (const quotes::Attribution &at : quotes::attributeQuotes(text)) {
        if (!at.quote.isValid() || at.quote.end > text.size())
            continue;
        const QString quoteKey = key(documentId, m_quoteCode->id, at.quote.start, at.quote.end);
        if (m_existing.contains(quoteKey)) {
            ++m_skipped;
            continue;
        }
        QuoteSuggestionInfo info;
        info.kind = at.kind;
        info.rule = at.rule;
        info.confidence = at.confidence;
        info.speakerKind = at.speakerKind;
        info.actor = at.actor;
        ActorMatch match;
        if (!m_mapping.actorField.isNull() && !at.actor.isEmpty()) {
            match = matchActor(m_actors, at.actor);
            if (match.how == ActorMatch::How::New)
                info.newActor = match.proposedName;
        }
        Annotation quote;
        quote.id = QUuid::createUuid();
        quote.documentId = documentId;
        quote.codeId = m_quoteCode->id;
        quote.start = at.quote.start;
        quote.end = at.quote.end;
        quote.coderId = m_coderId;
        quote.status = AnnotationStatus::Suggested;
        quote.created = quote.modified = now;
        QUuid speaker;
        if (m_speakerCode && at.speaker.isValid() && at.speaker.end <= text.size())
            speaker = speakerFor(documentId, at.speaker);
        // The actor goes on the speaker span (or on the quote when the field is the quote's).
        const QUuid actorOwner = m_actorOnSpeaker ? speaker : quote.id;
        if (info.newActor.isEmpty() && actorOwner.isNull())
            info.actor.clear(); // nowhere to put it
        quote.memo = quoteSuggestionMemo(info);
        m_existing.insert(quoteKey, quote.id);
        m_created.insert(quote.id);
        m_change.insertAnnotations.append(quote);
        ++m_quotes;
        if (m_kindField) {
            const QString kindValue = quoteKindValue(*m_kindField, at.kind);
            if (!kindValue.isEmpty())
                m_change.insertValues.append(value(quote.id, {m_kindField->id, kindValue, {}, {}}));
        }
        if (!speaker.isNull() && !m_mapping.speakerLinkField.isNull())
            m_change.insertValues.append(value(quote.id, {m_mapping.speakerLinkField, {}, speaker, {}}));
        // A speaker span shared by two quotes holds one actor; a span the coder
        // has already keeps what they chose.
        if (match.isMatch() && !actorOwner.isNull() && m_created.contains(actorOwner)
            && !m_withActor.contains(actorOwner)) {
            m_withActor.insert(actorOwner);
            m_change.insertValues.append(value(actorOwner, {m_mapping.actorField, {}, {}, match.actorId}));
        }
    }
}

QuoteSuggestionRun planQuoteSuggestions(const ProjectReader &store, const QuoteMapping &mapping,
                                        const QList<Code> &codes, const QList<Actor> &actors,
                                        const QString &coderName, const QList<QUuid> &documentIds,
                                        const QuoteProgress &progress)
{
    QuoteSuggestionRun run;
    if (coderName.trimmed().isEmpty()) {
        run.error = QStringLiteral("Set your coder name before coding.");
        return run;
    }
    const QString problem = mapping.isEmpty()
        ? QStringLiteral("The codebook has no quote code: map one (a code for quotes) first.")
        : quoteMappingProblem(codes, mapping);
    if (!problem.isEmpty()) {
        run.error = problem;
        return run;
    }
    try {
        if (const auto existing = store.coderByName(coderName)) {
            run.coderId = existing->id;
        } else {
            run.newCoder = Coder{QUuid::createUuid(), coderName, {}, CoderRole::Coder};
            run.coderId = run.newCoder->id;
        }
        QuoteSuggestionPlanner planner(mapping, codes, actors, run.coderId);
        const auto done = [&](int total) {
            ++run.documents;
            return !progress || progress(run.documents, total);
        };
        if (documentIds.isEmpty()) {
            const int total = int(store.documentSummaries().size());
            store.forEachAnnotation([&](const Annotation &a) {
                planner.noteExisting(a);
                return true;
            });
            if (progress && !progress(0, total)) {
                run.cancelled = true;
                return run;
            }
            store.streamDocumentTexts([&](const DocumentTextRow &row) {
                planner.addDocument(row.id, row.text);
                if (!done(total)) {
                    run.cancelled = true;
                    return false;
                }
                return true;
            });
        } else {
            const int total = int(documentIds.size());
            for (const QUuid &id : documentIds) {
                if (!store.documentSummary(id)) {
                    run.error = QStringLiteral("No article with id %1.").arg(idString(id));
                    return run;
                }
            }
            for (const QUuid &id : documentIds) {
                for (const Annotation &a : store.annotationsForDocument(id))
                    planner.noteExisting(a);
                planner.addDocument(id, store.documentText(id));
                if (!done(total)) {
                    run.cancelled = true;
                    break;
                }
            }
        }
        run.quotes = planner.quotes();
        run.speakers = planner.speakers();
        run.skipped = planner.skipped();
        run.change = planner.change();
    } catch (const StoreError &e) {
        run.error = e.message();
    }
    return run;
}

bool commitQuoteSuggestions(Project &project, const QuoteSuggestionRun &run)
{
    if (run.change.insertAnnotations.isEmpty())
        return true;
    StudyChange redo = run.change;
    StudyChange undo;
    undo.removeAnnotations = run.change.insertAnnotations; // their values cascade
    undo.removeValues = run.change.insertValues;
    if (run.newCoder) {
        redo.insertCoders.append(*run.newCoder);
        undo.removeCoders.append(run.newCoder->id);
    }
    const QString text = run.quotes == 1 ? QStringLiteral("Suggest a quote")
                                         : QStringLiteral("Suggest %1 quotes").arg(run.quotes);
    return project.commitStudyChange(text, std::move(redo), std::move(undo));
}

QuoteSuggestionRun suggestQuotes(Project &project, const QList<QUuid> &documentIds, const QuoteProgress &progress)
{
    QuoteSuggestionRun run = planQuoteSuggestions(project.reader(), quoteMapping(project), project.codes(),
                                                  project.actors(), project.coderName(), documentIds, progress);
    if (!run.error.isEmpty() || run.cancelled)
        return run;
    if (!commitQuoteSuggestions(project, run))
        run.error = project.lastError();
    return run;
}

} // namespace newscoder
