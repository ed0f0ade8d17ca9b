// Hostile input for the quote engine: random text from fixed seeds (no crash,
// every span inside the text), pathological runs of marks, and a 20 MB line.
#include "quotes/QuoteAttributor.h"
#include "quotes/QuoteMarks.h"
#include "quotes/QuoteOffsets.h"

#include <QRandomGenerator>
#include <QTest>

using namespace newscoder::quotes;
using namespace Qt::StringLiterals;

namespace {

const QStringList pieces = {
    u"\""_s, u"'"_s, u"“"_s, u"”"_s, u"‘"_s, u"’"_s, u"„"_s, u"‚"_s, u"«"_s, u"»"_s, u"‹"_s, u"›"_s, u"「"_s,
    u"」"_s, u" "_s, u" "_s, u" "_s, u"\n"_s, u"\n\n"_s, u","_s, u"."_s, u":"_s, u"!"_s, u"said"_s, u"told"_s,
    u"sagte"_s, u"according to"_s, u"he"_s, u"the"_s, u"a"_s, u"Peskov"_s, u"Dmitry"_s, u"spokesman"_s,
    u"that"_s, u"dass"_s, u"We"_s, u"will"_s, u"Kremlin"_s, u"😀"_s, u"𝒜"_s, u"12"_s, u"don't"_s, u"—"_s,
    u"\u2028"_s, u"\t"_s, u"laut"_s, u"zufolge"_s, u"was quoted as saying"_s, QString(QChar(0xD800)),
    QString(QChar(0xDC00))};

QString randomText(QRandomGenerator &random, int pieceCount, bool lineBreaks)
{
    QString text;
    for (int i = 0; i < pieceCount; ++i) {
        const QString &p = pieces.at(random.bounded(int(pieces.size())));
        if (!lineBreaks && (p.contains(u'\n') || p.contains(QChar(0x2028))))
            continue;
        text += p;
    }
    return text;
}

void checkSpans(const QString &text, const QList<Attribution> &found)
{
    const int n = int(text.size());
    for (const Attribution &a : found) {
        QVERIFY(a.quote.isValid());
        QVERIFY(a.quote.start >= 0 && a.quote.end <= n);
        for (const QuoteSpan &s : {a.cue, a.speaker}) {
            if (s.start == -1 && s.end == -1)
                continue;
            QVERIFY(s.isValid());
            QVERIFY(s.start >= 0 && s.end <= n);
        }
        QVERIFY(a.confidence > 0.0 && a.confidence <= 1.0);
        QVERIFY(!a.rule.isEmpty());
    }
}

} // namespace

class TestQuoteFuzz : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void randomTextFixedSeeds_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed : {1u, 2u, 3u, 17u, 99u, 2024u, 31337u, 424242u})
            QTest::newRow(qPrintable(u"seed %1"_s.arg(seed))) << seed;
    }

    void randomTextFixedSeeds()
    {
        QFETCH(quint32, seed);
        QRandomGenerator random(seed);
        for (int round = 0; round < 40; ++round) {
            const QString text = randomText(random, 50 + random.bounded(1500), true);
            const QList<MarkedQuote> marks = findMarkedQuotes(text);
            int previous = -1;
            for (const MarkedQuote &m : marks) {
                QVERIFY(m.open > previous); // outermost quotations, in order, not overlapping
                QVERIFY(m.open < m.contentStart && m.contentStart < m.contentEnd && m.contentEnd <= m.close);
                previous = m.close;
            }
            for (const QString &lang : {u"en"_s, u"de"_s})
                checkSpans(text, attributeQuotes(text, lang));
        }
    }

    void pathologicalRunsOfMarks_data()
    {
        QTest::addColumn<QString>("unit");
        QTest::newRow("straight doubles") << u"\""_s;
        QTest::newRow("spaced straight doubles") << u" \"a"_s;
        QTest::newRow("opening curlies") << u"“a "_s;
        QTest::newRow("German openers") << u"„a "_s;
        QTest::newRow("guillemets") << u"»a«"_s;
        QTest::newRow("apostrophes") << u"a'b' 'c"_s;
        QTest::newRow("said everywhere") << u"\"x,\" said "_s;
        QTest::newRow("commas and cues") << u", the minister said, "_s;
    }

    void pathologicalRunsOfMarks()
    {
        QFETCH(QString, unit);
        const QString text = unit.repeated(1'000'000 / int(unit.size()));
        checkSpans(text, attributeQuotes(text, u"en"_s));
    }

    void twentyMegabyteSingleLine()
    {
        // One paragraph, no line break: every rule must stay within its window.
        QRandomGenerator random(7);
        QString block;
        while (block.size() < 64 * 1024)
            block += randomText(random, 200, false) + u" “We stay,” Peskov said. The minister said that it rains. "_s;
        QString text;
        text.reserve(20 * 1024 * 1024);
        while (text.size() < 10 * 1024 * 1024) // 10 Mi UTF-16 units: 20 MB
            text += block;
        const QList<Attribution> found = attributeQuotes(text, u"en"_s);
        QVERIFY(found.size() > 1000);
        checkSpans(text, found);
        QList<int> offsets;
        for (const Attribution &a : found)
            offsets << a.quote.start;
        const QList<int> points = codePointOffsets(text, offsets);
        QCOMPARE(points.size(), offsets.size());
    }
};

QTEST_GUILESS_MAIN(TestQuoteFuzz)
#include "tst_quotefuzz.moc"
