// Folding, Unicode word boundaries and word shingles for duplicate detection.
#include "dedup/TextShingles.h"

#include <QTest>

using namespace newscoder::dedup;
using namespace Qt::StringLiterals;

class TestTextShingles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void foldsCaseDiacriticsAndCompatibilityForms()
    {
        QCOMPARE(foldForComparison(u"Zürich CAFÉ São Paulo"), QStringLiteral("zurich cafe sao paulo"));
        // Precomposed and decomposed forms fold alike; the fi ligature and full-width letters too.
        QCOMPARE(foldForComparison(u"e\u0301te\u0301"), foldForComparison(u"\u00e9t\u00e9"));
        QCOMPARE(foldForComparison(u"\ufb01nal \uff21\uff22"), QStringLiteral("final ab"));
        QCOMPARE(foldForComparison(u"ΑΘΗΝΑ Ἀθῆναι"), QStringLiteral("αθηνα αθηναι"));
    }

    void wordsIgnorePunctuationAndSpacing()
    {
        const QStringList expected{u"the"_s, u"mayor"_s, u"said"_s, u"no"_s, u"twice"_s, u"2024"_s};
        QCOMPARE(comparisonWords(u"The mayor said: \"No!\" — twice (2024)."), expected);
        QCOMPARE(comparisonWords(u"the   MAYOR said ,no,\n\ntwice\t2024"), expected);
        QCOMPARE(wordHashes(u"The mayor said: \"No!\" — twice (2024)."), wordHashes(u"the mayor said no twice 2024"));
        QVERIFY(wordHashes(u"the mayor said no").size() == 4);
        QVERIFY(wordHashes(u"...  — !! ?").empty());
        QVERIFY(wordHashes(u"").empty());
    }

    void unicodeWordBoundaries()
    {
        // Cyrillic and Greek words, a number with a decimal point (one word in UAX #29).
        QCOMPARE(comparisonWords(u"Песков заявил: 3.5 процента"),
                 (QStringList{u"песков"_s, u"заявил"_s, u"3.5"_s, u"процента"_s}));
        // Chinese without spaces: one word per ideograph rather than one word for the whole run.
        QVERIFY(comparisonWords(u"克里姆林宫表示").size() > 1);
    }

    void nonBmpText()
    {
        // Deseret letters (outside the BMP) have case: upper and lower fold to the same words.
        const QString upper = QString::fromUcs4(U"\U00010414\U0000043F \U00010400\U00010401\U00010402");
        const QStringList words = comparisonWords(upper);
        QCOMPARE(words.size(), 2);
        QCOMPARE(words, comparisonWords(words.join(u' ')));
        QCOMPARE(wordHashes(upper), wordHashes(QString::fromUcs4(U"\U0001043C\U0000043F \U00010428\U00010429\U0001042A")));
        // Emoji are not words; text around them is kept whole (no broken surrogates).
        QCOMPARE(comparisonWords(QString::fromUcs4(U"rain \U0001F327\U0001F327 falls")),
                 (QStringList{u"rain"_s, u"falls"_s}));
        // Mathematical bold letters fold to plain ones (compatibility decomposition).
        QCOMPARE(comparisonWords(QString::fromUcs4(U"\U0001D401\U0001D40E\U0001D40B\U0001D403")),
                 QStringList{u"bold"_s});
        // A lone surrogate neither crashes nor becomes a word.
        QCOMPARE(comparisonWords(QString(QString(QChar(0xD800)) + u" word")), QStringList{u"word"_s});
    }

    void shinglesOfConsecutiveWords()
    {
        const std::vector<std::uint64_t> words = wordHashes(u"a b c d e");
        QCOMPARE(shingleSet(words, 3).size(), std::size_t(3)); // abc bcd cde
        QCOMPARE(shingleSet(words, 1).size(), std::size_t(5));
        QCOMPARE(shingleSet(words, 5).size(), std::size_t(1));
        // Fewer words than a shingle: one shingle of them all; none without words.
        QCOMPARE(shingleSet(wordHashes(u"Breaking"), 3).size(), std::size_t(1));
        QVERIFY(shingleSet(wordHashes(u"Breaking"), 3) != shingleSet(wordHashes(u"Update"), 3));
        QVERIFY(shingleSet({}, 3).empty());
        // Repeats count once; order matters.
        QCOMPARE(shingleSet(wordHashes(u"x y z x y z x y z"), 3).size(), std::size_t(3));
        QVERIFY(shingleSet(wordHashes(u"man bites dog"), 3) != shingleSet(wordHashes(u"dog bites man"), 3));
        const std::vector<std::uint64_t> set = shingleSet(wordHashes(u"one two three four five six"), 2);
        QVERIFY(std::is_sorted(set.begin(), set.end()));
        QVERIFY(std::adjacent_find(set.begin(), set.end()) == set.end());
    }

    void jaccardOfSortedSets()
    {
        QCOMPARE(jaccard({1, 2, 3, 4}, {1, 2, 3, 4}), 1.0);
        QCOMPARE(jaccard({1, 2, 3, 4}, {3, 4, 5, 6}), 2.0 / 6.0);
        QCOMPARE(jaccard({1, 2}, {3, 4}), 0.0);
        QCOMPARE(jaccard({}, {1}), 0.0);
        QCOMPARE(jaccard({}, {}), 0.0);
        // One changed word in a 12-word text changes three 3-word shingles.
        const auto a = shingleSet(wordHashes(u"w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12"), 3);
        const auto b = shingleSet(wordHashes(u"w1 w2 w3 w4 w5 CHANGED w7 w8 w9 w10 w11 w12"), 3);
        QCOMPARE(a.size(), std::size_t(10));
        QCOMPARE(jaccard(a, b), 7.0 / 13.0);
    }
};

QTEST_GUILESS_MAIN(TestTextShingles)
#include "tst_textshingles.moc"
