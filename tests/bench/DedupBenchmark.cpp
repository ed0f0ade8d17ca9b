// newscoder-bench-dedup: duplicate detection at corpus scale (default 10,000
// articles of 400–600 words; one in ten is an edited copy of an earlier one,
// one in twenty-five a word-for-word copy). Prints the median of several runs
// of (1) fingerprinting and clustering texts in memory and (2) the whole
// `duplicates` pass over a project file (reading every text from SQLite) and
// (3) the check `import` makes: 200 incoming articles, half of them edited
// copies of project articles, against the whole project.
// Exits 1 when the clusters found are not the planted ones. Not a test:
// numbers go in the README.
//     newscoder-bench-dedup [ARTICLES [RUNS]]
#include "BenchSupport.h"
#include "dedup/DuplicateFinder.h"
#include "dedup/ImportDuplicates.h"
#include "dedup/ProjectDuplicates.h"
#include "io/CodebookJson.h"
#include "project/Project.h"
#include "storage/ProjectStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThreadPool>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <functional>

using namespace newscoder;
using namespace newscoder::dedup;

using namespace newscoder::bench;

namespace {

struct Timing
{
    double wallMs = 0; // median wall time
    double cpuMs = 0;  // median CPU time of the process (all threads): the work
                       // itself, whatever else the machine is running
};

double cpuMsNow()
{
    return double(std::clock()) * 1000.0 / CLOCKS_PER_SEC;
}

Timing median(int runs, const std::function<void()> &work)
{
    QList<double> wall, cpu;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        const double cpuStart = cpuMsNow();
        timer.start();
        work();
        wall.append(double(timer.nsecsElapsed()) / 1e6);
        cpu.append(cpuMsNow() - cpuStart);
    }
    return {medianOf(wall), medianOf(cpu)};
}

void report(const char *what, const Timing &t)
{
    std::printf("%-52s %9.1f ms wall %9.1f ms CPU\n", what, t.wallMs, t.cpuMs);
    std::fflush(stdout);
}

// A vocabulary of made-up words (two or three syllables), drawn with a
// Zipf-like law so that common words repeat as in real prose.
class Prose
{
public:
    explicit Prose(quint32 seed) : m_random(seed)
    {
        static const char *syllables[] = {"ka", "lo", "mer", "tin", "sa", "vo", "ri", "den", "ul", "por",
                                          "gra", "ne", "sti", "ba", "fel", "mo", "ar", "qui", "zen", "do",
                                          "lin", "che", "wa", "tor", "mi", "ves", "ha", "pri", "ol", "sun"};
        for (int i = 0; i < 6000; ++i) {
            QString w;
            const int n = 1 + i % 3;
            for (int s = 0; s <= n; ++s)
                w += QString::fromLatin1(syllables[(i * 7 + s * 13 + i / 30 * s) % 30]);
            m_words << w + QString::number(i % 7 ? 0 : i).left(i % 7 ? 0 : 4);
        }
        double total = 0;
        for (int i = 0; i < int(m_words.size()); ++i)
            m_cumulative.push_back(total += 1.0 / (i + 10));
    }
    QString word()
    {
        const double x = m_random.generateDouble() * m_cumulative.back();
        const auto it = std::lower_bound(m_cumulative.begin(), m_cumulative.end(), x);
        return m_words[qsizetype(it - m_cumulative.begin())];
    }
    QString article()
    {
        QString text;
        const int words = 400 + int(m_random.bounded(200));
        for (int i = 0; i < words; ++i) {
            QString w = word();
            if (i == 0 || text.endsWith(QStringLiteral(". ")))
                w[0] = w[0].toUpper();
            text += w;
            const quint32 r = m_random.bounded(100);
            text += r < 6 ? QStringLiteral(". ") : r < 12 ? QStringLiteral(", ") : r < 13 ? QStringLiteral(".\n\n")
                                                                                         : QStringLiteral(" ");
        }
        return text;
    }
    // A copy with about one word in a hundred replaced and a new closing line.
    QString edited(const QString &text)
    {
        QStringList words = text.split(u' ');
        for (qsizetype i = 0; i < words.size(); ++i) {
            if (m_random.bounded(100) == 0)
                words[i] = word();
        }
        return words.join(u' ') + QStringLiteral("\n\nThis article first appeared in a partner publication.");
    }

private:
    QRandomGenerator m_random;
    QStringList m_words;
    std::vector<double> m_cumulative;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 10000;
    const int runs = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 5;
    if (count < 30 || runs < 1) {
        std::fprintf(stderr, "usage: newscoder-bench-dedup [ARTICLES >= 30 [RUNS >= 1]]\n");
        return 2;
    }

    Prose prose(42);
    QStringList texts;
    int planted = 0; // clusters: an original with its copies
    qint64 words = 0;
    for (int i = 0; i < count; ++i) {
        if (i % 50 == 9) { // an edited copy and an exact copy of the article before
            texts << prose.edited(texts.last());
            ++planted;
        } else if (i % 50 == 10) {
            texts << texts[i - 2];
        } else if (i % 50 == 30) {
            texts << prose.edited(texts.last());
            ++planted;
        } else if (i % 25 == 20) {
            texts << texts.last(); // word for word
            ++planted;
        } else {
            texts << prose.article();
        }
        words += texts.last().count(u' ') + 1;
    }
    std::printf("newscoder-bench-dedup: %d articles, %.0f words on average, %d planted clusters, %d threads\n",
                count, double(words) / count, planted, QThreadPool::globalInstance()->maxThreadCount());

    DuplicateResult found;
    std::printf("load average at the start: %s\n", loadAverage().constData());
    const Timing memory = median(runs, [&] {
        DuplicateFinder finder;
        for (qsizetype i = 0; i < texts.size(); i += 512)
            finder.addTexts(texts.mid(i, 512));
        found = finder.findClusters();
    });
    report("fingerprint + LSH + verify + cluster (in memory)", memory);
    std::printf("  %lld clusters, %d candidate pairs, %d distinct texts, bands %d x %d rows\n",
                static_cast<long long>(found.clusters.size()), found.stats.candidatePairs, found.stats.distinctTexts,
                found.stats.bands, found.stats.rows);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.newscoder"));
    {
        auto project = Project::create(path, defaultNewsCodebook());
        QList<Document> documents;
        for (int i = 0; i < count; ++i) {
            Document d;
            d.title = QStringLiteral("Article %1").arg(i, 5, 10, QLatin1Char('0'));
            d.date = QDate(2025, 1, 1);
            d.text = texts[i];
            documents << d;
        }
        project->importDocuments(documents);
    }
    ProjectDuplicates fromProject;
    const Timing project = median(runs, [&] {
        const auto store = ProjectStore::open(path, ProjectAccess::ReadOnly);
        fromProject = findProjectDuplicates(*store);
    });
    report("duplicates over a project file (read + cluster)", project);

    QList<Document> incoming;
    for (int i = 0; i < 200; ++i) {
        Document d;
        d.text = i % 2 ? prose.edited(texts[(i * 37) % count]) : prose.article();
        incoming << d;
    }
    ImportDuplicates atImport;
    const Timing importCheck = median(runs, [&] {
        const auto store = ProjectStore::open(path, ProjectAccess::ReadOnly);
        atImport = findImportDuplicates(*store, incoming);
    });
    report("import check: 200 incoming vs the project", importCheck);
    std::printf("  %lld of 200 incoming articles are copies (100 planted)\n",
                static_cast<long long>(atImport.matches.size()));
    std::printf("load average at the end: %s\n", loadAverage().constData());

    if (atImport.matches.size() != 100) {
        std::fprintf(stderr, "newscoder-bench-dedup: %lld copies at import, planted 100\n",
                     static_cast<long long>(atImport.matches.size()));
        return 1;
    }
    if (found.clusters.size() != planted || fromProject.result.clusters.size() != planted) {
        std::fprintf(stderr, "newscoder-bench-dedup: found %lld and %lld clusters, planted %d\n",
                     static_cast<long long>(found.clusters.size()),
                     static_cast<long long>(fromProject.result.clusters.size()), planted);
        return 1;
    }
    return 0;
}
