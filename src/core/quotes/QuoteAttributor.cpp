#include "quotes/QuoteAttributor.h"

#include "quotes/Rules_p.h"

#include <algorithm>

namespace newscoder::quotes {

using namespace detail;

namespace {

// A speaker already attributed, for pronouns, references and surnames.
struct Known
{
    SpeakerKind kind;
    QString actor;
    QString phraseLower;
    QuoteSpan span;
};

QString lastWordOf(const QString &name)
{
    const qsizetype space = name.lastIndexOf(u' ');
    return space < 0 ? name : name.mid(space + 1);
}

bool sameName(const QString &a, const QString &b)
{
    return QString::compare(a, b, Qt::CaseInsensitive) == 0;
}

class Resolver
{
public:
    explicit Resolver(const Context &c) : m_c(c) { findMentions(); }

    void resolve(const Draft &d, Attribution &a)
    {
        a.speakerKind = d.speaker.kind;
        if (!d.speaker.valid()) {
            a.speakerKind = SpeakerKind::None;
            return;
        }
        a.speaker = m_c.span(d.speaker.first, d.speaker.last);
        const QString phrase = m_c.text.mid(a.speaker.start, a.speaker.length()).toLower();
        switch (d.speaker.kind) {
        case SpeakerKind::Person: {
            a.actor = d.speaker.name;
            if (!a.actor.contains(u' ')) {
                // A surname alone: the full name said earlier.
                bool found = false;
                for (qsizetype i = m_known.size() - 1; i >= knownFloor() && !found; --i) {
                    const Known &k = m_known.at(i);
                    if (k.kind == SpeakerKind::Person && k.actor.contains(u' ') && sameName(lastWordOf(k.actor), a.actor)) {
                        a.actor = k.actor;
                        found = true;
                    }
                }
                for (const auto *list : {&m_mentions, &m_weak}) {
                    const qsizetype top = lastBefore(*list, a.speaker.start);
                    for (qsizetype i = top; i >= 0 && i > top - lookBack && !found; --i) {
                        if (sameName(lastWordOf(list->at(i).second), a.actor)) {
                            a.actor = list->at(i).second;
                            found = true;
                        }
                    }
                }
            }
            break;
        }
        case SpeakerKind::Organisation:
            a.actor = d.speaker.name;
            break;
        case SpeakerKind::Pronoun: {
            const QString &p = d.speaker.name;
            const bool thing = p == u"it" || p == u"es";
            const bool plural = p == u"they" || p == u"we" || p == u"sie" || p == u"wir";
            int best = -1;
            for (qsizetype i = m_known.size() - 1; i >= knownFloor(); --i) {
                const Known &k = m_known.at(i);
                if (k.actor.isEmpty() || k.span.start > a.speaker.start)
                    continue;
                if (thing && k.kind != SpeakerKind::Organisation)
                    continue;
                if (!thing && !plural && k.kind != SpeakerKind::Person)
                    continue;
                a.actor = k.actor;
                best = k.span.start;
                break;
            }
            if (!thing)
                a.actor = nearestMention(a.speaker.start, best, a.actor);
            if (!thing && a.actor.isEmpty())
                a.actor = nearestWeakMention(a.speaker.start);
            if (a.actor.isEmpty())
                a.confidence -= 0.15;
            break;
        }
        case SpeakerKind::Reference: {
            const QString &head = d.speaker.name;
            // "the shop's owner" is someone new; "the spokesman" is the one named
            // with that role before (as a speaker, or as "Kremlin spokesman Dmitry Peskov").
            const bool possessive = phrase.contains(u"'s ") || phrase.contains(u"’s ");
            for (qsizetype i = m_known.size() - 1; i >= knownFloor() && !possessive; --i) {
                const Known &k = m_known.at(i);
                if (!k.actor.isEmpty() && k.phraseLower.contains(head) && k.span.start < a.speaker.start) {
                    a.actor = k.actor;
                    break;
                }
            }
            const auto roleTop = std::lower_bound(m_roleMentions.cbegin(), m_roleMentions.cend(), a.speaker.start,
                                                  [](const RoleMention &m, int p) { return m.position < p; })
                                 - m_roleMentions.cbegin() - 1;
            for (qsizetype i = roleTop; i >= 0 && i > roleTop - lookBack && a.actor.isEmpty() && !possessive; --i) {
                const auto &m = m_roleMentions.at(i);
                if (m.role == head || m.role.endsWith(head)) {
                    a.actor = m.name;
                    break;
                }
            }
            if (a.actor.isEmpty() && m_c.lex.organisations.contains(head)) {
                // "Police said", "the ministry said" with no earlier name: the phrase itself.
                QString name = m_c.text.mid(a.speaker.start, a.speaker.length()).simplified();
                const qsizetype space = name.indexOf(u' ');
                if (space > 0 && m_c.lex.determiners.contains(name.left(space).toLower()))
                    name = name.mid(space + 1);
                a.actor = name;
            }
            break;
        }
        case SpeakerKind::Anonymous:
        case SpeakerKind::None:
            break;
        }
        SpeakerKind known = d.speaker.kind;
        if (known == SpeakerKind::Pronoun || known == SpeakerKind::Reference) {
            if (!a.actor.isEmpty())
                known = kindOf(a.actor, m_c.lex.organisations.contains(d.speaker.name));
        }
        m_known.append({known,
                        a.actor, phrase, a.speaker});
    }

    // The last person named with a role (else any capitalised name) in [from, to).
    bool personNamedBetween(int from, int to, Attribution &a) const
    {
        for (const auto *list : {&m_mentionSpans, &m_weakSpans}) {
            const auto it = std::lower_bound(list->cbegin(), list->cend(), to,
                                             [](const QPair<QuoteSpan, QString> &m, int p) { return m.first.start < p; });
            for (qsizetype i = (it - list->cbegin()) - 1; i >= 0; --i) {
                const auto &[span, name] = list->at(i);
                if (span.start < from)
                    break;
                a.speaker = span;
                a.speakerKind = SpeakerKind::Person;
                a.actor = name;
                return true;
            }
        }
        return false;
    }

    // The nearest earlier speaker for a floating quote.
    const Known *last() const { return m_known.isEmpty() ? nullptr : &m_known.last(); }

private:
    // Names after a role word ("Rovers manager Jonas Pirre", "President Vladimir
    // Putin"): people a later "he" or "the manager" may refer to.
    void findMentions()
    {
        const int n = m_c.count();
        // Any run of two or three capitalised words that are no role, stop word or
        // organisation: a possible full name, for surnames and a last-resort "he".
        for (int t = 0; t + 1 < n; ++t) {
            int last = t - 1;
            for (int k = t; k < n && k < t + 3; ++k) {
                if (!m_c.isWord(k) || !m_c.tok(k).capitalised || (k > t && m_c.tok(k).lineBreakBefore))
                    break;
                const QString w = m_c.low(k);
                if (m_c.lex.isRole(w) || m_c.lex.stop.contains(w) || m_c.lex.organisations.contains(w)
                    || m_c.lex.determiners.contains(w) || m_c.lex.pronouns.contains(w) || m_c.lex.isCueVerb(w))
                    break;
                last = k;
            }
            if (last > t) {
                QString name = m_c.text.mid(m_c.tok(t).start, m_c.tok(last).end - m_c.tok(t).start);
                if (name.endsWith(u"'s") || name.endsWith(u"’s"))
                    name.chop(2);
                m_weak.append({m_c.tok(t).start, name});
                m_weakSpans.append({QuoteSpan{m_c.tok(t).start, m_c.tok(last).end}, name});
                t = last;
            }
        }
        for (int t = 0; t + 1 < n; ++t) {
            if (!m_c.isWord(t) || !m_c.lex.isRole(m_c.low(t)))
                continue;
            int last = -1;
            for (int k = t + 1; k < n && k <= t + 3; ++k) {
                if (!m_c.isWord(k) || !m_c.tok(k).capitalised || m_c.tok(k).lineBreakBefore)
                    break;
                const QString w = m_c.low(k);
                if (m_c.lex.isRole(w) || m_c.lex.stop.contains(w) || m_c.lex.organisations.contains(w))
                    break;
                last = k;
            }
            if (last < 0)
                continue;
            QString name = m_c.text.mid(m_c.tok(t + 1).start, m_c.tok(last).end - m_c.tok(t + 1).start);
            if (name.endsWith(u"'s") || name.endsWith(u"’s"))
                name.chop(2);
            if (name.contains(u' ')) {
                m_mentions.append({m_c.tok(t + 1).start, name});
                m_roleMentions.append({m_c.tok(t + 1).start, m_c.low(t), name});
                m_mentionSpans.append({QuoteSpan{m_c.tok(t + 1).start, m_c.tok(last).end}, name});
            }
            t = last;
        }
    }

    // The person mentioned nearest before `position` if nearer than `knownAt`; else `fallback`.
    QString nearestMention(int position, int knownAt, const QString &fallback) const
    {
        const qsizetype i = lastBefore(m_mentions, position);
        if (i >= 0)
            return m_mentions.at(i).first > knownAt ? m_mentions.at(i).second : fallback;
        return fallback;
    }

    QString nearestWeakMention(int position) const
    {
        const qsizetype i = lastBefore(m_weak, position);
        return i >= 0 ? m_weak.at(i).second : QString();
    }

    // Antecedents are looked for among the last `lookBack` speakers and names only,
    // so a 20 MB text with 60,000 quotes stays linear.
    static constexpr qsizetype lookBack = 200;
    qsizetype knownFloor() const { return std::max<qsizetype>(0, m_known.size() - lookBack); }

    // Index of the last entry of a position-sorted list before `position`, or -1.
    static qsizetype lastBefore(const QList<QPair<int, QString>> &list, int position)
    {
        const auto it = std::lower_bound(list.cbegin(), list.cend(), position,
                                         [](const QPair<int, QString> &m, int p) { return m.first < p; });
        return (it - list.cbegin()) - 1;
    }

    SpeakerKind kindOf(const QString &actor, bool organisationHead) const
    {
        for (qsizetype i = m_known.size() - 1; i >= knownFloor(); --i)
            if (m_known.at(i).actor == actor && m_known.at(i).kind != SpeakerKind::Reference
                && m_known.at(i).kind != SpeakerKind::Pronoun)
                return m_known.at(i).kind;
        return organisationHead ? SpeakerKind::Organisation : SpeakerKind::Person;
    }

    const Context &m_c;
    QList<Known> m_known;
    QList<QPair<int, QString>> m_mentions; // position, name; in text order
    QList<QPair<int, QString>> m_weak;     // capitalised runs that may be names
    struct RoleMention
    {
        int position;
        QString role; // lower case: "spokesman", "verkehrsministerin"
        QString name;
    };
    QList<RoleMention> m_roleMentions;
    QList<QPair<QuoteSpan, QString>> m_mentionSpans; // the same, as spans
    QList<QPair<QuoteSpan, QString>> m_weakSpans;
};

} // namespace

QList<Attribution> attributeQuotes(const QString &text, const QString &language)
{
    const QString lang = language.isEmpty() ? detectQuoteLanguage(text) : language;
    return attributeQuotes(text, QuoteLexicon::builtIn(lang));
}

QList<Attribution> attributeQuotes(const QString &text, const QuoteLexicon &lexicon)
{
    Context c(text, lexicon);
    const QList<MarkedQuote> marked = findMarkedQuotes(text);
    c.quoted.fill(false, c.count());
    for (const MarkedQuote &m : marked)
        for (int t = c.tokenAtOrAfter(m.contentStart); t < c.count() && c.tok(t).start < m.contentEnd; ++t)
            c.quoted[t] = true;
    QList<Draft> drafts;
    QList<bool> sentenceTaken(c.tt.sentenceFirstToken.size(), false);
    QList<QuoteTokens> quotes;
    for (const MarkedQuote &m : marked) {
        QuoteTokens q;
        q.marks = m;
        q.openTok = c.tokenAtOrAfter(m.open);
        q.closeTok = c.tokenAtOrAfter(m.close);
        if (q.openTok >= c.count() || q.closeTok >= c.count())
            continue;
        quotes.append(q);
    }
    QList<int> unattributed;
    for (int i = 0; i < quotes.size(); ++i) {
        const QuoteTokens &q = quotes.at(i);
        Draft d;
        d.quote = {q.marks.contentStart, q.marks.contentEnd};
        d.kind = QuoteKind::Direct;
        if (trailingCue(c, q, d) || leadingCue(c, q, d)) {
            // Words before the mark in the same sentence that are no leading cue:
            // `The plan was "dead on arrival," Peskov said.` is a mixed quote.
            const int first = skipTimestamp(c, c.sentenceFirst(q.openTok), q.openTok);
            if (d.cueFirst > q.closeTok && q.openTok > first && !c.isQuoteMark(first) && q.marks.paragraphs == 1) {
                int words = 0;
                for (int t = first; t < q.openTok; ++t)
                    words += c.isWord(t) && c.text.at(c.tok(t).start).isLetter(); // not "13:50"
                if (words >= 2) {
                    d.kind = QuoteKind::Mixed;
                    d.quote = {c.tok(first).start, q.marks.contentEnd};
                    d.rule = QStringLiteral("mixed: clause with quoted words, speaker, cue");
                    d.confidence = 0.7;
                }
            }
            d.order = q.marks.open;
            drafts.append(d);
            sentenceTaken[c.sentence(q.openTok)] = true;
            sentenceTaken[c.sentence(q.closeTok)] = true;
            continue;
        }
        unattributed.append(i);
    }
    // Quotations without a cue of their own: a mixed quote in a sentence with a
    // cue, or a floating quote filling its paragraph.
    QList<int> floating;
    for (int i : std::as_const(unattributed)) {
        const QuoteTokens &q = quotes.at(i);
        const int sentence = c.sentence(q.openTok);
        if (sentenceTaken.at(sentence))
            continue;
        Draft d;
        if (mixedQuote(c, q, d)) {
            d.order = d.quote.start;
            drafts.append(d);
            sentenceTaken[sentence] = true;
            continue;
        }
        // A quotation that is a sentence (or paragraph) of its own: the words of
        // the speaker named just before (`"…," Peskov said. "More words."`).
        const bool startsSentence = q.openTok == 0 || c.tok(q.openTok).lineBreakBefore
                                    || q.openTok == c.sentenceFirst(q.openTok);
        int after = q.closeTok + 1;
        while (after < c.count() && !c.tok(after).lineBreakBefore && !c.isWord(after) && !c.isQuoteMark(after))
            ++after;
        const bool endsSentence = after >= c.count() || c.tok(after).lineBreakBefore
                                  || c.sentence(after) != c.sentence(q.closeTok)
                                  || c.isSentenceTerminator(q.closeTok - 1);
        if (startsSentence && endsSentence) {
            floating.append(i);
            for (int s = c.sentence(q.openTok); s <= c.sentence(q.closeTok); ++s)
                sentenceTaken[s] = true;
        }
    }
    for (int s = 0; s + 1 < c.tt.sentenceFirstToken.size(); ++s) {
        if (sentenceTaken.at(s))
            continue;
        Draft d;
        if (indirectQuote(c, s, d)) {
            const auto inside = std::lower_bound(marked.cbegin(), marked.cend(), d.quote.start,
                                                 [](const MarkedQuote &m, int p) { return m.open < p; });
            if (inside != marked.cend() && inside->open < d.quote.end) {
                d.kind = QuoteKind::Mixed;
                d.rule.replace(QStringLiteral("indirect"), QStringLiteral("mixed"));
            }
            d.order = std::min(d.quote.start, c.tok(d.cueFirst).start);
            drafts.append(d);
        }
    }
    for (int i : std::as_const(floating)) {
        Draft d;
        d.kind = QuoteKind::Floating;
        d.quote = {quotes.at(i).marks.contentStart, quotes.at(i).marks.contentEnd};
        const QuoteTokens &q = quotes.at(i);
        const bool paragraph = (q.openTok == 0 || c.tok(q.openTok).lineBreakBefore)
                               && (q.closeTok + 1 >= c.count() || c.tok(q.closeTok + 1).lineBreakBefore
                                   || c.paragraphOfToken.at(q.closeTok + 1) != c.paragraphOfToken.at(q.closeTok));
        d.rule = paragraph ? QStringLiteral("floating: quoted paragraph after a named speaker")
                           : QStringLiteral("floating: quoted sentence after a named speaker");
        d.confidence = 0.55;
        d.order = quotes.at(i).marks.open;
        drafts.append(d);
    }
    std::sort(drafts.begin(), drafts.end(), [](const Draft &a, const Draft &b) { return a.order < b.order; });

    QList<Attribution> result;
    Resolver resolver(c);
    int lastParagraphWithSpeaker = -100;
    for (const Draft &d : std::as_const(drafts)) {
        Attribution a;
        a.kind = d.kind;
        a.quote = d.quote;
        a.confidence = d.confidence;
        a.rule = d.rule;
        if (d.kind == QuoteKind::Floating) {
            const Known *k = resolver.last();
            const int quoteToken = c.tokenAtOrAfter(d.quote.start);
            const int paragraph = c.paragraphOfToken.at(quoteToken);
            if (k && paragraph - lastParagraphWithSpeaker <= 2) {
                a.speaker = k->span;
                a.speakerKind = k->kind;
                a.actor = k->actor;
                result.append(a);
                continue;
            }
            // No attribution nearby: a person named in the paragraph before.
            int from = quoteToken - 1;
            while (from > 0 && from > quoteToken - 400 && c.paragraphOfToken.at(from - 1) >= paragraph - 1)
                --from;
            if (from >= 0 && from < quoteToken && resolver.personNamedBetween(c.tok(from).start, d.quote.start, a)) {
                a.rule = QStringLiteral("floating: quoted paragraph after a named person");
                a.confidence = 0.45;
                result.append(a);
            }
            continue;
        }
        a.cue = c.span(d.cueFirst, d.cueLast);
        resolver.resolve(d, a);
        lastParagraphWithSpeaker = c.paragraphOfToken.at(d.cueFirst);
        a.confidence = std::clamp(a.confidence, 0.05, 1.0);
        result.append(a);
    }
    std::sort(result.begin(), result.end(),
              [](const Attribution &a, const Attribution &b) { return a.quote.start < b.quote.start; });
    return result;
}

QString quoteKindName(QuoteKind kind)
{
    switch (kind) {
    case QuoteKind::Direct: return QStringLiteral("direct");
    case QuoteKind::Mixed: return QStringLiteral("mixed");
    case QuoteKind::Indirect: return QStringLiteral("indirect");
    case QuoteKind::Floating: return QStringLiteral("floating");
    }
    return {};
}

QString quoteKindContractName(QuoteKind kind)
{
    return kind == QuoteKind::Floating ? QStringLiteral("direct") : quoteKindName(kind);
}

QString speakerKindName(SpeakerKind kind)
{
    switch (kind) {
    case SpeakerKind::None: return QStringLiteral("none");
    case SpeakerKind::Person: return QStringLiteral("person");
    case SpeakerKind::Organisation: return QStringLiteral("organisation");
    case SpeakerKind::Pronoun: return QStringLiteral("pronoun");
    case SpeakerKind::Reference: return QStringLiteral("reference");
    case SpeakerKind::Anonymous: return QStringLiteral("anonymous");
    }
    return {};
}

} // namespace newscoder::quotes
