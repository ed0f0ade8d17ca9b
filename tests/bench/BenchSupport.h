// What the benchmarks share (tests/bench/*Benchmark.cpp): the median of timed
// runs, the process's memory from /proc, the machine's load printed with the
// figures, and fictional article text. Not a test: numbers go in the README.
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <functional>

namespace newscoder::bench {

// The middle value (the upper one of an even count); 0 for none.
inline double medianOf(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// The median wall time of `runs` runs of `work`, in ms.
inline double medianMs(int runs, const std::function<void()> &work)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    return medianOf(times);
}

// A line of a /proc status file ("VmHWM:" peak, "VmRSS:" now) in KiB; 0 when
// unreadable. `statusFile`: /proc/self/status or a child's /proc/PID/status.
inline long statusKb(const char *key, const QString &statusFile = QStringLiteral("/proc/self/status"))
{
    QFile f(statusFile);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = f.readAll();
    const qsizetype at = text.indexOf(key);
    if (at < 0)
        return 0;
    const qsizetype end = text.indexOf('\n', at);
    const qsizetype from = at + qsizetype(qstrlen(key));
    return text.mid(from, end - from).replace("kB", "").trimmed().toLong();
}

// The machine's load (1/5/15-minute averages), printed with the figures.
inline QByteArray loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? f.readAll().split(' ').mid(0, 3).join(' ') : QByteArray("unknown");
}

// A paragraph of 60 fictional news words (with typographic quotes and a number).
inline QString paragraph(QRandomGenerator &random)
{
    static const QStringList words = {
        QStringLiteral("the"),       QStringLiteral("port"),   QStringLiteral("authority"), QStringLiteral("said"),
        QStringLiteral("ferry"),     QStringLiteral("island"), QStringLiteral("minister"),  QStringLiteral("talks"),
        QStringLiteral("according"), QStringLiteral("to"),     QStringLiteral("union"),     QStringLiteral("budget"),
        QStringLiteral("„Brücke“"),  QStringLiteral("“safe”"), QStringLiteral("1,200"),     QStringLiteral("weeks")};
    QString text;
    for (int i = 0; i < 60; ++i)
        text += words[random.bounded(int(words.size()))] + u' ';
    return text + u'\n';
}

} // namespace newscoder::bench
