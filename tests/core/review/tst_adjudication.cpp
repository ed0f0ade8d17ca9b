// Adjudication into the consensus: what each decision copies, links pointing
// at consensus copies whatever the order of decisions, deciding again, the
// decision log, and every decision as one step that undo and redo restore
// whole.
#include "../study/StudyTestSupport.h"
#include "export/Exporter.h"
#include "review/Adjudication.h"
#include "review/DecisionLog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace newscoder;
using namespace newscoder::test;
using review::ItemKind;

namespace {

const QString Alex = QStringLiteral("Alex Example");
const QString Ben = QStringLiteral("Ben Second");
const QString Lead = QStringLiteral("Lena Lead");

} // namespace

class TestAdjudication : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProjectFixture> m_fx;
    QUuid m_speakerA, m_quoteA, m_speakerB, m_quoteB, m_claimB;

    Project &project() { return *m_fx->project; }
    QUuid code(const char *name) { return project().codeByName(QString::fromLatin1(name))->id; }
    QUuid field(const char *codeName, const char *fieldName)
    {
        return project().codeByName(QString::fromLatin1(codeName))->fieldByName(QString::fromLatin1(fieldName))->id;
    }
    QUuid as(const QString &coder, const char *codeName, int start, int end)
    {
        project().setCoderName(coder);
        return project().addAnnotation(m_fx->plainDoc, code(codeName), start, end).value_or(QUuid());
    }
    review::ReviewReport reviewNow()
    {
        return review::computeReview(project().reader(), {Alex, Ben, {}, {}, true});
    }
    const review::ReviewItem *itemWith(const review::ReviewReport &report, const QUuid &annotation)
    {
        for (const review::ReviewItem &item : report.items) {
            if ((item.a.annotation && item.a.annotation->id == annotation)
                || (item.b.annotation && item.b.annotation->id == annotation))
                return &item;
        }
        return nullptr;
    }
    void decide(const QUuid &annotation, const QString &decision, const QString &memo = {})
    {
        const review::ReviewReport report = reviewNow();
        const review::ReviewItem *item = itemWith(report, annotation);
        QVERIFY(item);
        commitWithRoundTrip(project(), review::planDecision(project().reader(), *item, decision, memo, Lead,
                                                             QDateTime::currentDateTimeUtc()));
    }
    QList<Annotation> consensus()
    {
        const auto store = reader(m_fx->path);
        const auto coder = study::consensusCoder(*store);
        QList<Annotation> result;
        if (!coder)
            return result;
        for (const Annotation &a : store->annotationsForDocument(m_fx->plainDoc)) {
            if (a.coderId == coder->id)
                result.append(a);
        }
        return result;
    }
    std::optional<Annotation> consensusWithCode(const char *name)
    {
        for (const Annotation &a : consensus()) {
            if (a.codeId == code(name))
                return a;
        }
        return std::nullopt;
    }

private Q_SLOTS:
    // Alex: speaker 9–18, quote 26–53 (direct, linked to the speaker).
    // Ben: speaker 0–18, quote 26–53 (partial, linked to his speaker), a claim.
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_fx = std::make_unique<ProjectFixture>(m_dir->path());
        m_speakerA = as(Alex, "Speaker", 9, 18);
        m_quoteA = as(Alex, "Quote", 26, 53);
        QVERIFY(project().setAnnotationValue(m_quoteA, field("Quote", "Type"), QStringLiteral("direct")));
        QVERIFY(project().addAnnotationLink(m_quoteA, m_speakerA));
        m_speakerB = as(Ben, "Speaker", 0, 18);
        m_quoteB = as(Ben, "Quote", 26, 53);
        QVERIFY(project().setAnnotationValue(m_quoteB, field("Quote", "Type"), QStringLiteral("partial")));
        QVERIFY(project().addAnnotationLink(m_quoteB, m_speakerB));
        m_claimB = as(Ben, "Claim", 55, 78);
        project().undoStack()->clear();
    }

    void acceptCopiesOneCodersVersion()
    {
        decide(m_quoteA, QStringLiteral("accept:") + Alex, QStringLiteral("the quote is verbatim"));
        const QList<Annotation> copies = consensus();
        QCOMPARE(copies.size(), 1);
        QCOMPARE(copies[0].start, 26);
        QCOMPARE(copies[0].end, 53);
        QVERIFY(copies[0].id != m_quoteA);
        const QList<FieldValue> values = reader(m_fx->path)->annotationValues(copies[0].id);
        QCOMPARE(values.size(), 1); // Type; the speaker link waits for the speaker's decision
        QCOMPARE(values[0].text, QStringLiteral("direct"));
        const QList<Decision> log = reader(m_fx->path)->decisions();
        QCOMPARE(log.size(), 1);
        QCOMPARE(log[0].decision, QStringLiteral("accept:") + Alex);
        QCOMPARE(log[0].decidedBy, Lead);
        QCOMPARE(log[0].memo, QStringLiteral("the quote is verbatim"));
        QCOMPARE(log[0].kind, QStringLiteral("fields"));
        QVERIFY(log[0].results.contains(copies[0].id));
        // The item now shows as decided; the coders' own annotations are untouched.
        const review::ReviewReport report = reviewNow();
        QVERIFY(itemWith(report, m_quoteA)->isDecided());
        QVERIFY(reader(m_fx->path)->annotation(m_quoteA));
        QVERIFY(reader(m_fx->path)->annotation(m_quoteB));
    }

    // The quote's link follows whichever speaker the consensus got, in
    // either order of decisions.
    void linksPointAtConsensusCopiesInEitherOrder_data()
    {
        QTest::addColumn<bool>("speakerFirst");
        QTest::newRow("speaker first") << true;
        QTest::newRow("quote first") << false;
    }

    void linksPointAtConsensusCopiesInEitherOrder()
    {
        QFETCH(bool, speakerFirst);
        if (speakerFirst) {
            decide(m_speakerA, QStringLiteral("accept:") + Ben); // Ben's boundaries
            decide(m_quoteA, QStringLiteral("accept:") + Alex);  // Alex's quote links to Alex's speaker
        } else {
            decide(m_quoteA, QStringLiteral("accept:") + Alex);
            decide(m_speakerA, QStringLiteral("accept:") + Ben);
        }
        const auto speaker = consensusWithCode("Speaker");
        const auto quote = consensusWithCode("Quote");
        QVERIFY(speaker && quote);
        QCOMPARE(speaker->start, 0); // Ben's
        const QList<FieldValue> values = reader(m_fx->path)->annotationValues(quote->id);
        const auto link = std::find_if(values.cbegin(), values.cend(),
                                       [](const FieldValue &v) { return !v.annotationId.isNull(); });
        QVERIFY(link != values.cend());
        QCOMPARE(link->annotationId, speaker->id);
    }

    void bothAndRejectAndDecidingAgain()
    {
        decide(m_claimB, QStringLiteral("reject"), QStringLiteral("not a claim"));
        QVERIFY(consensus().isEmpty());
        decide(m_speakerA, QStringLiteral("both"));
        QCOMPARE(consensus().size(), 2);
        // Deciding the same item again replaces the copies; the log keeps both rows.
        decide(m_speakerA, QStringLiteral("accept:") + Alex);
        QCOMPARE(consensus().size(), 1);
        QCOMPARE(consensus()[0].start, 9);
        const QList<Decision> log = reader(m_fx->path)->decisions();
        QCOMPARE(log.size(), 3);
        // Refusals: a coder with nothing here, "both" with one side, an unknown decision.
        const review::ReviewReport report = reviewNow();
        const review::ReviewItem *claim = itemWith(report, m_claimB);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(review::planDecision(project().reader(), *claim, QStringLiteral("accept:") + Alex, {}, Lead, now)
                    .error.contains(QStringLiteral("marked nothing")));
        QVERIFY(review::planDecision(project().reader(), *claim, QStringLiteral("both"), {}, Lead, now)
                    .error.contains(QStringLiteral("marked nothing")));
        QVERIFY(review::planDecision(project().reader(), *claim, QStringLiteral("maybe"), {}, Lead, now)
                    .error.contains(QStringLiteral("not a decision")));
    }

    void changedCodingReopensADecidedItem()
    {
        decide(m_quoteA, QStringLiteral("accept:") + Ben);
        QVERIFY(itemWith(reviewNow(), m_quoteA)->isDecided());
        project().setCoderName(Ben);
        QVERIFY(project().setAnnotationValue(m_quoteB, field("Quote", "Type"), QStringLiteral("indirect")));
        const review::ReviewReport report = reviewNow();
        const review::ReviewItem *item = itemWith(report, m_quoteA);
        QVERIFY(item);
        QVERIFY(item->isReopened());
        QVERIFY(!item->isDecided());
    }

    void variablesAreAdjudicatedToo()
    {
        const QUuid slant = field("Article", "Slant");
        project().setCoderName(Alex);
        QVERIFY(project().setDocumentValues(m_fx->plainDoc, slant, {{slant, QStringLiteral("-1"), {}, {}}}));
        project().setCoderName(Ben);
        QVERIFY(project().setDocumentValues(m_fx->plainDoc, slant, {{slant, QStringLiteral("1"), {}, {}}}));
        const review::ReviewReport report = reviewNow();
        const auto item = std::find_if(report.items.cbegin(), report.items.cend(),
                                       [](const review::ReviewItem &i) { return i.kind == ItemKind::Variable; });
        QVERIFY(item != report.items.cend());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(review::planDecision(project().reader(), *item, QStringLiteral("both"), {}, Lead, now)
                    .error.contains(QStringLiteral("takes one value")));
        commitWithRoundTrip(project(), review::planDecision(project().reader(), *item, QStringLiteral("accept:") + Ben,
                                                             {}, Lead, now));
        const auto store = reader(m_fx->path);
        const QList<FieldValue> values = store->documentValues(m_fx->plainDoc, study::consensusCoder(*store)->id);
        QCOMPARE(values.size(), 1);
        QCOMPARE(values[0].text, QStringLiteral("1"));
        // Rejecting it clears the consensus value again.
        commitWithRoundTrip(project(), review::planDecision(project().reader(), *item, QStringLiteral("reject"), {},
                                                             Lead, now));
        QVERIFY(reader(m_fx->path)->documentValues(m_fx->plainDoc, study::consensusCoder(*store)->id).isEmpty());
    }

    void acceptAllAgreementsInOneStep()
    {
        as(Alex, "Bias indicator", 55, 60);
        as(Ben, "Bias indicator", 55, 60);
        const QUuid claimA = as(Alex, "Claim", 55, 78);
        QVERIFY(project().setAnnotationValue(claimA, field("Claim", "Topic"), QStringLiteral("port")));
        QVERIFY(project().setAnnotationValue(m_claimB, field("Claim", "Topic"), QStringLiteral("port")));
        QVERIFY(project().addAnnotationLink(claimA, m_quoteA));
        QVERIFY(project().addAnnotationLink(m_claimB, m_quoteB));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        study::StudyPlan plan = review::planAcceptAgreements(project().reader(), reviewNow().items, Lead, now);
        QCOMPARE(plan.redo.insertDecisions.size(), 2); // the bias indicator and the claim
        commitWithRoundTrip(project(), std::move(plan));
        QCOMPARE(consensus().size(), 2);
        // The claim's link to the quote waits; accepting the quote fills it in.
        decide(m_quoteA, QStringLiteral("accept:") + Alex);
        const auto claim = consensusWithCode("Claim");
        const auto quote = consensusWithCode("Quote");
        const QList<FieldValue> values = reader(m_fx->path)->annotationValues(claim->id);
        QVERIFY(std::any_of(values.cbegin(), values.cend(),
                            [&](const FieldValue &v) { return v.annotationId == quote->id; }));
        // Nothing left to accept: no step.
        const int index = project().undoStack()->index();
        study::StudyPlan none = review::planAcceptAgreements(project().reader(), reviewNow().items, Lead, now);
        QVERIFY(none.error.isEmpty());
        QVERIFY(project().commitStudyChange(none.text, none.redo, none.undo));
        QCOMPARE(project().undoStack()->index(), index);
    }

    void decisionLogIsATable()
    {
        decide(m_claimB, QStringLiteral("reject"), QStringLiteral("not, a \"claim\""));
        decide(m_claimB, QStringLiteral("accept:") + Ben);
        const auto store = reader(m_fx->path);
        const auto table = review::makeDecisionLogTable(*store);
        QList<dataset::Row> rows;
        table->forEachRow([&](const dataset::Row &row) {
            rows.append(row);
            return true;
        });
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].value(5).toString(), QStringLiteral("reject"));
        QCOMPARE(rows[0].value(11).toLongLong(), 1); // superseded by the second
        QCOMPARE(rows[1].value(11).toLongLong(), 0);
        const QString path = m_dir->filePath(QStringLiteral("decisions.jsonl"));
        QCOMPARE(review::writeDecisionLogJsonl(*store, path), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.size(), 3); // two lines and the final newline
        const QJsonObject first = QJsonDocument::fromJson(lines[0]).object();
        QCOMPARE(first.value(QLatin1String("memo")).toString(), QStringLiteral("not, a \"claim\""));
        QCOMPARE(first.value(QLatin1String("sources")).toArray().size(), 2);
        QCOMPARE(first.value(QLatin1String("superseded")).toBool(), true);
    }
};

QTEST_GUILESS_MAIN(TestAdjudication)
#include "tst_adjudication.moc"
