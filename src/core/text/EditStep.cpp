#include "text/EditStep.h"

#include <algorithm>

namespace newscoder {

EditStep::EditStep(const QString &before, const TextEdit &edit)
    : m_before(before), m_edit(edit), m_after(applyEdit(before, edit)),
      m_old(m_before, linesAround(m_before, edit.position, edit.removedEnd())),
      m_new(m_after, linesAround(m_after, edit.position, edit.position + edit.insertedLength())),
      m_first(edit.position), m_last(edit.removedEnd())
{
    // Where character boundaries differ between the old and the new text
    // (outside the removed range), spans may need the grapheme rule. Only
    // the lines the edit touches can differ: boundaries never look past a
    // line feed, and the lines around are the same text in both.
    const int p = edit.position;
    const int e = edit.removedEnd();
    const int d = edit.delta();
    const TextSpan lines = linesAround(m_before, p, e);
    for (int x = lines.start; x <= lines.end; ++x) {
        const bool differs = (x <= p && m_old.isBoundary(x) != m_new.isBoundary(x))
            || (x >= e && m_old.isBoundary(x) != m_new.isBoundary(x + d));
        if (differs) {
            m_first = std::min(m_first, x);
            m_last = std::max(m_last, x);
        }
    }
}

TextSpan EditStep::uniform(const TextSpan &span) const
{
    if (span.start >= m_edit.removedEnd())
        return {span.start + m_edit.delta(), span.end + m_edit.delta()};
    return span;
}

ShiftedSpan EditStep::apply(const TextSpan &span) const
{
    ShiftedSpan r = shiftSpan(span, m_edit);
    if (r.isOrphaned() || m_edit.isNoOp() || span.isEmpty())
        return r;
    TextSpan snapped = r.span;
    if (m_old.isBoundary(span.start) && !m_new.isBoundary(snapped.start))
        snapped.start = m_new.previous(snapped.start);
    if (m_old.isBoundary(span.end) && !m_new.isBoundary(snapped.end))
        snapped.end = m_new.next(snapped.end);
    if (snapped != r.span) {
        r.span = snapped;
        r.status = AnchorStatus::Resized;
    }
    return r;
}

TextSpan EditStep::reviewSpan(const ShiftedSpan &orphan) const
{
    if (!orphan.isOrphaned())
        return orphan.span;
    const int length = int(m_after.size());
    if (length == 0)
        return {0, 0};
    const int q = std::clamp(orphan.span.start, 0, length);
    return m_new.clusterAt(q == length ? q - 1 : q);
}

} // namespace newscoder
