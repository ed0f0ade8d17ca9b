// Span boundaries: coded spans never begin or end in white space, and a
// selection that cuts a word widens to the whole word.
#include "text/SpanTrim.h"

#include <QTest>

using namespace newscoder;

class TestSpanTrim : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void trimsOuterWhitespaceOnly()
    {
        const QString text = QStringLiteral("the alleged gathering \n of troops");
        const int start = int(text.indexOf(u"alleged")) - 1; // " alleged gathering \n "
        const int end = int(text.indexOf(u"of"));
        const TextSpan trimmed = trimSpanWhitespace(text, {start, end});
        QCOMPARE(text.mid(trimmed.start, trimmed.length()), QStringLiteral("alleged gathering"));
        // Inner white space stays; no-break spaces count as white space.
        const QString nbsp = QStringLiteral("a\u00a0b c\u00a0");
        const TextSpan kept = trimSpanWhitespace(nbsp, {0, int(nbsp.size())});
        QCOMPARE(nbsp.mid(kept.start, kept.length()), QStringLiteral("a\u00a0b c"));
    }

    void whitespaceOnlyBecomesEmpty()
    {
        const QString text = QStringLiteral("one   two");
        const TextSpan span = trimSpanWhitespace(text, {3, 6});
        QVERIFY(span.isEmpty());
        QCOMPARE(span.start, 6);
        QVERIFY(snapSpanToWords(text, {3, 6}).isEmpty());
    }

    void snapsCutWordsOutward()
    {
        const QString text = QStringLiteral("Peskov said the talks were frozen.");
        // "kov said th" -> "Peskov said the"
        const int start = int(text.indexOf(u"kov"));
        const int end = int(text.indexOf(u"the")) + 2;
        const TextSpan snapped = snapSpanToWords(text, {start, end});
        QCOMPARE(text.mid(snapped.start, snapped.length()), QStringLiteral("Peskov said the"));
        // On boundaries already: only outer white space goes; punctuation stays.
        const int frozen = int(text.indexOf(u"frozen"));
        const TextSpan exact = snapSpanToWords(text, {frozen - 1, int(text.size())});
        QCOMPARE(text.mid(exact.start, exact.length()), QStringLiteral("frozen."));
    }

    void nonLatinAndCombiningMarks()
    {
        // "é" as e + combining acute: the mark belongs to the word.
        const QString text = QStringLiteral("Le cafe\u0301 de Ки\u0301ев ouvert");
        const int inCafe = int(text.indexOf(u"af"));
        const int inKiev = int(text.indexOf(u"ев")) + 1;
        const TextSpan snapped = snapSpanToWords(text, {inCafe, inKiev});
        QCOMPARE(text.mid(snapped.start, snapped.length()), QStringLiteral("cafe\u0301 de Ки\u0301ев"));
    }

    void outOfRangeIsClamped()
    {
        const QString text = QStringLiteral("short");
        const TextSpan span = snapSpanToWords(text, {-4, 99});
        QCOMPARE(span.start, 0);
        QCOMPARE(span.end, 5);
    }
};

QTEST_GUILESS_MAIN(TestSpanTrim)
#include "tst_spantrim.moc"
