#include "text/SpanTrim.h"

#include <QTextBoundaryFinder>

#include <algorithm>

namespace newscoder {

namespace {

TextSpan clamped(QStringView text, TextSpan span)
{
    const int size = int(text.size());
    span.start = std::clamp(span.start, 0, size);
    span.end = std::clamp(span.end, span.start, size);
    return span;
}

bool isWordCharacter(QChar c)
{
    return c.isLetterOrNumber() || c.isMark();
}

} // namespace

TextSpan trimSpanWhitespace(QStringView text, TextSpan span)
{
    span = clamped(text, span);
    while (span.start < span.end && text[span.start].isSpace())
        ++span.start;
    while (span.end > span.start && text[span.end - 1].isSpace())
        --span.end;
    return span;
}

TextSpan snapSpanToWords(QStringView text, TextSpan span)
{
    span = clamped(text, span);
    if (span.isEmpty())
        return span;
    const QString copy = text.toString(); // QTextBoundaryFinder needs a QString
    QTextBoundaryFinder words(QTextBoundaryFinder::Word, copy);
    // Inside a word: a word character on both sides of the offset.
    const auto insideWord = [&](int at) {
        return at > 0 && at < copy.size() && isWordCharacter(copy[at - 1]) && isWordCharacter(copy[at]);
    };
    if (insideWord(span.start)) {
        words.setPosition(span.start);
        if (!words.isAtBoundary()) {
            const qsizetype previous = words.toPreviousBoundary();
            if (previous >= 0)
                span.start = int(previous);
        }
    }
    if (insideWord(span.end)) {
        words.setPosition(span.end);
        if (!words.isAtBoundary()) {
            const qsizetype next = words.toNextBoundary();
            if (next >= 0)
                span.end = int(next);
        }
    }
    return trimSpanWhitespace(text, span);
}

} // namespace newscoder
