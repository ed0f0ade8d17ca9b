// Progress: totals and done counts as the work reports them, the message,
// the adapters handed to the core's callbacks, and a cancel made on another
// thread that the working thread sees (synchronised by semaphores, not timed).
#include "tasks/Progress.h"

#include <QSemaphore>
#include <QThread>
#include <QtTest>

#include <functional>

using namespace newscoder;

class TestProgress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsAtNothingNotCancelled()
    {
        const Progress progress;
        QCOMPARE(progress.done(), 0);
        QCOMPARE(progress.total(), 0);
        QVERIFY(!progress.isCancelled());
        QVERIFY(!progress.cancelFlag()->load());
        QVERIFY(progress.message().isEmpty());
    }

    void countsTotalsAndSteps()
    {
        Progress progress;
        progress.setTotal(10);
        progress.addToTotal(5);
        QCOMPARE(progress.total(), 15);
        QVERIFY(progress.step());
        QVERIFY(progress.step(3));
        QCOMPARE(progress.done(), 4);
        progress.report(7, 20);
        QCOMPARE(progress.done(), 7);
        QCOMPARE(progress.total(), 20);
        progress.setDone(9);
        QCOMPARE(progress.done(), 9);
        progress.setMessage(QStringLiteral("Reading the projects…"));
        QCOMPARE(progress.message(), QStringLiteral("Reading the projects…"));
    }

    // Totals beyond int (a merge counts units in qint64).
    void holdsLargeCounts()
    {
        Progress progress;
        const qint64 big = qint64(1) << 40;
        progress.report(big - 1, big);
        QCOMPARE(progress.done(), big - 1);
        QCOMPARE(progress.total(), big);
    }

    void adaptersReportAndAnswerCancel()
    {
        Progress progress;
        const std::function<void(int, int)> plain = progress.reporter();
        plain(2, 8);
        QCOMPARE(progress.done(), 2);
        QCOMPARE(progress.total(), 8);
        const std::function<bool(qint64, qint64)> goOn = progress.reporterUntilCancelled();
        QVERIFY(goOn(3, 8));
        progress.cancel();
        QVERIFY(!goOn(4, 8));
        QCOMPARE(progress.done(), 4); // still reported
        QVERIFY(!progress.step());
        QVERIFY(progress.cancelFlag()->load());
    }

    // The work runs on its own thread and checks the flag between units; the
    // test thread cancels after the first unit and the work stops at the next.
    void cancelFromAnotherThread()
    {
        Progress progress;
        QSemaphore firstUnitDone, cancelled;
        qint64 unitsDone = 0;
        std::unique_ptr<QThread> worker(QThread::create([&] {
            progress.setTotal(1000);
            for (int i = 0; i < 1000; ++i) {
                if (!progress.step())
                    break;
                ++unitsDone;
                if (i == 0) {
                    firstUnitDone.release();
                    cancelled.acquire(); // the other thread cancels now
                }
            }
            progress.setMessage(QStringLiteral("stopped"));
        }));
        worker->start();
        QVERIFY(firstUnitDone.tryAcquire(1, 60000));
        QVERIFY(!progress.isCancelled());
        progress.cancel();
        cancelled.release();
        QVERIFY(worker->wait(60000));
        QCOMPARE(unitsDone, 1);
        QCOMPARE(progress.done(), 2); // the step that answered "stop" was counted
        QCOMPARE(progress.total(), 1000);
        QCOMPARE(progress.message(), QStringLiteral("stopped"));
    }

    // Several threads report at once: no unit is lost.
    void stepsFromSeveralThreadsAddUp()
    {
        Progress progress;
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back(QThread::create([&progress] {
                progress.addToTotal(500);
                for (int i = 0; i < 500; ++i)
                    progress.step();
            }));
            threads.back()->start();
        }
        for (auto &thread : threads)
            QVERIFY(thread->wait(60000));
        QCOMPARE(progress.done(), 2000);
        QCOMPARE(progress.total(), 2000);
    }
};

QTEST_GUILESS_MAIN(TestProgress)
#include "tst_progress.moc"
