#include "text/AnchorShift.h"

#include "model/Annotation.h"
#include "text/Graphemes.h"

#include <algorithm>

namespace newscoder {

namespace {

TextEdit clamped(const TextEdit &edit)
{
    TextEdit e = edit;
    e.position = std::max(0, e.position);
    e.removed = std::max(0, e.removed);
    return e;
}

// A zero-length span, or an orphan being carried through later edits.
int shiftPoint(int q, const TextEdit &edit)
{
    if (edit.removedEnd() <= q)
        return q + edit.delta();
    if (edit.position >= q)
        return q;
    return edit.position; // deleted around it
}

AnchorStatus movedOrUnchanged(const TextSpan &before, const TextSpan &after)
{
    return before == after ? AnchorStatus::Unchanged : AnchorStatus::Shifted;
}

} // namespace

bool TextEdit::isValidFor(int textLength) const
{
    return position >= 0 && removed >= 0 && position <= textLength - removed;
}

QString anchorStatusName(AnchorStatus status)
{
    switch (status) {
    case AnchorStatus::Unchanged: return QStringLiteral("unchanged");
    case AnchorStatus::Shifted: return QStringLiteral("shifted");
    case AnchorStatus::Resized: return QStringLiteral("resized");
    case AnchorStatus::Orphaned: return QStringLiteral("orphaned");
    }
    return {};
}

ShiftedSpan shiftSpan(const TextSpan &span, const TextEdit &rawEdit)
{
    const TextEdit edit = clamped(rawEdit);
    const int s = std::max(0, span.start);
    const int t = std::max(s, span.end);
    const TextSpan original{s, t};
    if (edit.isNoOp())
        return {original, AnchorStatus::Unchanged};

    const int p = edit.position;
    const int e = edit.removedEnd();
    const int d = edit.delta();

    if (s == t) {
        const int q = shiftPoint(s, edit);
        return {{q, q}, movedOrUnchanged(original, {q, q})};
    }
    if (e <= s) { // entirely before, or an insertion exactly at the start
        const TextSpan moved{s + d, t + d};
        return {moved, movedOrUnchanged(original, moved)};
    }
    if (p >= t) // entirely after, or an insertion exactly at the end
        return {original, AnchorStatus::Unchanged};

    const bool leftSurvives = s < p;  // [s, p) is kept
    const bool rightSurvives = e < t; // [e, t) is kept, moved by d
    // A replacement of text inside the span, its first and last character
    // included: the replacement takes the place of what it replaced.
    const bool replacedInside = edit.removed > 0 && edit.insertedLength() > 0 && s <= p && e <= t;
    if ((leftSurvives && rightSurvives) || replacedInside)
        return {{s, t + d}, AnchorStatus::Resized};
    if (leftSurvives)
        return {{s, p}, AnchorStatus::Resized};
    if (rightSurvives)
        return {{p + edit.insertedLength(), t + d}, AnchorStatus::Resized};
    return {{p, p}, AnchorStatus::Orphaned};
}

QList<ShiftedSpan> shiftSpans(const QList<TextSpan> &spans, const TextEdit &edit)
{
    QList<ShiftedSpan> out;
    out.reserve(spans.size());
    for (const TextSpan &span : spans)
        out.append(shiftSpan(span, edit));
    return out;
}

QList<ShiftedSpan> shiftSpans(const QList<Annotation> &annotations, const TextEdit &edit)
{
    QList<ShiftedSpan> out;
    out.reserve(annotations.size());
    for (const Annotation &a : annotations)
        out.append(shiftSpan(TextSpan{a.start, a.end}, edit));
    return out;
}

ShiftedSpan shiftSpan(const TextSpan &span, const QList<TextEdit> &edits)
{
    ShiftedSpan current{span, AnchorStatus::Unchanged};
    bool resized = false;
    for (const TextEdit &edit : edits) {
        if (current.isOrphaned()) {
            const int q = shiftPoint(current.span.start, clamped(edit));
            current.span = {q, q};
            continue;
        }
        current = shiftSpan(current.span, edit);
        resized = resized || current.status == AnchorStatus::Resized;
    }
    if (!current.isOrphaned())
        current.status = resized ? AnchorStatus::Resized : movedOrUnchanged(span, current.span);
    return current;
}

QList<ShiftedSpan> shiftSpans(const QList<TextSpan> &spans, const QList<TextEdit> &edits)
{
    QList<ShiftedSpan> out;
    out.reserve(spans.size());
    for (const TextSpan &span : spans)
        out.append(shiftSpan(span, edits));
    return out;
}

QString applyEdit(const QString &text, const TextEdit &rawEdit)
{
    const qsizetype length = text.size();
    const qsizetype p = std::clamp<qsizetype>(rawEdit.position, 0, length);
    const qsizetype removed = std::clamp<qsizetype>(rawEdit.removed, 0, length - p);
    QString out = text;
    out.replace(p, removed, rawEdit.inserted);
    return out;
}

std::optional<TextEdit> diffTexts(const QString &oldText, const QString &newText)
{
    if (oldText == newText)
        return std::nullopt;
    const qsizetype oldSize = oldText.size();
    const qsizetype newSize = newText.size();
    const qsizetype limit = std::min(oldSize, newSize);

    qsizetype prefix = 0;
    while (prefix < limit && oldText.at(prefix) == newText.at(prefix))
        ++prefix;
    if (prefix > 0 && oldText.at(prefix - 1).isHighSurrogate())
        --prefix; // the pair differs in its low half: replace the whole pair

    qsizetype suffix = 0;
    while (suffix < limit - prefix && oldText.at(oldSize - 1 - suffix) == newText.at(newSize - 1 - suffix))
        ++suffix;
    if (suffix > 0 && oldText.at(oldSize - suffix).isLowSurrogate())
        --suffix; // the pair differs in its high half

    // Whole user-perceived characters of the old text: the common prefix and
    // suffix only shrink, so they stay common.
    const GraphemeBoundaries boundaries(oldText);
    prefix = boundaries.previous(int(prefix));
    suffix = oldSize - boundaries.next(int(oldSize - suffix));

    TextEdit edit;
    edit.position = int(prefix);
    edit.removed = int(oldSize - prefix - suffix);
    edit.inserted = newText.mid(prefix, newSize - prefix - suffix);
    return edit;
}

TextEdit widenToGraphemes(const QString &text, const TextEdit &edit)
{
    const GraphemeBoundaries boundaries(text);
    const int from = boundaries.previous(edit.position);
    const int to = boundaries.next(edit.removedEnd());
    if (from == edit.position && to == edit.removedEnd())
        return edit;
    return TextEdit{from, to - from,
                    text.mid(from, edit.position - from) + edit.inserted
                        + text.mid(edit.removedEnd(), to - edit.removedEnd())};
}

TextSpan reviewSpan(const ShiftedSpan &result, const QString &text)
{
    if (!result.isOrphaned())
        return result.span;
    const int length = int(text.size());
    if (length == 0)
        return {0, 0};
    const GraphemeBoundaries boundaries(text);
    const int q = std::clamp(result.span.start, 0, length);
    return boundaries.clusterAt(q == length ? q - 1 : q);
}

} // namespace newscoder
