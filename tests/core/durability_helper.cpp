// Helper for tst_durability: opens the project given on the command line, adds
// one annotation through Project::addAnnotation, prints "done <id>" and then
// waits to be killed. Usage: durability_helper PROJECT CODER
#include "project/Project.h"
#include "storage/StoreError.h"

#include <QCoreApplication>

#include <chrono>
#include <cstdio>
#include <thread>

using namespace newscoder;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: durability_helper PROJECT CODER\n");
        return 1;
    }
    std::unique_ptr<Project> project;
    try {
        project = Project::open(args[1]);
    } catch (const StoreError &e) {
        std::fprintf(stderr, "open failed: %s\n", e.what());
        return 2;
    }
    const QList<DocumentSummary> documents = project->store().documentSummaries();
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
    std::printf("done %s\n", qPrintable(idString(*id)));
    std::fflush(stdout);
    for (;;) // keep the project (and its lock) open until killed
        std::this_thread::sleep_for(std::chrono::seconds(60));
}
