// newscoder-bench: how the project store and the models behave at the scale
// Newscoder is designed for (10,000 articles, 500,000 annotations).
// Prints the median of several runs per step. Not a test: numbers go in the README.
#include "BenchProject.h"
#include "BenchSupport.h"
#include "io/CodebookJson.h"
#include "models/AnnotationTableModel.h"
#include "models/DocumentListModel.h"
#include "project/Project.h"
#include "project/ProjectInternals.h"
#include "study/ArticleAgreement.h"
#include "study/Assignments.h"
#include "study/MyArticles.h"
#include "text/AnchorShift.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace newscoder;

using namespace newscoder::bench;

namespace {

void report(const char *what, double ms)
{
    std::printf("%-58s %10.1f ms\n", what, ms);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int documentCount = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 10000;
    const int perDocument = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 50;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.newscoder"));
    std::printf("newscoder-bench: %d articles, %d annotations each (%d in all)\n", documentCount, perDocument,
                documentCount * perDocument);

    QRandomGenerator random(42);
    QList<Document> documents;
    for (int i = 0; i < documentCount; ++i) {
        Document d;
        d.title = QStringLiteral("Article %1 on the ferry dispute").arg(i);
        d.outlet = QStringLiteral("outlet%1.example").arg(i % 40);
        d.date = QDate(2025, 1, 1).addDays(i % 365);
        d.url = QStringLiteral("https://outlet%1.example/a/%2").arg(i % 40).arg(i);
        for (int p = 0; p < 8; ++p)
            d.text += paragraph(random);
        d.metadata = {{QStringLiteral("source_file"), QStringLiteral("a%1.txt").arg(i)}};
        documents.append(d);
    }

    QList<QUuid> ids;
    {
        auto project = Project::create(path, defaultNewsCodebook());
        QElapsedTimer timer;
        timer.start();
        ids = project->importDocuments(documents);
        report("import 10,000 articles (one undoable step)", double(timer.nsecsElapsed()) / 1e6);

        // Populate annotations in bulk through the store (as a merge would).
        timer.restart();
        bench::insertCodedSpans(*project, ids, documents, perDocument, random);
        report("bulk-insert annotations (one transaction)", double(timer.nsecsElapsed()) / 1e6);
    }

    report("open the project (lock, quick_check, codebook)", medianMs(5, [&] { Project::open(path); }));
    auto project = Project::open(path);
    project->setCoderName(QStringLiteral("Bench"));
    report("document list model: load 10,000 summaries with counts",
           medianMs(5, [&] { DocumentListModel model(*project); }));
    AnnotationTableModel annotations(*project);
    int doc = 0;
    report("open one article (text + its annotations)",
           medianMs(21, [&] { annotations.setDocument(ids[(doc++ * 7919) % ids.size()]); }));
    const QUuid quote = project->codes().first().id;
    int k = 0;
    report("add one annotation (durable commit, fsync)",
           medianMs(21, [&] { project->addAnnotation(ids[k++ % ids.size()], quote, 10, 40); }));
    report("undo one annotation (durable commit)", medianMs(21, [&] { project->undoStack()->undo(); }));
    report("redo one annotation (durable commit)", medianMs(21, [&] { project->undoStack()->redo(); }));
    report("count all annotations", medianMs(5, [&] { project->reader().annotationCount(); }));
    report("annotation counts per code (codebook dock)",
           medianMs(5, [&] { project->reader().annotationCountsByCode(); }));
    report("stream all annotations (CLI annotations)", medianMs(3, [&] {
               int n = 0;
               project->reader().forEachAnnotation([&n](const Annotation &) {
                   ++n;
                   return true;
               });
           }));
    // A study: every article is coded by three coders (the worst case for agreement).
    report("per-article agreement of 3 coders, every article (list)",
           medianMs(3, [&] { study::articleAgreements(project->reader()); }));
    int touched = 0;
    report("per-article agreement of the one article just coded",
           medianMs(21, [&] { study::articleAgreements(project->reader(), nullptr, {ids[(touched++ * 7919) % ids.size()]}); }));
    {
        study::StudyPlan plan = study::planAssignment(project->reader(), QStringLiteral("A"), ids,
                                                      QDateTime::currentDateTimeUtc());
        project->commitStudyChange(plan.text, std::move(plan.redo), std::move(plan.undo));
    }
    report("my articles: 10,000 assigned with missing counts",
           medianMs(3, [&] { study::myArticles(project->reader(), QStringLiteral("A")); }));
    // Editing the text of one long article with 12,120 annotations (three
    // coders): only what moves is written.
    {
        Document longArticle;
        longArticle.title = QStringLiteral("A long article, coded densely");
        for (int p = 0; p < 160; ++p)
            longArticle.text += paragraph(random);
        const QUuid longId = project->importDocuments({longArticle}).value(0);
        const int length = int(longArticle.text.size());
        ProjectStore &store = ProjectInternals::store(*project);
        const QUuid coder = store.ensureCoder(QStringLiteral("Dense"));
        {
            WriteTransaction tx(store);
            const QDateTime now = QDateTime::currentDateTimeUtc();
            for (int n = 0; n < 12120; ++n) {
                Annotation a;
                a.id = QUuid::createUuid();
                a.documentId = longId;
                a.codeId = quote;
                a.start = 200 + random.bounded(length - 400);
                a.end = a.start + 5 + random.bounded(90);
                a.coderId = coder;
                a.created = a.modified = now;
                store.insertAnnotation(a);
            }
            tx.commit();
        }
        // A typo fixed near the start (every annotation after it moves), in
        // the middle, and a word deleted; each durably committed.
        report("edit text near the start, 12,120 annotations move (fsync)", medianMs(21, [&] {
                   project->editDocumentText(longId, {TextEdit{10, 0, QStringLiteral("x")}});
               }));
        report("undo that edit (durable commit)", medianMs(21, [&] { project->undoStack()->undo(); }));
        report("edit text in the middle of the 12,120 annotations (fsync)", medianMs(21, [&] {
                   project->editDocumentText(longId, {TextEdit{length / 2, 1, QStringLiteral("ab")}});
               }));
    }
    std::printf("project file: %.1f MiB\n", double(QFileInfo(path).size()) / (1024.0 * 1024.0));
    return 0;
}
