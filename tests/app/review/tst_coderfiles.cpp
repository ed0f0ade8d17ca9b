// File ▸ Export Coder Package… and Merge Coder Files… in the window, driven
// offscreen: the actions are in the File menu, a package written from the
// open project is coded and merged back as one undoable step, a bad file
// stops the merge with nothing written, and the report dialog lists each
// file with its counts and conflicts (NEWSCODER_SCREENSHOT_DIR saves it).
#include "io/CodebookJson.h"
#include "review/CoderFileActions.h"
#include "shell/MainWindow.h"
#include "shell/ProjectSession.h"
#include "study/Assignments.h"

#include <QAction>
#include <QDialog>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace newscoder;

class TestCoderFiles : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    QList<QUuid> m_documents;

    Project &project() { return m_window->session()->project(); }
    CoderFileActions *actions() { return m_window->findChild<CoderFileActions *>(); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("NewscoderTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_coderfiles"));
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        const QString path = m_dir->filePath(QStringLiteral("master.newscoder"));
        {
            auto p = Project::create(path, defaultNewsCodebook());
            Document a, b;
            a.title = QStringLiteral("Harbour talks stall");
            a.text = QStringLiteral("Mayor Ines Roth said \"we will not sign\" on Monday. Critics called it reckless.");
            b.title = QStringLiteral("Ferry fares rise");
            b.text = QStringLiteral("The operator raised fares in a brazen move.");
            m_documents = p->importDocuments({a, b});
            study::StudyPlan plan = study::planAssignment(p->reader(), QStringLiteral("Ana"), m_documents,
                                                          QDateTime::currentDateTimeUtc());
            QVERIFY(p->commitStudyChange(plan.text, plan.redo, plan.undo));
        }
        m_window = std::make_unique<MainWindow>();
        m_window->setInteractive(false);
        QVERIFY(m_window->openProject(path));
        m_window->ensureCoderName(QStringLiteral("Lena"));
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_dir.reset();
    }

    void actionsAreInTheFileMenu()
    {
        QVERIFY(actions());
        auto *file = m_window->menuBar()->findChild<QMenu *>(QStringLiteral("menuFile"));
        QVERIFY(file);
        Q_EMIT file->aboutToShow();
        QVERIFY(file->actions().contains(actions()->packageAction()));
        QVERIFY(file->actions().contains(actions()->mergeAction()));
        QVERIFY(actions()->packageAction()->isEnabled());
        QVERIFY(actions()->mergeAction()->isEnabled());
    }

    void packageCodedAndMergedBackAsOneStep()
    {
        const QString package = m_dir->filePath(QStringLiteral("ana.newscoder"));
        QCOMPARE(actions()->exportPackage(QStringLiteral("Ana"), package), QString());
        {
            auto ana = Project::open(package);
            QVERIFY(ana);
            ana->setCoderName(QStringLiteral("Ana"));
            QVERIFY(ana->addAnnotation(m_documents[0], ana->codeByName(QStringLiteral("Speaker"))->id, 0, 15));
            QVERIFY(ana->addAnnotation(m_documents[1], ana->codeByName(QStringLiteral("Bias indicator"))->id, 31, 37));
        }
        const int steps = project().undoStack()->count();
        QString error;
        const QList<study::MergeReport> reports = actions()->mergeFiles({package}, &error);
        QCOMPARE(error, QString());
        QCOMPARE(reports.size(), 1);
        QCOMPARE(reports[0].added.annotations, 2);
        QCOMPARE(project().undoStack()->count(), steps + 1);
        QCOMPARE(project().undoStack()->undoText(), QStringLiteral("Merge ana.newscoder"));
        QCOMPARE(project().reader().annotationCount(), 2);
        project().undoStack()->undo();
        QCOMPARE(project().reader().annotationCount(), 0);
        project().undoStack()->redo();
        QCOMPARE(project().reader().annotationCount(), 2);
        QCOMPARE(CoderFileActions::summary(reports[0]), QStringLiteral("2 annotations added"));

        // The report: the file with its counts, a conflict under it.
        study::MergeReport shown = reports[0];
        shown.conflicts.append({QStringLiteral("changed-in-both"), QStringLiteral("a:x"), m_documents[0],
                                QStringLiteral("A Quote annotation (21–39) was changed in the source and in this project."),
                                QStringLiteral("This project's version stands.")});
        QDialog *dialog = actions()->showReports({shown}, {});
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        auto *tree = dialog->findChild<QTreeWidget *>(QStringLiteral("mergeReportTree"));
        QVERIFY(tree);
        QCOMPARE(tree->topLevelItemCount(), 1);
        QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("ana.newscoder"));
        QCOMPARE(tree->topLevelItem(0)->childCount(), 1);
        QCOMPARE(tree->topLevelItem(0)->child(0)->text(0), QStringLiteral("changed-in-both"));
        if (const QString folder = qEnvironmentVariable("NEWSCODER_SCREENSHOT_DIR"); !folder.isEmpty())
            QVERIFY(dialog->grab().save(folder + QStringLiteral("/merge-report.png")));
        dialog->close();
    }

    // The window's merge: planned on a worker behind a progress dialog, then
    // committed as one step; Cancel (the dialog's button) writes nothing.
    void mergeRunsBehindAProgressDialog()
    {
        const QString package = m_dir->filePath(QStringLiteral("ana.newscoder"));
        QCOMPARE(actions()->exportPackage(QStringLiteral("Ana"), package), QString());
        {
            auto ana = Project::open(package);
            QVERIFY(ana);
            ana->setCoderName(QStringLiteral("Ana"));
            QVERIFY(ana->addAnnotation(m_documents[0], ana->codeByName(QStringLiteral("Speaker"))->id, 0, 15));
        }
        const int steps = project().undoStack()->count();
        QSignalSpy finished(actions(), &CoderFileActions::mergeFinished);

        // Cancelled from the dialog before the plan is back: nothing written.
        QVERIFY(actions()->startMerge({package}));
        QVERIFY(actions()->isMerging());
        QVERIFY(!actions()->mergeAction()->isEnabled());
        QVERIFY(!actions()->startMerge({package})); // one at a time
        auto *progress = qobject_cast<QProgressDialog *>(actions()->mergeProgress());
        QVERIFY(progress);
        QCOMPARE(progress->objectName(), QStringLiteral("mergeProgress"));
        auto *cancel = progress->findChild<QPushButton *>();
        QVERIFY(cancel);
        cancel->click();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.last().at(2).toBool(), true);
        QVERIFY(finished.last().at(0).value<QList<study::MergeReport>>().isEmpty());
        QVERIFY(!actions()->isMerging());
        QCOMPARE(project().undoStack()->count(), steps);
        QCOMPARE(project().reader().annotationCount(), 0);

        // Run to the end: one undoable step, the report handed over.
        QVERIFY(actions()->startMerge({package, package}));
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.last().at(2).toBool(), false);
        QCOMPARE(finished.last().at(1).toString(), QString());
        const auto reports = finished.last().at(0).value<QList<study::MergeReport>>();
        QCOMPARE(reports.size(), 2);
        QCOMPARE(reports[0].added.annotations, 1);
        QCOMPARE(reports[1].added.annotations, 0); // the second time: nothing new
        QCOMPARE(reports[1].unchanged.annotations, 1);
        QCOMPARE(project().undoStack()->count(), steps + 1);
        QCOMPARE(project().reader().annotationCount(), 1);
        QVERIFY(!actions()->mergeProgress());
        for (const QProgressDialog *shown : m_window->findChildren<QProgressDialog *>(QStringLiteral("mergeProgress")))
            QVERIFY(!shown->isVisible()); // gone, or hidden until deleted
        QVERIFY(actions()->mergeAction()->isEnabled());
    }

    void badFileStopsWithNothingWritten()
    {
        QFile junk(m_dir->filePath(QStringLiteral("junk.newscoder")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not a project at all");
        junk.close();
        const int steps = project().undoStack()->count();
        QString error;
        const QList<study::MergeReport> reports = actions()->mergeFiles({junk.fileName()}, &error);
        QVERIFY(reports.isEmpty());
        QVERIFY2(error.contains(QStringLiteral("junk.newscoder")), qPrintable(error));
        QCOMPARE(project().undoStack()->count(), steps);
        // The same through the worker.
        QSignalSpy finished(actions(), &CoderFileActions::mergeFinished);
        QVERIFY(actions()->startMerge({junk.fileName()}));
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.last().at(1).toString().contains(QStringLiteral("junk.newscoder")),
                 qPrintable(finished.last().at(1).toString()));
        QCOMPARE(project().undoStack()->count(), steps);
        QVERIFY(!actions()->exportPackage(QStringLiteral("Nobody"), m_dir->filePath(QStringLiteral("n.newscoder")))
                     .isEmpty());
    }
};

QTEST_MAIN(TestCoderFiles)
#include "tst_coderfiles.moc"
