#pragma once
// Runs durability_helper (tests/core/durability_helper.cpp) to its end — an
// exit or the kill point named by NEWSCODER_TEST_KILL_AT — for the crash tests.
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace newscoder::test {

struct HelperRun
{
    QProcess::ExitStatus status = QProcess::NormalExit;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool killed() const { return status == QProcess::CrashExit; }
    QString describe() const
    {
        return QStringLiteral("%1 %2\nstdout: %3\nstderr: %4")
            .arg(killed() ? QStringLiteral("crashed") : QStringLiteral("exit"))
            .arg(exitCode)
            .arg(QString::fromUtf8(out), QString::fromUtf8(err));
    }
};

inline HelperRun runHelper(const QString &program, const QStringList &args, const QString &killAt)
{
    QProcess helper;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NEWSCODER_TEST_KILL_AT"), killAt);
    helper.setProcessEnvironment(env);
    helper.start(program, args);
    HelperRun run;
    if (!helper.waitForStarted(10000) || !helper.waitForFinished(60000)) {
        helper.kill();
        helper.waitForFinished();
        run.err = "did not finish";
        return run;
    }
    run.status = helper.exitStatus();
    run.exitCode = helper.exitCode();
    run.out = helper.readAllStandardOutput();
    run.err = helper.readAllStandardError();
    return run;
}

} // namespace newscoder::test
