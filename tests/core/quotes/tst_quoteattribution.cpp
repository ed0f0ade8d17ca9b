// The attribution rules: each kind of quote, cue and speaker, in English and German.
#include "quotes/QuoteAttributor.h"
#include "quotes/QuoteLexicon.h"
#include "quotes/QuoteOffsets.h"

#include <QTest>

using namespace newscoder::quotes;
using namespace Qt::StringLiterals;

namespace {

QString part(const QString &text, const QuoteSpan &span)
{
    return span.isValid() ? text.mid(span.start, span.length()) : QString();
}

// The one attribution whose quote contains `needle`; fails the test when there is none.
Attribution find(const QList<Attribution> &all, const QString &text, const QString &needle)
{
    for (const Attribution &a : all)
        if (part(text, a.quote).contains(needle))
            return a;
    QTest::qFail(qPrintable(u"no attribution quoting \"%1\""_s.arg(needle)), __FILE__, __LINE__);
    return {};
}

} // namespace

class TestQuoteAttribution : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lexiconsComeFromTheResources()
    {
        const QString english = u"en"_s;
        const QuoteLexicon &en = QuoteLexicon::builtIn(english);
        QVERIFY(en.verbs.contains(u"said"_s));
        QVERIFY(en.verbs.contains(u"insisted"_s));
        QCOMPARE(en.passives.contains(QStringList{u"was"_s, u"quoted"_s, u"as"_s, u"saying"_s}), true);
        const QString german = u"de"_s;
        const QuoteLexicon &de = QuoteLexicon::builtIn(german);
        QVERIFY(de.verbs.contains(u"sagte"_s));
        QVERIFY(de.verbs.contains(u"betonte"_s));
        QVERIFY(!de.verbs.contains(u"said"_s));
    }

    void projectWordsExtendTheLexicon()
    {
        const QString text = u"“We will see,” Peskov opined."_s;
        QCOMPARE(attributeQuotes(text, QuoteLexicon::builtIn(u"en"_s)).size(), 0);
        const QuoteLexicon more = QuoteLexicon::extended(QuoteLexicon::builtIn(u"en"_s), u"[verbs]\nopine opines opined\n"_s);
        const QList<Attribution> found = attributeQuotes(text, more);
        QCOMPARE(found.size(), 1);
        QCOMPARE(part(text, found.at(0).cue), u"opined"_s);
    }

    void languageIsDetected()
    {
        QCOMPARE(detectQuoteLanguage(u"Der Minister sagte, dass die Lage ernst ist und nicht besser wird."_s), u"de"_s);
        QCOMPARE(detectQuoteLanguage(u"The minister said that the situation is serious and was getting worse."_s), u"en"_s);
    }

    void directQuoteWithSpeakerThenCue()
    {
        const QString text = u"“We will respond in kind,” Kremlin spokesman Dmitry Peskov told reporters on Monday."_s;
        const QList<Attribution> found = attributeQuotes(text, u"en"_s);
        QCOMPARE(found.size(), 1);
        const Attribution a = found.at(0);
        QCOMPARE(a.kind, QuoteKind::Direct);
        QCOMPARE(part(text, a.quote), u"We will respond in kind,"_s);
        QCOMPARE(part(text, a.cue), u"told"_s);
        QCOMPARE(part(text, a.speaker), u"Kremlin spokesman Dmitry Peskov"_s);
        QCOMPARE(a.speakerKind, SpeakerKind::Person);
        QCOMPARE(a.actor, u"Dmitry Peskov"_s);
        QVERIFY(a.confidence > 0.5 && a.confidence <= 1.0);
        QVERIFY(!a.rule.isEmpty());
    }

    void directQuoteWithCueThenSpeaker()
    {
        const QString text = u"\"The door remains open,\" said Russian Foreign Minister Sergei Lavrov."_s;
        const Attribution a = find(attributeQuotes(text, u"en"_s), text, u"door"_s);
        QCOMPARE(part(text, a.cue), u"said"_s);
        QCOMPARE(part(text, a.speaker), u"Russian Foreign Minister Sergei Lavrov"_s);
        QCOMPARE(a.actor, u"Sergei Lavrov"_s);
    }

    void directQuoteAfterAColon()
    {
        const QString text = u"The minister said: “Our patience has limits.”"_s;
        const Attribution a = find(attributeQuotes(text, u"en"_s), text, u"patience"_s);
        QCOMPARE(a.kind, QuoteKind::Direct);
        QCOMPARE(part(text, a.quote), u"Our patience has limits."_s);
        QCOMPARE(part(text, a.cue), u"said"_s);
        QCOMPARE(part(text, a.speaker), u"The minister"_s);
        // Across a paragraph break after the colon, too.
        const QString para = u"Mayor Anna Lind told the council:\n\n“We cannot afford this bridge.”"_s;
        const Attribution b = find(attributeQuotes(para, u"en"_s), para, u"bridge"_s);
        QCOMPARE(b.actor, u"Anna Lind"_s);
        QCOMPARE(part(para, b.cue), u"told"_s);
    }

    void interruptedQuoteHasOneSpeaker()
    {
        const QString text = u"“We will respond,” Peskov said, “and nobody should doubt it.”"_s;
        const QList<Attribution> found = attributeQuotes(text, u"en"_s);
        QCOMPARE(found.size(), 2);
        QCOMPARE(found.at(0).actor, u"Peskov"_s);
        QCOMPARE(found.at(1).actor, u"Peskov"_s);
        QCOMPARE(found.at(1).cue, found.at(0).cue);
        QCOMPARE(part(text, found.at(1).quote), u"and nobody should doubt it."_s);
    }

    void passiveCue()
    {
        const QString text = u"“This is not the end,” Ada Morrow was quoted as saying by the local paper."_s;
        const Attribution a = find(attributeQuotes(text, u"en"_s), text, u"end"_s);
        QCOMPARE(part(text, a.cue), u"was quoted as saying"_s);
        QCOMPARE(a.actor, u"Ada Morrow"_s);
    }

    void mixedQuote()
    {
        const QString text = u"Senator Ruth Okafor said the plan was “dead on arrival” in the chamber."_s;
        const Attribution a = find(attributeQuotes(text, u"en"_s), text, u"dead on arrival"_s);
        QCOMPARE(a.kind, QuoteKind::Mixed);
        QCOMPARE(part(text, a.quote), u"the plan was “dead on arrival” in the chamber"_s);
        QCOMPARE(a.actor, u"Ruth Okafor"_s);
        // Quoted words before the attribution.
        const QString before = u"The reform is “a tax on the poor,” Okafor said."_s;
        const Attribution b = find(attributeQuotes(before, u"en"_s), before, u"tax"_s);
        QCOMPARE(b.kind, QuoteKind::Mixed);
        QVERIFY(part(before, b.quote).startsWith(u"The reform is"_s));
    }

    void indirectQuotes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("clause");
        QTest::addColumn<QString>("cue");
        QTest::addColumn<QString>("speaker");
        QTest::newRow("said that") << u"Finance Minister Lea Brandt said that the deficit would shrink next year."_s
                                   << u"the deficit would shrink next year"_s << u"said"_s
                                   << u"Finance Minister Lea Brandt"_s;
        QTest::newRow("said, no that") << u"Lea Brandt said the deficit would shrink next year."_s
                                       << u"the deficit would shrink next year"_s << u"said"_s << u"Lea Brandt"_s;
        QTest::newRow("told reporters") << u"Brandt told reporters the deficit would shrink next year."_s
                                        << u"the deficit would shrink next year"_s << u"told"_s << u"Brandt"_s;
        QTest::newRow("according to, first") << u"According to the State Department, the talks will resume in May."_s
                                             << u"the talks will resume in May"_s << u"According to"_s
                                             << u"the State Department"_s;
        QTest::newRow("according to, last") << u"The talks will resume in May, according to the State Department."_s
                                            << u"The talks will resume in May"_s << u"according to"_s
                                            << u"the State Department"_s;
        QTest::newRow("clause, speaker said") << u"The talks will resume in May, the ministry said."_s
                                              << u"The talks will resume in May"_s << u"said"_s << u"the ministry"_s;
        QTest::newRow("warned") << u"The central bank warned that inflation could rise again."_s
                                << u"inflation could rise again"_s << u"warned"_s << u"The central bank"_s;
        QTest::newRow("insisted") << u"Brandt insisted that no taxes would rise."_s << u"no taxes would rise"_s
                                  << u"insisted"_s << u"Brandt"_s;
        QTest::newRow("denied") << u"The company denied that it had misled investors."_s
                                << u"it had misled investors"_s << u"denied"_s << u"The company"_s;
    }

    void indirectQuotes()
    {
        QFETCH(QString, text);
        QFETCH(QString, clause);
        QFETCH(QString, cue);
        QFETCH(QString, speaker);
        const QList<Attribution> found = attributeQuotes(text, u"en"_s);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.at(0).kind, QuoteKind::Indirect);
        QCOMPARE(part(text, found.at(0).quote), clause);
        QCOMPARE(part(text, found.at(0).cue), cue);
        QCOMPARE(part(text, found.at(0).speaker), speaker);
    }

    void floatingQuoteTakesTheSpeakerBefore()
    {
        const QString text = u"Union leader Marta Kellner said talks had failed.\n\n“Nobody should expect us to accept this offer.”"_s;
        const Attribution a = find(attributeQuotes(text, u"en"_s), text, u"Nobody"_s);
        QCOMPARE(a.kind, QuoteKind::Floating);
        QCOMPARE(quoteKindContractName(a.kind), u"direct"_s);
        QVERIFY(!a.cue.isValid());
        QCOMPARE(a.actor, u"Marta Kellner"_s);
        QCOMPARE(part(text, a.speaker), u"Union leader Marta Kellner"_s);
    }

    void quotesWithoutSpeakerAreNotProposed()
    {
        // A headline quote and a scare quote: no cue, no speaker nearby.
        const QString text = u"‘Hard to imagine’ in the capital\n\nThe so-called “peace plan” was published on Monday."_s;
        QCOMPARE(attributeQuotes(text, u"en"_s).size(), 0);
    }

    void pronounsAndShortReferencesResolve()
    {
        const QString text = u"“We will respond,” Kremlin spokesman Dmitry Peskov said.\n\n"
                             u"“There is no other way,” he added.\n\n"
                             u"“Nothing has changed,” the spokesman noted.\n\n"
                             u"“We stay calm,” Peskov added."_s;
        const QList<Attribution> found = attributeQuotes(text, u"en"_s);
        QCOMPARE(found.size(), 4);
        const Attribution he = find(found, text, u"other way"_s);
        QCOMPARE(he.speakerKind, SpeakerKind::Pronoun);
        QCOMPARE(part(text, he.speaker), u"he"_s);
        QCOMPARE(he.actor, u"Dmitry Peskov"_s);
        const Attribution spokesman = find(found, text, u"Nothing"_s);
        QCOMPARE(spokesman.speakerKind, SpeakerKind::Reference);
        QCOMPARE(spokesman.actor, u"Dmitry Peskov"_s);
        QCOMPARE(find(found, text, u"calm"_s).actor, u"Dmitry Peskov"_s);
    }

    void pronounFindsAPersonNamedWithARole()
    {
        // The manager is named (not quoted) before "he said".
        const QString text = u"“I hoped,” Abara said.\n\nRovers manager Jonas Pirre was calmer. “We were lucky,” he said."_s;
        QCOMPARE(find(attributeQuotes(text, u"en"_s), text, u"lucky"_s).actor, u"Jonas Pirre"_s);
    }

    void organisations()
    {
        const QString text = u"“The report is false,” the Kremlin said.\n\nThe State Department said it would respond."_s;
        const QList<Attribution> found = attributeQuotes(text, u"en"_s);
        const Attribution kremlin = find(found, text, u"false"_s);
        QCOMPARE(kremlin.speakerKind, SpeakerKind::Organisation);
        QCOMPARE(kremlin.actor, u"Kremlin"_s);
        const Attribution state = find(found, text, u"respond"_s);
        QCOMPARE(state.speakerKind, SpeakerKind::Organisation);
        QCOMPARE(state.actor, u"State Department"_s);
    }

    void anonymousSourcesStayAnonymous()
    {
        const QString text = u"“There is no deal,” said a senior official who asked not to be named.\n\n"
                             u"Sources said the vote would be delayed."_s;
        const QList<Attribution> found = attributeQuotes(text, u"en"_s);
        const Attribution official = find(found, text, u"no deal"_s);
        QCOMPARE(official.speakerKind, SpeakerKind::Anonymous);
        QCOMPARE(part(text, official.speaker), u"a senior official"_s);
        QVERIFY(official.actor.isEmpty());
        const Attribution sources = find(found, text, u"vote"_s);
        QCOMPARE(sources.speakerKind, SpeakerKind::Anonymous);
        QCOMPARE(part(text, sources.speaker), u"Sources"_s);
    }

    void german_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("needle");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("cue");
        QTest::addColumn<QString>("actor");
        QTest::newRow("quote, sagte X") << u"„Wir werden antworten“, sagte Kremlsprecher Dmitri Peskow."_s
                                        << u"antworten"_s << int(QuoteKind::Direct) << u"sagte"_s << u"Dmitri Peskow"_s;
        QTest::newRow("quote, so X") << u"„Das ist inakzeptabel“, so Ministerin Eva Roth."_s << u"inakzeptabel"_s
                                     << int(QuoteKind::Direct) << u"so"_s << u"Eva Roth"_s;
        QTest::newRow("X sagte: quote") << u"Die Ministerin Eva Roth sagte: „Wir bleiben dabei.“"_s << u"bleiben"_s
                                        << int(QuoteKind::Direct) << u"sagte"_s << u"Eva Roth"_s;
        QTest::newRow("X sagte, clause") << u"Eva Roth sagte, die Verhandlungen würden im Mai fortgesetzt."_s
                                         << u"Verhandlungen"_s << int(QuoteKind::Indirect) << u"sagte"_s
                                         << u"Eva Roth"_s;
        QTest::newRow("laut X") << u"Laut Eva Roth werden die Verhandlungen im Mai fortgesetzt."_s
                                << u"Verhandlungen"_s << int(QuoteKind::Indirect) << u"Laut"_s << u"Eva Roth"_s;
        QTest::newRow("X zufolge") << u"Eva Roth zufolge werden die Verhandlungen im Mai fortgesetzt."_s
                                   << u"Verhandlungen"_s << int(QuoteKind::Indirect) << u"zufolge"_s << u"Eva Roth"_s;
        QTest::newRow("guillemets, betonte X") << u"»Wir bleiben«, betonte Eva Roth."_s << u"bleiben"_s
                                               << int(QuoteKind::Direct) << u"betonte"_s << u"Eva Roth"_s;
    }

    void german()
    {
        QFETCH(QString, text);
        QFETCH(QString, needle);
        QFETCH(int, kind);
        QFETCH(QString, cue);
        QFETCH(QString, actor);
        const Attribution a = find(attributeQuotes(text, u"de"_s), text, needle);
        QCOMPARE(int(a.kind), kind);
        QCOMPARE(part(text, a.cue), cue);
        QCOMPARE(a.actor, actor);
    }

    void germanPronoun()
    {
        const QString text = u"„Wir bleiben“, sagte Ministerin Eva Roth.\n\n„Es gibt keinen anderen Weg“, sagte sie."_s;
        QCOMPARE(find(attributeQuotes(text, u"de"_s), text, u"Weg"_s).actor, u"Eva Roth"_s);
    }

    void offsetsAreUtf16AndCodePoints()
    {
        // Emoji and a non-BMP letter before and inside the quote: UTF-16 and code-point offsets differ.
        const QString text = u"🎉🎉 Party! “We won 😀 today, 𝒜 said nobody,” Mia Sund said."_s;
        const QList<Attribution> found = attributeQuotes(text, u"en"_s);
        QCOMPARE(found.size(), 1);
        const Attribution a = found.at(0);
        QCOMPARE(part(text, a.quote), u"We won 😀 today, 𝒜 said nobody,"_s);
        const int utf16Start = int(text.indexOf(u"We won"_s));
        QCOMPARE(a.quote.start, utf16Start);
        const QList<int> points = codePointOffsets(text, {a.quote.start, a.quote.end, a.speaker.start});
        QCOMPARE(points.at(0), utf16Start - 2); // two emoji of two code units each
        QCOMPARE(points.at(1) - points.at(0), int(part(text, a.quote).toUcs4().size()));
        QCOMPARE(points.at(2), int(text.left(a.speaker.start).toUcs4().size()));
    }
};

QTEST_GUILESS_MAIN(TestQuoteAttribution)
#include "tst_quoteattribution.moc"
