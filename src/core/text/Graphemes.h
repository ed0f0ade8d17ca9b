#pragma once

#include "text/TextSpan.h"

#include <QString>
#include <QTextBoundaryFinder>

namespace newscoder {

// Boundaries of user-perceived characters (extended grapheme clusters,
// Unicode UAX #29): a letter with its combining marks, an emoji with its
// variation selector or its ZWJ sequence, a flag (two regional indicators),
// CR LF, a surrogate pair. Offsets are UTF-16 code units. 0 and the text's
// length are boundaries; positions outside the text are not.
//
// Built once per text (one pass over it); each question is then O(1)
// (previous/next walk over one cluster). Built for a window of whole lines
// (see linesAround) it reads only those lines; questions outside the window
// read the line asked about (boundaries never depend on another line).
class GraphemeBoundaries
{
public:
    explicit GraphemeBoundaries(const QString &text);
    GraphemeBoundaries(const QString &text, const TextSpan &lines);

    int length() const { return int(m_full.size()); }
    bool isBoundary(int position) const;
    int previous(int position) const; // the boundary at or before `position` (clamped to the text)
    int next(int position) const;     // the boundary at or after `position` (clamped to the text)
    // The cluster holding the code unit at `position` (clamped); empty for an empty text.
    TextSpan clusterAt(int position) const;
    // `span` widened to whole clusters: start back to a boundary, end on to one.
    TextSpan snap(const TextSpan &span) const;

private:
    QString m_full;
    int m_offset = 0; // of the window in the text
    QString m_window;
    mutable QTextBoundaryFinder m_finder;
};

bool isGraphemeBoundary(const QString &text, int position);

// The whole lines holding `first` … `last`: from just after the line feed
// before `first` (or 0) to just after the line feed at or after `last` (or
// the text's end). No character boundary inside depends on text outside, and
// none outside on text inside.
TextSpan linesAround(const QString &text, int first, int last);

// The smallest span of whole user-perceived characters covering `span`
// (start moved back, end moved on to the nearest boundary). The window's
// "code the selection" calls this before Project::addAnnotation.
TextSpan snapToGraphemes(const QString &text, const TextSpan &span);

// Empty when `position` is a boundary; else a message for the user naming the
// offset and the character it would cut, e.g. "offset 14 is inside the
// character “é” (13–15)". `what` names the offset ("the start", "--at").
QString graphemeSplitMessage(const QString &text, int position, const QString &what);

} // namespace newscoder
