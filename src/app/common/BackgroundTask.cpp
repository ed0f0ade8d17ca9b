#include "common/BackgroundTask.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace newscoder {

struct BackgroundTask::Run
{
    std::shared_ptr<Progress> progress;
    std::shared_ptr<Failure> failure;
    std::function<void()> deliver;
    QPointer<QFutureWatcher<void>> watcher;
};

BackgroundTask::BackgroundTask(QObject *parent) : QObject(parent), m_poll(new QTimer(this))
{
    m_poll->setInterval(100);
    connect(m_poll, &QTimer::timeout, this, &BackgroundTask::pollProgress);
}

BackgroundTask::~BackgroundTask()
{
    abandon(); // without waiting: the worker stops early, its outcome goes nowhere
}

void BackgroundTask::setProgressInterval(int milliseconds)
{
    m_poll->setInterval(milliseconds);
}

void BackgroundTask::cancel()
{
    if (m_run)
        m_run->progress->cancel();
}

void BackgroundTask::abandon()
{
    if (!m_run)
        return;
    m_run->progress->cancel();
    if (m_run->watcher) {
        m_run->watcher->disconnect(this);
        m_run->watcher->deleteLater(); // does not wait for the worker
    }
    m_run.reset();
    m_poll->stop();
}

bool BackgroundTask::isCancelled() const
{
    return m_run && m_run->progress->isCancelled();
}

void BackgroundTask::waitForFinished()
{
    if (m_run && m_run->watcher)
        m_run->watcher->waitForFinished();
}

void BackgroundTask::launch(std::shared_ptr<Progress> progress, std::function<void()> work,
                            std::function<void()> deliver, std::shared_ptr<Failure> failure)
{
    abandon(); // a newer run wins: the older one stops early and is never heard of
    auto run = std::make_unique<Run>();
    run->progress = std::move(progress);
    run->failure = std::move(failure);
    run->deliver = std::move(deliver);
    // Not a child: a callback may delete this task while the watcher is still
    // emitting, so the watcher always goes with deleteLater().
    auto *watcher = new QFutureWatcher<void>;
    run->watcher = watcher;
    Run *const current = run.get();
    m_run = std::move(run);
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, current] { onWorkDone(current); });
    m_poll->start();
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

void BackgroundTask::onWorkDone(Run *run)
{
    if (run != m_run.get())
        return;
    const std::unique_ptr<Run> done = std::move(m_run); // a start() from a callback below begins a new run
    m_poll->stop();
    if (done->watcher)
        done->watcher->deleteLater();
    const QPointer<BackgroundTask> alive(this); // a callback may delete the task's owner, and with it the task
    if (done->progress->isCancelled() && !m_deliverWhenCancelled)
        Q_EMIT cancelled();
    else if (!done->failure->message.isEmpty())
        Q_EMIT failed(done->failure->message);
    else
        done->deliver();
    if (alive)
        Q_EMIT finished();
}

void BackgroundTask::pollProgress()
{
    if (m_run)
        Q_EMIT progressed(m_run->progress->done(), m_run->progress->total());
}

} // namespace newscoder
