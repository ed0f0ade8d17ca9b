#pragma once

#include "text/AnchorShift.h"
#include "text/Graphemes.h"

namespace newscoder {

// One edit of a text, applied to the spans of that text with every rule:
// the anchor rules of AnchorShift.h, then the grapheme rule — a span never
// splits a user-perceived character the edit formed. An end (or start) that
// sat on a character boundary before the edit and no longer does afterwards
// moves on (back) to the next boundary: an accent, a variation selector, a
// ZWJ sequence or the second half of a flag typed right after a span's last
// character joins the span; a line feed typed after its carriage return too.
// Ends that already split a character before the edit are left as they were.
//
// window(): spans outside it (end < first or start > last, in the old text)
// are only moved by the edit — uniform(), the same for all of them — so a
// caller with many spans need only look at those inside it.
class EditStep
{
public:
    EditStep(const QString &before, const TextEdit &edit); // edit valid for `before`

    const TextEdit &edit() const { return m_edit; }
    const QString &before() const { return m_before; }
    const QString &after() const { return m_after; }
    int first() const { return m_first; }
    int last() const { return m_last; }

    // What the edit does to the span (status as shiftSpan's, Resized when
    // the grapheme rule widened it).
    ShiftedSpan apply(const TextSpan &span) const;
    // Where an orphan is shown in the new text: one whole character.
    TextSpan reviewSpan(const ShiftedSpan &orphan) const;
    // What the edit does to a span outside the window: shifted by delta when
    // it starts at or after the removed range's end, else unchanged.
    TextSpan uniform(const TextSpan &span) const;

private:
    QString m_before;
    TextEdit m_edit;
    QString m_after;
    GraphemeBoundaries m_old;
    GraphemeBoundaries m_new;
    int m_first = 0;
    int m_last = 0;
};

} // namespace newscoder
