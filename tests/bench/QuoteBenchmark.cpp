// Speed of the quote-attribution engine (README "Quote suggestions"):
// a 4 KB article, many articles on all cores, and a 20 MB single line.
// Usage: newscoder-bench-quotes [ARTICLES [ROUNDS]]   (defaults 10000, 200)
#include "quotes/QuoteAttributor.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QtConcurrent/QtConcurrentMap>

#include <QThread>

#include <cstdio>
#include <ctime>
#include <numeric>

using namespace newscoder::quotes;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int articles = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 10000;
    const int rounds = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 200;
    // A 4 KB English article: the English gold-set articles, joined and cut at 4096 characters.
    const QDir dir(QStringLiteral(NEWSCODER_TEST_DATA_DIR "/quotes-gold"));
    QString all;
    for (const QString &name : dir.entryList({QStringLiteral("en*.txt")}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(name));
        if (f.open(QIODevice::ReadOnly))
            all += QString::fromUtf8(f.readAll()) + QStringLiteral("\n\n");
    }
    if (all.size() < 4096) {
        std::fprintf(stderr, "gold set missing under %s\n", qPrintable(dir.path()));
        return 1;
    }
    const QString article = all.left(4096);
    (void)attributeQuotes(article, QStringLiteral("en")); // loads the lexicon
    // CPU time of this (single) thread: other work on the machine does not count.
    QElapsedTimer timer;
    timer.start();
    const std::clock_t cpuStart = std::clock();
    int found = 0;
    for (int i = 0; i < rounds; ++i)
        found += int(attributeQuotes(article, QStringLiteral("en")).size());
    const double perArticle = double(std::clock() - cpuStart) * 1000.0 / CLOCKS_PER_SEC / rounds;
    std::printf("4 KB article: %.3f ms CPU per article, one core (%.3f ms wall; %d attributions)\n", perArticle,
                double(timer.nsecsElapsed()) / 1e6 / rounds, found / rounds);
    std::fflush(stdout);

    QList<QString> corpus(articles, article);
    timer.restart();
    const QList<int> counts = QtConcurrent::blockingMapped(
        corpus, [](const QString &text) { return int(attributeQuotes(text, QStringLiteral("en")).size()); });
    std::printf("%d articles of 4 KB: %.2f s wall on %d threads (%lld attributions)\n", articles,
                double(timer.nsecsElapsed()) / 1e9, QThread::idealThreadCount(),
                static_cast<long long>(std::accumulate(counts.cbegin(), counts.cend(), 0LL)));

    if (articles < 1000)
        return 0; // the tiny CTest run stops here
    QString line = article;
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    QString big;
    big.reserve(10 * 1024 * 1024 + line.size());
    while (big.size() < 10 * 1024 * 1024)
        big += line;
    timer.restart();
    const qsizetype bigFound = attributeQuotes(big, QStringLiteral("en")).size();
    std::printf("20 MB single line: %.2f s (%lld attributions)\n", double(timer.nsecsElapsed()) / 1e9,
                static_cast<long long>(bigFound));
    return 0;
}
