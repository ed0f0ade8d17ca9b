// Helper for tst_durability, killed with SIGKILL at chosen moments.
//   durability_helper PROJECT CODER    opens the project, adds one annotation
//       through Project::addAnnotation, prints "done <id>" and waits to be killed.
//   durability_helper --create PROJECT creates the project with the default news
//       codebook (Project::create, as New Project does) and prints "created".
//   durability_helper --open PROJECT   opens the project for writing, prints
//       "opened" and waits to be killed.
//   durability_helper --import PROJECT N  imports N generated articles in one
//       step (Project::importDocuments) and prints "imported".
// With NEWSCODER_TEST_KILL_AT=<point> in its environment the process kills
// itself at that point of create/open (storage/TestKillPoint.h).
#include "io/CodebookJson.h"
#include "project/Project.h"
#include "storage/StoreError.h"

#include <QCoreApplication>

#include <chrono>
#include <cstdio>
#include <thread>

using namespace newscoder;

namespace {

[[noreturn]] void waitToBeKilled()
{
    for (;;) // keep the project (and its lock) open until killed
        std::this_thread::sleep_for(std::chrono::seconds(60));
}

void say(const QByteArray &line)
{
    std::printf("%s\n", line.constData());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() == 4 && args[1] == QLatin1String("--import")) {
        std::unique_ptr<Project> project;
        try {
            project = Project::open(args[2]);
        } catch (const StoreError &e) {
            std::fprintf(stderr, "failed: %s\n", e.what());
            return 2;
        }
        QList<Document> documents;
        for (int n = 0; n < args[3].toInt(); ++n) {
            Document d;
            d.title = QStringLiteral("Imported article %1").arg(n);
            d.text = QStringLiteral("Paragraph one of article %1.\nThe minister said the port stays closed.\n").arg(n);
            documents << d;
        }
        if (project->importDocuments(documents).size() != documents.size()) {
            std::fprintf(stderr, "import failed: %s\n", qPrintable(project->lastError()));
            return 4;
        }
        say("imported");
        return 0;
    }
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: durability_helper PROJECT CODER | --create PROJECT | --open PROJECT"
                             " | --import PROJECT N\n");
        return 1;
    }
    std::unique_ptr<Project> project;
    try {
        if (args[1] == QLatin1String("--create")) {
            project = Project::create(args[2], defaultNewsCodebook());
            say("created");
            return 0;
        }
        project = Project::open(args[1] == QLatin1String("--open") ? args[2] : args[1]);
    } catch (const StoreError &e) {
        std::fprintf(stderr, "failed: %s\n", e.what());
        return 2;
    }
    if (args[1] == QLatin1String("--open")) {
        say("opened " + project->lockNotice().toUtf8());
        waitToBeKilled();
    }
    const QList<DocumentSummary> documents = project->reader().documentSummaries();
    if (documents.isEmpty() || project->codes().isEmpty()) {
        std::fprintf(stderr, "the project needs a document and a code\n");
        return 3;
    }
    project->setCoderName(args[2]);
    const DocumentSummary &doc = documents.first();
    const auto id = project->addAnnotation(doc.id, project->codes().first().id, 0, qMin(doc.length, 8),
                                           QStringLiteral("written before SIGKILL"));
    if (!id) {
        std::fprintf(stderr, "addAnnotation failed: %s\n", qPrintable(project->lastError()));
        return 4;
    }
    say("done " + idString(*id).toUtf8());
    waitToBeKilled();
}
