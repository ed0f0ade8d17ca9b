#include "quotes/AttributionContext_p.h"

#include <algorithm>

namespace newscoder::quotes::detail {

namespace {
constexpr int maxPhraseTokens = 9;
}

Context::Context(const QString &t, const QuoteLexicon &lexicon)
    : text(t), lex(lexicon), tt(TextTokens::of(t))
{
    paragraphOfToken.resize(tt.tokens.size());
    int paragraph = 0;
    for (qsizetype i = 0; i < tt.tokens.size(); ++i) {
        if (i > 0 && tt.tokens.at(i).lineBreakBefore)
            ++paragraph;
        paragraphOfToken[i] = paragraph;
    }
}

bool Context::isChar(int t, char16_t c) const
{
    if (t < 0 || t >= count())
        return false;
    const Token &k = tok(t);
    return k.end - k.start == 1 && text.at(k.start).unicode() == c;
}

int Context::tokenAtOrAfter(int position) const
{
    const auto it = std::lower_bound(tt.tokens.cbegin(), tt.tokens.cend(), position,
                                     [](const Token &k, int p) { return k.start < p; });
    return int(it - tt.tokens.cbegin());
}

int Context::matchPhrase(int t, const QStringList &phrase) const
{
    int at = t;
    for (const QString &word : phrase) {
        if (at >= count() || low(at) != word)
            return -1;
        ++at;
    }
    return at - 1;
}

int Context::matchAny(int t, const QList<QStringList> &phrases) const
{
    if (!isWord(t))
        return -1;
    for (const QStringList &p : phrases) {
        const int last = matchPhrase(t, p);
        if (last >= 0)
            return last;
    }
    return -1;
}

bool Context::isCue(int t, bool allowWeak) const
{
    if (!isWord(t))
        return false;
    // "the United States": a capitalised word is a cue only where every word is ("Says Peskov").
    if (tok(t).capitalised && t != sentenceFirst(t))
        return false;
    const QString w = low(t);
    return lex.verbs.contains(w) || (allowWeak && lex.weakVerbs.contains(w));
}

bool Context::isSentenceTerminator(int t) const
{
    return isChar(t, u'.') || isChar(t, u'!') || isChar(t, u'?') || isChar(t, u'…');
}

bool Context::isQuoteMark(int t) const
{
    if (t < 0 || t >= count())
        return false;
    const Token &k = tok(t);
    if (k.end - k.start != 1)
        return false;
    const char16_t c = text.at(k.start).unicode();
    return c == u'"' || c == u'\'' || (c >= 0x2018 && c <= 0x201E) || c == 0x00AB || c == 0x00BB || c == 0x2039
           || c == 0x203A || (c >= 0x300C && c <= 0x300F);
}

QuoteSpan Context::span(int first, int last) const
{
    if (first < 0 || last < first || last >= count())
        return {};
    return {tok(first).start, tok(last).end};
}

int Context::skipLeft(int t, int limit) const
{
    int steps = 0;
    while (t >= limit && steps < 4 && isWord(t) && !tok(t).capitalised && lex.skip.contains(low(t))) {
        --t;
        ++steps;
    }
    return t;
}

int Context::skipRight(int t, int limit) const
{
    int steps = 0;
    while (t < limit && steps < 4 && isWord(t) && lex.skip.contains(low(t))) {
        ++t;
        ++steps;
    }
    return t;
}

Phrase Context::speakerEndingAt(int end, int limit) const
{
    limit = std::max(limit, 0);
    int first = -1;
    int taken = 0;
    for (int t = end; t >= limit && taken < maxPhraseTokens; --t) {
        if (t < count() && t != end && tok(t + 1).lineBreakBefore)
            break;
        if (!isWord(t)) {
            if (isChar(t, u'-') && first == t + 1 && t - 1 >= limit && isWord(t - 1) && tok(t - 1).end == tok(t).start
                && tok(t + 1).start == tok(t).end) {
                ++taken;
                continue;
            }
            // "U.S. officials", "Mr. Smith": a point after an abbreviation.
            if (isChar(t, u'.') && first >= 0 && t - 1 >= limit && isWord(t - 1)
                && (tok(t - 1).end - tok(t - 1).start <= 4) && tok(t - 1).capitalised) {
                ++taken;
                continue;
            }
            break;
        }
        const QString w = low(t);
        if (first < 0 && lex.pronouns.contains(w)) {
            first = t;
            break;
        }
        if (lex.determiners.contains(w) || lex.indefinites.contains(w)) {
            // "the Office of the Prime Minister": an article after "of" goes on.
            if (first >= 0 && t - 1 >= limit && (low(t - 1) == u"of" || low(t - 1) == u"von")) {
                ++taken;
                continue;
            }
            if (first >= 0)
                first = t;
            break;
        }
        if (tok(t).capitalised) {
            if (lex.stop.contains(w) || (lex.isCueVerb(w) && t == sentenceFirst(t)))
                break;
            first = t;
        } else if (lex.isRole(w) || lex.organisations.contains(w) || lex.anonymous.contains(w)) {
            first = t;
        } else if ((w == u"of" || w == u"von" || w == u"for") && first >= 0) {
            // "Minister of Foreign Affairs": keep going only if a word precedes.
        } else if (first >= 0 && t - 1 >= limit && isWord(t - 1) && !tok(t - 1).capitalised && lex.isRole(low(t - 1))
                   && !lex.function.contains(w) && !lex.skip.contains(w)) {
            first = t; // "chief financial officer": a plain word between role words
        } else {
            // "a farmer said", "the head teacher said": plain words back to an article.
            int k = t;
            while (k >= limit && k > t - 3 && isWord(k) && !tok(k).capitalised && !lex.function.contains(low(k))
                   && !lex.skip.contains(low(k)) && !lex.determiners.contains(low(k)) && !lex.indefinites.contains(low(k)))
                --k;
            // Not after a preposition: "over the past weeks accused" has no speaker there.
            const bool afterPreposition = k - 1 >= 0 && isWord(k - 1) && lex.function.contains(low(k - 1));
            if (k >= limit && isWord(k) && (lex.determiners.contains(low(k)) || lex.indefinites.contains(low(k)))
                && !afterPreposition && (first < 0 || t == first - 1))
                first = k;
            break;
        }
        ++taken;
    }
    if (first < 0)
        return {};
    int last = end;
    while (first <= last && !isWord(first))
        ++first;
    while (first <= last && (low(first) == u"of" || low(first) == u"von" || low(first) == u"for"))
        ++first;
    return first <= last ? classify(first, last) : Phrase{};
}

Phrase Context::speakerStartingAt(int start, int limit) const
{
    limit = std::min(limit, count());
    int last = -1;
    int t = start;
    if (t < limit && isWord(t)) {
        const QString w = low(t);
        if (lex.pronouns.contains(w))
            return classify(t, t);
        if (lex.determiners.contains(w) || lex.indefinites.contains(w)) {
            ++t;
            // "a farmer whose fields ...", "the company": up to three plain words after the article.
            int head = -1;
            for (int k = t; k < limit && k < t + 3 && isWord(k) && !tok(k).capitalised; ++k) {
                const QString lw = low(k);
                if (lex.function.contains(lw) || lex.isCueVerb(lw) || lex.skip.contains(lw))
                    break;
                head = k;
            }
            if (head >= 0 && (head + 1 >= limit || !isWord(head + 1) || !tok(head + 1).capitalised))
                return classify(start, head);
        }
    }
    for (int taken = 0; t < limit && taken < maxPhraseTokens; ++t, ++taken) {
        if (t > start && tok(t).lineBreakBefore)
            break;
        if (!isWord(t)) {
            if (isChar(t, u'-') && last == t - 1 && tok(t - 1).end == tok(t).start && t + 1 < limit
                && tok(t + 1).start == tok(t).end && isWord(t + 1))
                continue; // "CDU-Politiker", "Biden-era"
            if (isChar(t, u'.') && last == t - 1 && tok(t - 1).capitalised && tok(t - 1).end - tok(t - 1).start <= 4
                && t + 1 < limit && tok(t + 1).capitalised && !tok(t + 1).lineBreakBefore)
                continue;
            break;
        }
        const QString w = low(t);
        if (tok(t).capitalised) {
            if ((lex.isCueVerb(w) && t == sentenceFirst(t)) || (lex.stop.contains(w) && last >= 0))
                break;
            last = t;
        } else if (lex.isRole(w) || lex.organisations.contains(w) || lex.anonymous.contains(w)) {
            last = t;
        } else if ((w == u"of" || w == u"von" || w == u"des" || w == u"der") && last >= 0 && t + 1 < limit
                   && (tok(t + 1).capitalised || lex.determiners.contains(low(t + 1)))) {
            continue;
        } else if (lex.determiners.contains(w) && last >= 0 && t >= 1 && (low(t - 1) == u"of" || low(t - 1) == u"von")) {
            continue;
        } else if (bridgesToName(t, limit)) {
            continue; // "chief financial officer Priya Nandal", "botanist Amira Castell"
        } else {
            break;
        }
    }
    if (last < 0)
        return {};
    return classify(start, last);
}

bool Context::bridgesToName(int t, int limit) const
{
    for (int k = t; k < limit && k <= t + 2; ++k) {
        if (!isWord(k) || tok(k).lineBreakBefore)
            return false;
        const QString w = low(k);
        if (tok(k).capitalised)
            return k > t && !lex.stop.contains(w);
        if (lex.function.contains(w) || lex.skip.contains(w) || lex.isCueVerb(w) || lex.determiners.contains(w)
            || lex.indefinites.contains(w) || lex.pronouns.contains(w))
            return false;
    }
    return false;
}

Phrase Context::subjectOf(int cue, int limit) const
{
    const int end = skipLeft(cue - 1, limit);
    if (end < limit)
        return {};
    // "Trump's promise": a possessive before a noun, not a speaker before a verb.
    if (end == cue - 1 && isWord(end)) {
        const QStringView w = QStringView(text).mid(tok(end).start, tok(end).end - tok(end).start);
        if (w.endsWith(u"'s") || w.endsWith(u"’s"))
            return {};
    }
    if (isChar(end, u',')) {
        // An appositive between commas: "Dmitry Peskov, the Kremlin spokesman, said".
        for (int c = end - 1; c >= limit && c >= end - 14; --c) {
            if (isQuoteMark(c) || isSentenceTerminator(c))
                break;
            if (isChar(c, u',')) {
                Phrase before = speakerEndingAt(c - 1, limit);
                if (before.valid() && (before.kind == SpeakerKind::Person || before.kind == SpeakerKind::Organisation))
                    return before;
                Phrase inside = speakerEndingAt(end - 1, c + 1);
                if (inside.valid() && inside.first == c + 1)
                    return inside;
                return before.valid() ? before : Phrase{};
            }
        }
        return {};
    }
    return speakerEndingAt(end, limit);
}

Phrase Context::classify(int first, int last) const
{
    Phrase p;
    p.first = first;
    p.last = last;
    // "Mark Hollis of Wendell": a name, then where the person is from.
    for (int k = first + 2; k < last; ++k) {
        const QString w = low(k);
        if ((w == u"of" || w == u"from" || w == u"aus") && tok(k - 1).capitalised && !lex.isRole(low(k - 1))
            && !lex.organisations.contains(low(k - 1)) && tok(k - 2).capitalised && tok(k + 1).capitalised
            && !lex.isRole(low(k + 1)) && !lex.organisations.contains(low(last))) {
            last = k - 1;
            p.last = last;
            break;
        }
    }
    const QString firstWord = low(first);
    const QString lastWord = low(last);
    if (first == last && lex.pronouns.contains(firstWord)) {
        p.kind = SpeakerKind::Pronoun;
        p.name = firstWord;
        return p;
    }
    const bool determiner = lex.determiners.contains(firstWord);
    const bool indefinite = lex.indefinites.contains(firstWord);
    // Capitalised only because it begins the sentence ("Officials said"): no name.
    const bool lastCapitalised = tok(last).capitalised
                                 && !(last == sentenceFirst(last)
                                      && (lex.anonymous.contains(lastWord) || lex.isRole(lastWord)
                                          || lex.organisations.contains(lastWord)));
    const bool possessive = firstWord == u"his" || firstWord == u"her" || firstWord == u"their" || firstWord == u"its"
                            || firstWord == u"sein" || firstWord == u"seine" || firstWord == u"ihr" || firstWord == u"ihre";
    if (indefinite || possessive || (!determiner && !lastCapitalised && lex.anonymous.contains(lastWord))) {
        p.kind = SpeakerKind::Anonymous;
        p.name = lastWord;
        return p;
    }
    if (!lastCapitalised) {
        // "the spokesman", "the ministry", "Kremlin spokesman": resolved to an earlier speaker.
        if (!determiner && !lex.isRole(lastWord) && !lex.organisations.contains(lastWord)
            && !lex.anonymous.contains(lastWord))
            return {};
        p.kind = SpeakerKind::Reference;
        p.name = lastWord;
        return p;
    }
    const int nameFirst = determiner ? first + 1 : first;
    if (nameFirst > last)
        return {};
    // A person: the trailing run of capitalised words that are no role or title.
    int nameStart = last + 1;
    for (int t = last; t >= nameFirst && t > last - 3; --t) { // a name has at most three words
        if (isChar(t, u'.'))
            break;
        if (!isWord(t) || !tok(t).capitalised || lex.isRole(low(t)))
            break;
        nameStart = t;
    }
    // "Die Ministerin Eva Roth": a role before the name makes a person even after an article.
    const bool roleBeforeName = nameStart <= last && nameStart - 1 >= nameFirst && lex.isRole(low(nameStart - 1))
                                && !lex.organisations.contains(lastWord);
    if (!roleBeforeName && (determiner || lex.organisations.contains(lastWord))) {
        p.kind = SpeakerKind::Organisation;
        p.name = text.mid(tok(nameFirst).start, tok(last).end - tok(nameFirst).start).simplified();
        if ((firstWord == u"des" || firstWord == u"eines") && p.name.size() > 5) {
            // German genitive: "des Innenministeriums" is the Innenministerium.
            if (p.name.endsWith(u"es") && !p.name.endsWith(u"ses"))
                p.name.chop(2);
            else if (p.name.endsWith(u's'))
                p.name.chop(1);
        }
        return p;
    }
    if (nameStart > last) {
        // Only roles ("Prime Minister", "Kremlin"): a reference, or an organisation of one word.
        p.kind = first == last ? SpeakerKind::Organisation : SpeakerKind::Reference;
        p.name = first == last ? text.mid(tok(first).start, tok(first).end - tok(first).start) : lastWord;
        return p;
    }
    p.kind = SpeakerKind::Person;
    p.name = text.mid(tok(nameStart).start, tok(last).end - tok(nameStart).start).simplified();
    // "Peskov's": the possessive is no part of the name.
    if (p.name.endsWith(u"'s") || p.name.endsWith(u"’s"))
        p.name.chop(2);
    return p;
}

} // namespace newscoder::quotes::detail
