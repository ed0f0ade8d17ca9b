// Review of two coders side by side: which annotations pair up, what kind of
// difference each item is, stable item ids, and which articles are compared.
#include "../study/StudyTestSupport.h"
#include "review/ReviewItems.h"

#include <QTemporaryDir>

using namespace newscoder;
using namespace newscoder::test;
using review::ItemKind;

namespace {

const QString Alex = QStringLiteral("Alex Example");
const QString Ben = QStringLiteral("Ben Second");

review::ReviewReport reviewOf(const Project &project, QList<QUuid> documents = {}, bool agreements = true)
{
    return review::computeReview(project.reader(), {Alex, Ben, std::move(documents), {}, agreements});
}

QStringList kinds(const review::ReviewReport &report)
{
    QStringList result;
    for (const review::ReviewItem &item : report.items)
        result << review::itemKindName(item.kind);
    return result;
}

} // namespace

class TestReview : public QObject
{
    Q_OBJECT

private:
    QUuid code(const Project &p, const char *name) { return p.codeByName(QString::fromLatin1(name))->id; }
    QUuid field(const Project &p, const char *codeName, const char *fieldName)
    {
        return p.codeByName(QString::fromLatin1(codeName))->fieldByName(QString::fromLatin1(fieldName))->id;
    }
    QUuid as(Project &p, const QString &coder, const QUuid &doc, const char *codeName, int start, int end)
    {
        p.setCoderName(coder);
        return p.addAnnotation(doc, code(p, codeName), start, end).value_or(QUuid());
    }

private Q_SLOTS:
    // The coded fixture: Alex has a speaker, a quote (typed and linked to the
    // speaker) and a claim, Ben only the quote, bare; their slants differ.
    void everyKindOfDifferenceIsListed()
    {
        QTemporaryDir dir;
        CodedFixture fx(dir.path());
        const review::ReviewReport report = reviewOf(*fx.project);
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        // Ben only has a suggestion in the second article: not coded, not assigned.
        QCOMPARE(report.documents, QList<QUuid>{fx.plainDoc});
        QCOMPARE(kinds(report), (QStringList{QStringLiteral("only-one"), QStringLiteral("fields"),
                                             QStringLiteral("only-one"), QStringLiteral("variable"),
                                             QStringLiteral("variable")}));
        const review::ReviewItem &speaker = report.items[0];
        QCOMPARE(speaker.a.annotation->id, fx.speaker);
        QVERIFY(!speaker.b.annotation);
        QCOMPARE(speaker.differences, QStringList{QStringLiteral("only:") + Alex});
        const review::ReviewItem &quote = report.items[1];
        QCOMPARE(quote.a.annotation->id, fx.quote);
        QCOMPARE(quote.b.coder, Ben);
        QCOMPARE(quote.differences, (QStringList{QStringLiteral("field:Type"), QStringLiteral("field:Speaker")}));
        QCOMPARE(quote.fields.size(), 2);
        QCOMPARE(quote.fields[0].a.value(0).text, QStringLiteral("direct"));
        QVERIFY(quote.fields[0].b.isEmpty());
        QCOMPARE(report.items[3].differences, QStringList{QStringLiteral("variable:Slant")});
        QCOMPARE(report.items[3].a.values.value(0).text, QStringLiteral("-1"));
        QCOMPARE(report.items[3].b.values.value(0).text, QStringLiteral("0"));
        QCOMPARE(report.items[4].differences, QStringList{QStringLiteral("variable:Main actor")});
        for (const review::ReviewItem &item : report.items)
            QVERIFY(!item.decision);
    }

    void itemIdsAreStableAndFingerprintsFollowTheContent()
    {
        QTemporaryDir dir;
        CodedFixture fx(dir.path());
        const review::ReviewReport first = reviewOf(*fx.project);
        const review::ReviewReport again = reviewOf(*fx.project);
        QCOMPARE(again.items.size(), first.items.size());
        QSet<QString> ids;
        for (qsizetype i = 0; i < first.items.size(); ++i) {
            QCOMPARE(again.items[i].id, first.items[i].id);
            QCOMPARE(again.items[i].fingerprint, first.items[i].fingerprint);
            QCOMPARE(first.items[i].id.size(), 12);
            ids.insert(first.items[i].id);
        }
        QCOMPARE(ids.size(), first.items.size());
        // Ben types his quote: the same item (same annotations), other content.
        const Annotation bensQuote = *first.items[1].b.annotation;
        fx.project->setCoderName(Ben);
        QVERIFY(fx.project->setAnnotationValue(bensQuote.id, field(*fx.project, "Quote", "Type"),
                                               QStringLiteral("direct")));
        const review::ReviewReport after = reviewOf(*fx.project);
        QCOMPARE(after.items[1].id, first.items[1].id);
        QVERIFY(after.items[1].fingerprint != first.items[1].fingerprint);
        QCOMPARE(after.items[1].differences, QStringList{QStringLiteral("field:Speaker")});
    }

    void greatestOverlapPairsFirst()
    {
        QTemporaryDir dir;
        ProjectFixture fx(dir.path());
        Project &p = *fx.project;
        const QUuid a = as(p, Alex, fx.plainDoc, "Claim", 0, 40);
        const QUuid bSmall = as(p, Ben, fx.plainDoc, "Claim", 0, 10);
        const QUuid bLarge = as(p, Ben, fx.plainDoc, "Claim", 5, 40);
        const review::ReviewReport report = reviewOf(p);
        QCOMPARE(kinds(report), (QStringList{QStringLiteral("only-one"), QStringLiteral("boundary")}));
        QCOMPARE(report.items[0].b.annotation->id, bSmall);
        QCOMPARE(report.items[1].a.annotation->id, a);
        QCOMPARE(report.items[1].b.annotation->id, bLarge);
        QCOMPARE(report.items[1].differences, QStringList{QStringLiteral("boundary")});
    }

    void sameCodeBeforeOtherCodes()
    {
        QTemporaryDir dir;
        ProjectFixture fx(dir.path());
        Project &p = *fx.project;
        as(p, Alex, fx.plainDoc, "Speaker", 9, 18);
        as(p, Alex, fx.plainDoc, "Quote", 26, 53);
        as(p, Ben, fx.plainDoc, "Claim", 26, 53);
        as(p, Ben, fx.plainDoc, "Speaker", 0, 18); // overlaps both of Alex's? only the speaker
        const review::ReviewReport report = reviewOf(p);
        QCOMPARE(kinds(report), (QStringList{QStringLiteral("boundary"), QStringLiteral("code")}));
        QCOMPARE(report.items[1].differences, QStringList{QStringLiteral("code")});
        // Without agreements asked for, an agreement is not listed.
        as(p, Alex, fx.plainDoc, "Bias indicator", 55, 78);
        as(p, Ben, fx.plainDoc, "Bias indicator", 55, 78);
        QCOMPARE(reviewOf(p).items.size(), 3);
        QCOMPARE(reviewOf(p, {}, false).items.size(), 2);
    }

    // A quote of Alex linked to Alex's speaker agrees with Ben's quote linked
    // to Ben's speaker when the two speakers are paired — even when their
    // boundaries differ.
    void linksCompareThroughThePairing()
    {
        QTemporaryDir dir;
        ProjectFixture fx(dir.path());
        Project &p = *fx.project;
        const QUuid speakerA = as(p, Alex, fx.plainDoc, "Speaker", 9, 18);
        const QUuid quoteA = as(p, Alex, fx.plainDoc, "Quote", 26, 53);
        QVERIFY(p.addAnnotationLink(quoteA, speakerA));
        const QUuid speakerB = as(p, Ben, fx.plainDoc, "Speaker", 0, 18);
        const QUuid quoteB = as(p, Ben, fx.plainDoc, "Quote", 26, 53);
        QVERIFY(p.addAnnotationLink(quoteB, speakerB));
        review::ReviewReport report = reviewOf(p);
        QCOMPARE(kinds(report), (QStringList{QStringLiteral("boundary"), QStringLiteral("agreement")}));
        // Ben's quote now points at a speaker Alex's speaker is not paired with.
        const QUuid otherB = as(p, Ben, fx.plainDoc, "Speaker", 55, 60);
        QVERIFY(p.removeAnnotationLink(quoteB, speakerB));
        QVERIFY(p.addAnnotationLink(quoteB, otherB));
        report = reviewOf(p);
        QCOMPARE(kinds(report), (QStringList{QStringLiteral("boundary"), QStringLiteral("fields"),
                                             QStringLiteral("only-one")}));
        QCOMPARE(report.items[1].differences, QStringList{QStringLiteral("field:Speaker")});
    }

    void suggestionsAreNotCodings()
    {
        QTemporaryDir dir;
        ProjectFixture fx(dir.path());
        Project &p = *fx.project;
        as(p, Alex, fx.plainDoc, "Speaker", 9, 18);
        p.setCoderName(Ben);
        QVERIFY(p.addSuggestions({{fx.plainDoc, code(p, "Speaker"), 9, 18}}));
        QVERIFY(reviewOf(p).documents.isEmpty()); // Ben has not coded the article
        const review::ReviewReport asked = reviewOf(p, {fx.plainDoc});
        QCOMPARE(kinds(asked), QStringList{QStringLiteral("only-one")});
    }

    void articlesAssignedToBothAreReviewed()
    {
        QTemporaryDir dir;
        ProjectFixture fx(dir.path());
        Project &p = *fx.project;
        as(p, Alex, fx.nonBmpDoc, "Quote", 10, 12);
        as(p, Ben, fx.plainDoc, "Quote", 26, 53);
        QVERIFY(reviewOf(p).documents.isEmpty());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const QString &coder : {Alex, Ben}) {
            study::StudyPlan plan = study::planAssignment(p.reader(), coder, {fx.nonBmpDoc}, now);
            QVERIFY(p.commitStudyChange(plan.text, plan.redo, plan.undo));
        }
        const review::ReviewReport report = reviewOf(p);
        QCOMPARE(report.documents, QList<QUuid>{fx.nonBmpDoc});
        QCOMPARE(kinds(report), QStringList{QStringLiteral("only-one")});
    }

    void badRequestsSayWhy()
    {
        QTemporaryDir dir;
        ProjectFixture fx(dir.path());
        as(*fx.project, Alex, fx.plainDoc, "Speaker", 9, 18);
        QVERIFY(review::computeReview(fx.project->reader(), {Alex, QStringLiteral("Nobody"), {}, {}, true})
                    .error.contains(QStringLiteral("Nobody")));
        QVERIFY(review::computeReview(fx.project->reader(), {Alex, Alex, {}, {}, true})
                    .error.contains(QStringLiteral("two different coders")));
        as(*fx.project, Ben, fx.plainDoc, "Speaker", 9, 18);
        QVERIFY(review::computeReview(fx.project->reader(), {Alex, Ben, {}, {QStringLiteral("Nonsense")}, true})
                    .error.contains(QStringLiteral("Nonsense")));
    }
};

QTEST_GUILESS_MAIN(TestReview)
#include "tst_review.moc"
