// What the several-coders views read: per-article agreement between coders
// (study/ArticleAgreement), a coder's assigned articles with their progress
// (study/MyArticles), the article list's Done and Agreement columns
// (models/DocumentListModel), and blind coding in memo search and
// study::onlyVisibleCoder.
#include "StudyTestSupport.h"

#include "models/CodebookTreeModel.h"
#include "models/DocumentListModel.h"
#include "search/MemoSearch.h"
#include "study/ArticleAgreement.h"
#include "study/BlindCoding.h"
#include "study/MyArticles.h"

#include <QSignalSpy>
#include <QTemporaryDir>

using namespace newscoder;
using namespace newscoder::test;

class TestStudyViews : public QObject
{
    Q_OBJECT

    static void as(ProjectFixture &fx, const QString &coder) { fx.project->setCoderName(coder); }

    static void commit(Project &project, study::StudyPlan plan)
    {
        QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
        QVERIFY2(project.commitStudyChange(plan.text, std::move(plan.redo), std::move(plan.undo)),
                 qPrintable(project.lastError()));
    }

    static void assign(ProjectFixture &fx, const QString &coder, const QList<QUuid> &docs)
    {
        commit(*fx.project, study::planAssignment(fx.project->reader(), coder, docs, QDateTime::currentDateTimeUtc()));
    }

    static void markDone(ProjectFixture &fx, const QString &coder, const QList<QUuid> &docs, bool done = true)
    {
        commit(*fx.project,
               study::planMarkDone(fx.project->reader(), coder, docs, done, QDateTime::currentDateTimeUtc()));
    }

private Q_SLOTS:
    void agreementPairsSpansOfTheSameCodeByOverlap()
    {
        QTemporaryDir dir;
        ProjectFixture fx(dir.path());
        const QUuid quote = fx.codeId(QStringLiteral("Quote"));
        const QUuid claim = fx.codeId(QStringLiteral("Claim"));
        as(fx, QStringLiteral("Ana"));
        QVERIFY(fx.project->addAnnotation(fx.plainDoc, quote, 0, 10));
        QVERIFY(fx.project->addAnnotation(fx.plainDoc, claim, 20, 30));
        QVERIFY(fx.project->addAnnotation(fx.nonBmpDoc, quote, 0, 5)); // only Ana here
        as(fx, QStringLiteral("Ben"));
        QVERIFY(fx.project->addAnnotation(fx.plainDoc, quote, 2, 10));  // overlaps Ana's quote
        QVERIFY(fx.project->addAnnotation(fx.plainDoc, claim, 40, 50)); // overlaps nothing
        QVERIFY(fx.project->addAnnotation(fx.plainDoc, quote, 20, 30)); // Ana's claim span, other code
        // Suggestions and the consensus layer do not count.
        QVERIFY(fx.project->addSuggestions({{fx.plainDoc, claim, 21, 29}}));
        commit(*fx.project, study::planCoder(fx.project->reader(), QStringLiteral("Consensus"), CoderRole::Consensus, {}));
        as(fx, QStringLiteral("Consensus"));
        QVERIFY(fx.project->addAnnotation(fx.plainDoc, claim, 20, 30));

        const QHash<QUuid, study::ArticleAgreement> all = study::articleAgreements(fx.project->reader());
        QVERIFY2(!all.contains(fx.nonBmpDoc), "an article with one coder has no agreement");
        QVERIFY(all.contains(fx.plainDoc));
        const study::ArticleAgreement a = all.value(fx.plainDoc);
        QCOMPARE(a.coders, 2);
        QCOMPARE(a.spans, 5);  // Ana 2 + Ben 3
        QCOMPARE(a.paired, 1); // the two quotes
        QCOMPARE(a.exact, 0);  // 0–10 against 2–10
        QCOMPARE(a.share(), 2.0 / 5.0);
        // Computed for some articles only: the same numbers, the others left out.
        const auto some = study::articleAgreements(fx.project->reader(), nullptr, {fx.plainDoc, fx.nonBmpDoc});
        QCOMPARE(some.size(), 1);
        QCOMPARE(some.value(fx.plainDoc).paired, a.paired);
        QCOMPARE(some.value(fx.plainDoc).spans, a.spans);
        QVERIFY(study::articleAgreements(fx.project->reader(), nullptr, {fx.nonBmpDoc}).isEmpty());

        // Ben moves his quote onto Ana's boundaries: still one pair, now exact.
        const auto bens = fx.project->reader().annotationsForDocument(fx.plainDoc);
        for (const Annotation &x : bens) {
            if (fx.project->coderNameFor(x.coderId) == u"Ben" && x.start == 2)
                QVERIFY(fx.project->removeAnnotations({x.id}));
        }
        as(fx, QStringLiteral("Ben"));
        QVERIFY(fx.project->addAnnotation(fx.plainDoc, quote, 0, 10));
        QCOMPARE(study::articleAgreements(fx.project->reader()).value(fx.plainDoc).exact, 1);
    }

    void aCoderWhoMarkedDoneWithoutSpansCounts()
    {
        QTemporaryDir dir;
        ProjectFixture fx(dir.path());
        as(fx, QStringLiteral("Ana"));
        QVERIFY(fx.project->addAnnotation(fx.nonBmpDoc, fx.codeId(QStringLiteral("Quote")), 0, 5));
        assign(fx, QStringLiteral("Cem"), {fx.nonBmpDoc, fx.plainDoc});
        QVERIFY(!study::articleAgreements(fx.project->reader()).contains(fx.nonBmpDoc)); // Cem not done yet
        markDone(fx, QStringLiteral("Cem"), {fx.nonBmpDoc});
        const auto all = study::articleAgreements(fx.project->reader());
        QCOMPARE(all.value(fx.nonBmpDoc).coders, 2);
        QCOMPARE(all.value(fx.nonBmpDoc).share(), 0.0); // Ana coded a quote, Cem found nothing
        QVERIFY(!all.contains(fx.plainDoc));
        // Two coders who both found nothing agree.
        assign(fx, QStringLiteral("Dora"), {fx.plainDoc});
        markDone(fx, QStringLiteral("Cem"), {fx.plainDoc});
        markDone(fx, QStringLiteral("Dora"), {fx.plainDoc});
        QCOMPARE(study::articleAgreements(fx.project->reader()).value(fx.plainDoc).share(), 1.0);
        // A cancelled run returns nothing.
        std::atomic_bool cancel{true};
        QVERIFY(study::articleAgreements(fx.project->reader(), &cancel).isEmpty());
    }

    void myArticlesCountDoneAndMissing()
    {
        QTemporaryDir dir;
        ProjectFixture fx(dir.path());
        QVERIFY(study::myArticles(fx.project->reader(), QStringLiteral("Ana")).rows.isEmpty()); // unknown coder
        assign(fx, QStringLiteral("Ana"), {fx.plainDoc, fx.nonBmpDoc});
        assign(fx, QStringLiteral("Ben"), {fx.plainDoc});
        markDone(fx, QStringLiteral("Ana"), {fx.plainDoc});
        study::MyArticles mine = study::myArticles(fx.project->reader(), QStringLiteral("Ana"));
        QCOMPARE(mine.progress.assigned, 2);
        QCOMPARE(mine.progress.done, 1);
        QCOMPARE(mine.rows.size(), 2);
        const QHash<QUuid, int> expected = [&] {
            const auto ana = fx.project->reader().coderByName(QStringLiteral("Ana"));
            return fx.project->reader().missingRequiredCounts(ana->id);
        }();
        int withMissing = 0;
        for (const study::MyArticle &row : mine.rows) {
            QCOMPARE(row.done, row.documentId == fx.plainDoc);
            QCOMPARE(row.missing, expected.value(row.documentId));
            withMissing += row.missing > 0 ? 1 : 0;
            QVERIFY(!row.title.isEmpty());
        }
        QCOMPARE(mine.progress.withMissing, withMissing);
        QVERIFY(withMissing > 0); // the default codebook's required article variables
        // Ana gives a required value: one missing fewer on that article.
        const int before = expected.value(fx.plainDoc);
        as(fx, QStringLiteral("Ana"));
        const Code article = *fx.project->codeByName(QStringLiteral("Article"));
        const QUuid slant = article.fieldByName(QStringLiteral("Slant"))->id;
        QVERIFY(fx.project->setDocumentValues(fx.plainDoc, slant, {{slant, QStringLiteral("1"), {}, {}}}));
        mine = study::myArticles(fx.project->reader(), QStringLiteral("Ana"));
        for (const study::MyArticle &row : mine.rows) {
            if (row.documentId == fx.plainDoc)
                QCOMPARE(row.missing, before - 1);
        }
        QCOMPARE(study::progressText({40, 12, 3}), QStringLiteral("done 12 / 40 · 3 with required fields missing"));
        QCOMPARE(study::progressText({40, 40, 0}), QStringLiteral("done 40 / 40"));
        QCOMPARE(study::progressText({}), QString());
    }

    void articleListShowsDoneAndAgreement()
    {
        QTemporaryDir dir;
        ProjectFixture fx(dir.path());
        DocumentListModel model(*fx.project);
        QSignalSpy study(&model, &DocumentListModel::studyViewChanged);
        as(fx, QStringLiteral("Ana"));
        QCOMPARE(model.assignedCount(), 0);
        assign(fx, QStringLiteral("Ana"), {fx.plainDoc, fx.nonBmpDoc});
        QVERIFY(!study.isEmpty());
        QCOMPARE(model.assignedCount(), 2);
        const QModelIndex plainDone = model.indexOf(fx.plainDoc, DocumentListModel::DoneColumn);
        QCOMPARE(plainDone.data().toString(), QString());
        markDone(fx, QStringLiteral("Ana"), {fx.plainDoc});
        QCOMPARE(plainDone.data().toString(), QStringLiteral("✓"));
        QCOMPARE(model.myProgress().done, 1);
        QCOMPARE(model.myProgress().assigned, 2);
        fx.project->undoStack()->undo(); // marking done is one undoable step
        QCOMPARE(plainDone.data().toString(), QString());
        QCOMPARE(model.myProgress().done, 0);
        // Another coder's assignments are not Ana's.
        as(fx, QStringLiteral("Ben"));
        QCOMPARE(model.assignedCount(), 0);

        // Agreement: shown as a percentage; blank without two coders and while blind coding hides others.
        QHash<QUuid, study::ArticleAgreement> agreements;
        agreements.insert(fx.plainDoc, study::ArticleAgreement{2, 4, 1, 1});
        model.setAgreements(agreements);
        const QModelIndex plain = model.indexOf(fx.plainDoc, DocumentListModel::AgreementColumn);
        QCOMPARE(plain.data().toString(), QStringLiteral("50 %"));
        QVERIFY(plain.data(Qt::ToolTipRole).toString().contains(QStringLiteral("2 of 4 coded spans")));
        QCOMPARE(model.indexOf(fx.nonBmpDoc, DocumentListModel::AgreementColumn).data().toString(), QString());
        QVERIFY(fx.project->setBlindCoding(true));
        QVERIFY(model.agreementHidden()); // Ben is a coder
        QCOMPARE(plain.data().toString(), QString());
        commit(*fx.project, study::planCoder(fx.project->reader(), QStringLiteral("Lea"), CoderRole::Lead, {}));
        as(fx, QStringLiteral("Lea"));
        QVERIFY(!model.agreementHidden());
        QCOMPARE(plain.data().toString(), QStringLiteral("50 %"));
    }

    void blindCodingHidesOtherCodersMemos()
    {
        QTemporaryDir dir;
        ProjectFixture fx(dir.path());
        const QUuid quote = fx.codeId(QStringLiteral("Quote"));
        as(fx, QStringLiteral("Ana"));
        const QUuid anas = *fx.project->addAnnotation(fx.plainDoc, quote, 0, 10);
        QVERIFY(fx.project->setAnnotationMemo(anas, QStringLiteral("harbour wording unclear")));
        as(fx, QStringLiteral("Ben"));
        const QUuid bens = *fx.project->addAnnotation(fx.plainDoc, quote, 2, 10);
        QVERIFY(fx.project->setAnnotationMemo(bens, QStringLiteral("harbour quote is indirect")));
        QVERIFY(fx.project->setDocumentMemo(fx.plainDoc, QStringLiteral("harbour article memo")));
        SearchOptions options;
        options.pattern = QStringLiteral("harbour");
        QCOMPARE(searchMemos(fx.project->reader(), options).hits.size(), 3);

        const auto ana = fx.project->reader().coderByName(QStringLiteral("Ana"));
        const MemoSearchResult onlyAna = searchMemos(fx.project->reader(), options, nullptr, ana->id);
        QCOMPARE(onlyAna.hits.size(), 2); // Ana's annotation memo and the article's
        for (const MemoHit &h : onlyAna.hits)
            QVERIFY(h.memo.id != bens);
        QCOMPARE(searchMemos(fx.project->reader(), options, nullptr, QUuid()).hits.size(), 1); // a new coder

        // onlyVisibleCoder follows the setting and the role; the codebook's counts follow it.
        CodebookTreeModel codebook(*fx.project);
        as(fx, QStringLiteral("Ana"));
        QVERIFY(!study::onlyVisibleCoder(*fx.project));
        QCOMPARE(codebook.annotationCount(quote), 2);
        QVERIFY(fx.project->setBlindCoding(true));
        QCOMPARE(study::onlyVisibleCoder(*fx.project), std::optional<QUuid>(ana->id));
        QCOMPARE(codebook.annotationCount(quote), 1); // Ana's own
        QVERIFY(fx.project->addAnnotation(fx.nonBmpDoc, quote, 0, 4));
        QCOMPARE(codebook.annotationCount(quote), 2);
        fx.project->undoStack()->undo();
        QCOMPARE(codebook.annotationCount(quote), 1);
        as(fx, QStringLiteral("Someone New"));
        QCOMPARE(study::onlyVisibleCoder(*fx.project), std::optional<QUuid>(QUuid()));
        commit(*fx.project, study::planCoder(fx.project->reader(), QStringLiteral("Lea"), CoderRole::Lead, {}));
        as(fx, QStringLiteral("Lea"));
        QVERIFY(!study::onlyVisibleCoder(*fx.project));
        QCOMPARE(codebook.annotationCount(quote), 2); // the lead counts everyone's
    }
};

QTEST_GUILESS_MAIN(TestStudyViews)
#include "tst_studyviews.moc"
