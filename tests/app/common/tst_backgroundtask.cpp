// BackgroundTask: the work runs on another thread and its outcome arrives on
// the test's (the window's) thread; a cancelled task delivers no result
// unless it is told to; an error reaches this thread as failed(); a newer
// run drops the older; progress reaches progressed(). The worker is held
// with semaphores where order matters, never with sleeps.
#include "common/BackgroundTask.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace newscoder;

class TestBackgroundTask : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resultArrivesOnThisThread()
    {
        BackgroundTask task;
        QSignalSpy finished(&task, &BackgroundTask::finished);
        QThread *workThread = nullptr;
        QThread *resultThread = nullptr;
        int result = 0;
        task.start(
            [&workThread](Progress &progress) {
                workThread = QThread::currentThread();
                progress.report(1, 1);
                return 42;
            },
            [&](int value) {
                resultThread = QThread::currentThread();
                result = value;
            });
        QVERIFY(task.isRunning());
        QVERIFY(finished.wait(60000));
        QCOMPARE(result, 42);
        QCOMPARE(resultThread, QThread::currentThread());
        QVERIFY(workThread != nullptr);
        QVERIFY(workThread != QThread::currentThread());
        QVERIFY(!task.isRunning());
    }

    void cancelledTaskDeliversNoResult()
    {
        BackgroundTask task;
        QSignalSpy finished(&task, &BackgroundTask::finished);
        QSignalSpy cancelled(&task, &BackgroundTask::cancelled);
        QSignalSpy failed(&task, &BackgroundTask::failed);
        QSemaphore started, release;
        bool sawCancel = false;
        bool delivered = false;
        task.start(
            [&](Progress &progress) {
                started.release();
                release.acquire();
                sawCancel = progress.isCancelled();
                return QStringLiteral("found");
            },
            [&delivered](const QString &) { delivered = true; });
        QVERIFY(started.tryAcquire(1, 60000));
        task.cancel();
        QVERIFY(task.isCancelled());
        release.release();
        QVERIFY(finished.wait(60000));
        QVERIFY(sawCancel);
        QVERIFY(!delivered);
        QCOMPARE(cancelled.size(), 1);
        QCOMPARE(failed.size(), 0);
    }

    // Work that returns what it found so far (a search) is delivered after Cancel when asked.
    void cancelledTaskDeliversWhenAsked()
    {
        BackgroundTask task;
        task.setDeliversWhenCancelled(true);
        QSignalSpy finished(&task, &BackgroundTask::finished);
        QSignalSpy cancelled(&task, &BackgroundTask::cancelled);
        QSemaphore started, release;
        std::optional<bool> delivered;
        task.start(
            [&](Progress &progress) {
                started.release();
                release.acquire();
                return progress.isCancelled();
            },
            [&delivered](bool stoppedEarly) { delivered = stoppedEarly; });
        QVERIFY(started.tryAcquire(1, 60000));
        task.cancel();
        release.release();
        QVERIFY(finished.wait(60000));
        QCOMPARE(delivered, std::optional<bool>(true));
        QCOMPARE(cancelled.size(), 0);
    }

    void errorReachesThisThread()
    {
        BackgroundTask task;
        QSignalSpy finished(&task, &BackgroundTask::finished);
        QString message;
        QThread *failedThread = nullptr;
        bool delivered = false;
        connect(&task, &BackgroundTask::failed, this, [&](const QString &text) {
            message = text;
            failedThread = QThread::currentThread();
        });
        task.start(
            [](Progress &) -> int { throw StoreError(StoreError::Kind::Io, QStringLiteral("Cannot read the project.")); },
            [&delivered](int) { delivered = true; });
        QVERIFY(finished.wait(60000));
        QCOMPARE(message, QStringLiteral("Cannot read the project."));
        QCOMPARE(failedThread, QThread::currentThread());
        QVERIFY(!delivered);
    }

    void otherExceptionsFailToo()
    {
        BackgroundTask task;
        QSignalSpy failed(&task, &BackgroundTask::failed);
        task.start([](Progress &) -> int { throw std::runtime_error("out of range"); }, [](int) {});
        QVERIFY(failed.wait(60000));
        QCOMPARE(failed.first().first().toString(), QStringLiteral("out of range"));
    }

    // A reader that cannot be opened on the worker is a failure, not a crash.
    void unreadableProjectFails()
    {
        const QTemporaryDir dir;
        BackgroundTask task;
        QSignalSpy failed(&task, &BackgroundTask::failed);
        bool ran = false;
        task.startReading(
            ReaderSource(dir.filePath(QStringLiteral("missing.newscoder"))),
            [&ran](const ProjectReader &, Progress &) {
                ran = true;
                return 0;
            },
            [](int) {});
        QVERIFY(failed.wait(60000));
        QVERIFY(!ran);
        QVERIFY(!failed.first().first().toString().isEmpty());
    }

    void newerRunDropsTheOlder()
    {
        BackgroundTask task;
        QSignalSpy finished(&task, &BackgroundTask::finished);
        QSemaphore started, release, firstEnded;
        QList<int> results;
        bool firstSawCancel = false;
        task.start(
            [&](Progress &progress) {
                started.release();
                release.acquire();
                firstSawCancel = progress.isCancelled();
                firstEnded.release();
                return 1;
            },
            [&results](int value) { results << value; });
        QVERIFY(started.tryAcquire(1, 60000));
        task.start([](Progress &) { return 2; }, [&results](int value) { results << value; });
        release.release();
        QVERIFY(firstEnded.tryAcquire(1, 60000)); // the dropped run's worker is done with this frame
        QThreadPool::globalInstance()->waitForDone();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(results, QList<int>{2});
        QVERIFY(firstSawCancel);
        QCoreApplication::processEvents();
        QCOMPARE(finished.size(), 1);
    }

    void progressReachesThisThread()
    {
        BackgroundTask task;
        task.setProgressInterval(10);
        QSignalSpy progressed(&task, &BackgroundTask::progressed);
        QSignalSpy finished(&task, &BackgroundTask::finished);
        QSemaphore reported, release;
        task.start(
            [&](Progress &progress) {
                progress.report(3, 7);
                reported.release();
                release.acquire();
                return 0;
            },
            [](int) {});
        QVERIFY(reported.tryAcquire(1, 60000));
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(progressed.cbegin(), progressed.cend(),
                                             [](const QList<QVariant> &args) {
                                                 return args.at(0).toLongLong() == 3 && args.at(1).toLongLong() == 7;
                                             }),
                                 60000);
        release.release();
        QVERIFY(finished.wait(60000));
    }

    // abandon(): the run is cancelled and none of its signals or results arrive.
    void abandonedRunSaysNothing()
    {
        BackgroundTask task;
        task.setDeliversWhenCancelled(true);
        QSignalSpy finished(&task, &BackgroundTask::finished);
        QSignalSpy cancelled(&task, &BackgroundTask::cancelled);
        QSemaphore started, release, workEnded;
        bool delivered = false;
        task.start(
            [&](Progress &) {
                started.release();
                release.acquire();
                workEnded.release();
                return 0;
            },
            [&delivered](int) { delivered = true; });
        QVERIFY(started.tryAcquire(1, 60000));
        task.abandon();
        QVERIFY(!task.isRunning());
        release.release();
        QVERIFY(workEnded.tryAcquire(1, 60000));
        QThreadPool::globalInstance()->waitForDone();
        QCoreApplication::processEvents();
        QVERIFY(!delivered);
        QCOMPARE(finished.size(), 0);
        QCOMPARE(cancelled.size(), 0);
    }

    // A result callback that deletes the task's owner (and the task) is safe.
    void callbackMayDeleteTheTask()
    {
        auto *owner = new QObject;
        auto *task = new BackgroundTask(owner);
        QPointer<BackgroundTask> watched(task);
        bool delivered = false;
        task->start([](Progress &) { return 1; },
                    [&](int) {
                        delivered = true;
                        delete owner;
                    });
        QTRY_VERIFY_WITH_TIMEOUT(delivered, 60000);
        QVERIFY(watched.isNull());
    }

    // Destroying the task while its work runs neither waits nor delivers.
    void destroyedTaskDropsItsRun()
    {
        QSemaphore started, release, workEnded;
        bool delivered = false;
        auto progressSeen = std::make_shared<std::atomic_bool>(false);
        {
            BackgroundTask task;
            task.start(
                [&, progressSeen](Progress &progress) {
                    started.release();
                    release.acquire();
                    progressSeen->store(progress.isCancelled());
                    workEnded.release();
                    return 0;
                },
                [&delivered](int) { delivered = true; });
            QVERIFY(started.tryAcquire(1, 60000));
        }
        release.release();
        QVERIFY(workEnded.tryAcquire(1, 60000));
        QCoreApplication::processEvents();
        QVERIFY(progressSeen->load());
        QVERIFY(!delivered);
        QThreadPool::globalInstance()->waitForDone();
    }
};

QTEST_MAIN(TestBackgroundTask)
#include "tst_backgroundtask.moc"
