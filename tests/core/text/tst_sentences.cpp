// Sentence boundaries for news text (used to expand search hits to sentences).
#include "text/Sentences.h"

#include <QTest>

using namespace newscoder;
using namespace Qt::StringLiterals;

namespace {

QStringList sentences(const QString &text)
{
    QStringList out;
    for (const TextSpan &s : sentenceSpans(text))
        out << text.mid(s.start, s.length());
    return out;
}

} // namespace

class TestSentences : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void split_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        const auto row = [](const char *name, const QString &text, const QStringList &expected) {
            QTest::newRow(name) << text << expected;
        };
        row("plain", u"Talks stalled. The port stayed closed."_s,
            {u"Talks stalled."_s, u"The port stayed closed."_s});
        row("quote then attribution",
            u"\"We will respond,\" Peskov said. He added that talks would continue."_s,
            {u"\"We will respond,\" Peskov said."_s, u"He added that talks would continue."_s});
        row("curly quote ends sentence",
            u"\u201CTalks are frozen until May.\u201D The port stayed closed."_s,
            {u"\u201CTalks are frozen until May.\u201D"_s, u"The port stayed closed."_s});
        row("exclamation inside quote, lowercase after", u"He shouted \"Stop!\" and left. Nobody followed."_s,
            {u"He shouted \"Stop!\" and left."_s, u"Nobody followed."_s});
        row("titles", u"Mr. Smith met Dr. Jones and Prof. Lee. They talked."_s,
            {u"Mr. Smith met Dr. Jones and Prof. Lee."_s, u"They talked."_s});
        row("U.S. and decimals", u"The U.S. economy grew 3.5 percent. Analysts were surprised."_s,
            {u"The U.S. economy grew 3.5 percent."_s, u"Analysts were surprised."_s});
        row("e.g. and i.e.", u"Some officials, e.g. Mayor Reyes, agreed, i.e. Most did. Others did not."_s,
            {u"Some officials, e.g. Mayor Reyes, agreed, i.e. Most did."_s, u"Others did not."_s});
        row("initials", u"J. K. Rowling spoke. Fans cheered!"_s, {u"J. K. Rowling spoke."_s, u"Fans cheered!"_s});
        row("question, ellipsis", u"Why? Nobody knows\u2026 Then silence."_s,
            {u"Why?"_s, u"Nobody knows\u2026"_s, u"Then silence."_s});
        row("dots then lowercase", u"Wait... what happened? It was late."_s,
            {u"Wait... what happened?"_s, u"It was late."_s});
        row("?! run", u"Really?! Yes."_s, {u"Really?!"_s, u"Yes."_s});
        row("newline ends a sentence", u"Headline without a stop\nFirst sentence."_s,
            {u"Headline without a stop"_s, u"First sentence."_s});
        row("paragraphs", u"Paragraph one.\n\nParagraph two.\r\nThree\u2029Four"_s,
            {u"Paragraph one."_s, u"Paragraph two."_s, u"Three"_s, u"Four"_s});
        row("trimmed", u"   Leading space.   Trailing space.   "_s, {u"Leading space."_s, u"Trailing space."_s});
        row("cyrillic", u"\u041F\u0435\u0441\u043A\u043E\u0432 \u0437\u0430\u044F\u0432\u0438\u043B. \u041E\u043D \u0434\u043E\u0431\u0430\u0432\u0438\u043B."_s,
            {u"\u041F\u0435\u0441\u043A\u043E\u0432 \u0437\u0430\u044F\u0432\u0438\u043B."_s,
             u"\u041E\u043D \u0434\u043E\u0431\u0430\u0432\u0438\u043B."_s});
        row("guillemets", u"He said: \u00AB\u041D\u0435\u0442\u00BB. Then he left."_s,
            {u"He said: \u00AB\u041D\u0435\u0442\u00BB."_s, u"Then he left."_s});
        row("year at end", u"The war began in 2022. It continues."_s, {u"The war began in 2022."_s, u"It continues."_s});
        row("digit starts", u"It cost $5. 20 people came."_s, {u"It cost $5."_s, u"20 people came."_s});
        row("closing bracket", u"(He left early.) Then she came."_s, {u"(He left early.)"_s, u"Then she came."_s});
        row("opening quote starts", u"He paused. \"No,\" he said."_s, {u"He paused."_s, u"\"No,\" he said."_s});
        row("no space after stop", u"Talks failed.The end"_s, {u"Talks failed.The end"_s});
        row("lowercase after stop", u"Rates rose approx. five percent."_s, {u"Rates rose approx. five percent."_s});
        row("no terminator", u"Just words"_s, {u"Just words"_s});
        row("empty", QString(), {});
        row("whitespace only", u" \n\t "_s, {});
        row("non-BMP", u"Fans sang \U0001D11E. They waved."_s, {u"Fans sang \U0001D11E."_s, u"They waved."_s});
    }

    void split()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        QCOMPARE(sentences(text), expected);
    }

    void sentenceAtPosition()
    {
        const QString text = u"One two. Three four."_s;
        QCOMPARE(sentenceAt(text, 0), (TextSpan{0, 8}));
        QCOMPARE(sentenceAt(text, 7), (TextSpan{0, 8}));
        QCOMPARE(sentenceAt(text, 8), (TextSpan{8, 8})); // the space between
        QCOMPARE(sentenceAt(text, 9), (TextSpan{9, 20}));
        QCOMPARE(sentenceAt(text, 19), (TextSpan{9, 20}));
        QCOMPARE(sentenceAt(text, 20), (TextSpan{20, 20}));
        QCOMPARE(sentenceAt(text, -1), (TextSpan{-1, -1}));
    }
};

QTEST_GUILESS_MAIN(TestSentences)
#include "tst_sentences.moc"
