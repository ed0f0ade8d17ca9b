// Blind coding in the window, offscreen: with the setting on, a coder's
// annotation list shows only their own annotations, View ▸ Show Coders
// offers nothing else, and comparing coders (Reliability, Review Coders) is
// off; the lead sees everyone's and may turn the setting off again.
#include "io/CodebookJson.h"
#include "shell/CoderFilterMenu.h"
#include "shell/MainWindow.h"
#include "shell/ProjectSession.h"
#include "study/Assignments.h"
#include "study/BlindCoding.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;

class TestBlindCoding : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;

    Project &project() { return m_window->session()->project(); }
    QAction *action(const char *name) { return m_window->findChild<QAction *>(QString::fromLatin1(name)); }
    int shownAnnotations() { return m_window->session()->annotations.rowCount(); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("NewscoderTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_blindcoding"));
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        const QString path = m_dir->filePath(QStringLiteral("blind.newscoder"));
        {
            auto p = Project::create(path, defaultNewsCodebook());
            Document a;
            a.title = QStringLiteral("Harbour talks stall");
            a.text = QStringLiteral("Mayor Ines Roth said \"we will not sign\" on Monday. Critics called it reckless.");
            const QUuid doc = p->importDocuments({a}).value(0);
            const QUuid speaker = p->codeByName(QStringLiteral("Speaker"))->id;
            for (const QString &coder : {QStringLiteral("Ana"), QStringLiteral("Ben"), QStringLiteral("Ben")}) {
                p->setCoderName(coder);
                QVERIFY(p->addAnnotation(doc, speaker, coder == QLatin1String("Ana") ? 0 : 6, 15));
            }
            study::StudyPlan lead = study::planCoder(p->reader(), QStringLiteral("Lena"), CoderRole::Lead, {});
            QVERIFY(p->commitStudyChange(lead.text, lead.redo, lead.undo));
            QVERIFY(p->setBlindCoding(true));
        }
        m_window = std::make_unique<MainWindow>();
        m_window->setInteractive(false);
        QVERIFY(m_window->openProject(path));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_dir.reset();
    }

    // Blind Coding and Review Coders are in the Analysis menu (a menu of the window, not of the bar).
    void actionsAreInTheAnalysisMenu()
    {
        auto *analysis = m_window->findChild<QMenu *>(QStringLiteral("menuAnalysis"));
        QVERIFY(analysis);
        QVERIFY(analysis->actions().contains(action("actionBlindCoding")));
        QVERIFY(analysis->actions().contains(action("actionReviewCoders")));
        QVERIFY(m_window->menuBar()->actions().contains(analysis->menuAction()));
    }

    void aCoderSeesOnlyTheirOwnWork()
    {
        m_window->ensureCoderName(QStringLiteral("Ana"));
        project().setCoderName(QStringLiteral("Ana"));
        QVERIFY(study::hidesOtherCoders(project()));
        QCOMPARE(shownAnnotations(), 1);
        auto *menu = m_window->findChild<CoderFilterMenu *>();
        QVERIFY(menu);
        menu->setFilter(CoderFilter::all()); // asked for, not granted
        QCOMPARE(shownAnnotations(), 1);
        QVERIFY(!action("actionShowAllCoders")->isEnabled());
        QVERIFY(action("actionShowMine")->isEnabled());
        QVERIFY(!action("actionReviewCoders")->isEnabled());
        QVERIFY(!action("actionBlindCoding")->isEnabled()); // a coder cannot lift it
        QVERIFY(action("actionBlindCoding")->isChecked());
    }

    void theLeadSeesEveryoneAndMayLiftIt()
    {
        project().setCoderName(QStringLiteral("Lena"));
        QVERIFY(!study::hidesOtherCoders(project()));
        auto *menu = m_window->findChild<CoderFilterMenu *>();
        menu->setFilter(CoderFilter::all());
        QCOMPARE(shownAnnotations(), 3);
        QVERIFY(action("actionShowAllCoders")->isEnabled());
        QVERIFY(action("actionReviewCoders")->isEnabled());
        QAction *blind = action("actionBlindCoding");
        QVERIFY(blind->isEnabled());
        blind->trigger(); // off
        QVERIFY(!project().isBlindCoding());
        project().setCoderName(QStringLiteral("Ben"));
        QCOMPARE(shownAnnotations(), 3); // nothing hidden any more
        QVERIFY(action("actionReviewCoders")->isEnabled());
        project().undoStack()->undo(); // blind coding on again
        QVERIFY(project().isBlindCoding());
        QCOMPARE(shownAnnotations(), 2); // Ben's two
    }
};

QTEST_MAIN(TestBlindCoding)
#include "tst_blindcoding.moc"
