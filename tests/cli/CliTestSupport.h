// Running newscoder-cli as a real process in the CLI tests.
#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTest>

namespace newscoder::test {

struct CliRun
{
    int exitCode = -1;
    QProcess::ExitStatus status = QProcess::CrashExit;
    QByteArray out;
    QByteArray err;

    bool ok() const { return status == QProcess::NormalExit && exitCode == 0; }
    QString describe() const
    {
        return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
            .arg(exitCode)
            .arg(QString::fromUtf8(out.left(2000)), QString::fromUtf8(err.left(2000)));
    }
};

// Runs newscoder-cli with `args`. A process that does not start or does not
// finish in time fails the running test (and is killed); its run never reads
// as a success (exit -1, CrashExit). A crash is exit -1 too.
inline CliRun runCli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(NEWSCODER_CLI_PATH), args);
    CliRun r;
    const bool started = p.waitForStarted(10000);
    if (!started || !p.waitForFinished(120000)) {
        const QString what = QStringLiteral("newscoder-cli %1 %2: %3")
                                 .arg(args.join(u' '), started ? QStringLiteral("did not finish in 120 s")
                                                               : QStringLiteral("did not start"),
                                      p.errorString());
        p.kill();
        p.waitForFinished();
        r.err = what.toUtf8();
        QTest::qFail(qPrintable(what), __FILE__, __LINE__);
        return r;
    }
    r.status = p.exitStatus();
    r.exitCode = r.status == QProcess::NormalExit ? p.exitCode() : -1; // a crash is never "exit 0"

    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

using Run = CliRun;

// runCli under the short name the tests use.
inline CliRun cli(const QStringList &args)
{
    return runCli(args);
}

inline QString describe(const CliRun &r)
{
    return r.describe();
}

// The keys of a JSON object, sorted, and a sorted list of names to compare them with.
inline QStringList sortedKeys(const QJsonObject &o)
{
    QStringList keys = o.keys();
    keys.sort();
    return keys;
}

inline QStringList keyList(std::initializer_list<const char *> names)
{
    QStringList keys;
    for (const char *n : names)
        keys << QString::fromLatin1(n);
    keys.sort();
    return keys;
}

// A UTF-8 literal (the tests' texts hold non-ASCII characters).
inline QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// SHA-256 of a file's bytes ("" when it cannot be read): "the file stayed the same".
inline QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

// A run's standard output as JSON.
inline QJsonDocument json(const CliRun &run)
{
    return QJsonDocument::fromJson(run.out);
}

// The first object of a JSON list that `matches` (an empty object when none does).
template<typename Match>
QJsonObject firstObject(const QJsonArray &list, Match matches)
{
    for (const QJsonValue &v : list) {
        if (matches(v))
            return v.toObject();
    }
    return {};
}

// The first object of a JSON list whose `key` is `value`.
inline QJsonObject objectWith(const QJsonArray &list, const char *key, const QString &value)
{
    return firstObject(list, [&](const QJsonValue &v) { return v[QLatin1String(key)].toString() == value; });
}

} // namespace newscoder::test
