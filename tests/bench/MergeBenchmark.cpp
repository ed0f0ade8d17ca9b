// newscoder-bench-merge: merging a coder package back into a master at scale.
// A master with ARTICLES articles and PER_ARTICLE annotations on each (half
// by coder A, half by coder B, every Quote with a Type value), A's package
// of every article, and A's edits in it: a memo on 2 % of A's annotations,
// 1 % deleted, 1 % new. Then, timed: planning the merge (both files read
// through read-only connections of their own, as the window's worker does)
// and applying it as one undoable step, plus merging the same package again
// (nothing to do). The merge runs in a child process of its own (this
// program with --measure), so its peak resident memory (VmHWM) is the
// merge's alone, not the building's. Not a test: numbers go in the README.
#include "BenchSupport.h"
#include "io/CodebookJson.h"
#include "project/Project.h"
#include "project/ProjectInternals.h"
#include "storage/StoreError.h"
#include "study/Assignments.h"
#include "study/CoderPackage.h"
#include "study/MergePlan.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>
#include <ctime>
#include <vector>

#include <spawn.h>
#include <sys/wait.h>

extern char **environ;

using namespace newscoder;

using namespace newscoder::bench;

namespace {

// The process's CPU time so far (on a loaded machine the meaningful column).
double cpuMs()
{
    return double(std::clock()) * 1000.0 / CLOCKS_PER_SEC;
}

// The phase's wall and CPU time and the process's peak resident memory so far.
void print(const char *what, double ms, double cpu, long peakKb)
{
    std::printf("%-52s %9.0f ms %9.0f ms CPU %7.0f MB peak\n", what, ms, cpu, double(peakKb) / 1024.0);
    std::fflush(stdout);
}

} // namespace

int measure(const QString &masterPath, const QString &packagePath, int edited, int deleted, int added);

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc == 7 && qstrcmp(argv[1], "--measure") == 0)
        return measure(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]), atoi(argv[4]), atoi(argv[5]),
                       atoi(argv[6]));
    const int documentCount = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 2000;
    const int perDocument = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 50;
    if (documentCount < 1 || perDocument < 2) {
        std::fprintf(stderr, "usage: newscoder-bench-merge [ARTICLES >= 1] [PER_ARTICLE >= 2]\n");
        return 2;
    }
    QTemporaryDir dir;
    const QString masterPath = dir.filePath(QStringLiteral("master.newscoder"));
    const QString packagePath = dir.filePath(QStringLiteral("a.newscoder"));
    std::printf("newscoder-bench-merge: %d articles × %d annotations (%d), coders A and B\n", documentCount,
                perDocument, documentCount * perDocument);
    QRandomGenerator random(42);
    QElapsedTimer timer;
    timer.start();
    try {
        auto project = Project::create(masterPath, defaultNewsCodebook());
        QList<Document> documents;
        for (int i = 0; i < documentCount; ++i) {
            Document d;
            d.title = QStringLiteral("Article %1 on the ferry dispute").arg(i);
            d.outlet = QStringLiteral("outlet%1.example").arg(i % 40);
            for (int p = 0; p < 4; ++p)
                d.text += paragraph(random);
            documents.append(d);
        }
        const QList<QUuid> ids = project->importDocuments(documents);
        QList<Code> spanCodes;
        for (const Code &c : project->codes()) {
            if (c.unit == CodeUnit::Span)
                spanCodes.append(c);
        }
        const CodeField quoteType = *spanCodes.first().fieldByName(QStringLiteral("Type"));
        for (const QString &coder : {QStringLiteral("A"), QStringLiteral("B")}) {
            study::StudyPlan plan = study::planAssignment(project->reader(), coder, ids, QDateTime::currentDateTimeUtc());
            if (!project->commitStudyChange(plan.text, std::move(plan.redo), std::move(plan.undo)))
                throw StoreError(StoreError::Kind::Invalid, project->lastError());
        }
        ProjectStore &store = ProjectInternals::store(*project);
        const QUuid coders[2] = {store.coderByName(QStringLiteral("A"))->id, store.coderByName(QStringLiteral("B"))->id};
        WriteTransaction tx(store);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QList<StoredValue> values;
        for (qsizetype i = 0; i < ids.size(); ++i) {
            const int length = int(documents[i].text.size());
            for (int k = 0; k < perDocument; ++k) {
                Annotation a;
                a.id = QUuid::createUuid();
                a.documentId = ids[i];
                a.codeId = spanCodes[k % spanCodes.size()].id;
                a.start = random.bounded(length - 100);
                a.end = a.start + 5 + random.bounded(90);
                a.coderId = coders[k % 2];
                a.created = a.modified = now;
                store.insertAnnotation(a);
                if (a.codeId == quoteType.codeId)
                    values.append(StoredValue{StoredValue::Owner::Annotation, a.id, {}, 0,
                                              FieldValue{quoteType.id, QStringLiteral("direct"), {}, {}}});
            }
        }
        store.insertStoredValues(values);
        tx.commit();
        const study::PackageResult package = study::writeCoderPackage(store, QStringLiteral("A"), packagePath);
        if (!package.error.isEmpty())
            throw StoreError(StoreError::Kind::Invalid, package.error);
    } catch (const StoreError &e) {
        std::fprintf(stderr, "cannot build the master: %s\n", qPrintable(e.message()));
        return 1;
    }
    int edited = 0, deleted = 0, added = 0;
    try {
        auto package = ProjectStore::open(packagePath, ProjectAccess::ReadWrite);
        QList<Annotation> mine;
        package->forEachAnnotation([&](const Annotation &a) {
            mine.append(a);
            return true;
        });
        WriteTransaction tx(*package);
        for (qsizetype i = 0; i < mine.size(); ++i) {
            const int roll = random.bounded(100);
            if (roll < 2) {
                Annotation a = mine[i];
                a.memo = QStringLiteral("checked %1").arg(i);
                package->updateAnnotation(a);
                ++edited;
            } else if (roll < 3) {
                package->deleteAnnotation(mine[i].id);
                ++deleted;
            } else if (roll < 4) {
                Annotation a = mine[i];
                a.id = QUuid::createUuid();
                a.end = a.start + 3;
                package->insertAnnotation(a);
                ++added;
            }
        }
        tx.commit();
    } catch (const StoreError &e) {
        std::fprintf(stderr, "cannot edit the package: %s\n", qPrintable(e.message()));
        return 1;
    }
    std::printf("built in %.1f s: master %.0f MB, package %.0f MB; A's edits: %d memos, %d deleted, %d new; "
                "load average %s\n",
                double(timer.elapsed()) / 1000.0, double(QFileInfo(masterPath).size()) / 1048576.0,
                double(QFileInfo(packagePath).size()) / 1048576.0, edited, deleted, added, loadAverage().constData());

    // The merge itself in a child process: its memory is the merge's alone.
    QList<QByteArray> args{QCoreApplication::applicationFilePath().toLocal8Bit(), QByteArray("--measure"),
                           masterPath.toLocal8Bit(), packagePath.toLocal8Bit(), QByteArray::number(edited),
                           QByteArray::number(deleted), QByteArray::number(added)};
    std::vector<char *> argv2;
    for (QByteArray &arg : args)
        argv2.push_back(arg.data());
    argv2.push_back(nullptr);
    std::fflush(stdout);
    pid_t pid = 0;
    if (posix_spawn(&pid, argv2[0], nullptr, nullptr, argv2.data(), environ) != 0) {
        std::fprintf(stderr, "cannot start the measuring child\n");
        return 1;
    }
    int status = 0;
    waitpid(pid, &status, 0);
    std::printf("load average at the end: %s\n", loadAverage().constData());
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

int measure(const QString &masterPath, const QString &packagePath, int edited, int deleted, int added)
{
    QElapsedTimer timer;
    const long start = statusKb("VmRSS:");
    std::printf("merging in a child process (%.0f MB resident before)\n", double(start) / 1024.0);
    timer.start();
    double cpu = cpuMs();
    qint64 lastTotal = 0;
    study::MergePlan merge = study::planMergeFile(masterPath, packagePath, {}, [&](qint64, qint64 total) {
        lastTotal = total;
        return true;
    });
    print("plan: read both files, fingerprint, three-way compare", double(timer.nsecsElapsed()) / 1e6, cpuMs() - cpu,
          statusKb("VmHWM:"));
    if (!merge.plan.error.isEmpty() || merge.cancelled) {
        std::fprintf(stderr, "merge failed: %s\n", qPrintable(merge.plan.error));
        return 1;
    }
    const study::MergeReport report = merge.report;
    std::printf("  %lld progress units; added %d, updated %d, removed %d, unchanged %d annotations; %lld conflicts\n",
                static_cast<long long>(lastTotal), report.added.annotations, report.updated.annotations,
                report.removed.annotations, report.unchanged.annotations,
                static_cast<long long>(report.conflicts.size()));
    if (report.added.annotations != added || report.updated.annotations != edited
        || report.removed.annotations != deleted || !report.conflicts.isEmpty()) {
        std::fprintf(stderr, "the report does not match the package's edits\n");
        return 1;
    }
    auto project = Project::open(masterPath);
    if (!project) {
        std::fprintf(stderr, "cannot open the master\n");
        return 1;
    }
    timer.restart();
    cpu = cpuMs();
    if (!project->commitStudyChange(merge.plan.text, std::move(merge.plan.redo), std::move(merge.plan.undo))) {
        std::fprintf(stderr, "apply failed: %s\n", qPrintable(project->lastError()));
        return 1;
    }
    print("apply: one transaction, one undo step", double(timer.nsecsElapsed()) / 1e6, cpuMs() - cpu,
          statusKb("VmHWM:"));
    timer.restart();
    cpu = cpuMs();
    const study::MergePlan again = study::planMergeFile(masterPath, packagePath);
    print("plan the same package again (nothing to do)", double(timer.nsecsElapsed()) / 1e6, cpuMs() - cpu,
          statusKb("VmHWM:"));
    if (!again.plan.redo.isEmpty()) {
        std::fprintf(stderr, "merging again planned a change\n");
        return 1;
    }
    return 0;
}

