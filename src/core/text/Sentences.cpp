#include "text/Sentences.h"

#include <QSet>

#include <algorithm>

namespace newscoder {

namespace {

bool isLineBreak(QChar c)
{
    return c == u'\n' || c == u'\r' || c == QChar(0x2028) || c == QChar(0x2029);
}

bool isTerminator(QChar c)
{
    return c == u'.' || c == u'!' || c == u'?' || c == QChar(0x2026);
}

bool isClosing(QChar c)
{
    static const QString closing = QStringLiteral("\"'\u201D\u2019\u00BB\u203A)]}");
    return closing.contains(c);
}

bool isOpening(QChar c)
{
    static const QString opening = QStringLiteral("\"'\u201C\u201E\u00AB\u2039\u2018([");
    return opening.contains(c);
}

bool startsSentence(const QString &text, qsizetype i)
{
    const char32_t ucs = text.at(i).isHighSurrogate() && i + 1 < text.size()
                             ? QChar::surrogateToUcs4(text.at(i), text.at(i + 1))
                             : text.at(i).unicode();
    if (QChar::isUpper(ucs) || QChar::isTitleCase(ucs) || QChar::isDigit(ucs))
        return true;
    if (QChar::isLetter(ucs) && !QChar::isLower(ucs))
        return true; // uncased scripts
    return isOpening(text.at(i));
}

// Whether the "." at `dot` ends an abbreviation rather than a sentence.
bool isAbbreviation(const QString &text, qsizetype dot)
{
    static const QSet<QString> known = {
        QStringLiteral("mr"),   QStringLiteral("mrs"),  QStringLiteral("ms"),   QStringLiteral("dr"),
        QStringLiteral("prof"), QStringLiteral("st"),   QStringLiteral("gen"),  QStringLiteral("sen"),
        QStringLiteral("gov"),  QStringLiteral("rep"),  QStringLiteral("jr"),   QStringLiteral("sr"),
        QStringLiteral("col"),  QStringLiteral("lt"),   QStringLiteral("capt"), QStringLiteral("sgt"),
        QStringLiteral("maj"),  QStringLiteral("cmdr"), QStringLiteral("rev"),  QStringLiteral("hon"),
        QStringLiteral("pres"), QStringLiteral("no"),   QStringLiteral("nos"),  QStringLiteral("vs"),
        QStringLiteral("etc"),  QStringLiteral("inc"),  QStringLiteral("ltd"),  QStringLiteral("co"),
        QStringLiteral("corp"), QStringLiteral("dept"), QStringLiteral("univ"), QStringLiteral("approx"),
        QStringLiteral("est"),  QStringLiteral("fig"),  QStringLiteral("vol"),  QStringLiteral("pp"),
        QStringLiteral("al"),   QStringLiteral("cf"),   QStringLiteral("ca"),   QStringLiteral("jan"),
        QStringLiteral("feb"),  QStringLiteral("mar"),  QStringLiteral("apr"),  QStringLiteral("jun"),
        QStringLiteral("jul"),  QStringLiteral("aug"),  QStringLiteral("sep"),  QStringLiteral("sept"),
        QStringLiteral("oct"),  QStringLiteral("nov"),  QStringLiteral("dec"),  QStringLiteral("mt"),
        QStringLiteral("ft"),   QStringLiteral("ave"),  QStringLiteral("blvd"),
    };
    qsizetype from = dot;
    while (from > 0 && (text.at(from - 1).isLetter() || text.at(from - 1) == u'.'))
        --from;
    const QString word = text.mid(from, dot - from);
    if (word.isEmpty())
        return false;
    if (word.size() == 1 || word.contains(u'.'))
        return true; // an initial, or U.S. / e.g.
    return known.contains(word.toLower());
}

} // namespace

QList<TextSpan> sentenceSpans(const QString &text)
{
    QList<TextSpan> spans;
    const qsizetype n = text.size();
    qsizetype start = -1;   // first non-space of the current sentence
    qsizetype lastInk = -1; // end of its last non-space character
    const auto close = [&]() {
        if (start >= 0)
            spans.append({int(start), int(lastInk)});
        start = -1;
    };

    for (qsizetype i = 0; i < n;) {
        const QChar c = text.at(i);
        if (isLineBreak(c)) {
            close();
            ++i;
            continue;
        }
        if (c.isSpace()) {
            ++i;
            continue;
        }
        if (start < 0)
            start = i;
        if (!isTerminator(c)) {
            lastInk = ++i;
            continue;
        }
        qsizetype j = i;
        while (j < n && isTerminator(text.at(j)))
            ++j;
        const bool singleDot = j == i + 1 && c == u'.';
        qsizetype k = j;
        while (k < n && isClosing(text.at(k)))
            ++k;
        lastInk = k;
        qsizetype m = k;
        while (m < n && text.at(m).isSpace() && !isLineBreak(text.at(m)))
            ++m;
        bool ends = false;
        if (m == n || isLineBreak(text.at(m)))
            ends = true;
        else if (m > k && startsSentence(text, m))
            ends = !(singleDot && isAbbreviation(text, i));
        if (ends)
            close();
        i = k;
    }
    close();
    return spans;
}

TextSpan sentenceAt(const QString &text, int position)
{
    const QList<TextSpan> spans = sentenceSpans(text);
    const auto it = std::find_if(spans.begin(), spans.end(), [&](const TextSpan &s) { return s.contains(position); });
    return it != spans.end() ? *it : TextSpan{position, position};
}

} // namespace newscoder
