#pragma once

// Internal to the quote-attribution engine: the analysed text, its tokens and
// the lexicon, with the small token tests every rule uses.

#include "quotes/Attribution.h"
#include "quotes/QuoteLexicon.h"
#include "quotes/QuoteMarks.h"
#include "quotes/TextTokens.h"

#include <QList>
#include <QString>

namespace newscoder::quotes::detail {

// A speaker phrase: tokens [first, last], what it is and its name before
// pronouns, references and surnames are resolved.
struct Phrase
{
    int first = -1;
    int last = -1;
    SpeakerKind kind = SpeakerKind::None;
    QString name; // normalised name (Person, Organisation) or head word (Reference)

    bool valid() const { return first >= 0 && kind != SpeakerKind::None; }
};

// An attribution before its speaker is resolved, in token indexes.
struct Draft
{
    QuoteKind kind = QuoteKind::Direct;
    QuoteSpan quote;
    int cueFirst = -1;
    int cueLast = -1;
    Phrase speaker;
    double confidence = 0;
    QString rule;
    int order = 0; // text position used for resolution order
};

class Context
{
public:
    Context(const QString &text, const QuoteLexicon &lexicon);

    const QString &text;
    const QuoteLexicon &lex;
    TextTokens tt;
    QList<int> paragraphOfToken;
    QList<bool> quoted; // token lies inside quotation marks (set by the attributor)

    int count() const { return int(tt.tokens.size()); }
    const Token &tok(int t) const { return tt.tokens.at(t); }
    QString low(int t) const { return TextTokens::lower(text, tt.tokens.at(t)); }
    bool isChar(int t, char16_t c) const;
    bool isWord(int t) const { return t >= 0 && t < count() && tok(t).word; }
    int sentence(int t) const { return tt.sentenceOfToken.at(t); }
    int sentenceFirst(int t) const { return tt.sentenceFirstToken.at(sentence(t)); }
    int sentenceEnd(int t) const { return tt.sentenceFirstToken.at(sentence(t) + 1); } // exclusive
    // The first token starting at or after `position`.
    int tokenAtOrAfter(int position) const;
    // Whether the words of `phrase` (lower case) start at token t; returns the last token or -1.
    int matchPhrase(int t, const QStringList &phrase) const;
    int matchAny(int t, const QList<QStringList> &phrases) const;

    bool isCue(int t, bool allowWeak) const;
    bool isSentenceTerminator(int t) const;
    bool isQuoteMark(int t) const;

    // Speaker phrases left of token `end` (inclusive, reading leftwards, not before `limit`)
    // and right from token `start` (not at or past `limit`).
    Phrase speakerEndingAt(int end, int limit) const;
    Phrase speakerStartingAt(int start, int limit) const;
    // Skips adverbs and auxiliaries leftwards / rightwards.
    int skipLeft(int t, int limit) const;
    int skipRight(int t, int limit) const;
    // A speaker left of a cue at token `cue`, looking past adverbs and an appositive
    // ("Dmitry Peskov, the Kremlin spokesman, said").
    Phrase subjectOf(int cue, int limit) const;

    QuoteSpan span(int first, int last) const;
    // Plain lower-case words from t that lead to a capitalised name within three tokens.
    bool bridgesToName(int t, int limit) const;

private:
    Phrase classify(int first, int last) const;
};

} // namespace newscoder::quotes::detail
