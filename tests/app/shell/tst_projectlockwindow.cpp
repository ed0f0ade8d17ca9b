// The window and the project lock: a project another writer holds is offered
// read-only with the holder named; a lock left by a crashed process is cleared
// and the status bar says so.
#include "common/Prompt.h"
#include "io/CodebookJson.h"
#include "shell/MainWindow.h"
#include "shell/ProjectSession.h"

#include <QApplication>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace newscoder;

class TestProjectLockWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); } // recent files

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(QStringLiteral("w.newscoder"));
        Project::create(m_path, defaultNewsCodebook()).reset();
    }

    void aHeldProjectIsOfferedReadOnlyNamingItsHolder()
    {
        auto holder = Project::open(m_path); // another Newscoder editing it
        const QString named = QStringLiteral("process %1 on %2").arg(QCoreApplication::applicationPid())
                                  .arg(QSysInfo::machineHostName());
        MainWindow window;
        window.setInteractive(true);
        ScriptedPrompt prompt; // answers the lock offer: option 0 opens read-only
        prompt.chooseOption(0);
        QVERIFY(window.openProject(m_path));
        QCOMPARE(prompt.asked.size(), 1);
        const QString asked = prompt.asked.first().text;
        QVERIFY2(asked.contains(named) && asked.contains(QStringLiteral("Open it read-only?")), qPrintable(asked));
        QVERIFY(window.session());
        QVERIFY(window.session()->project().isReadOnly());
        QCOMPARE(window.session()->project().codes().size(), defaultNewsCodebook().size());
    }

    void aHeldProjectIsRefusedWithItsHolderWhenNotInteractive()
    {
        auto holder = Project::open(m_path);
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(!window.openProject(m_path));
        QVERIFY(window.session() == nullptr);
        const QString shown = window.statusBar()->currentMessage();
        QVERIFY2(shown.contains(QStringLiteral("process %1").arg(QCoreApplication::applicationPid())), qPrintable(shown));
    }

    void aCrashedSessionsLockIsClearedAndSaid()
    {
        QFile lock(m_path + QStringLiteral(".lock"));
        QVERIFY(lock.open(QIODevice::WriteOnly)); // empty: its writer died before writing
        lock.close();
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.openProject(m_path));
        QVERIFY(!window.session()->project().isReadOnly());
        const QString shown = window.statusBar()->currentMessage();
        QVERIFY2(shown.startsWith(QStringLiteral("A stale lock of ")) && shown.contains(QStringLiteral("was cleared")),
                 qPrintable(shown));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

QTEST_MAIN(TestProjectLockWindow)
#include "tst_projectlockwindow.moc"
