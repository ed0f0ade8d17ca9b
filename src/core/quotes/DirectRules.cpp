#include "quotes/Rules_p.h"

namespace newscoder::quotes::detail {

namespace {

bool endsWithContinuation(const Context &c, const QuoteTokens &q)
{
    // The quoted words end in , ? ! … or a dash: the sentence goes on after the mark.
    const int last = q.closeTok - 1;
    return c.isChar(last, u',') || c.isChar(last, u'?') || c.isChar(last, u'!') || c.isChar(last, u'…')
           || c.isChar(last, 0x2014) || c.isChar(last, 0x2013) || c.isChar(last, u'-');
}

// A cue (verb, passive phrase or "so"/"according to") at t; returns its last token or -1.
int cueAt(const Context &c, int t, bool allowWeak)
{
    const int passive = c.matchAny(t, c.lex.passives);
    if (passive >= 0)
        return passive;
    if (c.isCue(t, allowWeak)) {
        // Separable German verbs and "pointed out": the particle joins the cue only when adjacent.
        return t;
    }
    return -1;
}

} // namespace

bool trailingCue(const Context &c, const QuoteTokens &q, Draft &draft)
{
    int k = q.closeTok + 1;
    if (k >= c.count() || c.tok(k).lineBreakBefore)
        return false;
    bool comma = false;
    if (c.isChar(k, u',')) {
        comma = true;
        ++k;
    }
    if (!comma && !endsWithContinuation(c, q))
        return false;
    const int limit = std::min(c.sentenceEnd(q.closeTok) + 1, std::min(c.count(), k + 14));
    if (k >= limit || c.tok(k).lineBreakBefore)
        return false;
    // A2: the cue first, the speaker after it ("said Peskov", "sagte Peskov", "so Peskov").
    int cueLast = cueAt(c, k, true);
    int sourceLast = c.matchAny(k, c.lex.sourceBefore);
    if (cueLast >= 0 || sourceLast >= 0) {
        const int last = cueLast >= 0 ? cueLast : sourceLast;
        Phrase speaker = c.speakerStartingAt(last + 1, limit);
        if (!speaker.valid())
            return false;
        draft.cueFirst = k;
        draft.cueLast = last;
        draft.speaker = speaker;
        draft.rule = QStringLiteral("direct: quote, cue, speaker");
        draft.confidence = 0.9;
        return true;
    }
    // A1: the speaker first ("Peskov said", "the Kremlin spokesman told reporters", "he added").
    Phrase speaker = c.speakerStartingAt(k, limit);
    if (!speaker.valid())
        return false;
    int v = speaker.last + 1;
    if (c.isChar(v, u',')) {
        // "Dmitry Peskov, the Kremlin spokesman, said"
        int close = -1;
        for (int t = v + 1; t < limit && t <= v + 10; ++t) {
            if (c.isChar(t, u',')) {
                close = t;
                break;
            }
        }
        if (close < 0)
            return false;
        v = close + 1;
    }
    cueLast = cueAt(c, v, true); // "was quoted as saying" before "was" is skipped as an auxiliary
    if (cueLast < 0) {
        v = c.skipRight(v, limit);
        cueLast = cueAt(c, v, true);
    }
    if (cueLast < 0)
        return false;
    draft.cueFirst = v;
    draft.cueLast = cueLast;
    draft.speaker = speaker;
    draft.rule = QStringLiteral("direct: quote, speaker, cue");
    draft.confidence = 0.9;
    return true;
}

bool leadingCue(const Context &c, const QuoteTokens &q, Draft &draft)
{
    int p = q.openTok - 1;
    if (p < 0)
        return false;
    const bool colon = c.isChar(p, u':');
    const bool sameLine = !c.tok(q.openTok).lineBreakBefore;
    if (!sameLine && !colon)
        return false;
    if (colon || c.isChar(p, u','))
        --p;
    else if (!c.isCue(p, false))
        return false;
    if (p < 0)
        return false;
    const int limit = c.sentenceFirst(p);
    // The cue within a few tokens before the colon (past an addressee or "in a statement").
    for (int t = p; t >= limit && t >= p - 8; --t) {
        if (c.isQuoteMark(t) || c.isSentenceTerminator(t))
            break;
        const int passive = c.matchAny(t, c.lex.passives);
        const bool cue = passive >= 0 || c.isCue(t, true);
        const int source = cue ? -1 : c.matchAny(t, c.lex.sourceBefore);
        if (!cue && source < 0)
            continue;
        Phrase speaker;
        if (source >= 0) {
            speaker = c.speakerStartingAt(source + 1, p + 1);
        } else {
            Phrase left = c.subjectOf(t, limit);
            Phrase right = c.speakerStartingAt((passive >= 0 ? passive : t) + 1, p + 1);
            const bool germanInverted = c.lex.language == u"de" && right.valid()
                                        && (!left.valid() || left.first != limit);
            speaker = germanInverted || !left.valid() ? right : left;
        }
        if (!speaker.valid())
            return false;
        draft.cueFirst = t;
        draft.cueLast = source >= 0 ? source : (passive >= 0 ? passive : t);
        draft.speaker = speaker;
        draft.rule = colon ? QStringLiteral("direct: speaker, cue, colon, quote")
                           : QStringLiteral("direct: speaker, cue, quote");
        draft.confidence = sameLine ? 0.85 : 0.8;
        return true;
    }
    return false;
}

bool mixedQuote(const Context &c, const QuoteTokens &q, Draft &draft)
{
    if (q.openTok <= 0)
        return false;
    const int first = c.sentenceFirst(q.openTok);
    const int end = c.sentenceEnd(q.openTok);
    for (int t = first; t < q.openTok; ++t) {
        if (c.isQuoteMark(t))
            break;
        const int source = c.matchAny(t, c.lex.sourceBefore);
        if (source >= 0 && (c.lex.language != u"de" || c.low(t) != u"so")) {
            Phrase speaker = c.speakerStartingAt(source + 1, q.openTok);
            if (!speaker.valid())
                continue;
            int from = speaker.last + 1;
            if (c.isChar(from, u','))
                ++from;
            if (from > q.openTok)
                continue;
            draft.cueFirst = t;
            draft.cueLast = source;
            draft.speaker = speaker;
            draft.quote = c.span(from, clauseLast(c, from, end));
            draft.kind = QuoteKind::Mixed;
            draft.rule = QStringLiteral("mixed: according to speaker, clause with quoted words");
            draft.confidence = 0.65;
            return draft.quote.isValid();
        }
        if (!c.isCue(t, true))
            continue;
        Phrase speaker = c.subjectOf(t, first);
        if (!speaker.valid())
            speaker = c.lex.language == u"de" ? c.speakerStartingAt(t + 1, q.openTok) : Phrase{};
        if (!speaker.valid())
            continue;
        const int from = contentStartAfterCue(c, t, speaker.first > t ? speaker.last : t, q.openTok + 1, false);
        if (from < 0 || from > q.openTok)
            continue;
        draft.cueFirst = t;
        draft.cueLast = t;
        draft.speaker = speaker;
        draft.quote = c.span(from, clauseLast(c, from, end));
        draft.kind = QuoteKind::Mixed;
        draft.rule = QStringLiteral("mixed: speaker, cue, clause with quoted words");
        draft.confidence = 0.7;
        return draft.quote.isValid();
    }
    return false;
}

} // namespace newscoder::quotes::detail
