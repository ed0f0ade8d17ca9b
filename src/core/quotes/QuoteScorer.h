#pragma once

#include "quotes/Attribution.h"
#include "quotes/QuoteGold.h"

#include <QList>
#include <QString>

namespace newscoder::quotes {

// Counts for precision, recall and F1.
struct Prf
{
    int gold = 0;
    int predicted = 0;
    int matched = 0;

    double precision() const { return predicted ? double(matched) / predicted : 0.0; }
    double recall() const { return gold ? double(matched) / gold : 0.0; }
    double f1() const
    {
        const double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
    void add(const Prf &o)
    {
        gold += o.gold;
        predicted += o.predicted;
        matched += o.matched;
    }
};

// The scores of one group of attributions (direct quotes, or all).
struct QuoteScores
{
    Prf overlap03;    // quote spans paired at token overlap >= 0.3
    Prf overlap08;    // ... >= 0.8
    Prf exactQuote;   // identical quote spans
    Prf exactCue;     // identical cue spans (each distinct span once)
    Prf exactSpeaker; // identical speaker spans (each distinct span once)
    int speakerJudged = 0;  // pairs at overlap >= 0.3 whose gold has a speaker
    int speakerCorrect = 0; // ... whose speaker is right

    double speakerAccuracy() const { return speakerJudged ? double(speakerCorrect) / speakerJudged : 0.0; }
    void add(const QuoteScores &o);
};

struct QuoteScoreReport
{
    QuoteScores direct; // direct and floating quotes
    QuoteScores all;    // every kind
    int articles = 0;
};

// Token overlap of two spans of `text`: the word tokens (Unicode word
// boundaries) they share over the word tokens of the longer one, 0..1.
double tokenOverlap(const QString &text, const QuoteSpan &a, const QuoteSpan &b);

// Scores predicted attributions against gold ones the way published quote
// extractors are scored: quote spans are paired one to one, best overlap
// first (greedy), and a pair counts at a threshold when its token overlap
// reaches it. A paired quote's speaker is right when the actor names agree
// (case, diacritics and a surname-only form ignored), or — for a gold
// speaker without a name (anonymous) — when the speaker spans overlap.
QuoteScoreReport scoreArticle(const QString &text, const QList<GoldAttribution> &gold,
                              const QList<Attribution> &predicted);

// The report as an aligned plain-text table (the README's figures).
QString formatScoreReport(const QuoteScoreReport &report);

} // namespace newscoder::quotes
