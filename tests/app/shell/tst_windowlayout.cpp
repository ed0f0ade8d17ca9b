// The window's layout (src/app/shell/MainWindow.cpp): every dock a coder
// showed comes back with the saved layout — the review docks too, "My
// Differences From the Consensus" among them — and, while no project is open,
// the welcome screen stands alone: no empty article list, codebook or
// annotation pane beside it; the layout returns when a project opens.
#include "../WindowTestSupport.h"
#include "shell/AppData.h"
#include "shell/MainWindow.h"
#include "shell/WelcomeScreen.h"

#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;

class WindowLayoutTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_settingsDir;
    QTemporaryDir m_projects;

    QString sampleCopy(const QString &name) { return test::sampleCopy(m_projects.path(), name); }

    static QDockWidget *dock(const MainWindow &window, const char *name)
    {
        return window.findChild<QDockWidget *>(QLatin1String(name));
    }

    // The docks shown in `window` (object names), sorted.
    static QStringList shownDocks(const MainWindow &window)
    {
        QStringList names;
        for (QDockWidget *d : window.findChildren<QDockWidget *>()) {
            if (d->isVisible())
                names << d->objectName();
        }
        names.sort();
        return names;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        QVERIFY(test::useTestSettingsIn(m_settingsDir.path(), "tst_windowlayout"));
        QVERIFY2(!shell::sampleTemplate().isEmpty(), "the build makes share/newscoder/sample.newscoder");
    }

    void init() { QSettings().clear(); }

    void everyDockHasAName()
    {
        MainWindow window;
        const QList<QDockWidget *> docks = window.findChildren<QDockWidget *>();
        QVERIFY(docks.size() >= 5);
        QStringList names;
        for (QDockWidget *d : docks) {
            QVERIFY2(!d->objectName().isEmpty(), qPrintable(d->windowTitle())); // saveState() skips it otherwise
            QVERIFY2(!names.contains(d->objectName()), qPrintable(d->objectName()));
            names << d->objectName();
        }
    }

    void theConsensusDocksComeBack()
    {
        QStringList shown;
        {
            MainWindow window;
            QVERIFY(test::openAndShow(window, sampleCopy(QStringLiteral("a.newscoder"))));
            auto *mine = window.findChild<QAction *>(QStringLiteral("actionConsensusDifferences"));
            QVERIFY(mine && mine->isEnabled());
            mine->trigger();
            QTRY_VERIFY(dock(window, "consensusReviewDock")->isVisible());
            shown = shownDocks(window);
            QVERIFY(shown.contains(QStringLiteral("consensusReviewDock")));
            QVERIFY(!shown.contains(QStringLiteral("reviewDock")));
            window.close();
        }
        MainWindow again;
        QVERIFY(test::openAndShow(again, sampleCopy(QStringLiteral("a.newscoder"))));
        QTRY_COMPARE(shownDocks(again), shown);
        QDockWidget *mine = dock(again, "consensusReviewDock");
        QCOMPARE(mine->windowTitle(), QStringLiteral("My Differences From the Consensus"));
        QVERIFY(again.findChild<QAction *>(QStringLiteral("actionConsensusDifferences"))->isChecked());
    }

    void theWelcomeScreenStandsAlone()
    {
        MainWindow window;
        window.setInteractive(false);
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.welcomeScreen()->isVisible());
        QCOMPARE(shownDocks(window), QStringList()); // nothing empty beside the welcome screen
        for (QDockWidget *d : window.findChildren<QDockWidget *>())
            QVERIFY2(!d->toggleViewAction()->isEnabled(), qPrintable(d->objectName()));
        if (const QString folder = qEnvironmentVariable("NEWSCODER_SCREENSHOT_DIR"); !folder.isEmpty())
            QVERIFY(window.grab().save(folder + QStringLiteral("/welcome-alone.png")));

        // A project brings the standard panels; the search panel shown now comes back after closing.
        QVERIFY(window.openProject(sampleCopy(QStringLiteral("b.newscoder"))));
        QVERIFY(!window.welcomeScreen()->isVisible());
        const QStringList standard = shownDocks(window);
        for (const char *name : {"documentListDock", "codebookDock", "articleVariablesDock"})
            QVERIFY2(standard.contains(QLatin1String(name)), qPrintable(standard.join(u' ')));
        dock(window, "searchDock")->toggleViewAction()->trigger();
        QVERIFY(dock(window, "searchDock")->isVisible());
        const QStringList withSearch = shownDocks(window);
        window.closeProject();
        QVERIFY(window.welcomeScreen()->isVisible());
        QCOMPARE(shownDocks(window), QStringList());
        QVERIFY(window.openProject(sampleCopy(QStringLiteral("b.newscoder"))));
        QCOMPARE(shownDocks(window), withSearch);

        // Closed at the welcome screen: the window keeps the project layout, not the empty one.
        window.closeProject();
        window.close();
        MainWindow again;
        QVERIFY(test::openAndShow(again, sampleCopy(QStringLiteral("b.newscoder"))));
        QCOMPARE(shownDocks(again), withSearch);
    }

    void resetLayoutAtTheWelcomeScreenKeepsItAlone()
    {
        MainWindow window;
        window.setInteractive(false);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *reset = window.findChild<QAction *>(QStringLiteral("actionResetLayout"));
        QVERIFY(reset);
        reset->trigger();
        QCOMPARE(shownDocks(window), QStringList());
        QVERIFY(window.openProject(sampleCopy(QStringLiteral("c.newscoder"))));
        QVERIFY(shownDocks(window).contains(QStringLiteral("documentListDock")));
    }
};

QTEST_MAIN(WindowLayoutTest)
#include "tst_windowlayout.moc"
