// Coders with roles, assignments and reliability samples: the draw itself
// (deterministic, sizes, strata, split), and every planned change as one
// undoable step that restores the whole file.
#include "StudyTestSupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>

using namespace newscoder;
using namespace newscoder::test;

namespace {

QList<QPair<QUuid, QUuid>> corpus(const QList<int> &perOutlet)
{
    QList<QPair<QUuid, QUuid>> documents;
    for (int outlet = 0; outlet < perOutlet.size(); ++outlet) {
        const QUuid outletId = QUuid::createUuidV5(QUuid(), QString::number(outlet));
        for (int i = 0; i < perOutlet[outlet]; ++i)
            documents.append({QUuid::createUuidV5(outletId, QString::number(i)), outletId});
    }
    return documents;
}

} // namespace

class TestAssignments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void drawIsReproducibleAndSeedDependent()
    {
        const auto documents = corpus({40});
        study::SampleRequest request;
        request.size = 10;
        request.coders = {QStringLiteral("Ana"), QStringLiteral("Ben")};
        request.seed = 7;
        const study::SampleDraw first = study::drawSample(documents, request);
        const study::SampleDraw again = study::drawSample(documents, request);
        QCOMPARE(again.shared, first.shared);
        QCOMPARE(again.rest, first.rest);
        request.seed = 8;
        QVERIFY(study::drawSample(documents, request).shared != first.shared);
    }

    void sampleAndRestCoverEveryArticleOnce()
    {
        const auto documents = corpus({23});
        study::SampleRequest request;
        request.percent = 25; // 5.75 → 6
        request.coders = {QStringLiteral("Ana"), QStringLiteral("Ben"), QStringLiteral("Cem")};
        request.seed = 3;
        const study::SampleDraw draw = study::drawSample(documents, request);
        QCOMPARE(draw.shared.size(), 6);
        QSet<QUuid> seen(draw.shared.cbegin(), draw.shared.cend());
        QCOMPARE(seen.size(), 6);
        qsizetype smallest = 100, largest = 0;
        for (const QString &coder : request.coders) {
            const QList<QUuid> mine = draw.rest.value(coder);
            smallest = std::min(smallest, mine.size());
            largest = std::max(largest, mine.size());
            for (const QUuid &id : mine) {
                QVERIFY2(!seen.contains(id), "an article was given twice");
                seen.insert(id);
            }
        }
        QCOMPARE(seen.size(), 23);
        QVERIFY(largest - smallest <= 1); // 17 split as 6/6/5
        request.splitRest = false;
        QVERIFY(study::drawSample(documents, request).rest.isEmpty());
    }

    void stratifiedDrawKeepsEachOutletsShare()
    {
        const auto documents = corpus({20, 10, 10});
        study::SampleRequest request;
        request.size = 8;
        request.coders = {QStringLiteral("Ana"), QStringLiteral("Ben")};
        request.stratifyByOutlet = true;
        for (quint64 seed = 1; seed <= 5; ++seed) {
            request.seed = seed;
            const study::SampleDraw draw = study::drawSample(documents, request);
            QHash<QUuid, int> perOutlet;
            for (const QUuid &id : draw.shared) {
                for (const auto &[doc, outlet] : documents) {
                    if (doc == id)
                        ++perOutlet[outlet];
                }
            }
            QCOMPARE(perOutlet.value(documents[0].second), 4);
            QCOMPARE(perOutlet.value(documents[20].second), 2);
            QCOMPARE(perOutlet.value(documents[30].second), 2);
        }
        // 7 of 3 equal strata: 2.33 each, the one extra goes to the first largest remainder.
        const study::SampleDraw odd = study::drawSample(corpus({3, 3, 3}), {7, 0, request.coders, 1, true, true, {}});
        QCOMPARE(odd.shared.size(), 7);
    }

    void reliabilitySampleIsRecordedAndUndoable()
    {
        QTemporaryDir dir;
        ProjectFixture fx(dir.path());
        study::SampleRequest request;
        request.size = 1;
        request.coders = {QStringLiteral("Ana"), QStringLiteral("Ben")};
        request.seed = 7;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        study::StudyPlan plan = study::planReliabilitySample(fx.project->reader(), request, now);
        QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
        commitWithRoundTrip(*fx.project, std::move(plan));
        const auto store = reader(fx.path);
        const QList<ReliabilitySample> samples = store->reliabilitySamples();
        QCOMPARE(samples.size(), 1);
        QCOMPARE(samples.first().seed, quint64(7));
        QVERIFY2(samples.first().description.startsWith(QStringLiteral("1 of 2 articles coded by every one of Ana, Ben")),
                 qPrintable(samples.first().description));
        const QJsonObject spec = QJsonDocument::fromJson(samples.first().spec.toUtf8()).object();
        QCOMPARE(spec.value(QLatin1String("seed")).toString(), QStringLiteral("7"));
        // Two coders created; the shared article assigned to both, the other to one.
        const auto ana = store->coderByName(QStringLiteral("Ana"));
        const auto ben = store->coderByName(QStringLiteral("Ben"));
        QVERIFY(ana && ben);
        const QList<Assignment> all = store->assignments();
        QCOMPARE(all.size(), 3);
        for (const Assignment &a : all)
            QCOMPARE(a.sampleId, samples.first().id);
        QCOMPARE(store->assignments(ana->id).size() + store->assignments(ben->id).size(), 3);
    }

    void assignmentsAndDoneMarksAreUndoable()
    {
        QTemporaryDir dir;
        ProjectFixture fx(dir.path());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        commitWithRoundTrip(*fx.project, study::planAssignment(fx.project->reader(), QStringLiteral("Ana"),
                                                               {fx.plainDoc, fx.nonBmpDoc, fx.plainDoc}, now));
        QCOMPARE(reader(fx.path)->assignments().size(), 2);
        // Assigning again changes nothing: no step.
        const study::StudyPlan again =
            study::planAssignment(fx.project->reader(), QStringLiteral("Ana"), {fx.plainDoc}, now);
        QVERIFY(again.error.isEmpty());
        QVERIFY(again.redo.isEmpty());
        commitWithRoundTrip(*fx.project, study::planMarkDone(fx.project->reader(), QStringLiteral("Ana"),
                                                             {fx.plainDoc}, true, now));
        const QList<Assignment> rows = reader(fx.path)->assignments();
        int done = 0;
        for (const Assignment &a : rows)
            done += a.done.isValid() ? 1 : 0;
        QCOMPARE(done, 1);
        // Not assigned to Ben: refused.
        commitWithRoundTrip(*fx.project, study::planCoder(fx.project->reader(), QStringLiteral("Ben"), {}, {}));
        const study::StudyPlan refused =
            study::planMarkDone(fx.project->reader(), QStringLiteral("Ben"), {fx.plainDoc}, true, now);
        QVERIFY(refused.error.contains(QStringLiteral("not assigned")));
    }

    void codersHaveRolesAndColours()
    {
        QTemporaryDir dir;
        ProjectFixture fx(dir.path());
        commitWithRoundTrip(*fx.project, study::planCoder(fx.project->reader(), QStringLiteral("Lena"), CoderRole::Lead,
                                                          QStringLiteral("#AA3300")));
        auto lena = reader(fx.path)->coderByName(QStringLiteral("Lena"));
        QVERIFY(lena);
        QCOMPARE(lena->role, CoderRole::Lead);
        QCOMPARE(lena->colour, QStringLiteral("#aa3300"));
        commitWithRoundTrip(*fx.project, study::planCoder(fx.project->reader(), QStringLiteral("Lena"), {},
                                                          QStringLiteral("#0055ff")));
        lena = reader(fx.path)->coderByName(QStringLiteral("Lena"));
        QCOMPARE(lena->role, CoderRole::Lead); // kept
        QCOMPARE(lena->colour, QStringLiteral("#0055ff"));
        QVERIFY(study::planCoder(fx.project->reader(), QStringLiteral("Lena"), {}, QStringLiteral("not a colour"))
                    .error.contains(QStringLiteral("not a colour")));
        QVERIFY(study::planCoder(fx.project->reader(), QStringLiteral("  "), {}, {}).error.contains(QStringLiteral("name")));
        commitWithRoundTrip(*fx.project, study::planCoder(fx.project->reader(), QStringLiteral("Panel"),
                                                          CoderRole::Consensus, {}));
        QVERIFY(study::planCoder(fx.project->reader(), QStringLiteral("Other"), CoderRole::Consensus, {})
                    .error.contains(QStringLiteral("already the consensus")));
        QCOMPARE(study::consensusCoder(*reader(fx.path))->name, QStringLiteral("Panel"));
    }

    void blindCodingIsAnUndoableSetting()
    {
        QTemporaryDir dir;
        ProjectFixture fx(dir.path());
        QVERIFY(!fx.project->isBlindCoding());
        const ProjectSnapshot before = ProjectSnapshot::take(fx.path);
        QVERIFY(fx.project->setBlindCoding(true));
        QVERIFY(fx.project->isBlindCoding());
        QCOMPARE(reader(fx.path)->setting(QStringLiteral("blind_coding")), QStringLiteral("on"));
        fx.project->undoStack()->undo();
        QVERIFY(!fx.project->isBlindCoding());
        QVERIFY_SNAPSHOT(before, ProjectSnapshot::take(fx.path), "after undo");
        fx.project->undoStack()->redo();
        QVERIFY(fx.project->isBlindCoding());
        QVERIFY(fx.project->setBlindCoding(false));
        QCOMPARE(reader(fx.path)->setting(QStringLiteral("blind_coding")), QStringLiteral("off"));
    }
};

QTEST_GUILESS_MAIN(TestAssignments)
#include "tst_assignments.moc"
