#include "text/Graphemes.h"

#include <algorithm>

namespace newscoder {

GraphemeBoundaries::GraphemeBoundaries(const QString &text)
    : m_full(text), m_window(text), m_finder(QTextBoundaryFinder::Grapheme, m_window)
{
}

GraphemeBoundaries::GraphemeBoundaries(const QString &text, const TextSpan &lines)
    : m_full(text), m_offset(lines.start), m_window(text.mid(lines.start, lines.length())),
      m_finder(QTextBoundaryFinder::Grapheme, m_window)
{
}

bool GraphemeBoundaries::isBoundary(int position) const
{
    if (position < 0 || position > length())
        return false;
    if (position == 0 || position == length())
        return true;
    if (position < m_offset || position > m_offset + m_window.size())
        return isGraphemeBoundary(m_full, position);
    m_finder.setPosition(position - m_offset);
    return m_finder.isAtBoundary();
}

int GraphemeBoundaries::previous(int position) const
{
    int q = std::clamp(position, 0, length());
    while (!isBoundary(q))
        --q;
    return q;
}

int GraphemeBoundaries::next(int position) const
{
    int q = std::clamp(position, 0, length());
    while (!isBoundary(q))
        ++q;
    return q;
}

TextSpan GraphemeBoundaries::clusterAt(int position) const
{
    if (length() == 0)
        return {0, 0};
    const int q = std::clamp(position, 0, length() - 1);
    const int from = previous(q);
    return {from, next(q + 1)};
}

TextSpan GraphemeBoundaries::snap(const TextSpan &span) const
{
    const int start = previous(span.start);
    return {start, std::max(start, next(span.end))};
}

namespace {

// The line around `position` (up to, not including, the line feeds around it):
// a character boundary inside it depends on nothing outside (a break always
// follows a line feed and precedes one, except CR LF, kept whole here).
TextSpan lineAround(const QString &text, int position)
{
    const int from = position > 0 ? int(text.lastIndexOf(u'\n', position - 1)) + 1 : 0;
    const qsizetype next = text.indexOf(u'\n', position + 1);
    return {from, next < 0 ? int(text.size()) : int(next)};
}

} // namespace

TextSpan linesAround(const QString &text, int first, int last)
{
    const int from = first > 0 ? int(text.lastIndexOf(u'\n', first - 1)) + 1 : 0;
    const qsizetype feed = text.indexOf(u'\n', std::max(first, last));
    return {from, feed < 0 ? int(text.size()) : int(feed) + 1};
}

bool isGraphemeBoundary(const QString &text, int position)
{
    if (position == 0 || position == text.size())
        return true;
    if (position < 0 || position > text.size())
        return false;
    const TextSpan line = lineAround(text, position);
    return GraphemeBoundaries(text.mid(line.start, line.length())).isBoundary(position - line.start);
}

TextSpan snapToGraphemes(const QString &text, const TextSpan &span)
{
    return GraphemeBoundaries(text).snap(span);
}

QString graphemeSplitMessage(const QString &text, int position, const QString &what)
{
    if (position <= 0 || position >= text.size())
        return {};
    const TextSpan line = lineAround(text, position);
    const GraphemeBoundaries boundaries(text.mid(line.start, line.length()));
    if (boundaries.isBoundary(position - line.start))
        return {};
    TextSpan cluster = boundaries.clusterAt(position - line.start);
    cluster = {cluster.start + line.start, cluster.end + line.start};
    const bool pair = cluster.length() == 2 && text.at(cluster.start).isHighSurrogate()
        && text.at(cluster.start + 1).isLowSurrogate();
    return QStringLiteral("%1 (offset %2) is inside the character “%3” (%4–%5%6): offsets must be on character "
                          "boundaries")
        .arg(what)
        .arg(position)
        .arg(text.mid(cluster.start, cluster.length()))
        .arg(cluster.start)
        .arg(cluster.end)
        .arg(pair ? QStringLiteral(", a surrogate pair") : QString());
}

} // namespace newscoder
