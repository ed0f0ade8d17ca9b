// Runs one piece of work on a worker thread (Qt's global thread pool) and
// brings its outcome back to the thread this object lives on (the window's):
// the one place of the app's worker plumbing.
//
// The work gets a core Progress to report to and to check for Cancel; a
// timer on this object's thread turns it into progressed() for a progress
// bar or dialog. startReading() opens the work's own read-only reader of the
// project from a ReaderSource (a store belongs to the thread that opened it).
// When the work is done, exactly one of these happens here, then finished():
// - cancelled(): cancel() was called, and the task drops results when
//   cancelled (the default). The work's result, if any, is thrown away;
// - failed(message): the work threw (a StoreError or another exception);
// - the onResult callback is called with the result (also after a cancel
//   when setDeliversWhenCancelled(true): work that returns what it found so
//   far, such as a search that says "Cancelled after 12 articles").
// start() while a run is going drops that run (it is cancelled, its outcome
// never arrives). Destroying the task cancels its run and drops it without
// waiting: the worker holds only the Progress and its own copies.
#pragma once

#include "storage/ProjectReader.h"
#include "storage/StoreError.h"
#include "tasks/Progress.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

class QTimer;

namespace newscoder {

class BackgroundTask final : public QObject
{
    Q_OBJECT

public:
    explicit BackgroundTask(QObject *parent = nullptr);
    ~BackgroundTask() override;

    // Runs `work(Progress &)` on a worker; `onResult(result)` on this object's thread.
    template <typename Work, typename OnResult> void start(Work work, OnResult onResult);
    // The same with `work(const ProjectReader &, Progress &)` on a reader
    // opened on the worker from `source`; failing to open it is failed().
    template <typename Work, typename OnResult>
    void startReading(const ReaderSource &source, Work work, OnResult onResult)
    {
        start(
            [source, work = std::move(work)](Progress &progress) mutable {
                const std::unique_ptr<ProjectReader> reader = source.open();
                return work(*reader, progress);
            },
            std::move(onResult));
    }

    // Asks the running work to stop (it sees progress.isCancelled()).
    void cancel();
    // Cancels the running work and drops it at once: none of its signals or
    // its result will arrive (a window that closes its project).
    void abandon();
    bool isRunning() const { return m_run != nullptr; }
    // Of the current run (false when none runs).
    bool isCancelled() const;
    // Blocks until the current run's work is done; its outcome still arrives
    // through the event loop.
    void waitForFinished();

    void setDeliversWhenCancelled(bool deliver) { m_deliverWhenCancelled = deliver; }
    // How often progressed() is emitted while the work runs (default 100 ms).
    void setProgressInterval(int milliseconds);

Q_SIGNALS:
    void progressed(qint64 done, qint64 total);
    void cancelled();
    void failed(const QString &message);
    void finished();

private:
    struct Run;
    // What the worker leaves for this thread: set before the work ends.
    struct Failure
    {
        QString message;
    };

    void launch(std::shared_ptr<Progress> progress, std::function<void()> work, std::function<void()> deliver,
                std::shared_ptr<Failure> failure);
    void onWorkDone(Run *run);
    void pollProgress();

    template <typename Work> static void runCatching(Work &work, Failure &failure)
    {
        try {
            work();
        } catch (const StoreError &e) {
            failure.message = e.message();
        } catch (const std::exception &e) {
            failure.message = QString::fromLocal8Bit(e.what());
        }
    }

    std::unique_ptr<Run> m_run;
    QTimer *m_poll = nullptr;
    bool m_deliverWhenCancelled = false;
};

template <typename Work, typename OnResult> void BackgroundTask::start(Work work, OnResult onResult)
{
    using Result = std::decay_t<std::invoke_result_t<Work &, Progress &>>;
    auto progress = std::make_shared<Progress>();
    auto result = std::make_shared<std::optional<Result>>();
    auto failure = std::make_shared<Failure>();
    launch(
        progress,
        [work = std::move(work), progress, result, failure]() mutable {
            auto body = [&] { result->emplace(work(*progress)); };
            runCatching(body, *failure);
        },
        [result, onResult = std::move(onResult)]() mutable {
            if (result->has_value())
                onResult(std::move(**result));
        },
        failure);
}

} // namespace newscoder
