// Project: editing an article's text with every annotation's anchor kept,
// writing only what moves.
#include "project/Project.h"

#include "commands/TextCommands.h"
#include "storage/ProjectStore.h"
#include "storage/StoreError.h"
#include "text/EditStep.h"
#include "text/Graphemes.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace newscoder {

namespace {

const QString TextDeleted = QStringLiteral("text-deleted");
const QString TextChanged = QStringLiteral("text-changed");

// An edit already applied, for mapping positions between the texts.
struct EditShape
{
    int p = 0; // position
    int e = 0; // end of the removed range (text before)
    int n = 0; // inserted length
    int d = 0; // delta
};

// Positions of the text after `shapes` back in the original text, for
// annotations the edits only moved (none starts inside inserted text): a
// start <= x now started at or before originalLast(x); an end >= x now ended
// at or after originalFirst(x). Conservative (a superset), never too narrow.
int originalLast(int x, const QList<EditShape> &shapes)
{
    for (auto it = shapes.crbegin(); it != shapes.crend(); ++it)
        x = x >= it->p + it->n ? x - it->d : (x >= it->p ? it->e : x);
    return x;
}

int originalFirst(int x, const QList<EditShape> &shapes)
{
    for (auto it = shapes.crbegin(); it != shapes.crend(); ++it)
        x = x > it->p + it->n ? x - it->d : std::min(x, it->p);
    return x;
}

// Where an annotation the edits only moved is now.
void moveThrough(Annotation &a, const QList<EditShape> &shapes)
{
    for (const EditShape &s : shapes) {
        if (a.start >= s.e) {
            a.start += s.d;
            a.end += s.d;
        }
    }
}

// The edit that flagged an annotation, for review: where, what it removed and
// inserted, and what the annotation's text was.
QString describeEdit(const EditStep &step, const QString &previousText, const QDateTime &when)
{
    const TextEdit &e = step.edit();
    const QJsonObject json{{QStringLiteral("at"), e.position},
                           {QStringLiteral("removed"), step.before().mid(e.position, e.removed)},
                           {QStringLiteral("inserted"), e.inserted},
                           {QStringLiteral("was"), previousText},
                           {QStringLiteral("when"), when.toString(Qt::ISODateWithMs)}};
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

} // namespace

bool Project::editDocumentText(const QUuid &documentId, const QList<TextEdit> &edits)
{
    if (isReadOnly()) {
        reportFailure(QStringLiteral("The project is open read-only."));
        return false;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString original;
    QString text;
    QList<AnchoredEdit> records;
    try {
        if (!m_store->documentSummary(documentId)) {
            reportFailure(QStringLiteral("That document does not exist."));
            return false;
        }
        original = text = m_store->documentText(documentId);
        QList<EditShape> shapes;
        QHash<QUuid, Annotation> touched; // annotations some edit looked at, as they are now
        for (const TextEdit &edit : edits) {
            if (!edit.isValidFor(int(text.size()))) {
                reportFailure(QStringLiteral("The edit at %1 (removing %2) is outside the text (0–%3).")
                                  .arg(edit.position)
                                  .arg(edit.removed)
                                  .arg(text.size()));
                return false;
            }
            if (edit.isNoOp())
                continue;
            for (const auto &[offset, what] : {std::pair{edit.position, QStringLiteral("The edit's start")},
                                               std::pair{edit.removedEnd(), QStringLiteral("The edit's end")}}) {
                if (const QString split = graphemeSplitMessage(text, offset, what); !split.isEmpty()) {
                    reportFailure(split + u'.');
                    return false;
                }
            }
            const EditStep step(text, edit);
            // The annotations around the edit: those looked at before, and the
            // others from the store (found by their offsets in the original text).
            for (Annotation a : m_store->annotationsOverlapping(documentId, originalFirst(step.first(), shapes),
                                                                originalLast(step.last(), shapes))) {
                if (touched.contains(a.id))
                    continue;
                moveThrough(a, shapes);
                if (a.end >= step.first() && a.start <= step.last())
                    touched.insert(a.id, a);
            }
            AnchoredEdit record{edit.removedEnd(), edit.position + edit.insertedLength(), edit.delta(), {}, {}};
            for (Annotation &a : touched) {
                const TextSpan span{a.start, a.end};
                const TextSpan uniform = step.uniform(span);
                if (span.end < step.first() || span.start > step.last()) { // moves with the rest
                    a.start = uniform.start;
                    a.end = uniform.end;
                    continue;
                }
                const ShiftedSpan r = step.apply(span);
                Annotation next = a;
                if (r.isOrphaned()) {
                    const TextSpan shown = step.reviewSpan(r);
                    if (shown.isEmpty()) {
                        reportFailure(QStringLiteral("The edit would leave annotations without any text to point at."));
                        return false;
                    }
                    next.start = shown.start;
                    next.end = shown.end;
                    if (next.status == AnnotationStatus::Coded)
                        next.status = AnnotationStatus::Review;
                    if (next.reviewReason != TextDeleted) {
                        next.reviewReason = TextDeleted;
                        next.reviewEdit = describeEdit(step, text.mid(span.start, span.length()), now);
                    }
                    next.modified = now;
                } else {
                    next.start = r.span.start;
                    next.end = r.span.end;
                    if (r.status == AnchorStatus::Resized) {
                        next.modified = now;
                        if (next.status == AnnotationStatus::Suggested && next.reviewReason.isEmpty()) {
                            next.reviewReason = TextChanged; // checked again before it can be accepted
                            next.reviewEdit = describeEdit(step, text.mid(span.start, span.length()), now);
                        }
                    }
                }
                if (next.start != uniform.start || next.end != uniform.end || next.status != a.status
                    || next.reviewReason != a.reviewReason || next.modified != a.modified) {
                    record.before.append(a);
                    record.after.append(next);
                }
                a = next;
            }
            records.append(record);
            shapes.append({edit.position, edit.removedEnd(), edit.insertedLength(), edit.delta()});
            text = step.after();
        }
    } catch (const StoreError &e) {
        reportFailure(e.message());
        return false;
    }
    if (records.isEmpty() || text == original)
        return true;
    return push(new EditTextCommand(*this, documentId, original, text, records));
}

bool Project::applyDocumentText(const QUuid &documentId, const QString &text, const QList<AnchoredEdit> &edits,
                                bool undo)
{
    if (!writeAtomically([&] {
            m_store->updateDocumentText(documentId, text);
            if (!undo) {
                for (const AnchoredEdit &e : edits) {
                    m_store->shiftAnnotations(documentId, e.shiftFrom, e.delta);
                    for (const Annotation &a : e.after)
                        m_store->updateAnnotation(a);
                }
            } else {
                for (auto it = edits.crbegin(); it != edits.crend(); ++it) {
                    m_store->shiftAnnotations(documentId, it->undoFrom, -it->delta);
                    for (const Annotation &a : it->before)
                        m_store->updateAnnotation(a);
                }
            }
        }))
        return false;
    Q_EMIT documentTextChanged(documentId);
    Q_EMIT documentChanged(documentId);
    return true;
}

QList<Annotation> Project::flaggedAnnotations() const
{
    try {
        return m_store->flaggedAnnotations();
    } catch (const StoreError &) {
        return {}; // a read: empty on failure, like the other lookups
    }
}

} // namespace newscoder
