// The quote engine as a pseudo-coder: its attributions scored against each
// coder's coded quotes, checked against values computed by hand.
#include "../CoreTestSupport.h"
#include "quotes/QuotePseudoCoder.h"

#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;
using namespace newscoder::test;

namespace {

// The engine proposes four attributions here: indirect "the port would reopen
// in May" (Ana Reyes), direct "We will not wait any longer," (Reyes → Ana
// Reyes), indirect "workers would strike" (Tomás Brandt), direct "This plan is
// dead," (he → Tomás Brandt).
const QString Article = QStringLiteral(
    "Harbour minister Ana Reyes said on Monday that the port would reopen in May. \"We will not wait any longer,\" "
    "Reyes told reporters. Union leader Tomás Brandt warned that workers would strike. \"This plan is dead,\" he "
    "said.");

} // namespace

class TestQuotePseudoCoder : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProjectFixture> m_fx;
    QUuid m_doc;

    Project &project() { return *m_fx->project; }
    QUuid field(const char *code, const char *name) const
    {
        return m_fx->project->codeByName(QString::fromLatin1(code))->fieldByName(QString::fromLatin1(name))->id;
    }
    QUuid code(const QString &text, const char *codeName, const char *type = nullptr)
    {
        const int start = int(Article.indexOf(text));
        const auto id = project().addAnnotation(m_doc, m_fx->codeId(QString::fromLatin1(codeName)), start,
                                                start + int(text.size()));
        if (id && type)
            project().setAnnotationValue(*id, field("Quote", "Type"), QString::fromLatin1(type));
        return id.value_or(QUuid());
    }
    void speaker(const QUuid &quote, const QString &text, const QUuid &actor)
    {
        const QUuid s = code(text, "Speaker");
        project().addAnnotationLink(quote, s);
        const QUuid actorField = field("Speaker", "Actor");
        project().setAnnotationValues(s, actorField, {{actorField, {}, {}, actor}});
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(openFixture(m_dir, m_fx));
        m_doc = project().importDocuments({makeDocument(QStringLiteral("Port strike looms"), Article)}).value(0);
        Actor reyes, ambers;
        reyes.name = QStringLiteral("Ana Reyes");
        ambers.name = QStringLiteral("Lio Ambers");
        const QUuid reyesId = project().addActor(reyes).value_or(QUuid());
        const QUuid ambersId = project().addActor(ambers).value_or(QUuid());
        // Ana: two direct quotes as the engine has them (one with the wrong
        // actor), one indirect quote longer than the engine's, nothing else.
        project().setCoderName(QStringLiteral("Ana"));
        speaker(code(QStringLiteral("We will not wait any longer,"), "Quote", "direct"), QStringLiteral("Reyes"), reyesId);
        speaker(code(QStringLiteral("This plan is dead,"), "Quote", "direct"), QStringLiteral("he"), ambersId);
        code(QStringLiteral("Union leader Tomás Brandt warned that workers would strike"), "Quote", "indirect");
        // Ben: one quote.
        project().setCoderName(QStringLiteral("Ben"));
        code(QStringLiteral("We will not wait any longer,"), "Quote", "direct");
        // A coder with nothing in this article and a suggestion: neither counts.
        project().setCoderName(QStringLiteral("Cleo"));
        project().addSuggestions({{m_doc, m_fx->codeId(QStringLiteral("Quote")), 0, 10}});
    }

    void cleanup() { closeFixture(m_dir, m_fx); }

    void scoresAgainstEachCoderByHand()
    {
        const PseudoCoderReport report =
            scorePseudoCoder(project().reader(), quoteMapping(project()), project().codes(), project().actors(),
                             {QStringLiteral("Ana"), QStringLiteral("Ben")});
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(report.rows.size(), 2);
        const PseudoCoderRow &ana = report.rows[0];
        QCOMPARE(ana.coder, QStringLiteral("Ana"));
        QCOMPARE(ana.articles, 1);
        // All kinds: 3 coded, 4 proposed. At overlap 0.3 all three pair (the
        // long indirect span shares 3 of its 9 words: 0.33); at 0.8 the two direct ones.
        QCOMPARE(ana.all.overlap03.gold, 3);
        QCOMPARE(ana.all.overlap03.predicted, 4);
        QCOMPARE(ana.all.overlap03.matched, 3);
        QCOMPARE(ana.all.overlap03.precision(), 0.75);
        QCOMPARE(ana.all.overlap03.recall(), 1.0);
        QVERIFY(qAbs(ana.all.overlap03.f1() - 6.0 / 7.0) < 1e-9); // 2·0.75·1 / 1.75
        QCOMPARE(ana.all.overlap08.matched, 2);
        QVERIFY(qAbs(ana.all.overlap08.f1() - 4.0 / 7.0) < 1e-9); // P 0.5, R 2/3
        QCOMPARE(ana.all.exactQuote.matched, 2);
        // Speakers: judged on the two quotes with a speaker; Reyes right, Ambers wrong.
        QCOMPARE(ana.all.speakerJudged, 2);
        QCOMPARE(ana.all.speakerCorrect, 1);
        QCOMPARE(ana.all.speakerAccuracy(), 0.5);
        // Direct only: 2 coded, 2 proposed, both paired.
        QCOMPARE(ana.direct.overlap03.gold, 2);
        QCOMPARE(ana.direct.overlap03.predicted, 2);
        QCOMPARE(ana.direct.overlap03.f1(), 1.0);

        const PseudoCoderRow &ben = report.rows[1];
        QCOMPARE(ben.articles, 1);
        QCOMPARE(ben.all.overlap03.gold, 1);
        QCOMPARE(ben.all.overlap03.matched, 1);
        QCOMPARE(ben.all.overlap03.precision(), 0.25);
        QCOMPARE(ben.all.overlap03.recall(), 1.0);
        QCOMPARE(ben.all.speakerJudged, 0);
    }

    void onlyArticlesTheCoderCodedCount()
    {
        const PseudoCoderReport report = scorePseudoCoder(project().reader(), quoteMapping(project()), project().codes(),
                                                          project().actors(), {QStringLiteral("Cleo")});
        QVERIFY(report.error.isEmpty());
        QCOMPARE(report.rows.value(0).articles, 0); // a suggestion is not a coding
        QCOMPARE(report.rows.value(0).all.overlap03.predicted, 0);
    }

    void unknownCoderOrNoMapping()
    {
        PseudoCoderReport report = scorePseudoCoder(project().reader(), quoteMapping(project()), project().codes(),
                                                    project().actors(), {QStringLiteral("Nobody")});
        QVERIFY(report.error.contains(QStringLiteral("Nobody")));
        report = scorePseudoCoder(project().reader(), {}, project().codes(), project().actors(), {QStringLiteral("Ana")});
        QVERIFY(report.error.contains(QStringLiteral("quote code")));
    }
};

QTEST_GUILESS_MAIN(TestQuotePseudoCoder)
#include "tst_quotepseudocoder.moc"
