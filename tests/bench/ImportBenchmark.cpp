// newscoder-bench-import: how long reading many-article files takes (pure reading, nothing
// stored): a CSV table and a Nexis export of fictional generated articles.
// Usage: newscoder-bench-import [ROWS] [RUNS] (the export holds min(ROWS, 1000) articles). Prints the median of RUNS runs. Not a test:
// numbers go in the README.
#include "BenchSupport.h"
#include "io/ArticleFileReader.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace newscoder;

using namespace newscoder::bench;

namespace {

// About 2,500 characters of fictional article text, varied by `n`.
QByteArray body(int n)
{
    QByteArray text;
    for (int s = 0; s < 20; ++s)
        text += "The harbour board of Halvik met for the " + QByteArray::number(n + s)
                + "th time and decided, after a long debate about ferries, cranes and fares, to wait. ";
    return text;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rows = argc > 1 ? std::max(1, atoi(argv[1])) : 10000;
    const int runs = argc > 2 ? std::max(1, atoi(argv[2])) : 5;

    QByteArray csv = "id,title,text,date,url,section\n";
    QByteArray nexis;
    // A Nexis download holds at most a few hundred articles; text files are read up to 20 MiB.
    const int exportArticles = std::min(rows, 1000);
    for (int i = 0; i < rows; ++i) {
        const QByteArray n = QByteArray::number(i);
        csv += n + ",Story " + n + ",\"" + body(i) + "\",2021-12-11,https://example.org/" + n + ",NEWS\n";
        if (i >= exportArticles)
            continue;
        nexis += "Story " + n + "\nThe Northern Courier\nDecember 11, 2021 Saturday\n\nSection: NEWS\nLength: 400 "
                 "words\nByline: Britt Aalund\n\nBody\n\n" + body(i) + "\n\n" + body(i + 1)
                 + "\n\nLoad-Date: December 12, 2021\n\nEnd of Document\n\n";
    }
    std::printf("newscoder-bench-import: %d articles, median of %d runs\n", rows, runs);
    int got = 0;
    double ms = medianMs(runs, [&] { got = int(readArticleFile(csv, QStringLiteral("bench.csv")).documents.size()); });
    std::printf("%-50s %10.1f ms  (%d articles, %.1f MB)\n", "CSV table, read and mapped", ms, got,
                double(csv.size()) / 1e6);
    const bool tableOk = got == rows;
    ms = medianMs(runs, [&] { got = int(readArticleFile(nexis, QStringLiteral("bench.txt")).documents.size()); });
    std::printf("%-50s %10.1f ms  (%d articles, %.1f MB)\n", "Nexis TXT export, detected and split", ms, got,
                double(nexis.size()) / 1e6);
    return tableOk && got == exportArticles ? 0 : 1;
}
