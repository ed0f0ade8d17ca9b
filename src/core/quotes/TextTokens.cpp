#include "quotes/TextTokens.h"

#include <QSet>
#include <QTextBoundaryFinder>

namespace newscoder::quotes {

namespace {

bool isAbbreviation(const QString &text, const Token &token)
{
    static const QSet<QString> known = {
        QStringLiteral("mr"),   QStringLiteral("mrs"),  QStringLiteral("ms"),   QStringLiteral("dr"),
        QStringLiteral("prof"), QStringLiteral("gen"),  QStringLiteral("sen"),  QStringLiteral("rep"),
        QStringLiteral("gov"),  QStringLiteral("lt"),   QStringLiteral("col"),  QStringLiteral("capt"),
        QStringLiteral("sgt"),  QStringLiteral("st"),   QStringLiteral("jr"),   QStringLiteral("sr"),
        QStringLiteral("no"),   QStringLiteral("vs"),   QStringLiteral("adm"),  QStringLiteral("maj"),
        QStringLiteral("hr"),   QStringLiteral("fr"),   QStringLiteral("bzw"),  QStringLiteral("z.b"),
        QStringLiteral("u.s"),  QStringLiteral("u.k"),  QStringLiteral("u.n"),  QStringLiteral("e.u")};
    const QString lower = TextTokens::lower(text, token);
    return (token.end - token.start == 1 && text.at(token.start).isUpper()) || known.contains(lower);
}

} // namespace

QString TextTokens::lower(const QString &text, const Token &token)
{
    return QStringView(text).mid(token.start, qMin(token.end - token.start, 40)).toString().toLower();
}

TextTokens TextTokens::of(const QString &text)
{
    TextTokens result;
    // Words.
    QTextBoundaryFinder words(QTextBoundaryFinder::Word, text);
    int previous = 0;
    int lastEnd = 0;
    for (qsizetype next = words.toNextBoundary(); next > 0; next = words.toNextBoundary()) {
        const int from = previous;
        const int to = int(next);
        previous = to;
        if (text.at(from).isSpace())
            continue;
        Token token;
        token.start = from;
        token.end = to;
        const QChar first = text.at(from);
        char32_t code = first.unicode();
        if (first.isHighSurrogate() && from + 1 < text.size() && text.at(from + 1).isLowSurrogate())
            code = QChar::surrogateToUcs4(first, text.at(from + 1));
        token.word = QChar::isLetterOrNumber(code);
        token.capitalised = first.isUpper() || first.isTitleCase();
        for (int i = lastEnd; i < from; ++i) {
            const char16_t c = text.at(i).unicode();
            if (c == u'\n' || c == u'\r' || c == 0x2028 || c == 0x2029) {
                token.lineBreakBefore = true;
                break;
            }
        }
        lastEnd = to;
        result.tokens.append(token);
    }
    // Sentences: a token starts a new sentence when a sentence boundary lies
    // at or before its start since the previous token.
    QTextBoundaryFinder sentences(QTextBoundaryFinder::Sentence, text);
    QList<int> breaks;
    for (qsizetype next = sentences.toNextBoundary(); next > 0; next = sentences.toNextBoundary())
        breaks.append(int(next));
    qsizetype b = 0;
    int sentence = -1;
    result.sentenceOfToken.resize(result.tokens.size());
    for (qsizetype t = 0; t < result.tokens.size(); ++t) {
        const Token &token = result.tokens.at(t);
        bool starts = t == 0 || token.lineBreakBefore;
        while (b < breaks.size() && breaks.at(b) <= token.start) {
            if (t > 0 && breaks.at(b) > result.tokens.at(t - 1).start)
                starts = true;
            ++b;
        }
        // "Mr. Smith", "U.S. officials": no sentence ends after an abbreviation's point.
        if (starts && !token.lineBreakBefore && t >= 2) {
            const Token &point = result.tokens.at(t - 1);
            if (point.end - point.start == 1 && text.at(point.start) == u'.' && isAbbreviation(text, result.tokens.at(t - 2)))
                starts = false;
        }
        if (starts) {
            ++sentence;
            result.sentenceFirstToken.append(int(t));
        }
        result.sentenceOfToken[t] = sentence;
    }
    result.sentenceFirstToken.append(int(result.tokens.size()));
    return result;
}

} // namespace newscoder::quotes
