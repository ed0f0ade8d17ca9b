// Project: editing an article's text with every annotation's anchor kept.
#include "project/Project.h"

#include "commands/TextCommands.h"
#include "storage/StoreError.h"
#include "text/AnchorShift.h"

namespace newscoder {

bool Project::editDocumentText(const QUuid &documentId, const QList<TextEdit> &edits)
{
    if (isReadOnly()) {
        reportFailure(QStringLiteral("The project is open read-only."));
        return false;
    }
    EditTextCommand::State before;
    try {
        const auto summary = m_store->documentSummary(documentId);
        if (!summary) {
            reportFailure(QStringLiteral("That document does not exist."));
            return false;
        }
        before.text = m_store->documentText(documentId);
        before.annotations = m_store->annotationsForDocument(documentId);
    } catch (const StoreError &e) {
        reportFailure(e.message());
        return false;
    }
    EditTextCommand::State after{before.text, before.annotations};
    QList<TextEdit> effective;
    for (const TextEdit &edit : edits) {
        if (!edit.isValidFor(int(after.text.size()))) {
            reportFailure(QStringLiteral("The edit at %1 (removing %2) is outside the text (0–%3).")
                              .arg(edit.position)
                              .arg(edit.removed)
                              .arg(after.text.size()));
            return false;
        }
        if (edit.isNoOp())
            continue;
        after.text = applyEdit(after.text, edit);
        effective.append(edit);
    }
    if (effective.isEmpty() || after.text == before.text)
        return true;
    QList<TextSpan> spans;
    spans.reserve(before.annotations.size());
    for (const Annotation &a : before.annotations)
        spans.append({a.start, a.end});
    const QList<ShiftedSpan> shifted = shiftSpans(spans, effective);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (qsizetype i = 0; i < after.annotations.size(); ++i) {
        Annotation &a = after.annotations[i];
        const ShiftedSpan &s = shifted[i];
        if (s.status == AnchorStatus::Unchanged)
            continue;
        TextSpan span = s.span;
        if (s.isOrphaned()) {
            span = reviewSpan(s, after.text);
            if (a.status != AnnotationStatus::Suggested) // a suggestion stays one: rejecting it is the review
                a.status = AnnotationStatus::Review;
        }
        if (span.isEmpty()) { // the whole text was deleted: nothing to anchor on
            reportFailure(QStringLiteral("The edit would leave annotations without any text to point at."));
            return false;
        }
        a.start = span.start;
        a.end = span.end;
        a.modified = now;
    }
    return push(new EditTextCommand(*this, documentId, before, after));
}

bool Project::applyDocumentText(const QUuid &documentId, const QString &text, const QList<Annotation> &annotations)
{
    if (!writeAtomically([&] {
            m_store->updateDocumentText(documentId, text);
            for (const Annotation &a : annotations)
                m_store->updateAnnotation(a);
        }))
        return false;
    Q_EMIT documentTextChanged(documentId);
    Q_EMIT documentChanged(documentId);
    return true;
}

} // namespace newscoder
