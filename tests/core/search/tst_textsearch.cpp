// Find in one article: plain/regex, case, whole words in any script, groups,
// invalid and empty patterns, zero-length matches, snippets, sentence expansion.
#include "search/TextSearch.h"

#include <QTest>

using namespace newscoder;
using namespace Qt::StringLiterals;

namespace {

SearchOptions plain(const QString &pattern, bool caseSensitive = false, bool wholeWord = false)
{
    SearchOptions o;
    o.pattern = pattern;
    o.caseSensitive = caseSensitive;
    o.wholeWord = wholeWord;
    return o;
}

SearchOptions regex(const QString &pattern, int group = 0)
{
    SearchOptions o = plain(pattern);
    o.mode = SearchMode::Regex;
    o.captureGroup = group;
    return o;
}

QStringList hitTexts(const QString &text, const SearchOptions &options)
{
    QString error;
    QStringList out;
    for (const SearchHit &h : findInText(text, options, &error)) {
        if (h.text != text.mid(h.start, h.end - h.start))
            return {u"<hit text does not match its offsets>"_s};
        out << h.text;
    }
    if (!error.isEmpty())
        out << u"<error>"_s;
    return out;
}

QList<TextSpan> spans(const QString &text, const SearchOptions &options)
{
    QList<TextSpan> out;
    for (const SearchHit &h : findInText(text, options))
        out << h.span();
    return out;
}

const QString Peskov = u"Песков"_s;

} // namespace

class TestTextSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainIsCaseInsensitiveByDefault()
    {
        const QString text = u"Peskov's remarks: PESKOV said peskov-style things."_s;
        QCOMPARE(spans(text, plain(u"peskov"_s)), (QList<TextSpan>{{0, 6}, {18, 24}, {30, 36}}));
        QCOMPARE(hitTexts(text, plain(u"Peskov"_s, true)), QStringList{u"Peskov"_s});
    }

    void plainIsLiteral()
    {
        const QString text = u"Costs (est.) rose 3.5% to $10 [sic] a*b."_s;
        QCOMPARE(hitTexts(text, plain(u"(est.)"_s)), QStringList{u"(est.)"_s});
        QCOMPARE(hitTexts(text, plain(u"3.5%"_s)), QStringList{u"3.5%"_s});
        QCOMPARE(hitTexts(text, plain(u"$10 [sic]"_s)), QStringList{u"$10 [sic]"_s});
        QCOMPARE(hitTexts(text, plain(u"a*b"_s)), QStringList{u"a*b"_s});
        QCOMPARE(hitTexts(text, plain(u"3.5."_s)), QStringList());
    }

    void plainApostrophesMatchEachOther()
    {
        const QString text = u"Peskov’s aide and Peskov's driver"_s;
        QCOMPARE(hitTexts(text, plain(u"Peskov's"_s)), (QStringList{u"Peskov’s"_s, u"Peskov's"_s}));
        QCOMPARE(hitTexts(text, plain(u"Peskov’s"_s)), (QStringList{u"Peskov’s"_s, u"Peskov's"_s}));
    }

    void wholeWordLatin()
    {
        const QString text = u"Peskov's aide, Peskovs, unPeskov, Peskov_x and Peskov2 met Peskov."_s;
        QCOMPARE(hitTexts(text, plain(u"Peskov"_s, false, true)), (QStringList{u"Peskov"_s, u"Peskov"_s}));
        QCOMPARE(spans(text, plain(u"Peskov"_s, false, true)), (QList<TextSpan>{{0, 6}, {59, 65}}));
        QCOMPARE(hitTexts(text, plain(u"Peskov's"_s, false, true)), QStringList{u"Peskov's"_s});
    }

    void wholeWordCyrillic()
    {
        const QString text = u"Песков заявил, что ПЕСКОВ и помощник Пескова не знают; песков."_s;
        QCOMPARE(hitTexts(text, plain(Peskov, false, true)), (QStringList{Peskov, u"ПЕСКОВ"_s, u"песков"_s}));
        QCOMPARE(hitTexts(text, plain(Peskov, true, true)), QStringList{Peskov});
        QCOMPARE(hitTexts(text, plain(Peskov, true, false)), (QStringList{Peskov, Peskov}));
    }

    void wholeWordAccented()
    {
        const QString text = u"Café society, CAFÉ prices, cafés and a cafe\u0301 (decomposed)."_s;
        QCOMPARE(hitTexts(text, plain(u"café"_s, false, true)), (QStringList{u"Café"_s, u"CAFÉ"_s}));
        // A combining accent continues the word: "cafe" is not a whole word of "cafe\u0301".
        QCOMPARE(hitTexts(text, plain(u"cafe"_s, false, true)), QStringList());
        QCOMPARE(hitTexts(u"naïve, Zürich, Łódź"_s, plain(u"zürich"_s, false, true)), QStringList{u"Zürich"_s});
    }

    void regexWithGroups()
    {
        const QString text = u"Reyes said talks stalled. Peskov said nothing. Песков said да."_s;
        QCOMPARE(hitTexts(text, regex(u"(\\w+) said"_s)),
                 (QStringList{u"Reyes said"_s, u"Peskov said"_s, u"Песков said"_s}));
        QCOMPARE(hitTexts(text, regex(u"(\\w+) said"_s, 1)), (QStringList{u"Reyes"_s, u"Peskov"_s, Peskov}));
        QCOMPARE(hitTexts(text, regex(u"(?<who>\\p{Lu}\\w+) said (\\w+)"_s, 2)),
                 (QStringList{u"talks"_s, u"nothing"_s, u"да"_s}));
        // An optional group that did not take part gives no hit.
        QCOMPARE(hitTexts(u"a1 b c2"_s, regex(u"[abc](\\d)?"_s, 1)), (QStringList{u"1"_s, u"2"_s}));
    }

    void regexOptions()
    {
        const QString text = u"The port.\nThe talks. the end"_s;
        QCOMPARE(spans(text, regex(u"^the"_s)), (QList<TextSpan>{{0, 3}, {10, 13}}));
        SearchOptions sensitive = regex(u"the"_s);
        sensitive.caseSensitive = true;
        QCOMPARE(spans(text, sensitive), (QList<TextSpan>{{21, 24}}));
        SearchOptions word = regex(u"t\\w+"_s);
        word.wholeWord = true;
        QCOMPARE(hitTexts(u"at talks, tea"_s, word), (QStringList{u"talks"_s, u"tea"_s}));
    }

    void badGroupsAreErrors()
    {
        QString error;
        QVERIFY(findInText(u"a said b"_s, regex(u"(\\w+) said"_s, 2), &error).isEmpty());
        QVERIFY2(error.contains(u"group 2"_s), qPrintable(error));
        SearchOptions plainWithGroup = plain(u"said"_s);
        plainWithGroup.captureGroup = 1;
        QVERIFY(findInText(u"a said b"_s, plainWithGroup, &error).isEmpty());
        QVERIFY(!error.isEmpty());
    }

    void invalidRegexIsAnError()
    {
        QString error = u"stale"_s;
        QVERIFY(findInText(u"(a) b"_s, regex(u"(a"_s), &error).isEmpty());
        QVERIFY2(error.startsWith(u"Invalid regular expression at position 2"_s), qPrintable(error));

        // The position refers to what the user typed, also with whole words on.
        SearchOptions word = regex(u"a[b"_s);
        word.wholeWord = true;
        const TextSearcher searcher(word);
        QVERIFY(!searcher.isValid());
        const TextSearcher bare(regex(u"a[b"_s));
        QCOMPARE(searcher.error(), bare.error());
        QVERIFY2(bare.error().startsWith(u"Invalid regular expression at position 3"_s), qPrintable(bare.error()));
        // A pattern that is only valid inside the wrapper is still refused.
        SearchOptions sneaky = regex(u"a)(b"_s);
        sneaky.wholeWord = true;
        QVERIFY(!TextSearcher(sneaky).isValid());
        QVERIFY(searcher.findSpans(u"a[b"_s).isEmpty());

        // Success clears a previous error.
        QCOMPARE(findInText(u"ab"_s, regex(u"b"_s), &error).size(), 1);
        QVERIFY(error.isEmpty());
    }

    void emptyPatternIsAMessage()
    {
        QString error;
        QVERIFY(findInText(u"text"_s, plain(QString()), &error).isEmpty());
        QVERIFY(!error.isEmpty());
        QVERIFY(findInText(u"text"_s, regex(QString()), &error).isEmpty());
        QVERIFY(!error.isEmpty());
        QVERIFY(!TextSearcher(plain(QString())).isValid());
    }

    void zeroLengthMatchesAreSkipped()
    {
        const QString text = u"baaac a"_s;
        QCOMPARE(spans(text, regex(u"a*"_s)), (QList<TextSpan>{{1, 4}, {6, 7}}));
        QVERIFY(spans(text, regex(u"\\b"_s)).isEmpty());
        QVERIFY(spans(text, regex(u"(?=a)"_s)).isEmpty());
        QVERIFY(spans(text, regex(u"x*"_s)).isEmpty());
        QVERIFY(spans(u"\U0001D11E\U0001D11E"_s, regex(u"x*"_s)).isEmpty());
        QCOMPARE(spans(text, regex(u"(a*)c"_s, 1)), (QList<TextSpan>{{1, 4}})); // and an empty group
        QVERIFY(spans(u"c"_s, regex(u"(a*)c"_s, 1)).isEmpty());
        // Long input terminates and finds every real match.
        const QString longText = QString(u"xy"_s).repeated(20000);
        QCOMPARE(spans(longText, regex(u"y*"_s)).size(), 20000);
    }

    void nonBmpOffsetsAreUtf16()
    {
        const QString text = u"Fans sang \U0001D11E and waved \U0001F1FA\U0001F1E6 flags."_s;
        QCOMPARE(spans(text, plain(u"\U0001F1FA\U0001F1E6"_s)), (QList<TextSpan>{{23, 27}}));
        QCOMPARE(spans(text, regex(u"\\x{1D11E}"_s)), (QList<TextSpan>{{10, 12}}));
        QCOMPARE(spans(text, regex(u"."_s)).at(10), (TextSpan{10, 12})); // one code point, one hit
    }

    void snippetsMarkTheHit()
    {
        const QString text = u"Line one ends here.\nThe mayor said talks with the port union are frozen until May, officials added."_s;
        SearchOptions o = plain(u"talks"_s);
        o.contextChars = 10;
        const QList<SearchHit> hits = findInText(text, o);
        QCOMPARE(hits.size(), 1);
        const SearchHit &h = hits.first();
        QCOMPARE(h.snippet, u"…ayor said talks with the …"_s);
        QCOMPARE(h.snippet.mid(h.snippetHitStart, h.snippetHitEnd - h.snippetHitStart), u"talks"_s);

        o.pattern = u"Line"_s;
        o.contextChars = 25;
        const SearchHit first = findInText(text, o).first();
        QCOMPARE(first.snippet, u"Line one ends here. The mayor…"_s); // no lead "…", newline shown as a space
        QCOMPARE(first.snippetHitStart, 0);
        QCOMPARE(first.snippetHitEnd, 4);

        // Context that would cut a surrogate pair takes the whole pair.
        const QString nonBmp = u"\U0001D11Eab"_s;
        SearchOptions one = plain(u"a"_s);
        one.contextChars = 1;
        const SearchHit h2 = findInText(nonBmp, one).first();
        QCOMPARE(h2.snippet, u"\U0001D11Eab"_s);
        QCOMPARE(h2.snippetHitStart, 2);
        QCOMPARE(h2.snippetHitEnd, 3);
        one.contextChars = 0;
        QCOMPARE(findInText(nonBmp, one).first().snippet, u"…a…"_s);
    }

    void maxHitsLimitsFullHits()
    {
        const TextSearcher searcher(plain(u"a"_s));
        QCOMPARE(searcher.findSpans(u"a a a a"_s).size(), 4);
        QCOMPARE(searcher.find(u"a a a a"_s, 2).size(), 2);
        QCOMPARE(searcher.find(u"a a a a"_s, 0).size(), 4);
    }

    void expandToSentence()
    {
        const QString text = u"\"We will respond,\" Peskov said. He added that Peskov's office and Peskov himself "
                             u"would decide. Talks are frozen."_s;
        SearchOptions o = plain(u"Peskov"_s);
        o.expandToSentence = true;
        const QList<SearchHit> hits = findInText(text, o);
        QCOMPARE(hits.size(), 2); // three hits in the second sentence collapse into one
        QCOMPARE(hits.at(0).text, u"\"We will respond,\" Peskov said."_s);
        QCOMPARE(hits.at(0).span(), (TextSpan{0, 31}));
        QCOMPARE(hits.at(1).text, u"He added that Peskov's office and Peskov himself would decide."_s);
        QCOMPARE(hits.at(1).snippet.mid(hits.at(1).snippetHitStart, hits.at(1).snippetHitEnd - hits.at(1).snippetHitStart),
                 hits.at(1).text);

        // A hit running across a boundary takes both sentences.
        SearchOptions across = regex(u"decide\\. Talks"_s);
        across.expandToSentence = true;
        QCOMPARE(hitTexts(text, across),
                 QStringList{u"He added that Peskov's office and Peskov himself would decide. Talks are frozen."_s});

        // Abbreviations do not cut the sentence.
        SearchOptions smith = plain(u"Smith"_s);
        smith.expandToSentence = true;
        QCOMPARE(hitTexts(u"It rained. Mr. Smith of the U.S. Navy, e.g. his unit, left. Then quiet."_s, smith),
                 QStringList{u"Mr. Smith of the U.S. Navy, e.g. his unit, left."_s});

        // Whitespace-only hits have no sentence.
        SearchOptions space = regex(u"\\s+"_s);
        space.expandToSentence = true;
        QCOMPARE(hitTexts(u"One two. Three."_s, space), QStringList{u"One two."_s});
        QCOMPARE(hitTexts(u"One.\n\nTwo."_s, space), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestTextSearch)
#include "tst_textsearch.moc"
