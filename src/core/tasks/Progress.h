// How far a long piece of work has got, and whether it should stop: written
// by the thread doing the work, read and cancelled from any other thread (a
// window's progress dialog polls it; its Cancel button calls cancel()).
// Everything here is thread-safe; a Progress is shared, not copied.
//
// It carries the units done and the total (both may grow while the work
// runs: a total of 0 means "not known yet"), an optional message ("Reading
// the projects…") and a cancel flag the work checks between units. The core
// functions that take a `const std::atomic_bool *cancel` and a
// `(done, total)` callback are given cancelFlag() and reporter();
// those whose callback answers "go on?" are given reporterUntilCancelled().
// step() and addToTotal() follow study::MergeProgress, so that class can
// become a Progress later without changing its callers.
#pragma once

#include <QMutex>
#include <QString>

#include <atomic>

namespace newscoder {

class Progress
{
public:
    Progress() = default;
    Progress(const Progress &) = delete;
    Progress &operator=(const Progress &) = delete;

    // --- written by the work
    void setTotal(qint64 total) { m_total.store(total); }
    void addToTotal(qint64 units) { m_total.fetch_add(units); }
    void setDone(qint64 done) { m_done.store(done); }
    void report(qint64 done, qint64 total)
    {
        m_total.store(total);
        m_done.store(done);
    }
    // `units` more done; false once cancelled (the work should stop).
    bool step(qint64 units = 1)
    {
        m_done.fetch_add(units);
        return !isCancelled();
    }
    void setMessage(const QString &message);

    // --- read from any thread
    qint64 done() const { return m_done.load(); }
    qint64 total() const { return m_total.load(); }
    QString message() const;

    // --- cancel, from any thread; the work sees it at its next check
    void cancel() { m_cancel.store(true); }
    bool isCancelled() const { return m_cancel.load(); }
    const std::atomic_bool *cancelFlag() const { return &m_cancel; }

    // Adapters for the core's progress callbacks. The Progress must outlive them.
    auto reporter()
    {
        return [this](qint64 done, qint64 total) { report(done, total); };
    }
    auto reporterUntilCancelled()
    {
        return [this](qint64 done, qint64 total) {
            report(done, total);
            return !isCancelled();
        };
    }

private:
    std::atomic<qint64> m_done{0};
    std::atomic<qint64> m_total{0};
    std::atomic_bool m_cancel{false};
    mutable QMutex m_messageLock;
    QString m_message;
};

} // namespace newscoder
