// The quote mapping of a codebook (which code and fields receive suggested
// quotes) and matching speaker names to the actor registry.
#include "../CoreTestSupport.h"
#include "quotes/ActorMatching.h"
#include "quotes/QuoteMapping.h"

#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;
using namespace newscoder::test;

namespace {

Actor actorNamed(const QString &name, const QStringList &aliases = {})
{
    Actor a;
    a.id = QUuid::createUuid();
    a.name = name;
    a.aliases = aliases;
    return a;
}

Code codeNamed(const QList<Code> &codes, const QString &name)
{
    for (const Code &c : codes) {
        if (c.name == name)
            return c;
    }
    qFatal("no code %s", qPrintable(name));
}

} // namespace

class TestQuoteMapping : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultCodebookComesMapped()
    {
        const QList<Code> codes = defaultNewsCodebook();
        const QuoteMapping m = inferQuoteMapping(codes);
        const Code quote = codeNamed(codes, QStringLiteral("Quote"));
        const Code speaker = codeNamed(codes, QStringLiteral("Speaker"));
        QCOMPARE(m.quoteCode, quote.id);
        QCOMPARE(m.speakerCode, speaker.id);
        QCOMPARE(m.speakerLinkField, quote.fieldByName(QStringLiteral("Speaker"))->id);
        QCOMPARE(m.kindField, quote.fieldByName(QStringLiteral("Type"))->id);
        QCOMPARE(m.actorField, speaker.fieldByName(QStringLiteral("Actor"))->id);
        QCOMPARE(quoteMappingProblem(codes, m), QString());
    }

    void noQuoteCodeNoMapping()
    {
        QList<Code> codes = defaultNewsCodebook();
        codes.removeIf([](const Code &c) { return c.name == QLatin1String("Quote"); });
        QVERIFY(inferQuoteMapping(codes).isEmpty());
    }

    void jsonRoundTrip()
    {
        const QuoteMapping m = inferQuoteMapping(defaultNewsCodebook());
        QCOMPARE(quoteMappingFromJson(quoteMappingToJson(m)), m);
        QVERIFY(quoteMappingFromJson(QStringLiteral("not json")).isEmpty());
        QVERIFY(quoteMappingFromJson(QStringLiteral("[1,2]")).isEmpty());
    }

    void problemsAreNamed()
    {
        const QList<Code> codes = defaultNewsCodebook();
        const QuoteMapping good = inferQuoteMapping(codes);
        const Code claim = codeNamed(codes, QStringLiteral("Claim"));
        QuoteMapping m = good;
        m.kindField = claim.fieldByName(QStringLiteral("Topic"))->id; // a field of another code
        QVERIFY(quoteMappingProblem(codes, m).contains(QStringLiteral("kind field")));
        m = good;
        m.speakerLinkField = good.kindField; // not a link
        QVERIFY(quoteMappingProblem(codes, m).contains(QStringLiteral("speaker link")));
        m = good;
        m.actorField = good.kindField;
        QVERIFY(quoteMappingProblem(codes, m).contains(QStringLiteral("actor field")));
        m = good;
        m.speakerCode = m.quoteCode;
        QVERIFY(!quoteMappingProblem(codes, m).isEmpty());
        m = good;
        m.quoteCode = codeNamed(codes, QStringLiteral("Article")).id; // a variable
        QVERIFY(quoteMappingProblem(codes, m).contains(QStringLiteral("text spans")));
    }

    void kindValuesFollowTheOptions()
    {
        const QList<Code> codes = defaultNewsCodebook();
        const Code quoteCode = codeNamed(codes, QStringLiteral("Quote"));
        const CodeField &type = *quoteCode.fieldByName(QStringLiteral("Type"));
        using quotes::QuoteKind;
        QCOMPARE(quoteKindValue(type, QuoteKind::Direct), QStringLiteral("direct"));
        QCOMPARE(quoteKindValue(type, QuoteKind::Indirect), QStringLiteral("indirect"));
        QCOMPARE(quoteKindValue(type, QuoteKind::Mixed), QStringLiteral("partial"));
        QCOMPARE(quoteKindValue(type, QuoteKind::Floating), QStringLiteral("direct"));
        CodeField text;
        text.kind = FieldKind::Text;
        QCOMPARE(quoteKindValue(text, QuoteKind::Mixed), QStringLiteral("mixed"));
        CodeField other;
        other.kind = FieldKind::SingleChoice;
        other.options = {{QStringLiteral("x"), QStringLiteral("Something else")}};
        QCOMPARE(quoteKindValue(other, QuoteKind::Direct), QString());
    }

    void storedMappingWinsAndUndoes()
    {
        QTemporaryDir dir;
        ProjectFixture fx(dir.path());
        Project &p = *fx.project;
        const QuoteMapping inferred = quoteMapping(p);
        QCOMPARE(inferred, inferQuoteMapping(p.codes()));
        QuoteMapping chosen;
        chosen.quoteCode = fx.codeId(QStringLiteral("Claim"));
        QString error;
        QVERIFY2(setQuoteMapping(p, chosen, &error), qPrintable(error));
        QCOMPARE(p.undoStack()->count(), 1);
        QCOMPARE(quoteMapping(p), chosen);
        QCOMPARE(quoteMappingFromJson(reader(fx.path)->setting(QuoteMappingSetting)), chosen);
        p.undoStack()->undo();
        QCOMPARE(reader(fx.path)->setting(QuoteMappingSetting), QString());
        QCOMPARE(quoteMapping(p), inferred);
        QuoteMapping bad = chosen;
        bad.kindField = QUuid::createUuid();
        QVERIFY(!setQuoteMapping(p, bad, &error));
        QVERIFY(error.contains(QStringLiteral("kind field")));
    }

    void actorByNameCaseAndDiacritics()
    {
        const QList<Actor> actors{actorNamed(QStringLiteral("Tomás Brandt")),
                                  actorNamed(QStringLiteral("Dmitry Peskov"), {QStringLiteral("Dmitri Peskov")})};
        ActorMatch m = matchActor(actors, QStringLiteral("TOMAS  BRANDT"));
        QCOMPARE(m.how, ActorMatch::How::Name);
        QCOMPARE(m.actorId, actors[0].id);
        m = matchActor(actors, QStringLiteral("dmitri peskov"));
        QCOMPARE(m.how, ActorMatch::How::Name);
        QCOMPARE(m.actorId, actors[1].id);
        QCOMPARE(foldedActorName(QStringLiteral("Dmitrí  Peskóv’s")), QStringLiteral("dmitri peskov"));
        QCOMPARE(foldedActorName(QStringLiteral("Straße")), QStringLiteral("strasse"));
    }

    void actorContainedInTheMention()
    {
        const QList<Actor> actors{actorNamed(QStringLiteral("Dmitry Peskov")), actorNamed(QStringLiteral("Kremlin"))};
        const ActorMatch m = matchActor(actors, QStringLiteral("Kremlin spokesman Dmitry Peskov"));
        QCOMPARE(m.how, ActorMatch::How::Contained);
        QCOMPARE(m.actorId, actors[0].id); // the longest name inside wins
    }

    void actorBySurnameAlone()
    {
        const QList<Actor> actors{actorNamed(QStringLiteral("Dmitry Peskov")), actorNamed(QStringLiteral("Ana Reyes"))};
        ActorMatch m = matchActor(actors, QStringLiteral("Peskóv"));
        QCOMPARE(m.how, ActorMatch::How::Surname);
        QCOMPARE(m.actorId, actors[0].id);
        m = matchActor(actors, QStringLiteral("Dmitry")); // a first name is not a surname
        QCOMPARE(m.how, ActorMatch::How::New);
        m = matchActor(actors, QStringLiteral("Peskova")); // whole words only
        QCOMPARE(m.how, ActorMatch::How::New);
    }

    void sharedSurnameIsNotGuessed()
    {
        const QList<Actor> actors{actorNamed(QStringLiteral("Anna Brandt")), actorNamed(QStringLiteral("Tomás Brandt"))};
        const ActorMatch m = matchActor(actors, QStringLiteral("Brandt"));
        QCOMPARE(m.how, ActorMatch::How::None);
        QVERIFY(!m.isMatch());
        QVERIFY(m.proposedName.isEmpty());
    }

    void unknownNameProposesAnActor()
    {
        const ActorMatch m = matchActor({actorNamed(QStringLiteral("Ana Reyes"))}, QStringLiteral("  Maria   Lopez "));
        QCOMPARE(m.how, ActorMatch::How::New);
        QCOMPARE(m.proposedName, QStringLiteral("Maria Lopez"));
        QVERIFY(!m.isMatch());
        QCOMPARE(matchActor({}, QStringLiteral(" ,. ")).how, ActorMatch::How::None);
    }
};

QTEST_GUILESS_MAIN(TestQuoteMapping)
#include "tst_quotemapping.moc"
