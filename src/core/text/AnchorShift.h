#pragma once

#include "text/TextSpan.h"

#include <QList>
#include <QString>

#include <optional>

namespace newscoder {

struct Annotation;

// One edit of a text: replaces [position, position + removed) with `inserted`.
// Offsets are UTF-16 code units. An insertion has removed == 0, a deletion an
// empty `inserted`.
struct TextEdit
{
    int position = 0;
    int removed = 0;
    QString inserted;

    int removedEnd() const { return position + removed; }
    int insertedLength() const { return int(inserted.size()); }
    int delta() const { return insertedLength() - removed; }
    bool isNoOp() const { return removed == 0 && inserted.isEmpty(); }
    // 0 <= position, 0 <= removed and position + removed <= textLength.
    bool isValidFor(int textLength) const;
    friend bool operator==(const TextEdit &, const TextEdit &) = default;
};

// What an edit did to a span.
enum class AnchorStatus {
    Unchanged, // same offsets, same text
    Shifted,   // same text, moved (text before it grew or shrank)
    Resized,   // part of its text was removed/replaced, or text was inserted inside it
    Orphaned,  // every one of its characters was removed: flag it for review
};

QString anchorStatusName(AnchorStatus status); // "unchanged", "shifted", "resized", "orphaned"

struct ShiftedSpan
{
    TextSpan span;
    AnchorStatus status = AnchorStatus::Unchanged;

    bool isOrphaned() const { return status == AnchorStatus::Orphaned; }
    friend bool operator==(const ShiftedSpan &, const ShiftedSpan &) = default;
};

// The rules (p = edit.position, e = p + edit.removed, n = inserted length,
// d = n - removed; span [s, t) with s < t):
//
//  * A span keeps its surviving original characters: the new span is the
//    smallest range of the new text covering every character of [s, t) that
//    the edit did not remove, plus the inserted text when the edit lands
//    inside the span (below). A replacement of text inside the span keeps the
//    span over the replacement: fixing a span's first or last letter, or
//    straightening a quotation mark at its edge, keeps the letter in the span.
//  * Edit entirely before the span (e <= s), including an insertion exactly at
//    s and a deletion ending exactly at s: shifted by d -> [s + d, t + d].
//  * Edit entirely after the span (p >= t), including an insertion exactly at
//    t: Unchanged. (Insertions exactly at a boundary stay outside; the
//    grapheme rule of EditStep.h adds a mark that joins the span's last
//    character.)
//  * Edit strictly inside (s < p and e < t), insertion or replacement, or a
//    replacement (removed > 0, n > 0) whose removed range lies inside the span
//    with its first and last character included (s <= p and e <= t): the span
//    grows/shrinks by d and includes the inserted text -> [s, t + d], Resized.
//    Replacing exactly the span's text (p == s, e == t) keeps the span on the
//    new text [s, s + n].
//  * Deletion of the span's first characters (p == s, e < t) or last ones
//    (s < p, e == t): the rest -> [s, t + d], Resized.
//  * Edit across the start (p < s < e < t): the replaced text at the
//    boundary is not part of the span -> [p + n, t + d], Resized.
//  * Edit across the end (s < p < t < e): end clipped -> [s, p], Resized.
//  * Only removing the span's text orphans it: a deletion covering the whole
//    span (p <= s and t <= e), or a replacement of a range strictly larger
//    than the span (p < s or t < e) -> Orphaned with start == end == p (where
//    its text was). This zero-length span cannot be stored as it is
//    (annotations need end > start): the caller decides, e.g. keep the old
//    offsets for undo, flag the annotation for review and anchor it on
//    reviewSpan().
//  * A no-op edit (nothing removed, nothing inserted) leaves every span Unchanged.
//
// Zero-length spans (and orphans in later edits of a sequence) are points: an
// edit before or at them (e <= s) shifts them, an edit at or after them leaves
// them, a deletion around them moves them to p. A point is never Resized; an
// orphan stays Orphaned.
//
// Preconditions: 0 <= s <= t, and the edit is valid for the text the span
// refers to (isValidFor). Negative values are clamped to 0.
ShiftedSpan shiftSpan(const TextSpan &span, const TextEdit &edit);

// One result per span, in the same order. Identical spans (e.g. the same
// passage coded by several coders) get identical results.
QList<ShiftedSpan> shiftSpans(const QList<TextSpan> &spans, const TextEdit &edit);
QList<ShiftedSpan> shiftSpans(const QList<Annotation> &annotations, const TextEdit &edit);

// Edits applied one after the other (each edit's offsets refer to the text
// produced by the edits before it). Each edit sees the span as the previous
// edit left it, so text inserted inside a span stays part of it. Status: Orphaned
// if any edit orphaned it; else Resized if any edit resized it; else Shifted if
// its offsets differ from the original ones; else Unchanged.
ShiftedSpan shiftSpan(const TextSpan &span, const QList<TextEdit> &edits);
QList<ShiftedSpan> shiftSpans(const QList<TextSpan> &spans, const QList<TextEdit> &edits);

// The text after the edit (the edit is clamped to the text).
QString applyEdit(const QString &text, const TextEdit &edit);

// The minimal single edit turning oldText into newText: everything between
// their longest common prefix and longest common suffix. Never splits a
// user-perceived character of oldText (the edit is widened to whole grapheme
// clusters: surrogate pairs, letters with their marks, emoji sequences). Equal texts give
// std::nullopt. Where the edit position is ambiguous (inserting "a" into
// "banana"), it is placed as late as possible.
std::optional<TextEdit> diffTexts(const QString &oldText, const QString &newText);

// The same edit widened so that it starts and ends on grapheme boundaries of
// `text` (the characters it now also covers are re-inserted unchanged).
TextEdit widenToGraphemes(const QString &text, const TextEdit &edit);

// A non-empty span of `text` to show an orphaned span at (for review): the
// user-perceived character (grapheme cluster) at its position, or the one
// before it at the end of the text;
// empty only for an empty text. Non-orphaned results are returned as they are.
TextSpan reviewSpan(const ShiftedSpan &result, const QString &text);

} // namespace newscoder
