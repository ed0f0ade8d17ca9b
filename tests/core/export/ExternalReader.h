// Reading exports back with an independent reader: Debian's /usr/bin/python3
// (csv, json, openpyxl, pandas) run as a process. Absent readers skip the
// test, except in CI (CI=true), where they fail it.
#pragma once

#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTest>

namespace newscoder::test {

inline const QString DebianPython = QStringLiteral("/usr/bin/python3");

inline bool runningInCi()
{
    return qEnvironmentVariable("CI") == QLatin1String("true");
}

// Whether `module` imports in Debian's python3.
inline bool pythonHas(const QString &module)
{
    if (!QFileInfo::exists(DebianPython))
        return false;
    QProcess p;
    p.start(DebianPython, {QStringLiteral("-c"), QStringLiteral("import ") + module});
    return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// Runs `script` (argv[1..] = `args`); its stdout must be JSON. Empty document + `error` on failure.
inline QJsonDocument runPythonJson(const QString &script, const QStringList &args, QString *error)
{
    QProcess p;
    p.start(DebianPython, QStringList{QStringLiteral("-c"), script} + args);
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QString::fromUtf8(p.readAllStandardError());
        return {};
    }
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(p.readAllStandardOutput(), &parse);
    if (parse.error != QJsonParseError::NoError)
        *error = parse.errorString();
    return doc;
}

} // namespace newscoder::test

// Skips when the reader is missing outside CI; fails inside CI.
#define REQUIRE_PYTHON_MODULE(module)                                                                          \
    do {                                                                                                       \
        if (!newscoder::test::pythonHas(QStringLiteral(module))) {                                             \
            if (newscoder::test::runningInCi())                                                                \
                QFAIL("Python module " module " (Debian package) is missing and CI=true");                    \
            QSKIP("Python module " module " is not installed (Debian /usr/bin/python3)");                     \
        }                                                                                                      \
    } while (false)

// Declares `var` as the path of the executable `name` (from the Debian
// package `package`); skips when it is missing outside CI, fails inside CI.
#define REQUIRE_EXECUTABLE(var, name, package)                                                                  \
    const QString var = QStandardPaths::findExecutable(QStringLiteral(name));                                  \
    do {                                                                                                       \
        if (var.isEmpty()) {                                                                                   \
            if (newscoder::test::runningInCi())                                                                \
                QFAIL(name " (Debian package " package ") is missing and CI=true");                           \
            QSKIP(name " is not installed");                                                                   \
        }                                                                                                      \
    } while (false)
