// newscoder-cli killed (SIGKILL through the NEWSCODER_TEST_KILL_AT seam) at the
// two crash windows of issue 23: inside `new`, and right after a writer made
// its lock file. Afterwards the folder has a complete project or none, and the
// next writer can write.
#include "CliTestSupport.h"
#include "io/CodebookJson.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;
using newscoder::test::CliRun;
using newscoder::test::runCli;

namespace {

// runCli with the kill seam set.
CliRun runCliKilledAt(const QString &killAt, const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NEWSCODER_TEST_KILL_AT"), killAt);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(NEWSCODER_CLI_PATH), args);
    CliRun r;
    if (!p.waitForStarted(10000) || !p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        r.err = "did not finish: " + p.errorString().toUtf8();
        return r;
    }
    r.status = p.exitStatus();
    r.exitCode = r.status == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QStringList leftovers(const QString &folder)
{
    return QDir(folder).entryList({QStringLiteral(".newscoder-new-*")}, QDir::Files | QDir::Hidden | QDir::System);
}

int codebookSize(const QString &project)
{
    const CliRun r = runCli({QStringLiteral("codebook"), project, QStringLiteral("--json")});
    if (!r.ok())
        return -1;
    const CodebookReadResult read = readCodebookJson(r.out);
    return read.error.isEmpty() ? int(read.codes.size()) : -1;
}

QStringList actorNames(const QString &project)
{
    const CliRun r = runCli({QStringLiteral("actors"), project, QStringLiteral("--json")});
    QStringList names;
    for (const QJsonValue &v : QJsonDocument::fromJson(r.out).array())
        names << v.toObject().value(QStringLiteral("name")).toString();
    return names;
}

} // namespace

class TestCliCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedNewLeavesACompleteProjectOrNone_data()
    {
        QTest::addColumn<QString>("killAt");
        QTest::addColumn<bool>("fileExists");
        QTest::newRow("building") << QStringLiteral("create-in-transaction") << false;
        QTest::newRow("before the rename") << QStringLiteral("create-before-rename") << false;
        QTest::newRow("after the rename") << QStringLiteral("create-after-rename") << true;
    }

    void killedNewLeavesACompleteProjectOrNone()
    {
        QFETCH(QString, killAt);
        QFETCH(bool, fileExists);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("t.newscoder"));
        const CliRun killed = runCliKilledAt(killAt, {QStringLiteral("new"), path});
        QVERIFY2(killed.status == QProcess::CrashExit, qPrintable(killed.describe()));
        QCOMPARE(QFileInfo::exists(path), fileExists);
        if (!fileExists) {
            QVERIFY(!leftovers(dir.path()).isEmpty());
            const CliRun again = runCli({QStringLiteral("new"), path});
            QVERIFY2(again.ok(), qPrintable(again.describe()));
        }
        QCOMPARE(leftovers(dir.path()), QStringList()); // the dead process's files are gone
        QCOMPARE(codebookSize(path), defaultNewsCodebook().size());
        const CliRun add = runCli({QStringLiteral("actor-add"), path, QStringLiteral("Ana Reyes")});
        QVERIFY2(add.ok(), qPrintable(add.describe()));
        QCOMPARE(actorNames(path), QStringList{QStringLiteral("Ana Reyes")});
    }

    void killedNewWithAnEmptyCodebookStaysEmpty()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("e.newscoder"));
        const CliRun killed = runCliKilledAt(QStringLiteral("create-after-rename"),
                                             {QStringLiteral("new"), path, QStringLiteral("--empty")});
        QVERIFY2(killed.status == QProcess::CrashExit, qPrintable(killed.describe()));
        QCOMPARE(codebookSize(path), 0);
    }

    void writerKilledAroundItsLockDoesNotLockOut_data()
    {
        QTest::addColumn<QString>("killAt");
        QTest::addColumn<bool>("emptyLockFile");
        QTest::newRow("lock file created, nothing written") << QStringLiteral("lock-after-create") << true;
        QTest::newRow("lock written") << QStringLiteral("lock-after-write") << false;
    }

    void writerKilledAroundItsLockDoesNotLockOut()
    {
        QFETCH(QString, killAt);
        QFETCH(bool, emptyLockFile);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("p.newscoder"));
        QVERIFY(runCli({QStringLiteral("new"), path}).ok());
        const CliRun killed = runCliKilledAt(killAt, {QStringLiteral("actor-add"), path, QStringLiteral("X")});
        QVERIFY2(killed.status == QProcess::CrashExit, qPrintable(killed.describe()));
        const QString lock = path + QStringLiteral(".lock");
        QVERIFY(QFileInfo::exists(lock));
        QCOMPARE(QFileInfo(lock).size() == 0, emptyLockFile);

        const CliRun next = runCli({QStringLiteral("actor-add"), path, QStringLiteral("Y")});
        QVERIFY2(next.ok(), qPrintable(next.describe()));
        const QString said = QString::fromUtf8(next.err);
        QVERIFY2(said.startsWith(QStringLiteral("A stale lock of ")) && said.contains(QStringLiteral("was cleared")),
                 qPrintable(said));
        if (!emptyLockFile)
            QVERIFY2(said.contains(QStringLiteral("newscoder-cli, process ")), qPrintable(said));
        QCOMPARE(actorNames(path), QStringList{QStringLiteral("Y")}); // X was never written
        QVERIFY(!QFileInfo::exists(lock));
        const CliRun quiet = runCli({QStringLiteral("actor-add"), path, QStringLiteral("Z")});
        QVERIFY2(quiet.ok() && quiet.err.isEmpty(), qPrintable(quiet.describe()));
    }
};

QTEST_GUILESS_MAIN(TestCliCrash)
#include "tst_cli_crash.moc"
