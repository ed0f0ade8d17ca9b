// File ▸ Import / Export ▸ REFI-QDA Project/Codebook… in the window: where the
// actions sit and when they are enabled.
#include "shell/MainWindow.h"
#include "shell/ProjectSession.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;

class TestRefiMenus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("NewscoderTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_refimenus"));
    }

    void actionsInTheFileMenu()
    {
        QTemporaryDir dir; // outlives the window (and its project)
        MainWindow window;
        window.setInteractive(false);
        auto *file = window.findChild<QMenu *>(QStringLiteral("menuFile"));
        QVERIFY(file);
        auto *importMenu = file->findChild<QMenu *>(QStringLiteral("menuImport"), Qt::FindDirectChildrenOnly);
        auto *exportMenu = file->findChild<QMenu *>(QStringLiteral("menuExport"), Qt::FindDirectChildrenOnly);
        QVERIFY(importMenu && exportMenu);
        QVERIFY(file->actions().contains(importMenu->menuAction()));
        QVERIFY(file->actions().contains(exportMenu->menuAction()));
        const QStringList imports = {QStringLiteral("actionRefiImportProject"), QStringLiteral("actionRefiImportCodebook")};
        const QStringList exports = {QStringLiteral("actionRefiExportProject"), QStringLiteral("actionRefiExportCodebook")};
        for (const QString &name : imports)
            QVERIFY2(importMenu->actions().contains(window.findChild<QAction *>(name)), qPrintable(name));
        for (const QString &name : exports)
            QVERIFY2(exportMenu->actions().contains(window.findChild<QAction *>(name)), qPrintable(name));
        QCOMPARE(window.findChild<QAction *>(imports[0])->text(), QStringLiteral("REFI-QDA &Project…"));

        // No project: nothing to import into or export.
        Q_EMIT file->aboutToShow();
        for (const QString &name : imports + exports)
            QVERIFY2(!window.findChild<QAction *>(name)->isEnabled(), qPrintable(name));
        QVERIFY(window.createProject(dir.filePath(QStringLiteral("p.newscoder"))));
        Q_EMIT file->aboutToShow();
        for (const QString &name : imports + exports)
            QVERIFY2(window.findChild<QAction *>(name)->isEnabled(), qPrintable(name));
    }
};

QTEST_MAIN(TestRefiMenus)
#include "tst_refimenus.moc"
