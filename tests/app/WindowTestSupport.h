// Helpers shared by the window tests: settings of their own and a shown window.
#pragma once

#include "shell/AppData.h"
#include "shell/MainWindow.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSize>
#include <QStandardPaths>
#include <QTest>

namespace newscoder::test {

// QSettings and standard paths of the test's own, never the user's.
inline void useTestSettings(const char *testName)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("NewscoderTests"));
    QCoreApplication::setApplicationName(QString::fromLatin1(testName));
}

// useTestSettings, with QSettings in `folder` too (a temporary one); false
// when QSettings would write anywhere else.
inline bool useTestSettingsIn(const QString &folder, const char *testName)
{
    useTestSettings(testName);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, folder);
    return QSettings().fileName().startsWith(folder);
}

// A fresh copy of the sample project as `name` in `folder`; "" when it cannot be made.
inline QString sampleCopy(const QString &folder, const QString &name)
{
    const QString path = QDir(folder).filePath(name);
    QFile::remove(path);
    return QFile::copy(shell::sampleTemplate(), path) ? path : QString();
}

// Opens `path` in `window` (errors to the status bar, no dialogs) and shows
// it at `size`; false when the project did not open or the window not show.
inline bool openAndShow(MainWindow &window, const QString &path, QSize size = QSize(1200, 800))
{
    window.setInteractive(false);
    if (!window.openProject(path))
        return false;
    window.resize(size);
    window.show();
    return QTest::qWaitForWindowExposed(&window);
}

} // namespace newscoder::test
