// Keeping annotation anchors when the article text is edited: the boundary
// rules one by one, multi-coder spans, edit sequences, the prefix/suffix diff,
// and randomised checks against an independent character-tracking model.
#include "model/Annotation.h"
#include "text/AnchorShift.h"

#include <QRandomGenerator>
#include <QTest>

#include <vector>

using namespace newscoder;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(newscoder::TextEdit)
Q_DECLARE_METATYPE(newscoder::AnchorStatus)

namespace {

TextEdit edit(int position, int removed, const QString &inserted = {})
{
    return TextEdit{position, removed, inserted};
}

QString describe(const ShiftedSpan &r)
{
    return u"[%1, %2) %3"_s.arg(r.span.start).arg(r.span.end).arg(anchorStatusName(r.status));
}

QString randomText(QRandomGenerator &rng, int maxLength)
{
    static const QString alphabet = u"abcde XYZ."_s;
    QString s;
    const int length = rng.bounded(maxLength + 1);
    for (int i = 0; i < length; ++i)
        s += alphabet.at(rng.bounded(int(alphabet.size())));
    return s;
}

TextEdit randomEdit(QRandomGenerator &rng, const QString &text)
{
    const int length = int(text.size());
    const int position = rng.bounded(length + 1);
    const int removed = rng.bounded(length - position + 1);
    // Bias towards pure insertions and deletions, which have the special cases.
    const int kind = rng.bounded(4);
    return edit(position, kind == 0 ? 0 : removed, kind == 1 ? QString() : randomText(rng, 5));
}

TextSpan randomSpan(QRandomGenerator &rng, int length)
{
    const int a = rng.bounded(length + 1);
    const int b = rng.bounded(length + 1);
    return {std::min(a, b), std::max(a, b)};
}

// Independent model: one "belongs to the span" flag per character. Removed
// characters lose theirs; inserted characters belong to the span when there
// are span characters both before and after the edit, or when every character
// the edit removed (at least one) belonged to the span.
struct SpanModel
{
    std::vector<bool> flags;
    bool touched = false; // a span character was removed or text was inserted into it

    SpanModel(int length, const TextSpan &span)
        : flags(size_t(length), false)
    {
        for (int i = span.start; i < span.end; ++i)
            flags[size_t(i)] = true;
    }

    void apply(const TextEdit &e)
    {
        const size_t p = size_t(e.position);
        const size_t end = size_t(e.removedEnd());
        bool before = false, after = false;
        for (size_t i = 0; i < flags.size(); ++i) {
            if (!flags[i])
                continue;
            if (i < p)
                before = true;
            else if (i >= end)
                after = true;
            else
                touched = true;
        }
        // A replacement of span characters only (the span is contiguous, so
        // every removed character flagged <=> the removed range lies inside it).
        bool replacesSpanText = e.removed > 0;
        for (size_t i = p; i < end && replacesSpanText; ++i)
            replacesSpanText = flags[i];
        const bool inside = e.insertedLength() > 0 && ((before && after) || replacesSpanText);
        touched = touched || inside;
        std::vector<bool> next(flags.begin(), flags.begin() + std::ptrdiff_t(p));
        next.insert(next.end(), size_t(e.insertedLength()), inside);
        next.insert(next.end(), flags.begin() + std::ptrdiff_t(end), flags.end());
        flags = std::move(next);
    }

    // Empty when no flagged character is left; fails the test when they are not contiguous.
    std::optional<TextSpan> span() const
    {
        int first = -1, last = -1;
        for (size_t i = 0; i < flags.size(); ++i) {
            if (flags[i]) {
                if (first < 0)
                    first = int(i);
                last = int(i);
            }
        }
        if (first < 0)
            return std::nullopt;
        for (int i = first; i <= last; ++i) {
            if (!flags[size_t(i)])
                qFatal("span characters are not contiguous");
        }
        return TextSpan{first, last + 1};
    }
};

} // namespace

class TestAnchorShift : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void singleEdit_data()
    {
        QTest::addColumn<TextEdit>("edit");
        QTest::addColumn<int>("start");
        QTest::addColumn<int>("end");
        QTest::addColumn<AnchorStatus>("status");
        // The span is [10, 20) in every row.
        const auto row = [](const char *name, const TextEdit &e, int s, int t, AnchorStatus st) {
            QTest::newRow(name) << e << s << t << st;
        };
        using S = AnchorStatus;
        row("insert before", edit(2, 0, u"abc"_s), 13, 23, S::Shifted);
        row("delete before", edit(2, 3), 7, 17, S::Shifted);
        row("same-length replace before", edit(2, 2, u"xy"_s), 10, 20, S::Unchanged);
        row("delete ending exactly at start", edit(5, 5), 5, 15, S::Shifted);
        row("replace ending exactly at start", edit(5, 5, u"#"_s), 6, 16, S::Shifted);
        row("insert exactly at start", edit(10, 0, u"abc"_s), 13, 23, S::Shifted);
        row("insert exactly at end", edit(20, 0, u"abc"_s), 10, 20, S::Unchanged);
        row("delete starting exactly at end", edit(20, 5), 10, 20, S::Unchanged);
        row("replace after", edit(25, 3, u"x"_s), 10, 20, S::Unchanged);
        row("insert strictly inside", edit(15, 0, u"abc"_s), 10, 23, S::Resized);
        row("insert after first char", edit(11, 0, u"a"_s), 10, 21, S::Resized);
        row("insert before last char", edit(19, 0, u"a"_s), 10, 21, S::Resized);
        row("delete strictly inside", edit(12, 3), 10, 17, S::Resized);
        row("replace strictly inside, longer", edit(12, 3, u"abcdef"_s), 10, 23, S::Resized);
        row("replace strictly inside, shorter", edit(12, 6, u"ab"_s), 10, 16, S::Resized);
        row("delete across start", edit(5, 8), 5, 12, S::Resized);
        row("replace across start", edit(5, 8, u"XY"_s), 7, 14, S::Resized);
        row("delete first char", edit(10, 1), 10, 19, S::Resized);
        row("replace first char", edit(10, 1, u"AB"_s), 10, 21, S::Resized);
        row("replace first two chars", edit(10, 2, u"x"_s), 10, 19, S::Resized);
        row("delete across end", edit(15, 10), 10, 15, S::Resized);
        row("replace across end", edit(15, 10, u"XYZ"_s), 10, 15, S::Resized);
        row("delete last char", edit(19, 1), 10, 19, S::Resized);
        row("replace last char", edit(19, 1, u"xyz"_s), 10, 22, S::Resized);
        row("replace the last three chars", edit(17, 3, u"x"_s), 10, 18, S::Resized);
        row("delete all but first and last", edit(11, 8), 10, 12, S::Resized);
        row("delete exactly the span", edit(10, 10), 10, 10, S::Orphaned);
        row("retype exactly the span", edit(10, 10, u"new words"_s), 10, 19, S::Resized);
        row("retype exactly the span, longer", edit(10, 10, u"a much longer text"_s), 10, 28, S::Resized);
        row("replace from start past end", edit(10, 12, u"x"_s), 10, 10, S::Orphaned);
        row("replace from before to end", edit(8, 12, u"x"_s), 8, 8, S::Orphaned);
        row("delete covering more", edit(5, 20), 5, 5, S::Orphaned);
        row("replace covering more", edit(5, 20, u"x"_s), 5, 5, S::Orphaned);
        row("delete from start past end", edit(10, 15), 10, 10, S::Orphaned);
        row("delete from before to end", edit(3, 17), 3, 3, S::Orphaned);
        row("empty edit inside", edit(15, 0), 10, 20, S::Unchanged);
        row("empty edit at start", edit(10, 0), 10, 20, S::Unchanged);
        row("empty edit at 0", edit(0, 0), 10, 20, S::Unchanged);
    }

    void singleEdit()
    {
        QFETCH(TextEdit, edit);
        QFETCH(int, start);
        QFETCH(int, end);
        QFETCH(AnchorStatus, status);
        const ShiftedSpan r = shiftSpan(TextSpan{10, 20}, edit);
        const ShiftedSpan expected{{start, end}, status};
        QVERIFY2(r == expected, qPrintable(describe(r) + u" != "_s + describe(expected)));
    }

    // The rules on real text: what the new span reads.
    void spanTextOnRealEdits()
    {
        const QString text = u"Peskov said talks were frozen."_s;
        const TextSpan talks{12, 29}; // "talks were frozen"
        QCOMPARE(text.mid(talks.start, talks.length()), u"talks were frozen"_s);
        const auto spanText = [&](const TextEdit &e) {
            const ShiftedSpan r = shiftSpan(talks, e);
            return applyEdit(text, e).mid(r.span.start, r.span.length());
        };
        QCOMPARE(spanText(edit(0, 0, u"Kremlin spokesman "_s)), u"talks were frozen"_s);
        QCOMPARE(spanText(edit(18, 4, u"are"_s)), u"talks are frozen"_s);  // inside
        QCOMPARE(spanText(edit(6, 12, u" claimed "_s)), u"were frozen"_s); // across start: the new words stay outside
        QCOMPARE(spanText(edit(23, 7, u"over."_s)), u"talks were "_s);      // across end: clipped
        QCOMPARE(spanText(edit(12, 0, u"the "_s)), u"talks were frozen"_s); // at start: outside
        QCOMPARE(spanText(edit(29, 0, u" again"_s)), u"talks were frozen"_s); // at end: outside
        QCOMPARE(spanText(edit(12, 1, u"T"_s)), u"Talks were frozen"_s);  // first letter fixed: kept
        QCOMPARE(spanText(edit(28, 1, u"N"_s)), u"talks were frozeN"_s);  // last letter fixed: kept
        QCOMPARE(spanText(edit(12, 17, u"talks are off"_s)), u"talks are off"_s); // retyped: the new text
    }

    // Issue 22, example 1: "obama met Jose…", Speaker [0, 5) "obama";
    // edit-text --at 0 --remove 1 --insert O -> the span reads "Obama".
    void fixingTheFirstLetterKeepsItInTheSpan()
    {
        const QString text = u"obama met Jose in Lisbon."_s;
        const TextEdit fix = edit(0, 1, u"O"_s);
        const ShiftedSpan r = shiftSpan(TextSpan{0, 5}, fix);
        QCOMPARE(r, (ShiftedSpan{{0, 5}, AnchorStatus::Resized}));
        QCOMPARE(applyEdit(text, fix).mid(r.span.start, r.span.length()), u"Obama"_s);
        // Straightening a curly quotation mark at the span's edge keeps the mark.
        const QString quoted = u"He said \u201Cno\u201D."_s; // span [8, 12) "“no”"
        const TextEdit straighten = edit(11, 1, u"\""_s);
        const ShiftedSpan q = shiftSpan(TextSpan{8, 12}, straighten);
        QCOMPARE(applyEdit(quoted, straighten).mid(q.span.start, q.span.length()), u"\u201Cno\""_s);
        // Only removing the span's text without a replacement orphans it.
        QVERIFY(shiftSpan(TextSpan{0, 5}, edit(0, 5)).isOrphaned());
        QVERIFY(!shiftSpan(TextSpan{0, 5}, edit(0, 5, u"Barack Obama"_s)).isOrphaned());
    }

    void zeroLengthSpansArePoints()
    {
        const TextSpan point{10, 10};
        QCOMPARE(shiftSpan(point, edit(10, 0, u"ab"_s)), (ShiftedSpan{{12, 12}, AnchorStatus::Shifted}));
        QCOMPARE(shiftSpan(point, edit(8, 2)), (ShiftedSpan{{8, 8}, AnchorStatus::Shifted}));
        QCOMPARE(shiftSpan(point, edit(10, 3)), (ShiftedSpan{{10, 10}, AnchorStatus::Unchanged}));
        QCOMPARE(shiftSpan(point, edit(12, 3, u"x"_s)), (ShiftedSpan{{10, 10}, AnchorStatus::Unchanged}));
        QCOMPARE(shiftSpan(point, edit(7, 6, u"xy"_s)), (ShiftedSpan{{7, 7}, AnchorStatus::Shifted}));
    }

    void negativeValuesAreClamped()
    {
        QCOMPARE(shiftSpan(TextSpan{-3, 4}, edit(-2, -1, u"ab"_s)), (ShiftedSpan{{2, 6}, AnchorStatus::Shifted}));
        QVERIFY(!edit(-1, 0).isValidFor(5));
        QVERIFY(!edit(2, 4).isValidFor(5));
        QVERIFY(edit(2, 3).isValidFor(5));
        QVERIFY(edit(5, 0).isValidFor(5));
    }

    void surrogatePairsStayWhole()
    {
        // "Fans sang 𝄞 and waved 🇺🇦 flags." — 𝄞 at [10, 12), the flag at [23, 27).
        const QString text = u"Fans sang \U0001D11E and waved \U0001F1FA\U0001F1E6 flags."_s;
        const TextSpan note{10, 12};
        const TextSpan flag{23, 27};
        QCOMPARE(text.mid(flag.start, flag.length()), u"\U0001F1FA\U0001F1E6"_s);

        // Another non-BMP character before both: each moves by two units.
        const TextEdit before = edit(0, 0, u"\U0001F4F0 "_s);
        const QString edited = applyEdit(text, before);
        const ShiftedSpan movedFlag = shiftSpan(flag, before);
        QCOMPARE(movedFlag.status, AnchorStatus::Shifted);
        QCOMPARE(edited.mid(movedFlag.span.start, movedFlag.span.length()), u"\U0001F1FA\U0001F1E6"_s);

        // Replacing 𝄞 by 𝄢 differs only in the low surrogate; the diff still
        // replaces the whole pair, so the span keeps the new character whole.
        const QString changed = QString(text).replace(u"\U0001D11E"_s, u"\U0001D122"_s);
        const auto diff = diffTexts(text, changed);
        QVERIFY(diff);
        QCOMPARE(*diff, edit(10, 2, u"\U0001D122"_s));
        const ShiftedSpan r = shiftSpan(note, *diff);
        QCOMPARE(r, (ShiftedSpan{{10, 12}, AnchorStatus::Resized}));
        QCOMPARE(changed.mid(r.span.start, r.span.length()), u"\U0001D122"_s);
        // Deleted instead: orphaned, shown on the whole character now there.
        const ShiftedSpan gone = shiftSpan(note, edit(10, 2));
        QCOMPARE(gone, (ShiftedSpan{{10, 10}, AnchorStatus::Orphaned}));
        QCOMPARE(reviewSpan(gone, applyEdit(text, edit(10, 2))), (TextSpan{10, 11}));

        // A span ending with the flag, text typed right after it: unchanged.
        const TextEdit after = edit(27, 0, u"!"_s);
        QCOMPARE(shiftSpan(TextSpan{17, 27}, after).status, AnchorStatus::Unchanged);
    }

    void identicalSpansOfSeveralCodersShiftIdentically()
    {
        QList<Annotation> annotations;
        const QList<TextSpan> spans = {{10, 20}, {10, 20}, {10, 20}, {0, 5}, {18, 30}, {40, 45}};
        for (const TextSpan &s : spans) {
            Annotation a;
            a.id = QUuid::createUuid();
            a.coderId = QUuid::createUuid();
            a.start = s.start;
            a.end = s.end;
            annotations.append(a);
        }
        const TextEdit e = edit(15, 10, u"xyz"_s);
        const QList<ShiftedSpan> fromAnnotations = shiftSpans(annotations, e);
        const QList<ShiftedSpan> fromSpans = shiftSpans(spans, e);
        QCOMPARE(fromAnnotations, fromSpans);
        QCOMPARE(fromSpans.size(), spans.size());
        QCOMPARE(fromSpans.at(0), fromSpans.at(1));
        QCOMPARE(fromSpans.at(1), fromSpans.at(2));
        QCOMPARE(fromSpans.at(0), (ShiftedSpan{{10, 15}, AnchorStatus::Resized}));
        QCOMPARE(fromSpans.at(3), (ShiftedSpan{{0, 5}, AnchorStatus::Unchanged}));
        QCOMPARE(fromSpans.at(4), (ShiftedSpan{{18, 23}, AnchorStatus::Resized}));
        QCOMPARE(fromSpans.at(5), (ShiftedSpan{{33, 38}, AnchorStatus::Shifted}));
    }

    void editSequences()
    {
        const TextSpan span{10, 20};
        QCOMPARE(shiftSpan(span, QList<TextEdit>{}), (ShiftedSpan{span, AnchorStatus::Unchanged}));
        // There and back again: offsets equal, text untouched.
        QCOMPARE(shiftSpan(span, QList<TextEdit>{edit(0, 0, u"abc"_s), edit(0, 3)}),
                 (ShiftedSpan{span, AnchorStatus::Unchanged}));
        QCOMPARE(shiftSpan(span, QList<TextEdit>{edit(0, 0, u"abc"_s), edit(30, 2)}),
                 (ShiftedSpan{{13, 23}, AnchorStatus::Shifted}));
        // Resized once stays Resized, even if the length comes back.
        QCOMPARE(shiftSpan(span, QList<TextEdit>{edit(15, 1), edit(15, 0, u"x"_s)}),
                 (ShiftedSpan{span, AnchorStatus::Resized}));
        // Text inserted inside becomes part of the span for later edits.
        QCOMPARE(shiftSpan(span, QList<TextEdit>{edit(15, 0, u"abc"_s), edit(10, 5)}),
                 (ShiftedSpan{{10, 18}, AnchorStatus::Resized}));
        // An orphan stays orphaned and moves like a point.
        const ShiftedSpan orphan = shiftSpan(span, QList<TextEdit>{edit(8, 14, u"x"_s), edit(0, 0, u"ab"_s), edit(20, 1)});
        QCOMPARE(orphan, (ShiftedSpan{{10, 10}, AnchorStatus::Orphaned}));
        QCOMPARE(shiftSpans(QList<TextSpan>{span, {0, 3}}, QList<TextEdit>{edit(1, 1), edit(5, 0, u"x"_s)}),
                 (QList<ShiftedSpan>{{{10, 20}, AnchorStatus::Unchanged}, {{0, 2}, AnchorStatus::Resized}}));
    }

    void applyEditReplaces()
    {
        QCOMPARE(applyEdit(u"Hello world"_s, edit(6, 5, u"there"_s)), u"Hello there"_s);
        QCOMPARE(applyEdit(u"Hello"_s, edit(5, 0, u"!"_s)), u"Hello!"_s);
        QCOMPARE(applyEdit(u"Hello"_s, edit(0, 5)), QString());
        QCOMPARE(applyEdit(u"Hello"_s, edit(3, 99, u"p"_s)), u"Help"_s); // clamped
    }

    void diffFindsTheMinimalEdit_data()
    {
        QTest::addColumn<QString>("oldText");
        QTest::addColumn<QString>("newText");
        QTest::addColumn<TextEdit>("expected");
        QTest::newRow("insert") << u"Talks frozen."_s << u"Talks are frozen."_s << edit(6, 0, u"are "_s);
        QTest::newRow("delete") << u"Talks are frozen."_s << u"Talks frozen."_s << edit(6, 4);
        QTest::newRow("replace") << u"Talks are frozen."_s << u"Talks were frozen."_s << edit(6, 1, u"we"_s);
        QTest::newRow("from empty") << QString() << u"abc"_s << edit(0, 0, u"abc"_s);
        QTest::newRow("to empty") << u"abc"_s << QString() << edit(0, 3);
        QTest::newRow("append") << u"abc"_s << u"abcd"_s << edit(3, 0, u"d"_s);
        QTest::newRow("prepend") << u"abc"_s << u"zabc"_s << edit(0, 0, u"z"_s);
        QTest::newRow("ambiguous: as late as possible") << u"banana"_s << u"bananana"_s << edit(6, 0, u"na"_s);
        QTest::newRow("repeated letter") << u"aaa"_s << u"aa"_s << edit(2, 1);
        QTest::newRow("high surrogate differs") << u"x\U0001D11Ey"_s << u"x\U0001F11Ey"_s
                                                << edit(1, 2, u"\U0001F11E"_s);
        QTest::newRow("low surrogate differs") << u"x\U0001D11Ey"_s << u"x\U0001D122y"_s
                                               << edit(1, 2, u"\U0001D122"_s);
        QTest::newRow("pair inserted after pair") << u"\U0001D11E"_s << u"\U0001D11E\U0001D11E"_s
                                                  << edit(2, 0, u"\U0001D11E"_s);
    }

    void diffFindsTheMinimalEdit()
    {
        QFETCH(QString, oldText);
        QFETCH(QString, newText);
        QFETCH(TextEdit, expected);
        const auto diff = diffTexts(oldText, newText);
        QVERIFY(diff);
        QCOMPARE(diff->position, expected.position);
        QCOMPARE(diff->removed, expected.removed);
        QCOMPARE(diff->inserted, expected.inserted);
        QCOMPARE(applyEdit(oldText, *diff), newText);
    }

    void diffOfEqualTextsIsNothing()
    {
        QVERIFY(!diffTexts(QString(), QString()));
        QVERIFY(!diffTexts(u"same"_s, u"same"_s));
    }

    void diffRoundTripsAndKeepsPairsWhole()
    {
        QRandomGenerator rng(20240314);
        const QStringList units = {u"a"_s, u"b"_s, u" "_s, u"\U0001D11E"_s, u"\U0001D122"_s, u"\U0001F11E"_s};
        const auto make = [&](int maxUnits) {
            QString s;
            for (int i = rng.bounded(maxUnits + 1); i > 0; --i)
                s += units.at(rng.bounded(int(units.size())));
            return s;
        };
        const auto splitsPair = [](const QString &s, int i) {
            return i > 0 && i < s.size() && s.at(i).isLowSurrogate() && s.at(i - 1).isHighSurrogate();
        };
        for (int round = 0; round < 3000; ++round) {
            const QString a = make(8);
            const QString b = make(8);
            const auto diff = diffTexts(a, b);
            if (a == b) {
                QVERIFY(!diff);
                continue;
            }
            QVERIFY(diff);
            QVERIFY(diff->isValidFor(int(a.size())));
            QCOMPARE(applyEdit(a, *diff), b);
            QVERIFY2(!splitsPair(a, diff->position) && !splitsPair(a, diff->removedEnd()),
                     qPrintable(u"round %1"_s.arg(round)));
        }
    }

    void reviewSpanIsShowable()
    {
        const ShiftedSpan kept{{2, 5}, AnchorStatus::Resized};
        QCOMPARE(reviewSpan(kept, u"abcdefg"_s), (TextSpan{2, 5}));
        const auto orphanAt = [](int q) { return ShiftedSpan{{q, q}, AnchorStatus::Orphaned}; };
        QCOMPARE(reviewSpan(orphanAt(2), u"abcdefg"_s), (TextSpan{2, 3}));
        QCOMPARE(reviewSpan(orphanAt(0), u"abc"_s), (TextSpan{0, 1}));
        QCOMPARE(reviewSpan(orphanAt(3), u"abc"_s), (TextSpan{2, 3}));
        QCOMPARE(reviewSpan(orphanAt(0), QString()), (TextSpan{0, 0}));
        QCOMPARE(reviewSpan(orphanAt(1), u"a\U0001D11Eb"_s), (TextSpan{1, 3}));
        QCOMPARE(reviewSpan(orphanAt(3), u"a\U0001D11E"_s), (TextSpan{1, 3}));
        QCOMPARE(reviewSpan(orphanAt(2), u"a\U0001D11Eb"_s), (TextSpan{1, 3})); // never inside the pair
    }

    // The precise invariant of one edit, on random texts, spans and edits:
    //  * orphaned  <=> none of the span's characters survives and the edit is not a
    //    replacement of text inside the span; then start == end == position;
    //  * a replacement inside the span (removed > 0, inserted, s <= p, e <= t) or an
    //    edit strictly inside gives [s, t + d]; otherwise the new span is the
    //    smallest range covering the surviving span characters. It holds no
    //    other original character and reads
    //      old[s, min(p, t)) + (inserted if it landed inside) + old[max(e, s), t);
    //  * Resized <=> a span character was removed or text was inserted into it;
    //    else Shifted <=> the offsets changed; else Unchanged.
    void randomSingleEditsKeepSurvivingCharacters()
    {
        QRandomGenerator rng(7);
        for (int round = 0; round < 20000; ++round) {
            const QString oldText = randomText(rng, 24);
            const int length = int(oldText.size());
            const TextSpan span = randomSpan(rng, length);
            const TextEdit e = randomEdit(rng, oldText);
            QVERIFY(e.isValidFor(length));
            const QString newText = applyEdit(oldText, e);
            const ShiftedSpan r = shiftSpan(span, e);
            const QString where = u"round %1: text '%2' span [%3, %4) edit (%5, %6, '%7') -> %8"_s.arg(round)
                                      .arg(oldText).arg(span.start).arg(span.end)
                                      .arg(e.position).arg(e.removed).arg(e.inserted, describe(r));

            const int p = e.position, end = e.removedEnd(), d = e.delta(), s = span.start, t = span.end;
            QVERIFY2(r.span.start >= 0 && r.span.start <= r.span.end && r.span.end <= newText.size(), qPrintable(where));
            if (span.isEmpty()) {
                QVERIFY2(r.status == AnchorStatus::Unchanged || r.status == AnchorStatus::Shifted, qPrintable(where));
                QVERIFY2(r.span.isEmpty(), qPrintable(where));
                continue;
            }
            // Where each original character went (-1: removed).
            QList<int> survivors; // new positions of surviving span characters
            for (int i = s; i < t; ++i) {
                if (i < p)
                    survivors.append(i);
                else if (i >= end)
                    survivors.append(i + d);
            }
            const bool strictlyInside = s < p && end < t;
            // A replacement whose removed range lies inside the span (first and last character included).
            const bool replacedInside = e.removed > 0 && e.insertedLength() > 0 && s <= p && end <= t;
            const bool takesInserted = strictlyInside || replacedInside;
            if (survivors.isEmpty() && !replacedInside) {
                QVERIFY2(r == (ShiftedSpan{{p, p}, AnchorStatus::Orphaned}), qPrintable(where));
                continue;
            }
            QVERIFY2(r.status != AnchorStatus::Orphaned, qPrintable(where));
            const TextSpan expectedSpan = takesInserted ? TextSpan{s, t + d}
                                                        : TextSpan{survivors.first(), survivors.last() + 1};
            QVERIFY2(r.span == expectedSpan, qPrintable(where));
            // No foreign original character inside: each is a survivor or inserted text.
            for (int j = r.span.start; j < r.span.end; ++j) {
                const bool inserted = j >= p && j < p + e.insertedLength();
                QVERIFY2(inserted || survivors.contains(j), qPrintable(where));
            }
            const QString expected = oldText.mid(s, std::max(0, std::min(p, t) - s))
                                     + (takesInserted ? e.inserted : QString())
                                     + oldText.mid(std::max(end, s), std::max(0, t - std::max(end, s)));
            QVERIFY2(newText.mid(r.span.start, r.span.length()) == expected, qPrintable(where + u" expected '"_s + expected + u'\''));
            const bool touched = survivors.size() < t - s || (takesInserted && e.insertedLength() > 0);
            const AnchorStatus status = touched ? AnchorStatus::Resized
                                        : r.span == span ? AnchorStatus::Unchanged
                                                         : AnchorStatus::Shifted;
            QVERIFY2(r.status == status, qPrintable(where));
        }
    }

    // Sequences against the flag-per-character model.
    void randomEditSequencesMatchTheModel()
    {
        QRandomGenerator rng(99);
        for (int round = 0; round < 5000; ++round) {
            QString text = randomText(rng, 20);
            const TextSpan span = randomSpan(rng, int(text.size()));
            if (span.isEmpty())
                continue;
            SpanModel model(int(text.size()), span);
            QList<TextEdit> edits;
            for (int i = 1 + rng.bounded(5); i > 0; --i) {
                const TextEdit e = randomEdit(rng, text);
                edits.append(e);
                model.apply(e);
                text = applyEdit(text, e);
            }
            const ShiftedSpan r = shiftSpan(span, edits);
            const auto expected = model.span();
            const QString where = u"round %1 -> %2"_s.arg(round).arg(describe(r));
            QVERIFY2(r.span.start >= 0 && r.span.end <= text.size(), qPrintable(where));
            if (!expected) {
                QVERIFY2(r.isOrphaned() && r.span.isEmpty(), qPrintable(where));
                continue;
            }
            QVERIFY2(r.span == *expected, qPrintable(where));
            const AnchorStatus status = model.touched ? AnchorStatus::Resized
                                        : r.span == span ? AnchorStatus::Unchanged
                                                         : AnchorStatus::Shifted;
            QVERIFY2(r.status == status, qPrintable(where));
        }
    }
};

QTEST_GUILESS_MAIN(TestAnchorShift)
#include "tst_anchorshift.moc"
