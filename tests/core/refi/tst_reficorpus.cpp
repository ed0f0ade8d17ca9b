// The done-when on the real corpus: the five articles of
// ../shared/corpus, coded by two coders through the core API, export to a
// .qdpx that validates against the official schema and imports back
// identically into a fresh project.
#include "../CoreTestSupport.h"
#include "RefiTestSupport.h"

#include "io/ArticleImport.h"
#include "refi/RefiExport.h"
#include "refi/RefiImport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;
using namespace newscoder::test;

class TestRefiCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void realCorpusRoundTrip()
    {
        const QString corpus = sharedDir() + QStringLiteral("/corpus");
        if (QDir(corpus).entryList(QDir::Files).isEmpty()) {
            if (runningInCi())
                QFAIL("no corpus under NEWSCODER_SHARED_DIR with CI=true");
            QSKIP("real corpus not available (set NEWSCODER_SHARED_DIR)");
        }
        REFI_REQUIRE_SCHEMAS();
        const ImportReport report = readArticles({corpus});
        QCOMPARE(report.documents.size(), 5);
        QTemporaryDir dir;
        auto project = Project::create(dir.filePath(QStringLiteral("corpus.newscoder")), defaultNewsCodebook());
        const QList<QUuid> ids = project->importDocuments(report.documents);
        QCOMPARE(ids.size(), 5);
        // Two coders: each codes the first sentence-like stretch and a later
        // span of every article, with overlapping but different extents.
        const QUuid quote = project->codeByName(QStringLiteral("Quote"))->id;
        const QUuid claim = project->codeByName(QStringLiteral("Claim"))->id;
        int coded = 0;
        for (const QString &coder : {QStringLiteral("Ana"), QStringLiteral("Ben")}) {
            project->setCoderName(coder);
            const int shift = coder == QLatin1String("Ana") ? 0 : 7;
            for (const QUuid &id : ids) {
                const QString text = project->reader().documentText(id);
                QVERIFY(text.size() > 400);
                QVERIFY(project->addAnnotation(id, quote, 40 + shift, 120 + shift, coder + QStringLiteral(" memo")));
                QVERIFY(project->addAnnotation(id, claim, text.size() / 2, text.size() / 2 + 60 - shift));
                coded += 2;
            }
        }
        const QString out = dir.filePath(QStringLiteral("corpus.qdpx"));
        QString error;
        const auto counts = refi::exportProject(*project, out, {}, &error);
        QVERIFY2(counts, qPrintable(error));
        QCOMPARE(counts->selections, coded);
        QCOMPARE(counts->users, 2);
        refi::ArchiveReader archive;
        QVERIFY(archive.open(out));
        const QString problem = xsdProblem(*archive.read(QStringLiteral("project.qde")), QStringLiteral("Project.xsd"), dir.path());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        auto fresh = Project::create(dir.filePath(QStringLiteral("back.newscoder")), {});
        const auto plan = refi::planImport(*fresh, out, {}, &error);
        QVERIFY2(plan, qPrintable(error));
        QVERIFY(refi::applyImport(*fresh, *plan, &error));
        QCOMPARE(fresh->reader().documentCount(), 5);
        for (const QUuid &id : ids)
            QCOMPARE(fresh->reader().documentText(id), project->reader().documentText(id));
        const QList<Annotation> before = allAnnotations(project->reader());
        QCOMPARE(fresh->reader().annotationCount(), int(before.size()));
        for (const Annotation &a : before) {
            const auto b = fresh->reader().annotation(a.id);
            QVERIFY(b);
            QCOMPARE(b->start, a.start);
            QCOMPARE(b->end, a.end);
            QCOMPARE(b->codeId, a.codeId);
            QCOMPARE(b->memo, a.memo);
            QCOMPARE(b->created, a.created);
            QCOMPARE(fresh->coderNameFor(b->coderId), project->coderNameFor(a.coderId));
        }
        QVERIFY(refi::planImport(*fresh, out, {}, &error)->changesNothing());
    }
};

QTEST_GUILESS_MAIN(TestRefiCorpus)
#include "tst_reficorpus.moc"
