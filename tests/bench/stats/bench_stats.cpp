// newscoder-bench-stats: timings of the reliability engine, the median of a
// few runs each. Usage: newscoder-bench-stats [--runs N] [--tiny]
// (--tiny: 2,000 units and 20 documents, so CTest runs it once in seconds;
// the labels keep naming the full sizes, the numbers are then meaningless)
//
//   - Krippendorff's alpha on 1,000,000 units x 3 coders (nominal with 5
//     categories, ordinal, interval on continuous values, ratio on integer
//     counts), 5 % missing values; the kappa family on the nominal data;
//   - reading the same data as a 1,000,000-row CSV file;
//   - unitizing alpha over 10,000 documents (about 4,000 characters each,
//     about 50 spans per document and coder, 3 coders, 6 categories).

#include "stats/Bootstrap.h"
#include "stats/KappaFamily.h"
#include "stats/KrippendorffAlpha.h"
#include "stats/ReliabilityCsv.h"
#include "stats/UnitizingAlpha.h"

#include <QElapsedTimer>
#include <QStringList>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <random>

using namespace newscoder::stats;
using namespace Qt::StringLiterals;

namespace {

int g_runs = 5;

double cpuMilliseconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// Runs `work` g_runs times; prints the median wall-clock and CPU time in
// milliseconds (CPU time is the steadier number on a busy machine).
double measure(const char *label, const std::function<double()> &work)
{
    std::vector<double> wall, cpu;
    double check = 0;
    for (int i = 0; i < g_runs; ++i) {
        QElapsedTimer timer;
        const double cpu0 = cpuMilliseconds();
        timer.start();
        check = work();
        wall.push_back(double(timer.nsecsElapsed()) / 1e6);
        cpu.push_back(cpuMilliseconds() - cpu0);
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    const double median = wall[wall.size() / 2];
    std::printf("%-58s %9.1f ms wall %9.1f ms cpu   (result %.6f)\n", label, median, cpu[cpu.size() / 2],
                check);
    std::fflush(stdout);
    return median;
}

// 1,000,000 units x 3 coders: each coder agrees with the unit's true value
// with probability 0.8, otherwise picks another; 5 % of the cells missing.
ReliabilityData makeCategorical(qsizetype units, int categories, std::mt19937_64 &gen)
{
    ReliabilityData data({u"A"_s, u"B"_s, u"C"_s}, units);
    QStringList labels;
    for (int k = 0; k < categories; ++k)
        labels << QString::number(k + 1);
    data.setCategories(labels);
    for (qsizetype u = 0; u < units; ++u) {
        const int truth = int(gen() % quint64(categories));
        for (int c = 0; c < 3; ++c) {
            const quint64 r = gen() % 100;
            if (r < 5)
                continue;
            data.setCategory(u, c, r < 81 ? truth : int(gen() % quint64(categories)));
        }
    }
    return data;
}

ReliabilityData makeMetric(qsizetype units, bool integers, std::mt19937_64 &gen)
{
    ReliabilityData data({u"A"_s, u"B"_s, u"C"_s}, units);
    std::normal_distribution<double> truth(50, 15),
        noise(0, 4); // the benchmark only; results are not checked
    for (qsizetype u = 0; u < units; ++u) {
        const double t = truth(gen);
        for (int c = 0; c < 3; ++c) {
            if (gen() % 100 < 5)
                continue;
            double v = std::max(0.0, t + noise(gen));
            data.setValue(u, c, integers ? std::round(v * 10) : v);
        }
    }
    return data;
}

QByteArray toCsv(const ReliabilityData &data)
{
    QByteArray out = "A,B,C\n";
    out.reserve(data.unitCount() * 8);
    for (qsizetype u = 0; u < data.unitCount(); ++u) {
        for (int c = 0; c < 3; ++c) {
            if (c)
                out += ',';
            if (const auto k = data.category(u, c))
                out += QByteArray::number(*k + 1);
        }
        out += '\n';
    }
    return out;
}

// 10,000 documents; per document ~50 "true" units (length 20-200, one of 6
// categories); each coder keeps a unit with probability 0.9, moves its
// boundaries by up to 8 characters, relabels it with probability 0.05 and
// adds a spurious unit now and then.
UnitizingData makeUnitizing(int documents, std::mt19937_64 &gen)
{
    const QStringList categories{u"actor"_s, u"claim"_s, u"frame"_s, u"source"_s, u"quote"_s, u"tone"_s};
    UnitizingData data;
    data.coders = {u"A"_s, u"B"_s, u"C"_s};
    qint64 begin = 0;
    auto uniform = [&](qint64 lo, qint64 hi) { return lo + qint64(gen() % quint64(hi - lo + 1)); };
    for (int d = 0; d < documents; ++d) {
        UnitizingDocument doc{begin, uniform(3000, 5000), {}};
        begin += doc.length;
        struct Truth
        {
            qint64 b, l;
            int cat;
        };
        std::vector<Truth> truth;
        for (int i = 0; i < 50; ++i) {
            const qint64 l = uniform(20, 200);
            truth.push_back({doc.begin + uniform(0, doc.length - l), l, int(gen() % 6)});
        }
        for (int c = 0; c < 3; ++c) {
            QList<UnitizingSpan> spans;
            for (const Truth &t : truth) {
                if (gen() % 100 < 10)
                    continue;
                const qint64 b = std::clamp(t.b + uniform(-8, 8), doc.begin, doc.begin + doc.length - 1);
                const qint64 e = std::clamp(t.b + t.l + uniform(-8, 8), b + 1, doc.begin + doc.length);
                const int cat = gen() % 100 < 5 ? int(gen() % 6) : t.cat;
                spans.append({categories[cat], b, e - b});
            }
            if (gen() % 100 < 30) {
                const qint64 l = uniform(20, 200);
                spans.append({categories[int(gen() % 6)], doc.begin + uniform(0, doc.length - l), l});
            }
            doc.spansByCoder.append(spans);
        }
        data.documents.append(doc);
    }
    return data;
}

} // namespace

int main(int argc, char **argv)
{
    bool tiny = false;
    for (int i = 1; i < argc; ++i) {
        if (QByteArray(argv[i]) == "--runs" && i + 1 < argc)
            g_runs = std::max(1, std::atoi(argv[++i]));
        else if (QByteArray(argv[i]) == "--tiny")
            tiny = true;
    }
    std::printf("newscoder-bench-stats: median of %d runs\n\n", g_runs);

    std::mt19937_64 gen(20240601);
    const qsizetype million = tiny ? 2000 : 1000000;
    const int unitizingDocuments = tiny ? 20 : 10000;
    if (tiny)
        std::printf("(tiny sizes: 2,000 units, 20 documents)\n");
    const ReliabilityData nominal = makeCategorical(million, 5, gen);
    const ReliabilityData continuous = makeMetric(million, false, gen);
    const ReliabilityData counts = makeMetric(million, true, gen);

    measure("alpha nominal,  1,000,000 units x 3 coders, 5 categories",
            [&] { return *krippendorffAlpha(nominal, Level::Nominal).value; });
    measure("alpha ordinal,  1,000,000 units x 3 coders, 5 categories",
            [&] { return *krippendorffAlpha(nominal, Level::Ordinal).value; });
    measure("alpha interval, 1,000,000 units x 3 coders, continuous",
            [&] { return *krippendorffAlpha(continuous, Level::Interval).value; });
    measure("alpha ratio,    1,000,000 units x 3 coders, ~1,300 values",
            [&] { return *krippendorffAlpha(counts, Level::Ratio).value; });
    measure("percent agreement, 1,000,000 x 3", [&] { return *percentAgreement(nominal).value; });
    measure("Fleiss' kappa,     1,000,000 x 3", [&] { return *fleissKappa(nominal).value; });
    measure("Gwet's AC2 (quadratic), 1,000,000 x 3",
            [&] { return *gwetAc2(nominal, AgreementWeights::make(Weighting::Quadratic, 5)).value; });
    measure("alpha nominal bootstrap, 100 draws, 1,000,000 x 3", [&] {
        return bootstrapAlpha(nominal, Level::Nominal, {100, 1, 0.95})->lower;
    });
    const QByteArray csv = toCsv(nominal);
    measure("read a 1,000,000-row CSV file (labels)",
            [&] { return double(readReliabilityCsv(csv, {}).data.unitCount()); });

    std::printf("\n");
    QElapsedTimer build;
    build.start();
    const UnitizingData documents = makeUnitizing(unitizingDocuments, gen);
    qint64 spans = 0;
    for (const UnitizingDocument &d : documents.documents)
        for (const auto &s : d.spansByCoder)
            spans += s.size();
    std::printf("(generated %d documents, %lld spans, in %.0f ms)\n", unitizingDocuments,
                static_cast<long long>(spans), double(build.elapsed()));
    measure("unitizing alpha, 10,000 documents x 3 coders, 6 categories",
            [&] { return *unitizingAlpha(documents).overall.value; });
    return 0;
}
