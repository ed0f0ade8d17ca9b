// The welcome screen (src/app/shell) as a newcomer meets it, offscreen: shown
// while no project is open; New, Open, a recent project, the sample project
// and the user guide each do what they say; File ▸ Open the Sample Project.
#include "../WindowTestSupport.h"

#include "coding/ArticleView.h"
#include "coding/CodingWorkspace.h"
#include "common/Prompt.h"
#include "io/CodebookJson.h"
#include "shell/AccessibleNames.h"
#include "shell/AppData.h"
#include "shell/GuideViewer.h"
#include "shell/MainWindow.h"
#include "shell/ProjectSession.h"
#include "shell/WelcomeScreen.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QListWidget>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;

namespace {

QString makeProject(const QString &path)
{
    auto project = Project::create(path, defaultNewsCodebook());
    Document d;
    d.title = QStringLiteral("Ferry timetable changes");
    d.text = QStringLiteral("Ferry timetable changes\n\nThe ferry will leave at nine, the operator said.\n");
    project->importDocuments({d});
    return path;
}

QStackedWidget *centralStack(const MainWindow &window)
{
    return window.findChild<QStackedWidget *>(QStringLiteral("centralStack"));
}

} // namespace

class WelcomeScreenTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        test::useTestSettings("tst_welcomescreen");
        QSettings().clear();
        QSettings().setValue(QStringLiteral("coder/name"), QStringLiteral("Ana")); // no coder-name question
    }

    void init()
    {
        QSettings().remove(QStringLiteral("recentFiles"));
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
    }

    void shownWhileNoProjectIsOpen()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir.filePath(QStringLiteral("a.newscoder")));
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.welcomeScreen());
        QCOMPARE(centralStack(window)->currentWidget(), window.welcomeScreen());
        // Every way in has a name a screen reader can say, and keys to reach it.
        const shell::WelcomeScreen *welcome = window.welcomeScreen();
        for (const QPushButton *button :
             {welcome->newButton(), welcome->openButton(), welcome->sampleButton(), welcome->guideButton()}) {
            QVERIFY2(!button->accessibleName().isEmpty(), qPrintable(button->text()));
            QVERIFY2(button->text().contains(u'&'), qPrintable(button->text())); // Alt+letter
            QVERIFY(button->focusPolicy() & Qt::TabFocus);
        }
        QVERIFY(window.openProject(path));
        QVERIFY(centralStack(window)->currentWidget() != window.welcomeScreen());
        window.closeProject();
        QCOMPARE(centralStack(window)->currentWidget(), window.welcomeScreen());
        // The project just closed is the first recent one.
        QCOMPARE(welcome->recentList()->count(), 1);
        QCOMPARE(welcome->recentList()->item(0)->text(), QStringLiteral("a.newscoder"));
    }

    void recentProjectOpensWithEnter()
    {
        QTemporaryDir dir;
        const QString first = makeProject(dir.filePath(QStringLiteral("first.newscoder")));
        const QString second = makeProject(dir.filePath(QStringLiteral("second.newscoder")));
        const QString gone = dir.filePath(QStringLiteral("gone.newscoder"));
        QSettings().setValue(QStringLiteral("recentFiles"), QStringList{second, gone, first});
        MainWindow window;
        window.setInteractive(false);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QListWidget *recent = window.welcomeScreen()->recentList();
        QCOMPARE(recent->count(), 3);
        QCOMPARE(recent->item(0)->text(), QStringLiteral("second.newscoder"));
        QVERIFY2(recent->item(1)->text().contains(QStringLiteral("not found")), qPrintable(recent->item(1)->text()));
        QCOMPARE(recent->item(2)->toolTip(), QDir::toNativeSeparators(first));
        recent->setFocus();
        recent->setCurrentRow(2);
        QTest::keyClick(recent, Qt::Key_Return);
        QVERIFY(window.session());
        QCOMPARE(QFileInfo(window.session()->project().path()).canonicalFilePath(), QFileInfo(first).canonicalFilePath());
        // A missing one says so and leaves the open project as it is.
        window.closeProject();
        recent = window.welcomeScreen()->recentList();
        const QList<QListWidgetItem *> missing = recent->findItems(QStringLiteral("gone"), Qt::MatchStartsWith);
        QCOMPARE(missing.size(), 1);
        Q_EMIT recent->itemActivated(missing.first());
        QVERIFY(!window.session());
    }

    void newAndOpenAskThroughThePrompt()
    {
        QTemporaryDir dir;
        const QString created = dir.filePath(QStringLiteral("my-study"));
        {
            MainWindow window;
            window.setInteractive(false);
            ScriptedPrompt prompt;
            prompt.answerFiles({created}).chooseOption(0); // the news codebook
            window.welcomeScreen()->newButton()->click();
            QVERIFY2(prompt.unexpected.isEmpty(), qPrintable(prompt.unexpected.join(u'\n')));
            QVERIFY(window.session());
            QCOMPARE(window.session()->project().path(), created + QStringLiteral(".newscoder"));
            QVERIFY(!window.session()->project().codes().isEmpty());
        }
        MainWindow window;
        window.setInteractive(false);
        ScriptedPrompt prompt;
        prompt.answerFiles({created + QStringLiteral(".newscoder")});
        window.welcomeScreen()->openButton()->click();
        QVERIFY2(prompt.unexpected.isEmpty(), qPrintable(prompt.unexpected.join(u'\n')));
        QVERIFY(window.session());
        QCOMPARE(prompt.asked.size(), 1);
        QCOMPARE(prompt.asked.first().kind, QStringLiteral("chooseFiles"));
    }

    void sampleProjectIsACopyThatKeepsTheWork()
    {
        QVERIFY2(!shell::sampleTemplate().isEmpty(), "the build makes share/newscoder/sample.newscoder");
        const QByteArray templateBefore = [] {
            QFile in(shell::sampleTemplate());
            return in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray();
        }();
        QString copy;
        {
            MainWindow window;
            window.setInteractive(false);
            window.welcomeScreen()->sampleButton()->click();
            QVERIFY(window.session());
            Project &project = window.session()->project();
            copy = project.path();
            QVERIFY2(copy.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)),
                     qPrintable(copy));
            QVERIFY(!project.isReadOnly());
            // The six fictional articles, with the demonstration coding.
            QCOMPARE(project.reader().documentCount(), 6);
            QVERIFY(project.reader().annotationCount() >= 20);
            QVERIFY(project.actors().size() >= 2);
            QVERIFY(project.removeDocuments({project.reader().documentSummaries().first().id}));
            QCOMPARE(project.reader().documentCount(), 5);
        }
        // Opened again (here through the File menu): the researcher's copy with their change, not a fresh one.
        MainWindow window;
        window.setInteractive(false);
        QAction *action = window.findChild<QAction *>(QStringLiteral("actionOpenSample"));
        QVERIFY(action);
        action->trigger();
        QVERIFY(window.session());
        QCOMPARE(window.session()->project().path(), copy);
        QCOMPARE(window.session()->project().reader().documentCount(), 5);
        QFile in(shell::sampleTemplate());
        QVERIFY(in.open(QIODevice::ReadOnly));
        QCOMPARE(in.readAll(), templateBefore); // the template is never written
    }

    void codingPathHasAccessibleNames()
    {
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.openSampleProject());
        // After a project opens, every widget a coder passes through says what it is, each differently.
        const QList<QWidget *> widgets = shell::nameCodingPath(window);
        QCOMPARE(widgets.size(), 14);
        QSet<QString> names;
        for (const QWidget *widget : widgets) {
            QVERIFY2(!widget->accessibleName().isEmpty(), widget->metaObject()->className());
            names.insert(widget->accessibleName());
        }
        QCOMPARE(names.size(), widgets.size());
        // Set by the window itself, not only by this call: a second project gets them too.
        window.closeProject();
        QVERIFY(window.openSampleProject());
        QCOMPARE(window.workspace()->articleView()->accessibleName(),
                 QStringLiteral("Article text: select a passage to code"));
    }

    void guideButtonOpensTheGuide()
    {
        MainWindow window;
        window.setInteractive(false);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.welcomeScreen()->guideButton()->click();
        auto *viewer = window.findChild<shell::GuideViewer *>();
        QVERIFY(viewer);
        QVERIFY(viewer->isVisible());
        QCOMPARE(viewer->currentPage(), QStringLiteral("index.md"));
        QVERIFY(window.userGuideAction());
        QVERIFY(!window.userGuideAction()->shortcut().isEmpty());
        // For the guide and the README: NEWSCODER_SCREENSHOT_DIR=… saves the welcome screen.
        if (const QString folder = qEnvironmentVariable("NEWSCODER_SCREENSHOT_DIR"); !folder.isEmpty()) {
            viewer->close();
            QTemporaryDir dir;
            QSettings().setValue(QStringLiteral("recentFiles"),
                                 QStringList{makeProject(dir.filePath(QStringLiteral("pilot-study.newscoder")))});
            QVERIFY(window.openProject(makeProject(dir.filePath(QStringLiteral("ferry-framing.newscoder")))));
            window.closeProject(); // the welcome screen again, with both as recent projects
            QCOMPARE(window.welcomeScreen()->recentList()->count(), 2);
            window.resize(1280, 800);
            QTest::qWait(50);
            QVERIFY(window.grab().save(QDir(folder).filePath(QStringLiteral("welcome.png"))));
        }
    }
};

QTEST_MAIN(WelcomeScreenTest)
#include "tst_welcomescreen.moc"
