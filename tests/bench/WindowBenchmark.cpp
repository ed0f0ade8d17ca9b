// newscoder-bench-window: coding latency with the real window open (offscreen),
// at the scale Newscoder is designed for (10,000 articles, 500,000
// annotations, 3 coders). Each figure is the time from the action to the
// window having processed every event it caused (signals, model updates,
// posted events) — what a coder waits for before the next key. Prints p50
// and p99 of many runs. Not a test: numbers go in the README.
//
//   newscoder-bench-window [ARTICLES] [PER_ARTICLE]   (default 10,000 × 50)
#include "BenchProject.h"
#include "io/CodebookJson.h"
#include "project/Project.h"
#include "shell/MainWindow.h"
#include "shell/ProjectSession.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace newscoder;

namespace {

struct Percentiles
{
    double p50 = 0;
    double p99 = 0;
};

Percentiles percentiles(QList<double> times)
{
    std::sort(times.begin(), times.end());
    const auto at = [&](double q) { return times[std::min(qsizetype(q * double(times.size())), times.size() - 1)]; };
    return {at(0.5), at(0.99)};
}

// Runs `work` then lets the window process what it caused (posted events,
// repainting), `runs` times; reports the time until the call returned (the
// slots connected to the change ran) and until the window was repainted.
void measure(const char *what, int runs, const std::function<void(int)> &work)
{
    QList<double> returned, repainted;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work(i);
        returned.append(double(timer.nsecsElapsed()) / 1e6);
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        repainted.append(double(timer.nsecsElapsed()) / 1e6);
    }
    const Percentiles r = percentiles(returned), p = percentiles(repainted);
    std::printf("%-40s returned p50 %6.2f p99 %6.2f ms; repainted p50 %6.2f p99 %6.2f ms\n", what, r.p50, r.p99,
                p.p50, p.p99);
    std::fflush(stdout);
}

// A project of `articles` articles of about 4 KB with `perArticle`
// annotations each, spread over coders A, B and C.
QList<QUuid> buildProject(const QString &path, int articles, int perArticle)
{
    static const QStringList sentences = {
        QStringLiteral("The harbour board met on Tuesday to discuss the ferry timetable."),
        QStringLiteral("\u201cWe cannot run the night crossing at a loss,\u201d the chair said."),
        QStringLiteral("Union officials warned that the cuts would hit island workers hardest."),
        QStringLiteral("According to the council, the budget gap is 1.2 million."),
        QStringLiteral("Residents of Elm Island said they had not been consulted."),
        QStringLiteral("The minister told reporters the talks would continue next week.")};
    QRandomGenerator random(7);
    QList<Document> documents;
    for (int i = 0; i < articles; ++i) {
        Document d;
        d.title = QStringLiteral("Ferry dispute, day %1").arg(i);
        d.outlet = QStringLiteral("outlet%1.example").arg(i % 40);
        d.date = QDate(2025, 1, 1).addDays(i % 365);
        for (int p = 0; p < 12; ++p) {
            for (int s = 0; s < 5; ++s)
                d.text += sentences[random.bounded(int(sentences.size()))] + u' ';
            d.text += u'\n';
        }
        documents.append(d);
    }
    auto project = Project::create(path, defaultNewsCodebook());
    const QList<QUuid> ids = project->importDocuments(documents);
    bench::insertCodedSpans(*project, ids, documents, perArticle, random);
    return ids;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // the window's settings are not the user's
    QCoreApplication::setOrganizationName(QStringLiteral("NewscoderBench"));
    const int articleCount = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 10000;
    const int perArticle = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 50;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.newscoder"));
    std::printf("newscoder-bench-window: %d articles × %d annotations (%d), coders A, B, C; platform %s\n",
                articleCount, perArticle, articleCount * perArticle, qPrintable(QGuiApplication::platformName()));
    QElapsedTimer build;
    build.start();
    const QList<QUuid> ids = buildProject(path, articleCount, perArticle);
    std::printf("built in %.1f s\n", double(build.nsecsElapsed()) / 1e9);

    // The reference: the same add / undo / redo through the core alone (no
    // window), durably committed, in the same run.
    {
        auto core = Project::open(path);
        core->setCoderName(QStringLiteral("Bench"));
        const QUuid article = ids[(99 * 7919 + 13) % ids.size()];
        const QUuid code = core->codes().first().id;
        const int n = std::min(200, int(ids.size()));
        measure("core alone: add an annotation", n, [&](int i) {
            core->addAnnotation(article, code, 10 + (i % 50), 60 + (i % 50));
        });
        measure("core alone: undo", n, [&](int) { core->undoStack()->undo(); });
        measure("core alone: redo", n, [&](int) { core->undoStack()->redo(); });
        for (int i = 0; i < n; ++i)
            core->undoStack()->undo(); // the window starts from the same project
    }

    // Opening: from an empty window to the article list filled and shown.
    QElapsedTimer open;
    open.start();
    MainWindow window;
    window.setInteractive(false);
    if (!window.openProject(path))
        return 1;
    window.resize(1600, 1000);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    QCoreApplication::processEvents();
    const double openMs = double(open.nsecsElapsed()) / 1e6;
    if (window.session()->documents.rowCount() != articleCount) {
        std::fprintf(stderr, "the article list shows %d of %d articles\n", window.session()->documents.rowCount(),
                     articleCount);
        return 1;
    }
    std::printf("%-56s %7.1f ms\n", "open the project and show the window with its list", openMs);
    Project &project = window.session()->project();
    project.setCoderName(QStringLiteral("Bench"));

    const int runs = std::min(200, int(ids.size()));
    measure("switch to another article", std::min(100, runs), [&](int i) {
        window.showDocumentById(idString(ids[(i * 7919 + 13) % ids.size()]));
    });
    const QUuid current = ids[(99 * 7919 + 13) % ids.size()];
    window.showDocumentById(idString(current));
    QCoreApplication::processEvents();
    const QUuid quote = project.codes().first().id;
    measure("add an annotation to the article shown", runs, [&](int i) {
        project.addAnnotation(current, quote, 10 + (i % 50), 60 + (i % 50));
    });
    measure("undo an added annotation", runs, [&](int) { project.undoStack()->undo(); });
    measure("redo it", runs, [&](int) { project.undoStack()->redo(); });
    std::printf("annotations on the article shown: %lld\n",
                static_cast<long long>(project.reader().annotationsForDocument(current).size()));
    return 0;
}
