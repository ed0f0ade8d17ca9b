// newscoder-bench-export: the dataset export at the designed scale (10,000
// articles, 500,000 annotations with field values), run as newscoder-cli
// child processes, side by side with the sqlite3 shell dumping the same
// rows (-csv) from the same project file. Reports wall time and each child's
// peak memory (VmHWM). Not a test: numbers go in the README.
#include "BenchSupport.h"
#include "io/CodebookJson.h"
#include "project/Project.h"
#include "project/ProjectInternals.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFile>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

extern char **environ;

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace newscoder;

using namespace newscoder::bench;

namespace {

bool g_childFailed = false; // a failed child fails the benchmark (CTest runs it on tiny data)

struct Measure
{
    double ms = 0;
    long peakKb = 0;
    qint64 bytes = 0;
};

// Runs `program` to completion (posix_spawn + wait4, so its own peak memory is known).
Measure runChild(const QString &program, const QStringList &args, const QString &stdoutFile = {})
{
    QList<QByteArray> storage{QFile::encodeName(program)};
    for (const QString &a : args)
        storage.append(a.toUtf8());
    std::vector<char *> argv;
    for (QByteArray &b : storage)
        argv.push_back(b.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    const QByteArray out = QFile::encodeName(stdoutFile.isEmpty() ? QStringLiteral("/dev/null") : stdoutFile);
    posix_spawn_file_actions_addopen(&actions, 1, out.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    Measure m;
    QElapsedTimer timer;
    timer.start();
    pid_t pid = 0;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) {
        std::fprintf(stderr, "cannot start %s\n", argv[0]);
        g_childFailed = true;
        return m;
    }
    // The child's peak resident memory is its VmHWM, read until it exits:
    // wait4's ru_maxrss cannot be used, because Linux starts a spawned
    // child's maximum at the parent's size (the benchmark holds the project).
    int status = 0;
    const QString statusFile = QStringLiteral("/proc/%1/status").arg(pid);
    while (waitpid(pid, &status, WNOHANG) == 0) {
        m.peakKb = std::max(m.peakKb, statusKb("VmHWM:", statusFile));
        usleep(2000);
    }
    m.ms = double(timer.nsecsElapsed()) / 1e6;
    posix_spawn_file_actions_destroy(&actions);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::fprintf(stderr, "%s failed (status %d)\n", argv[0], status);
        g_childFailed = true;
    }
    return m;
}

void print(const char *what, const Measure &m, const QString &file = {})
{
    std::printf("%-52s %9.0f ms %7.0f MB peak", what, m.ms, double(m.peakKb) / 1024.0);
    if (!file.isEmpty())
        std::printf(" %8.1f MB file", double(QFileInfo(file).size()) / 1048576.0);
    std::printf("\n");
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int documentCount = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 10000;
    const int perDocument = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 50;
    // NEWSCODER_BENCH_CLI: measure another newscoder-cli (e.g. a copy, while the build goes on).
    const QString cli = qEnvironmentVariable("NEWSCODER_BENCH_CLI", QStringLiteral(NEWSCODER_CLI_PATH));
    const QString sqlite = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.newscoder"));
    std::printf("newscoder-bench-export: %d articles × %d annotations (%d), every Quote with a Type value\n",
                documentCount, perDocument, documentCount * perDocument);

    QRandomGenerator random(42);
    {
        QList<Document> documents;
        for (int i = 0; i < documentCount; ++i) {
            Document d;
            d.title = QStringLiteral("Article %1 on the ferry dispute").arg(i);
            d.outlet = QStringLiteral("outlet%1.example").arg(i % 40);
            d.date = QDate(2025, 1, 1).addDays(i % 365);
            d.url = QStringLiteral("https://outlet%1.example/a/%2").arg(i % 40).arg(i);
            for (int p = 0; p < 8; ++p)
                d.text += paragraph(random);
            documents.append(d);
        }
        auto project = Project::create(path, defaultNewsCodebook());
        const QList<QUuid> ids = project->importDocuments(documents);
        QList<Code> spanCodes;
        for (const Code &c : project->codes()) {
            if (c.unit == CodeUnit::Span)
                spanCodes.append(c);
        }
        const CodeField quoteType = *spanCodes.first().fieldByName(QStringLiteral("Type"));
        ProjectStore &store = ProjectInternals::store(*project);
        const QUuid coders[3] = {store.ensureCoder(QStringLiteral("A")), store.ensureCoder(QStringLiteral("B")),
                                 store.ensureCoder(QStringLiteral("C"))};
        WriteTransaction tx(store);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QList<StoredValue> values;
        for (int i = 0; i < ids.size(); ++i) {
            const int length = int(documents[i].text.size());
            for (int k = 0; k < perDocument; ++k) {
                Annotation a;
                a.id = QUuid::createUuid();
                a.documentId = ids[i];
                a.codeId = spanCodes[k % spanCodes.size()].id;
                a.start = random.bounded(length - 100);
                a.end = a.start + 5 + random.bounded(90);
                a.coderId = coders[k % 3];
                a.created = a.modified = now;
                store.insertAnnotation(a);
                if (a.codeId == quoteType.codeId)
                    values.append(StoredValue{StoredValue::Owner::Annotation, a.id, {}, 0,
                                              FieldValue{quoteType.id, QStringLiteral("direct"), {}, {}}});
            }
        }
        store.insertStoredValues(values);
        tx.commit();
    }
    std::printf("project file: %.0f MB; load average %s\n", double(QFileInfo(path).size()) / 1048576.0,
                loadAverage().constData());

    // The same rows as the segments table, as far as SQL can give them:
    // article columns, coder, code, offsets, text, 100 characters of context,
    // memo, timestamps and the Quote's Type value.
    const QString sql = QStringLiteral(
        "SELECT a.id, a.document_id, d.title, d.outlet, d.published, d.url, c.name, k.name, k.name,"
        " a.start_offset, a.end_offset, a.start_offset, a.end_offset,"
        " substr(d.body, a.start_offset + 1, a.end_offset - a.start_offset),"
        " substr(d.body, max(1, a.start_offset - 99), min(100, a.start_offset)),"
        " substr(d.body, a.end_offset + 1, 100), a.memo, a.status = 'review', a.created, a.modified, v.value"
        " FROM (SELECT * FROM annotations JOIN annotation_anchors USING (document_id, id)) a"
        " JOIN documents d ON d.id = a.document_id JOIN coders c ON c.id = a.coder_id"
        " JOIN codes k ON k.id = a.code_id LEFT JOIN annotation_values v ON v.annotation_id = a.id"
        " WHERE a.status <> 'suggested' ORDER BY a.document_id, a.start_offset, a.end_offset, a.id;");
    const int runs = 3;
    QList<Measure> sqliteRuns, csvRuns, xlsxRuns, savRuns;
    const QString csv = dir.filePath(QStringLiteral("segments.csv"));
    const QString sqliteCsv = dir.filePath(QStringLiteral("sqlite.csv"));
    const QString xlsx = dir.filePath(QStringLiteral("segments.xlsx"));
    const QString sav = dir.filePath(QStringLiteral("segments.sav"));
    for (int r = 0; r < runs; ++r) {
        if (!sqlite.isEmpty())
            sqliteRuns.append(runChild(sqlite, {QStringLiteral("-csv"), QStringLiteral("-header"),
                                                QStringLiteral("-readonly"), path, sql},
                                       sqliteCsv));
        csvRuns.append(runChild(cli, {QStringLiteral("export"), path, QStringLiteral("--table"),
                                      QStringLiteral("segments"), QStringLiteral("--format"), QStringLiteral("csv"),
                                      QStringLiteral("--out"), csv}));
        xlsxRuns.append(runChild(cli, {QStringLiteral("export"), path, QStringLiteral("--table"),
                                       QStringLiteral("segments"), QStringLiteral("--format"), QStringLiteral("xlsx"),
                                       QStringLiteral("--out"), xlsx}));
    }
    savRuns.append(runChild(cli, {QStringLiteral("export"), path, QStringLiteral("--table"), QStringLiteral("segments"),
                                  QStringLiteral("--format"), QStringLiteral("sav"), QStringLiteral("--out"), sav}));
    const auto median = [](QList<Measure> list) {
        std::sort(list.begin(), list.end(), [](const Measure &a, const Measure &b) { return a.ms < b.ms; });
        return list.isEmpty() ? Measure{} : list[list.size() / 2];
    };
    if (!sqliteRuns.isEmpty())
        print("sqlite3 -csv: the same rows from the project file", median(sqliteRuns), sqliteCsv);
    print("newscoder-cli export segments --format csv", median(csvRuns), csv);
    print("newscoder-cli export segments --format xlsx", median(xlsxRuns), xlsx);
    print("newscoder-cli export segments --format sav (1 run)", median(savRuns), sav);
    if (!sqliteRuns.isEmpty())
        std::printf("csv / sqlite3 = %.2f, xlsx / csv = %.2f\n", median(csvRuns).ms / median(sqliteRuns).ms,
                    median(xlsxRuns).ms / median(csvRuns).ms);
    std::printf("load average at the end: %s\n", loadAverage().constData());
    return g_childFailed ? 1 : 0;
}
