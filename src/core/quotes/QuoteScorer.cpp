#include "quotes/QuoteScorer.h"

#include "quotes/TextTokens.h"

#include <QSet>

#include <algorithm>

namespace newscoder::quotes {

namespace {

struct Item
{
    QuoteSpan quote;
    QuoteSpan cue;
    QuoteSpan speaker;
    QString actor;
};

// Word-token starts of the text, for counting the words inside a span.
class WordIndex
{
public:
    explicit WordIndex(const QString &text)
    {
        const TextTokens tokens = TextTokens::of(text);
        for (const Token &t : tokens.tokens) {
            if (t.word) {
                m_starts.append(t.start);
                m_ends.append(t.end);
            }
        }
    }
    int wordsIn(const QuoteSpan &s) const
    {
        if (!s.isValid())
            return 0;
        const auto first = std::lower_bound(m_starts.cbegin(), m_starts.cend(), s.start) - m_starts.cbegin();
        int n = 0;
        for (qsizetype i = first; i < m_starts.size() && m_starts.at(i) < s.end; ++i)
            n += m_ends.at(i) <= s.end;
        return n;
    }

private:
    QList<int> m_starts;
    QList<int> m_ends;
};

double overlapOf(const WordIndex &words, const QuoteSpan &a, const QuoteSpan &b)
{
    const QuoteSpan shared{std::max(a.start, b.start), std::min(a.end, b.end)};
    if (!shared.isValid())
        return 0.0;
    const int longer = std::max(words.wordsIn(a), words.wordsIn(b));
    return longer ? double(words.wordsIn(shared)) / longer : 0.0;
}

QString foldName(const QString &name)
{
    const QString decomposed = name.normalized(QString::NormalizationForm_KD);
    QString out;
    for (const QChar ch : decomposed)
        if (ch.category() != QChar::Mark_NonSpacing)
            out.append(ch.toLower());
    return out.simplified();
}

bool sameActor(const QString &gold, const QString &predicted)
{
    const QString g = foldName(gold);
    const QString p = foldName(predicted);
    if (g.isEmpty() || p.isEmpty())
        return false;
    if (g == p)
        return true;
    const QString gLast = g.section(u' ', -1);
    const QString pLast = p.section(u' ', -1);
    return gLast == pLast && (!g.contains(u' ') || !p.contains(u' '));
}

Prf exactSpans(const QList<QuoteSpan> &gold, const QList<QuoteSpan> &predicted)
{
    QSet<QPair<int, int>> g;
    QSet<QPair<int, int>> p;
    for (const QuoteSpan &s : gold)
        if (s.isValid())
            g.insert({s.start, s.end});
    for (const QuoteSpan &s : predicted)
        if (s.isValid())
            p.insert({s.start, s.end});
    Prf prf;
    prf.gold = int(g.size());
    prf.predicted = int(p.size());
    for (const auto &s : std::as_const(g))
        prf.matched += p.contains(s);
    return prf;
}

QuoteScores scoreGroup(const WordIndex &words, const QList<Item> &gold, const QList<Item> &predicted)
{
    QuoteScores s;
    struct Pair
    {
        double overlap;
        int g;
        int p;
    };
    QList<Pair> pairs;
    for (int g = 0; g < gold.size(); ++g)
        for (int p = 0; p < predicted.size(); ++p) {
            const double o = overlapOf(words, gold.at(g).quote, predicted.at(p).quote);
            if (o > 0)
                pairs.append({o, g, p});
        }
    std::stable_sort(pairs.begin(), pairs.end(), [](const Pair &a, const Pair &b) { return a.overlap > b.overlap; });
    QList<bool> goldUsed(gold.size(), false);
    QList<bool> predUsed(predicted.size(), false);
    s.overlap03.gold = s.overlap08.gold = int(gold.size());
    s.overlap03.predicted = s.overlap08.predicted = int(predicted.size());
    for (const Pair &pair : std::as_const(pairs)) {
        if (goldUsed.at(pair.g) || predUsed.at(pair.p))
            continue;
        goldUsed[pair.g] = predUsed[pair.p] = true;
        if (pair.overlap >= 0.8)
            ++s.overlap08.matched;
        if (pair.overlap < 0.3)
            continue;
        ++s.overlap03.matched;
        const Item &g = gold.at(pair.g);
        const Item &p = predicted.at(pair.p);
        if (!g.actor.isEmpty() || g.speaker.isValid()) {
            ++s.speakerJudged;
            const bool right = g.actor.isEmpty()
                                   ? (p.speaker.isValid() && p.speaker.start < g.speaker.end && g.speaker.start < p.speaker.end)
                                   : sameActor(g.actor, p.actor);
            s.speakerCorrect += right;
        }
    }
    QList<QuoteSpan> gq, pq, gc, pc, gs, ps;
    for (const Item &i : gold) {
        gq.append(i.quote);
        gc.append(i.cue);
        gs.append(i.speaker);
    }
    for (const Item &i : predicted) {
        pq.append(i.quote);
        pc.append(i.cue);
        ps.append(i.speaker);
    }
    s.exactQuote = exactSpans(gq, pq);
    s.exactCue = exactSpans(gc, pc);
    s.exactSpeaker = exactSpans(gs, ps);
    return s;
}

bool isDirect(QuoteKind k)
{
    return k == QuoteKind::Direct || k == QuoteKind::Floating;
}

QString row(const QString &name, const Prf &p)
{
    return QStringLiteral("  %1 P %2  R %3  F1 %4  (gold %5, proposed %6, matched %7)\n")
        .arg(name, -22)
        .arg(p.precision(), 0, 'f', 3)
        .arg(p.recall(), 0, 'f', 3)
        .arg(p.f1(), 0, 'f', 3)
        .arg(p.gold)
        .arg(p.predicted)
        .arg(p.matched);
}

} // namespace

void QuoteScores::add(const QuoteScores &o)
{
    overlap03.add(o.overlap03);
    overlap08.add(o.overlap08);
    exactQuote.add(o.exactQuote);
    exactCue.add(o.exactCue);
    exactSpeaker.add(o.exactSpeaker);
    speakerJudged += o.speakerJudged;
    speakerCorrect += o.speakerCorrect;
}

double tokenOverlap(const QString &text, const QuoteSpan &a, const QuoteSpan &b)
{
    return overlapOf(WordIndex(text), a, b);
}

QuoteScoreReport scoreArticle(const QString &text, const QList<GoldAttribution> &gold,
                              const QList<Attribution> &predicted)
{
    const WordIndex words(text);
    QList<Item> goldAll, goldDirect, predAll, predDirect;
    for (const GoldAttribution &g : gold) {
        const Item i{g.quote, g.cue, g.speaker, g.actor};
        goldAll.append(i);
        if (isDirect(g.kind))
            goldDirect.append(i);
    }
    for (const Attribution &a : predicted) {
        const Item i{a.quote, a.cue, a.speaker, a.actor};
        predAll.append(i);
        if (isDirect(a.kind))
            predDirect.append(i);
    }
    QuoteScoreReport report;
    report.articles = 1;
    report.direct = scoreGroup(words, goldDirect, predDirect);
    report.all = scoreGroup(words, goldAll, predAll);
    return report;
}

QString formatScoreReport(const QuoteScoreReport &report)
{
    QString out = QStringLiteral("%1 articles\n").arg(report.articles);
    const QList<QPair<QString, const QuoteScores *>> groups = {{QStringLiteral("Direct quotes"), &report.direct},
                                                               {QStringLiteral("All attributions"), &report.all}};
    for (const auto &[name, s] : groups) {
        out += name + u'\n';
        out += row(QStringLiteral("quote, overlap >= 0.3"), s->overlap03);
        out += row(QStringLiteral("quote, overlap >= 0.8"), s->overlap08);
        out += row(QStringLiteral("quote, exact"), s->exactQuote);
        out += row(QStringLiteral("cue, exact"), s->exactCue);
        out += row(QStringLiteral("speaker span, exact"), s->exactSpeaker);
        out += QStringLiteral("  speaker accuracy        %1  (%2 of %3 matched quotes)\n")
                   .arg(s->speakerAccuracy(), 0, 'f', 3)
                   .arg(s->speakerCorrect)
                   .arg(s->speakerJudged);
    }
    return out;
}

} // namespace newscoder::quotes
