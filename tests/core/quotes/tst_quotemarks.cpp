// Quotation marks: every common style, nesting, quotes over paragraphs,
// apostrophes and inch marks, unbalanced marks.
#include "quotes/QuoteMarks.h"

#include <QTest>

using namespace newscoder::quotes;
using namespace Qt::StringLiterals;

namespace {

// The quoted words of each outermost quotation.
QStringList quoted(const QString &text)
{
    QStringList out;
    for (const MarkedQuote &q : findMarkedQuotes(text))
        out << text.mid(q.contentStart, q.contentEnd - q.contentStart);
    return out;
}

} // namespace

class TestQuoteMarks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void styles_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("straight double") << u"He said \"we stay\" today."_s << u"we stay"_s;
        QTest::newRow("straight single") << u"The headline: 'We stay' it read."_s << u"We stay"_s;
        QTest::newRow("curly double") << u"He said “we stay” today."_s << u"we stay"_s;
        QTest::newRow("curly single") << u"He said ‘we stay’ today."_s << u"we stay"_s;
        QTest::newRow("German low-high") << u"Er sagte „wir bleiben“ heute."_s << u"wir bleiben"_s;
        QTest::newRow("German single") << u"Er sagte ‚wir bleiben‘ heute."_s << u"wir bleiben"_s;
        QTest::newRow("guillemets French") << u"Il a dit « nous restons » hier."_s << u"nous restons"_s;
        QTest::newRow("guillemets German") << u"Er sagte »wir bleiben« heute."_s << u"wir bleiben"_s;
        QTest::newRow("single guillemets") << u"Er sagte ›wir bleiben‹ heute."_s << u"wir bleiben"_s;
        QTest::newRow("corner brackets") << u"彼は「残ります」と言った。"_s << u"残ります"_s;
        QTest::newRow("white corner brackets") << u"彼は『残ります』と言った。"_s << u"残ります"_s;
    }

    void styles()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(quoted(text), QStringList{expected});
    }

    void spanOffsetsAreInsideTheMarks()
    {
        const QString text = u"A “b c” d"_s;
        const QList<MarkedQuote> q = findMarkedQuotes(text);
        QCOMPARE(q.size(), 1);
        QCOMPARE(q.at(0).open, 2);
        QCOMPARE(q.at(0).close, 6);
        QCOMPARE(q.at(0).contentStart, 3);
        QCOMPARE(q.at(0).contentEnd, 6);
    }

    void nestedQuotesBelongToTheOuterOne()
    {
        QCOMPARE(quoted(u"“He told me ‘never again’ and left,” she said."_s),
                 QStringList{u"He told me ‘never again’ and left,"_s});
        QCOMPARE(quoted(u"\"He told me 'never again' and left,\" she said."_s),
                 QStringList{u"He told me 'never again' and left,"_s});
        QCOMPARE(quoted(u"„Er rief ‚Halt!‘ und ging“, sagte sie."_s), QStringList{u"Er rief ‚Halt!‘ und ging"_s});
        QCOMPARE(quoted(u"»Er rief ›Halt!‹ und ging«, sagte sie."_s), QStringList{u"Er rief ›Halt!‹ und ging"_s});
    }

    void twoQuotesInOneSentence()
    {
        QCOMPARE(quoted(u"“We will respond,” he said, “and soon.”"_s),
                 (QStringList{u"We will respond,"_s, u"and soon."_s}));
        QCOMPARE(quoted(u"\"We will respond,\" he said, \"and soon.\""_s),
                 (QStringList{u"We will respond,"_s, u"and soon."_s}));
    }

    void quoteOverParagraphs()
    {
        const QString text = u"She said:\n\n“The first paragraph goes on.\n\n“The second one too.\n\n“The last one ends here.”\n\nAfter."_s;
        const QList<MarkedQuote> q = findMarkedQuotes(text);
        QCOMPARE(q.size(), 1);
        QCOMPARE(q.at(0).paragraphs, 3);
        QCOMPARE(text.mid(q.at(0).contentStart, q.at(0).contentEnd - q.at(0).contentStart),
                 u"The first paragraph goes on.\n\n“The second one too.\n\n“The last one ends here."_s);
    }

    void apostrophesAreNoQuotes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("contraction") << u"We don't know and can't say."_s;
        QTest::newRow("curly contraction") << u"We don’t know and can’t say."_s;
        QTest::newRow("possessive") << u"Peskov's remark and the Kremlin's reply."_s;
        QTest::newRow("plural possessive") << u"The players' union met the owners' group."_s;
        QTest::newRow("decade") << u"In the '90s and the ’80s it was different."_s;
        QTest::newRow("inch marks") << u"A 12\" record and a 7\" single."_s;
        QTest::newRow("feet and inches") << u"He is 6'2\" tall."_s;
        QTest::newRow("rock 'n' roll") << u"Rock 'n' roll never dies."_s;
    }

    void apostrophesAreNoQuotes()
    {
        QFETCH(QString, text);
        QCOMPARE(quoted(text), QStringList{});
    }

    void apostropheInsideAQuote()
    {
        QCOMPARE(quoted(u"\"It's the players' money,\" he said."_s), QStringList{u"It's the players' money,"_s});
        QCOMPARE(quoted(u"'It's Peskov's call,' he said."_s), QStringList{u"It's Peskov's call,"_s});
        QCOMPARE(quoted(u"“It’s Peskov’s call,” he said."_s), QStringList{u"It’s Peskov’s call,"_s});
        QCOMPARE(quoted(u"\"We gave a 5' 10\" striker space,\" he said."_s),
                 QStringList{u"We gave a 5' 10\" striker space,"_s});
    }

    void unbalancedMarkStaysInItsParagraph()
    {
        // The open mark of the first paragraph must not pair with one in the next.
        const QString text = u"He said “we stay and left.\n\nLater she said “go” twice."_s;
        QCOMPARE(quoted(text), QStringList{u"go"_s});
        const QString straight = u"A lone \" mark here.\n\nThen \"a quote\" there."_s;
        QCOMPARE(quoted(straight), QStringList{u"a quote"_s});
    }

    void strayClosingMarkIsIgnored()
    {
        QCOMPARE(quoted(u"Nothing” here, then “something” there."_s), QStringList{u"something"_s});
    }
};

QTEST_GUILESS_MAIN(TestQuoteMarks)
#include "tst_quotemarks.moc"
