// Project: auto-coding suggestions (add, accept, reject), each one undo step.
#include "project/Project.h"

#include "commands/AnnotationCommands.h"
#include "commands/SuggestionCommands.h"
#include "quotes/QuoteSuggestions.h"
#include "storage/ProjectStore.h"
#include "storage/StoreError.h"
#include "text/Graphemes.h"

#include <QSet>

#include <memory>

namespace newscoder {

namespace {

// Identity of a span for duplicate detection.
QString spanKey(const QUuid &documentId, const QUuid &codeId, int start, int end)
{
    return idString(documentId) + u'|' + idString(codeId) + u'|' + QString::number(start) + u'|'
        + QString::number(end);
}

} // namespace

std::optional<QList<QUuid>> Project::addSuggestions(const QList<SuggestedSpan> &spans)
{
    if (isReadOnly()) {
        reportFailure(QStringLiteral("The project is open read-only."));
        return std::nullopt;
    }
    if (spans.isEmpty())
        return QList<QUuid>();
    std::optional<Coder> newCoder;
    const QUuid coderId = currentCoderId(newCoder);
    if (coderId.isNull())
        return std::nullopt;
    QList<Annotation> added;
    try {
        QHash<QUuid, int> lengths; // document → text length
        QHash<QUuid, std::shared_ptr<GraphemeBoundaries>> characters; // document → its character boundaries
        QSet<QString> existing;    // this coder's spans in the documents touched
        for (const SuggestedSpan &s : spans) {
            const auto suggested = code(s.codeId);
            if (!suggested || suggested->isVariable()) {
                reportFailure(QStringLiteral("Suggestions need a code for text spans."));
                return std::nullopt;
            }
            if (!lengths.contains(s.documentId)) {
                const auto summary = m_store->documentSummary(s.documentId);
                if (!summary) {
                    reportFailure(QStringLiteral("That document does not exist."));
                    return std::nullopt;
                }
                lengths.insert(s.documentId, summary->length);
                characters.insert(s.documentId,
                                  std::make_shared<GraphemeBoundaries>(m_store->documentText(s.documentId)));
                for (const Annotation &a : m_store->annotationsForDocument(s.documentId)) {
                    if (a.coderId == coderId)
                        existing.insert(spanKey(a.documentId, a.codeId, a.start, a.end));
                }
            }
            const int length = lengths.value(s.documentId);
            if (s.start < 0 || s.end <= s.start || s.end > length) {
                reportFailure(
                    QStringLiteral("The span %1–%2 is not inside the text (0–%3).").arg(s.start).arg(s.end).arg(length));
                return std::nullopt;
            }
            // A hit inside a character (a regex matching a letter without its
            // accent) suggests the whole character.
            const TextSpan span = characters.value(s.documentId)->snap({s.start, s.end});
            const QString key = spanKey(s.documentId, s.codeId, span.start, span.end);
            if (existing.contains(key))
                continue;
            existing.insert(key);
            Annotation a;
            a.id = QUuid::createUuid();
            a.documentId = s.documentId;
            a.codeId = s.codeId;
            a.start = span.start;
            a.end = span.end;
            a.coderId = coderId;
            a.status = AnnotationStatus::Suggested;
            added.append(a);
        }
    } catch (const StoreError &e) {
        reportFailure(e.message());
        return std::nullopt;
    }
    if (added.isEmpty())
        return QList<QUuid>();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<QUuid> ids;
    for (Annotation &a : added) {
        a.created = a.modified = now;
        ids.append(a.id);
    }
    using D = AnnotationPresenceCommand::Direction;
    auto *command = new AnnotationPresenceCommand(*this, D::Add, added, {}, newCoder);
    command->setText(added.size() == 1 ? QStringLiteral("Suggest annotation")
                                       : QStringLiteral("Suggest %1 annotations").arg(added.size()));
    if (!push(command))
        return std::nullopt;
    return ids;
}

bool Project::acceptSuggestions(const QList<QUuid> &annotationIds, FlaggedSuggestions flagged, int *skipped)
{
    if (skipped)
        *skipped = 0;
    if (isReadOnly()) {
        reportFailure(QStringLiteral("The project is open read-only."));
        return false;
    }
    QList<Annotation> before;
    try {
        QSet<QUuid> seen;
        for (const QUuid &id : annotationIds) {
            if (seen.contains(id))
                continue;
            seen.insert(id);
            const auto a = m_store->annotation(id);
            if (!a || a->status != AnnotationStatus::Suggested)
                continue;
            if (!a->reviewReason.isEmpty() && flagged == FlaggedSuggestions::Skip) {
                if (skipped)
                    ++*skipped; // a text edit orphaned or changed it: a person checks it first
                continue;
            }
            before.append(*a);
        }
    } catch (const StoreError &e) {
        reportFailure(e.message());
        return false;
    }
    if (before.isEmpty())
        return true;
    const bool quotes = std::any_of(before.cbegin(), before.cend(),
                                    [](const Annotation &a) { return readQuoteSuggestionMemo(a.memo).has_value(); });
    if (quotes) {
        // A quote suggestion comes with its speaker span, link, kind and actor: all in one step.
        QuoteAcceptance accepted;
        try {
            accepted = quoteAcceptChange(*this, before);
        } catch (const StoreError &e) {
            reportFailure(e.message());
            return false;
        }
        StudyChange redo, undo;
        for (const auto &[was, now] : accepted.updates) {
            redo.updateAnnotations.append({was, now});
            undo.updateAnnotations.append({now, was});
        }
        redo.insertActors = accepted.newActors;
        redo.insertValues = accepted.newValues;
        undo.removeValues = accepted.newValues;
        for (const Actor &a : accepted.newActors)
            undo.removeActors.append(a.id);
        return commitStudyChange(before.size() == 1 ? QStringLiteral("Accept quote suggestion")
                                                    : QStringLiteral("Accept %1 suggestions").arg(before.size()),
                                 std::move(redo), std::move(undo));
    }
    QList<Annotation> after = before;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (Annotation &a : after) {
        a.status = AnnotationStatus::Coded;
        a.reviewReason.clear(); // accepted after review
        a.reviewEdit.clear();
        a.modified = now;
    }
    const QString text = before.size() == 1 ? QStringLiteral("Accept suggestion")
                                            : QStringLiteral("Accept %1 suggestions").arg(before.size());
    return push(new SuggestionStatusCommand(*this, text, before, after));
}

bool Project::rejectSuggestions(const QList<QUuid> &annotationIds)
{
    if (isReadOnly()) {
        reportFailure(QStringLiteral("The project is open read-only."));
        return false;
    }
    QList<Annotation> doomed;
    QList<StoredValue> values;
    try {
        QSet<QUuid> seen;
        QList<QUuid> ids;
        for (const QUuid &id : annotationIds) {
            if (seen.contains(id))
                continue;
            seen.insert(id);
            const auto a = m_store->annotation(id);
            if (a && a->status == AnnotationStatus::Suggested) {
                doomed.append(*a);
                ids.append(a->id);
            }
        }
        for (const Annotation &extra : quoteRejectExtras(*this, doomed)) {
            doomed.append(extra); // a quote's suggested speaker span goes with it
            ids.append(extra.id);
        }
        values = m_store->valuesTouchingAnnotations(ids);
    } catch (const StoreError &e) {
        reportFailure(e.message());
        return false;
    }
    if (doomed.isEmpty())
        return true;
    using D = AnnotationPresenceCommand::Direction;
    auto *command = new AnnotationPresenceCommand(*this, D::Remove, doomed, values);
    command->setText(doomed.size() == 1 ? QStringLiteral("Reject suggestion")
                                        : QStringLiteral("Reject %1 suggestions").arg(doomed.size()));
    return push(command);
}

QList<Annotation> Project::suggestions(const QUuid &documentId) const
{
    QList<Annotation> found;
    try {
        if (!documentId.isNull()) {
            for (const Annotation &a : m_store->annotationsForDocument(documentId)) {
                if (a.status == AnnotationStatus::Suggested)
                    found.append(a);
            }
        } else {
            m_store->forEachAnnotation([&](const Annotation &a) {
                if (a.status == AnnotationStatus::Suggested)
                    found.append(a);
                return true;
            });
        }
    } catch (const StoreError &) {
        return {}; // a read: empty on failure, like the other lookups
    }
    return found;
}

bool Project::applyUpdateAnnotations(const QList<Annotation> &before, const QList<Annotation> &after)
{
    if (!writeAtomically([&] {
            for (const Annotation &a : after)
                m_store->updateAnnotation(a);
        }))
        return false;
    for (qsizetype i = 0; i < after.size(); ++i)
        Q_EMIT annotationChanged(before.value(i), after[i]);
    return true;
}

} // namespace newscoder
