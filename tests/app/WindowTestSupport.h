// Helpers shared by the window tests: settings of their own and a shown window.
#pragma once

#include "MainWindow.h"

#include <QCoreApplication>
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
