// User-perceived characters (grapheme clusters) and text edits: spans never
// split one. Boundaries, snapping, the message for offsets inside one, and
// the grapheme rule of EditStep (an accent typed after a coded word joins it),
// with a randomised check that the edit window holds.
#include "text/EditStep.h"
#include "text/Graphemes.h"

#include <QRandomGenerator>
#include <QTest>

using namespace newscoder;
using namespace Qt::StringLiterals;

namespace {

QString spanText(const QString &text, const TextSpan &span)
{
    return text.mid(span.start, span.length());
}

QString describe(const ShiftedSpan &r)
{
    return u"[%1, %2) %3"_s.arg(r.span.start).arg(r.span.end).arg(anchorStatusName(r.status));
}

} // namespace

class TestGraphemes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void boundaries_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<int>>("expected");
        QTest::newRow("plain") << u"abc"_s << QList<int>{0, 1, 2, 3};
        QTest::newRow("combining accent") << u"Jose\u0301!"_s << QList<int>{0, 1, 2, 3, 5, 6};
        QTest::newRow("variation selector") << u"\u2764\uFE0F!"_s << QList<int>{0, 2, 3};
        QTest::newRow("ZWJ family") << u"\U0001F468\u200D\U0001F469\u200D\U0001F467."_s << QList<int>{0, 8, 9};
        QTest::newRow("two flags") << u"\U0001F1EB\U0001F1F7\U0001F1E9\U0001F1EA"_s << QList<int>{0, 4, 8};
        QTest::newRow("CRLF") << u"a\r\nb"_s << QList<int>{0, 1, 3, 4};
        QTest::newRow("surrogate pair") << u"x\U0001D11Ey"_s << QList<int>{0, 1, 3, 4};
    }

    void boundaries()
    {
        QFETCH(QString, text);
        QFETCH(QList<int>, expected);
        const GraphemeBoundaries b(text);
        QList<int> found;
        for (int i = -1; i <= text.size() + 1; ++i) {
            if (b.isBoundary(i))
                found.append(i);
            QCOMPARE(isGraphemeBoundary(text, i), b.isBoundary(i));
        }
        QCOMPARE(found, expected);
    }

    // Boundaries read through a window of whole lines (what a text edit
    // reads) agree with those of the whole text at every position, inside
    // the window and outside it: flags, ZWJ emoji, marks and CR LF included.
    void windowOfLinesAgreesWithTheWholeText()
    {
        const QString text = QStringLiteral("Jos\u00e9 e\u0301 said\r\n\U0001F1E9\U0001F1EA\U0001F1EB\U0001F1F7 flags\n"
                                            "\U0001F469\u200D\U0001F4BB coder \u2764\uFE0F\r\n\nlast line\u0301");
        const GraphemeBoundaries whole(text);
        const int n = int(text.size());
        for (int first = 0; first <= n; ++first) {
            for (int last : {first, std::min(n, first + 3), n}) {
                const TextSpan lines = linesAround(text, first, last);
                QVERIFY(lines.start <= first && lines.end >= last);
                QVERIFY(lines.start == 0 || text.at(lines.start - 1) == u'\n');
                QVERIFY(lines.end == n || text.at(lines.end - 1) == u'\n');
                const GraphemeBoundaries window(text, lines);
                for (int x = -1; x <= n + 1; ++x)
                    QVERIFY2(window.isBoundary(x) == whole.isBoundary(x),
                             qPrintable(QStringLiteral("window %1-%2, offset %3").arg(lines.start).arg(lines.end).arg(x)));
            }
        }
    }

    void snapWidensToWholeCharacters()
    {
        const QString text = u"Jose\u0301 waved \U0001F1FA\U0001F1E6."_s; // é at [3, 5), the flag at [12, 16)
        QCOMPARE(snapToGraphemes(text, {0, 4}), (TextSpan{0, 5}));   // "Jose" -> "José"
        QCOMPARE(snapToGraphemes(text, {4, 5}), (TextSpan{3, 5}));   // the accent alone -> the letter with it
        QCOMPARE(snapToGraphemes(text, {13, 14}), (TextSpan{12, 16})); // inside the flag
        QCOMPARE(snapToGraphemes(text, {6, 11}), (TextSpan{6, 11}));  // already whole
        QCOMPARE(snapToGraphemes(text, {0, 0}), (TextSpan{0, 0}));
    }

    void splitMessageNamesTheCharacter()
    {
        const QString text = u"Jose\u0301 sang \U0001D11E"_s;
        QVERIFY(graphemeSplitMessage(text, 3, u"The start"_s).isEmpty());
        QVERIFY(graphemeSplitMessage(text, 0, u"The start"_s).isEmpty());
        QVERIFY(graphemeSplitMessage(text, int(text.size()), u"The end"_s).isEmpty());
        const QString accent = graphemeSplitMessage(text, 4, u"The end"_s);
        QVERIFY2(accent.contains(u"The end (offset 4) is inside the character “e\u0301” (3–5)"_s), qPrintable(accent));
        const QString pair = graphemeSplitMessage(text, 12, u"--at"_s);
        QVERIFY2(pair.contains(u"surrogate pair"_s) && pair.contains(u"(11–13"_s), qPrintable(pair));
        // Lines are independent: a break follows every line feed.
        const QString lines = u"a\u0301\nb\u0301c"_s;
        QVERIFY(!graphemeSplitMessage(lines, 4, u"x"_s).isEmpty());
        QVERIFY(graphemeSplitMessage(lines, 3, u"x"_s).isEmpty());
    }

    // Issue 22, example 2: "Jose" [10, 14) + U+0301 inserted at 14 -> the
    // span reads "José", not half of it. The same for every way a character
    // can grow after a span's last one.
    void markAfterSpanJoinsIt_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("start");
        QTest::addColumn<int>("end");
        QTest::addColumn<QString>("inserted");
        QTest::addColumn<QString>("expected");
        QTest::newRow("accent after Jose") << u"Obama met Jose in Lisbon."_s << 10 << 14 << u"\u0301"_s
                                          << u"Jose\u0301"_s;
        QTest::newRow("VS16 after heart") << u"We \u2764 news"_s << 3 << 4 << u"\uFE0F"_s << u"\u2764\uFE0F"_s;
        QTest::newRow("ZWJ sequence") << u"A \U0001F468 here"_s << 2 << 4 << u"\u200D\U0001F469"_s
                                      << u"\U0001F468\u200D\U0001F469"_s;
        QTest::newRow("second half of a flag") << u"Go \U0001F1EB now"_s << 3 << 5 << u"\U0001F1F7"_s
                                               << u"\U0001F1EB\U0001F1F7"_s;
        QTest::newRow("LF after CR") << u"end\r more"_s << 0 << 4 << u"\n"_s << u"end\r\n"_s;
    }

    void markAfterSpanJoinsIt()
    {
        QFETCH(QString, text);
        QFETCH(int, start);
        QFETCH(int, end);
        QFETCH(QString, inserted);
        QFETCH(QString, expected);
        const EditStep step(text, TextEdit{end, 0, inserted});
        const ShiftedSpan r = step.apply({start, end});
        QCOMPARE(r.status, AnchorStatus::Resized);
        QCOMPARE(spanText(step.after(), r.span), expected);
        QVERIFY(isGraphemeBoundary(step.after(), r.span.start) && isGraphemeBoundary(step.after(), r.span.end));
    }

    // Plain text typed right after or before a span stays outside, as before.
    void plainInsertionsAtBoundariesStayOutside()
    {
        const QString text = u"Obama met Jose in Lisbon."_s;
        const EditStep after(text, TextEdit{14, 0, u"ph"_s});
        QCOMPARE(after.apply({10, 14}), (ShiftedSpan{{10, 14}, AnchorStatus::Unchanged}));
        const EditStep before(text, TextEdit{10, 0, u"Mr "_s});
        QCOMPARE(before.apply({10, 14}), (ShiftedSpan{{13, 17}, AnchorStatus::Shifted}));
        // A mark typed before a span joins the character before it, not the span.
        const EditStep mark(text, TextEdit{10, 0, u"\u0301"_s});
        QCOMPARE(mark.apply({10, 14}), (ShiftedSpan{{11, 15}, AnchorStatus::Shifted}));
    }

    // A carriage return typed before a span that starts with a line feed:
    // the span would start inside CR LF, so it starts at the CR.
    void startNeverInsideACharacter()
    {
        const EditStep crlf(u"one\ntwo"_s, TextEdit{3, 0, u"\r"_s});
        const ShiftedSpan r = crlf.apply({3, 7}); // "\ntwo"
        QCOMPARE(r, (ShiftedSpan{{3, 8}, AnchorStatus::Resized}));
        QCOMPARE(spanText(crlf.after(), r.span), u"\r\ntwo"_s);
        // Two CRs do not join: a plain shift.
        const EditStep cr(u"one\rtwo"_s, TextEdit{3, 0, u"\r"_s});
        QCOMPARE(cr.apply({4, 7}), (ShiftedSpan{{5, 8}, AnchorStatus::Shifted}));
    }

    // Spans that already split a character before the edit are left alone.
    void existingSplitsAreLeft()
    {
        const QString text = u"Jose\u0301 and Ana"_s;
        const EditStep step(text, TextEdit{6, 3, u"or"_s});
        QCOMPARE(step.apply({0, 4}), (ShiftedSpan{{0, 4}, AnchorStatus::Unchanged}));
    }

    void orphansShowAWholeCharacter()
    {
        const QString text = u"Hi Jose\u0301!"_s;
        const EditStep step(text, TextEdit{0, 3, {}});
        const ShiftedSpan r = step.apply({0, 2});
        QVERIFY(r.isOrphaned());
        QCOMPARE(step.reviewSpan(r), (TextSpan{0, 1}));
        const EditStep last(u"ab e\u0301"_s, TextEdit{0, 3, {}});
        const ShiftedSpan gone = last.apply({0, 2});
        QCOMPARE(last.reviewSpan(gone), (TextSpan{0, 2})); // the accented letter, whole
    }

    void widenToGraphemesKeepsTheResult()
    {
        const QString text = u"Jose\u0301 Reyes"_s;
        // Removing only the accent: becomes replacing "é" by "e".
        const TextEdit widened = widenToGraphemes(text, TextEdit{4, 1, {}});
        QCOMPARE(widened, (TextEdit{3, 2, u"e"_s}));
        QCOMPARE(applyEdit(text, widened), applyEdit(text, TextEdit{4, 1, {}}));
        QCOMPARE(widenToGraphemes(text, TextEdit{6, 5, u"Diaz"_s}), (TextEdit{6, 5, u"Diaz"_s}));
        // The editor's diff never cuts a character either.
        const auto diff = diffTexts(text, u"Jose Reyes"_s);
        QVERIFY(diff);
        QCOMPARE(*diff, (TextEdit{3, 2, u"e"_s}));
    }

    // Random texts with marks, emoji pieces and CR/LF: outside the step's
    // window a span only moves (uniform), and the edit never makes a span
    // end split a character where it did not before.
    void randomEditsKeepTheWindowAndWholeCharacters()
    {
        const QStringList pieces = {u"a"_s, u"b"_s, u" "_s, u"\u0301"_s, u"\uFE0F"_s, u"\u200D"_s,
                                    u"\U0001F468"_s, u"\U0001F1EB"_s, u"\r"_s, u"\n"_s, u"\u2764"_s};
        QRandomGenerator rng(2026);
        const auto make = [&](int maxPieces) {
            QString s;
            for (int i = rng.bounded(maxPieces + 1); i > 0; --i)
                s += pieces.at(rng.bounded(int(pieces.size())));
            return s;
        };
        for (int round = 0; round < 4000; ++round) {
            const QString text = make(14);
            const GraphemeBoundaries old(text);
            QList<int> cuts; // boundaries of the old text
            for (int i = 0; i <= text.size(); ++i) {
                if (old.isBoundary(i))
                    cuts.append(i);
            }
            const int a = cuts.at(rng.bounded(int(cuts.size())));
            const int b = cuts.at(rng.bounded(int(cuts.size())));
            const TextEdit e{std::min(a, b), rng.bounded(3) == 0 ? 0 : std::abs(a - b), make(3)};
            const EditStep step(text, e);
            const GraphemeBoundaries now(step.after());
            for (int s = 0; s < text.size(); ++s) {
                for (int t = s + 1; t <= text.size(); ++t) {
                    const ShiftedSpan r = step.apply({s, t});
                    const QString where = u"round %1 text %2 edit (%3,%4,%5) span [%6,%7) -> %8"_s.arg(round)
                                              .arg(QString::fromLatin1(text.toUtf8().toHex()))
                                              .arg(e.position).arg(e.removed)
                                              .arg(QString::fromLatin1(e.inserted.toUtf8().toHex()))
                                              .arg(s).arg(t).arg(describe(r));
                    if (t < step.first() || s > step.last())
                        QVERIFY2(r.span == step.uniform({s, t}), qPrintable(where));
                    if (r.isOrphaned())
                        continue;
                    if (old.isBoundary(s))
                        QVERIFY2(now.isBoundary(r.span.start), qPrintable(where));
                    if (old.isBoundary(t))
                        QVERIFY2(now.isBoundary(r.span.end), qPrintable(where));
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestGraphemes)
#include "tst_graphemes.moc"
