// Durability: an annotation a process added is in the file even when that
// process is killed with SIGKILL right after addAnnotation returned, and the
// dead process's lock does not keep the project from being opened again.
// Crash windows of create and open: a process killed (SIGKILL, through the
// NEWSCODER_TEST_KILL_AT seam) at each moment of creating a project or of
// taking its lock leaves a complete project or none, and a writer that can write.
#include "../CoreTestSupport.h"
#include "../HelperProcess.h"
#include "../ProjectSnapshot.h"

#include "storage/CreationLeftovers.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;
using namespace newscoder::test;

namespace {

// Runs the helper to its end (exit or the kill point), `killAt` set as its seam.
HelperRun runHelper(const QStringList &args, const QString &killAt)
{
    return test::runHelper(QStringLiteral(DURABILITY_HELPER), args, killAt);
}

QStringList creationLeftovers(const QString &folder)
{
    return folderEntries(folder).filter(QStringLiteral(".newscoder-new-"));
}

// The project at `path` opens for writing, has the whole default codebook,
// and takes a write.
void verifyCompleteAndWritable(const QString &path)
{
    auto project = Project::open(path, ProjectAccess::ReadWrite);
    QCOMPARE(project->codes().size(), defaultNewsCodebook().size());
    QVERIFY(!project->codes().isEmpty());
    const QList<QUuid> ids = project->importDocuments({makeDocument(QStringLiteral("After the crash"), PlainText)});
    QCOMPARE(ids.size(), 1);
    project->setCoderName(QStringLiteral("After"));
    QVERIFY(project->addAnnotation(ids.first(), project->codes().first().id, 0, 8));
    QCOMPARE(project->reader().annotationCount(), 1);
}

} // namespace

class TestDurability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(QFileInfo::exists(QStringLiteral(DURABILITY_HELPER)), DURABILITY_HELPER); }

    // A process killed (SIGKILL) when a 2,000-article import is written but
    // not committed leaves the project exactly as it was, and writable; the
    // same import run to its end is all there.
    void importKilledBeforeCommitLeavesNothing()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("import-killed.newscoder"));
        Project::create(path, defaultNewsCodebook()).reset();
        const ProjectSnapshot before = ProjectSnapshot::take(path);
        QVERIFY2(before.error().isEmpty(), qPrintable(before.error()));
        const HelperRun killed = runHelper({QStringLiteral("--import"), path, QStringLiteral("2000")},
                                           QStringLiteral("before-commit"));
        QVERIFY2(killed.killed(), qPrintable(killed.describe()));
        const ProjectSnapshot after = ProjectSnapshot::take(path);
        QVERIFY2(after == before, qPrintable(ProjectSnapshot::diff(before, after)));
        verifyCompleteAndWritable(path);

        const QString whole = dir.filePath(QStringLiteral("import-whole.newscoder"));
        Project::create(whole, defaultNewsCodebook()).reset();
        const HelperRun done = runHelper({QStringLiteral("--import"), whole, QStringLiteral("2000")}, QString());
        QVERIFY2(!done.killed() && done.exitCode == 0 && done.out.contains("imported"), qPrintable(done.describe()));
        QCOMPARE(Project::open(whole)->reader().documentCount(), 2000);
    }

    void annotationSurvivesSigkill_data()
    {
        QTest::addColumn<QString>("coder");
        QTest::newRow("existing coder") << QStringLiteral("Alex Example");
        QTest::newRow("new coder \U0001F9EA") << QStringLiteral("Kim \U0001F9EA Beispiel");
    }

    void annotationSurvivesSigkill()
    {
        QFETCH(QString, coder);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString path;
        QUuid existing;
        {
            ProjectFixture fx(dir.path()); // closed again before the helper starts
            path = fx.path;
            existing = *fx.project->addAnnotation(fx.nonBmpDoc, fx.codeId(QStringLiteral("Claim")), 10, 12);
        }

        QProcess helper;
        helper.setProcessChannelMode(QProcess::SeparateChannels);
        helper.start(QStringLiteral(DURABILITY_HELPER), {path, coder});
        QVERIFY2(helper.waitForStarted(10000), qPrintable(helper.errorString()));
        QByteArray out;
        QElapsedTimer timer;
        timer.start();
        while (!out.contains('\n') && timer.elapsed() < 30000 && helper.state() == QProcess::Running) {
            helper.waitForReadyRead(1000);
            out += helper.readAllStandardOutput();
        }
        QVERIFY2(out.startsWith("done "), qPrintable(QString::fromUtf8(out + helper.readAllStandardError())));
        const QUuid id = QUuid::fromString(QString::fromUtf8(out.mid(5).trimmed()));
        QVERIFY(!id.isNull());

        // While it lives, it holds the write lock: cross-process locking works.
        try {
            ProjectStore::open(path);
            QFAIL("the helper still has the project open for writing");
        } catch (const StoreError &e) {
            QCOMPARE(e.kind(), StoreError::Kind::Locked);
        }

        helper.kill(); // SIGKILL: no destructors, no checkpoint, no unlock
        QVERIFY(helper.waitForFinished(10000));
        QCOMPARE(helper.exitStatus(), QProcess::CrashExit);
        QVERIFY(QFileInfo::exists(path + QStringLiteral(".lock"))); // left behind by the dead process

        // Reopened for writing: the stale lock does not block, the annotation is there.
        auto project = Project::open(path, ProjectAccess::ReadWrite);
        const auto a = project->reader().annotation(id);
        QVERIFY(a);
        QCOMPARE(a->memo, QStringLiteral("written before SIGKILL"));
        QCOMPARE(a->start, 0);
        QCOMPARE(a->end, 8);
        QCOMPARE(project->coderNameFor(a->coderId), coder);
        QVERIFY(project->reader().annotation(existing));
        QCOMPARE(project->reader().annotationCount(), 2);
        // And the project is fully writable again.
        project->setCoderName(QStringLiteral("After"));
        QVERIFY(project->addAnnotation(a->documentId, a->codeId, 1, 3));
    }

    void creationKilledLeavesACompleteProjectOrNone_data()
    {
        QTest::addColumn<QString>("killAt");
        QTest::addColumn<bool>("fileExists");
        QTest::newRow("building (schema and codebook written, not committed)")
            << QStringLiteral("create-in-transaction") << false;
        QTest::newRow("built, before the rename") << QStringLiteral("create-before-rename") << false;
        QTest::newRow("right after the rename") << QStringLiteral("create-after-rename") << true;
    }

    void creationKilledLeavesACompleteProjectOrNone()
    {
        QFETCH(QString, killAt);
        QFETCH(bool, fileExists);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("new.newscoder"));

        const HelperRun run = runHelper({QStringLiteral("--create"), path}, killAt);
        QVERIFY2(run.killed(), qPrintable(run.describe()));
        QCOMPARE(QFileInfo::exists(path), fileExists);
        if (fileExists) {
            QCOMPARE(creationLeftovers(dir.path()), QStringList());
            verifyCompleteAndWritable(path);
            return;
        }
        // The interrupted creation left its temporary file (and journal)...
        const QStringList left = creationLeftovers(dir.path());
        QVERIFY2(!left.isEmpty(), qPrintable(folderEntries(dir.path()).join(u", ")));
        if (killAt == QLatin1String("create-in-transaction"))
            QVERIFY2(left.filter(QStringLiteral("-journal")).size() == 1, qPrintable(left.join(u", ")));
        // ...which "new" again removes (its process is dead), and the project
        // it makes is complete.
        Project::create(path, defaultNewsCodebook()).reset();
        QCOMPARE(creationLeftovers(dir.path()), QStringList());
        verifyCompleteAndWritable(path);
    }

    void killedWhileTakingTheLockDoesNotLockOut_data()
    {
        QTest::addColumn<QString>("killAt");
        QTest::addColumn<bool>("emptyLockFile");
        QTest::newRow("lock file created, nothing written") << QStringLiteral("lock-after-create") << true;
        QTest::newRow("lock taken and written") << QStringLiteral("lock-after-write") << false;
    }

    void killedWhileTakingTheLockDoesNotLockOut()
    {
        QFETCH(QString, killAt);
        QFETCH(bool, emptyLockFile);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("p.newscoder"));
        Project::create(path, defaultNewsCodebook()).reset();
        const QString lockPath = path + QStringLiteral(".lock");
        QVERIFY(!QFileInfo::exists(lockPath));

        const HelperRun run = runHelper({QStringLiteral("--open"), path}, killAt);
        QVERIFY2(run.killed(), qPrintable(run.describe()));
        QVERIFY(QFileInfo::exists(lockPath)); // left behind by the dead process
        QCOMPARE(QFileInfo(lockPath).size() == 0, emptyLockFile);

        {
            auto store = ProjectStore::open(path, ProjectAccess::ReadWrite);
            const QString notice = store->lockNotice();
            QVERIFY2(notice.contains(QStringLiteral("stale lock")) && notice.contains(QStringLiteral("was cleared")),
                     qPrintable(notice));
            if (!emptyLockFile) // the file named the dead process
                QVERIFY2(notice.contains(QStringLiteral("durability_helper, process ")), qPrintable(notice));
            // Now it is ours: a second writer is refused and told who holds it.
            try {
                ProjectStore::open(path, ProjectAccess::ReadWrite);
                QFAIL("the lock was not taken over");
            } catch (const StoreError &e) {
                QCOMPARE(e.kind(), StoreError::Kind::Locked);
                const QString pid = QString::number(QCoreApplication::applicationPid());
                QVERIFY2(e.message().contains(QStringLiteral("process ") + pid), qPrintable(e.message()));
            }
        }
        QVERIFY(!QFileInfo::exists(lockPath)); // closing removed it
        verifyCompleteAndWritable(path);
    }

    void aLiveHolderIsNamedAndItsDeathFreesTheProject()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("held.newscoder"));
        Project::create(path, defaultNewsCodebook()).reset();

        QProcess helper;
        helper.start(QStringLiteral(DURABILITY_HELPER), {QStringLiteral("--open"), path});
        QVERIFY2(helper.waitForStarted(10000), qPrintable(helper.errorString()));
        QByteArray out;
        QElapsedTimer timer;
        timer.start();
        while (!out.contains('\n') && timer.elapsed() < 30000 && helper.state() == QProcess::Running) {
            helper.waitForReadyRead(1000);
            out += helper.readAllStandardOutput();
        }
        QVERIFY2(out.startsWith("opened"), qPrintable(QString::fromUtf8(out + helper.readAllStandardError())));
        const QString holder = QStringLiteral("durability_helper, process %1 on %2")
                                   .arg(helper.processId())
                                   .arg(QSysInfo::machineHostName());
        try {
            ProjectStore::open(path, ProjectAccess::ReadWrite);
            QFAIL("the helper holds the lock");
        } catch (const StoreError &e) {
            QCOMPARE(e.kind(), StoreError::Kind::Locked);
            QVERIFY2(e.message().contains(holder), qPrintable(e.message()));
            QVERIFY2(e.message().contains(QStringLiteral("read-only")), qPrintable(e.message()));
        }
        QCOMPARE(reader(path)->codes().size(), defaultNewsCodebook().size()); // readers are welcome

        helper.kill();
        QVERIFY(helper.waitForFinished(10000));
        auto store = ProjectStore::open(path, ProjectAccess::ReadWrite);
        QVERIFY2(store->lockNotice().contains(holder), qPrintable(store->lockNotice()));
    }
};

QTEST_GUILESS_MAIN(TestDurability)
#include "tst_durability.moc"
