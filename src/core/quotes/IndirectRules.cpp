#include "quotes/Rules_p.h"

#include <QSet>

namespace newscoder::quotes::detail {

namespace {

constexpr int minClauseWords = 3;

// "asked not to be named", "promised in 2019, and the cars ...": no reported clause.
bool startsNoClause(const Context &c, int from)
{
    if (!c.isWord(from))
        return false;
    static const QSet<QString> words = {QStringLiteral("to"), QStringLiteral("not"), QStringLiteral("and"),
                                        QStringLiteral("but"), QStringLiteral("or"), QStringLiteral("zu"),
                                        QStringLiteral("nicht"), QStringLiteral("und"), QStringLiteral("oder")};
    return words.contains(c.low(from));
}

int wordsIn(const Context &c, int from, int last)
{
    int n = 0;
    for (int t = from; t <= last && t < c.count(); ++t)
        n += c.isWord(t);
    return n;
}

// "The talks will resume, the minister said." / „…, sagte der Minister.“ /
// "…, according to the ministry."
bool trailingIndirect(const Context &c, int first, int end, Draft &draft)
{
    first = skipTimestamp(c, first, end);
    // The last comma of the sentence that is followed by a cue and a speaker only.
    int last = end - 1;
    while (last > first && !c.isWord(last))
        --last;
    for (int comma = last - 1; comma > first && comma >= last - 12; --comma) {
        if (!c.isChar(comma, u','))
            continue;
        const int k = comma + 1;
        Draft d;
        const int source = c.matchAny(k, c.lex.sourceBefore);
        if (source >= 0) {
            d.speaker = c.speakerStartingAt(source + 1, end);
            d.cueFirst = k;
            d.cueLast = source;
        } else if (c.isCue(k, false)) {
            d.speaker = c.speakerStartingAt(k + 1, end);
            d.cueFirst = d.cueLast = k;
        } else {
            d.speaker = c.speakerStartingAt(k, end);
            if (d.speaker.valid()) {
                int v = d.speaker.last + 1;
                v = c.skipRight(v, end);
                const int passive = c.matchAny(v, c.lex.passives);
                if (passive >= 0) {
                    d.cueFirst = v;
                    d.cueLast = passive;
                } else if (c.isCue(v, false)) {
                    d.cueFirst = d.cueLast = v;
                }
            }
        }
        if (!d.speaker.valid() || d.cueFirst < 0)
            return false;
        // Nothing but adjuncts ("on Tuesday", "in a statement") may follow.
        // ("said in a statement, blaming ..." ends at its comma).
        int after = std::max(d.cueLast, d.speaker.last) + 1;
        int upTo = after;
        while (upTo <= last && !c.isChar(upTo, u','))
            ++upTo;
        if (after <= last && wordsIn(c, after, upTo - 1) > 5)
            return false;
        const int clauseEnd = comma - 1;
        if (wordsIn(c, first, clauseEnd) < minClauseWords)
            return false;
        d.quote = c.span(first, clauseEnd);
        d.kind = QuoteKind::Indirect;
        d.rule = source >= 0 ? QStringLiteral("indirect: clause, according to speaker")
                             : QStringLiteral("indirect: clause, speaker and cue");
        d.confidence = 0.65;
        draft = d;
        return true;
    }
    return false;
}

} // namespace

int skipTimestamp(const Context &c, int first, int end)
{
    // "23:15 Turnout reached ..." in a live blog: the time is no part of the clause.
    if (first + 3 < end && c.isWord(first) && c.text.at(c.tok(first).start).isDigit()
        && (c.isChar(first + 1, u':') || c.isChar(first + 1, u'.')) && c.isWord(first + 2)
        && c.text.at(c.tok(first + 2).start).isDigit())
        return first + 3;
    return first;
}

int clauseLast(const Context &c, int from, int end)
{
    int last = end - 1;
    while (last > from && !c.isWord(last) && !c.isQuoteMark(last))
        --last;
    // Keep a closing quotation mark, drop the final point before it: `was "dead on arrival".`
    return last;
}

int contentStartAfterCue(const Context &c, int cueFirst, int cueLast, int limit, bool needThat)
{
    int t = cueLast + 1;
    limit = std::min(limit, c.count());
    // Past "in a statement", "on Tuesday", an addressee ("told reporters", "sagte der Zeitung").
    const bool object = c.lex.objectVerbs.contains(c.low(cueFirst));
    for (int guard = 0; guard < 3 && t < limit; ++guard) {
        const int statement = c.matchAny(t, c.lex.statements);
        if (statement >= 0) {
            t = statement + 1;
            continue;
        }
        break;
    }
    // "that" / "dass" within a few tokens (past an addressee) opens the clause.
    for (int k = t; k < limit && k <= t + 6; ++k) {
        if (c.isSentenceTerminator(k) || c.isQuoteMark(k))
            break;
        if (c.isWord(k) && c.lex.that.contains(c.low(k)))
            return k + 1 < limit ? k + 1 : -1;
        if (c.isChar(k, u',') || c.isChar(k, u':')) {
            if (needThat)
                continue; // "räumt ein, dass ...": the comma before "dass"
            return k + 1 < limit ? k + 1 : -1;
        }
    }
    if (needThat)
        return -1;
    if (object) {
        // "told reporters the plan…": skip a short addressee.
        Phrase addressee = c.speakerStartingAt(t, limit);
        if (addressee.valid())
            t = addressee.last + 1;
        else if (c.isWord(t) && !c.tok(t).capitalised && t + 1 < limit)
            ++t;
    }
    return t < limit ? t : -1;
}

bool indirectQuote(const Context &c, int sentence, Draft &draft)
{
    const int first = c.tt.sentenceFirstToken.at(sentence);
    const int end = c.tt.sentenceFirstToken.at(sentence + 1);
    if (end - first < 4)
        return false;
    if (trailingIndirect(c, first, end, draft))
        return true;
    for (int t = first; t < end; ++t) {
        // "According to X, CLAUSE" / "Laut X CLAUSE"
        const int source = c.matchAny(t, c.lex.sourceBefore);
        if (source >= 0 && t <= first + 1 && c.low(t) != u"so") {
            Phrase speaker = c.speakerStartingAt(source + 1, end);
            if (!speaker.valid())
                continue;
            int from = speaker.last + 1;
            // "According to a diplomat in Talven, ...": the speaker runs to the comma.
            for (int k = from; k < end && k <= from + 4; ++k) {
                if (c.isChar(k, u',')) {
                    if (k > from)
                        speaker.last = k - 1;
                    from = k;
                    break;
                }
                if (!c.isWord(k))
                    break;
            }
            if (c.isChar(from, u','))
                ++from;
            const int last = clauseLast(c, from, end);
            if (wordsIn(c, from, last) < minClauseWords)
                return false;
            draft.cueFirst = t;
            draft.cueLast = source;
            draft.speaker = speaker;
            draft.quote = c.span(from, last);
            draft.kind = QuoteKind::Indirect;
            draft.rule = QStringLiteral("indirect: according to speaker, clause");
            draft.confidence = 0.65;
            return true;
        }
        // "X zufolge CLAUSE"
        const int after = c.matchAny(t, c.lex.sourceAfter);
        if (after >= 0) {
            Phrase speaker = c.speakerEndingAt(t - 1, first);
            if (!speaker.valid())
                continue;
            const int from = after + 1;
            const int last = clauseLast(c, from, end);
            if (wordsIn(c, from, last) < minClauseWords)
                continue;
            draft.cueFirst = t;
            draft.cueLast = after;
            draft.speaker = speaker;
            draft.quote = c.span(from, last);
            draft.kind = QuoteKind::Indirect;
            draft.rule = QStringLiteral("indirect: speaker zufolge, clause");
            draft.confidence = 0.6;
            return true;
        }
        if (c.quoted.value(t))
            continue; // a cue inside quotation marks belongs to the quoted speaker
        bool strong = c.isCue(t, false);
        if (!strong && !c.isCue(t, true))
            continue;
        if (!strong) {
            // "teilte am Dienstag mit, ...": a particle before a comma completes the verb.
            for (int k = t + 1; k < end && k <= t + 6; ++k) {
                if (c.isChar(k, u',')) {
                    strong = c.isWord(k - 1) && c.lex.particles.contains(c.low(k - 1));
                    break;
                }
            }
        }
        Phrase speaker = c.subjectOf(t, first);
        int cueLast = t;
        if (c.lex.language == u"de") {
            Phrase right = c.speakerStartingAt(t + 1, end);
            if (right.valid() && (!speaker.valid() || speaker.first != first)) {
                speaker = right;
                cueLast = right.last;
            }
        }
        if (!speaker.valid())
            continue;
        if (c.isWord(t + 1) && (c.low(t + 1) == u"to" || c.low(t + 1) == u"zu"))
            continue; // "was told to leave", "asked to comment"
        const int from = contentStartAfterCue(c, t, cueLast, end, !strong);
        if (from < 0 || startsNoClause(c, from))
            continue;
        const int last = clauseLast(c, from, end);
        if (wordsIn(c, from, last) < minClauseWords)
            continue;
        draft.cueFirst = t;
        draft.cueLast = t;
        draft.speaker = speaker;
        draft.quote = c.span(from, last);
        draft.kind = QuoteKind::Indirect;
        draft.rule = QStringLiteral("indirect: speaker, cue, clause");
        draft.confidence = 0.6;
        return true;
    }
    return false;
}

} // namespace newscoder::quotes::detail
