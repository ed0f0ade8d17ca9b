// The window's questions answered by a ScriptedPrompt (offscreen): the
// locked project's read-only offer and the read-only window, delete
// confirmations, Save As / Save a Copy, the actor merge "keep which" choice.
#include "articles/DocumentListDock.h"
#include "codebook/CodebookDock.h"
#include "coding/ArticleView.h"
#include "coding/CodingWorkspace.h"
#include "common/Prompt.h"
#include "io/CodebookJson.h"
#include "models/CodebookTreeModel.h"
#include "registry/ActorsDock.h"
#include "registry/OutletsDock.h"
#include "shell/MainWindow.h"
#include "shell/ProjectSession.h"

#include <QAction>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace newscoder;

namespace {

const QString ArticleText =
    QStringLiteral("Harbour talks stall\n\nThe port authority said on Monday that \"talks are frozen\".\n");

QString createProject(const QTemporaryDir &dir, int articles = 1)
{
    const QString path = dir.filePath(QStringLiteral("dialogs.newscoder"));
    auto project = Project::create(path, defaultNewsCodebook());
    QList<Document> documents;
    for (int i = 0; i < articles; ++i) {
        Document d;
        d.title = QStringLiteral("Harbour talks %1").arg(i);
        d.text = ArticleText;
        documents.append(d);
    }
    project->importDocuments(documents);
    return path;
}

QAction *action(const MainWindow &window, const char *name)
{
    return window.findChild<QAction *>(QString::fromLatin1(name));
}

void selectRows(QTableView *view, int count)
{
    view->clearSelection();
    for (int row = 0; row < count; ++row)
        view->selectionModel()->select(view->model()->index(row, 0),
                                       QItemSelectionModel::Select | QItemSelectionModel::Rows);
}

} // namespace

class TestDialogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("NewscoderTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_dialogs"));
        QSettings().setValue(QStringLiteral("coder/name"), QStringLiteral("Alex")); // no coder-name question
    }

    // A project another process edits: the window offers read-only; declining opens nothing.
    void lockedProjectOffersReadOnly()
    {
        QTemporaryDir dir;
        const QString path = createProject(dir);
        auto holder = Project::open(path); // the other "process"
        MainWindow window;
        ScriptedPrompt prompt;
        prompt.chooseOption(-1); // Cancel
        QVERIFY(!window.openProject(path));
        QVERIFY(!window.session());
        QCOMPARE(prompt.asked.size(), 1);
        QCOMPARE(prompt.asked[0].title, QStringLiteral("Project in Use"));
        QVERIFY(prompt.asked[0].text.contains(QStringLiteral("Open it read-only?")));

        prompt.chooseOption(0); // Open Read-Only
        QVERIFY(window.openProject(path));
        QVERIFY(window.session());
        QVERIFY(window.session()->project().isReadOnly());
        QVERIFY(window.windowTitle().contains(QStringLiteral("[read-only]")));
        QVERIFY2(prompt.unexpected.isEmpty(), qPrintable(prompt.unexpected.join(u", ")));
    }

    // The read-only window: every editing action is off; a code key says why nothing happens.
    void readOnlyWindowRefusesEditing()
    {
        QTemporaryDir dir;
        const QString path = createProject(dir);
        auto holder = Project::open(path);
        MainWindow window;
        ScriptedPrompt prompt;
        prompt.chooseOption(0);
        QVERIFY(window.openProject(path));
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY(!window.workspace()->currentDocument().isNull());

        for (const char *name : {"actionImportFiles", "actionImportFolder", "actionDeleteAnnotation",
                                 "actionRemoveArticles"})
            QVERIFY2(!action(window, name)->isEnabled(), name);
        QVERIFY(!window.editTextAction()->isEnabled());
        QVERIFY(window.codebook()->newCodeAction() && !window.codebook()->newCodeAction()->isEnabled());
        for (const char *name : {"addActor", "addOutlet"})
            QVERIFY2(!window.findChild<QToolButton *>(QString::fromLatin1(name))->isEnabled(), name);
        // The code actions stay enabled on purpose (issue 17): pressing a code key
        // must answer with a visible refusal rather than do nothing — checked below.
        int codeActions = 0;
        for (QAction *a : window.actions()) {
            if (a->text().startsWith(QStringLiteral("Code as ")))
                ++codeActions;
        }
        QCOMPARE(codeActions, int(window.session()->project().codes().size()));
        // Reading still works.
        QVERIFY(action(window, "actionSaveCopy")->isEnabled());

        ArticleView *view = window.workspace()->articleView();
        QTextCursor cursor(view->document());
        cursor.setPosition(int(ArticleText.indexOf(u"talks are")));
        cursor.setPosition(int(ArticleText.indexOf(u"talks are")) + 16, QTextCursor::KeepAnchor);
        view->setTextCursor(cursor);
        view->setFocus();
        window.statusBar()->clearMessage();
        QTest::keyClick(view, Qt::Key_1);
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("read-only")));
        QCOMPARE(window.session()->project().reader().annotationCount(), 0);
    }

    // Removing articles asks first; No keeps them, Yes removes them (undoable).
    void removeArticlesAsksFirst()
    {
        QTemporaryDir dir;
        const QString path = createProject(dir, 2);
        MainWindow window;
        ScriptedPrompt prompt;
        QVERIFY(window.openProject(path));
        selectRows(window.documentList()->view(), 2);
        QAction *remove = action(window, "actionRemoveArticles");
        QTRY_VERIFY(remove->isEnabled());
        prompt.confirmWith(false);
        remove->trigger();
        QCOMPARE(prompt.asked.size(), 1);
        QCOMPARE(prompt.asked[0].kind, QStringLiteral("confirm"));
        QVERIFY(prompt.asked[0].text.contains(QStringLiteral("Remove 2 article(s)")));
        QCOMPARE(window.session()->project().reader().documentCount(), 2);

        prompt.confirmWith(true);
        remove->trigger();
        QCOMPARE(window.session()->project().reader().documentCount(), 0);
        window.session()->project().undoStack()->undo();
        QCOMPARE(window.session()->project().reader().documentCount(), 2);
        QVERIFY(prompt.unexpected.isEmpty());
    }

    // Save a Copy writes the copy and stays; Save As continues in the copy; Cancel does nothing.
    void saveAsAndSaveACopy()
    {
        QTemporaryDir dir;
        const QString path = createProject(dir);
        MainWindow window;
        ScriptedPrompt prompt;
        QVERIFY(window.openProject(path));
        const QString copy = dir.filePath(QStringLiteral("copy")); // the suffix is added
        prompt.answerFiles({copy});
        action(window, "actionSaveCopy")->trigger();
        QVERIFY(QFileInfo::exists(copy + QStringLiteral(".newscoder")));
        QCOMPARE(window.session()->project().path(), path);
        QCOMPARE(Project::open(copy + QStringLiteral(".newscoder"), ProjectAccess::ReadOnly)
                     ->reader()
                     .documentCount(),
                 1);

        const QString moved = dir.filePath(QStringLiteral("moved.newscoder"));
        prompt.answerFiles({moved});
        action(window, "actionSaveAs")->trigger();
        QCOMPARE(QFileInfo(window.session()->project().path()).fileName(), QStringLiteral("moved.newscoder"));
        QVERIFY(!window.session()->project().isReadOnly());
        QCOMPARE(window.session()->project().reader().documentCount(), 1);

        prompt.answerFiles({}); // cancelled
        action(window, "actionSaveAs")->trigger();
        QCOMPARE(QFileInfo(window.session()->project().path()).fileName(), QStringLiteral("moved.newscoder"));
        QCOMPARE(prompt.asked.size(), 3);
        QCOMPARE(prompt.asked[0].title, QStringLiteral("Save a Copy"));
        QCOMPARE(prompt.asked[1].title, QStringLiteral("Save As"));
        QVERIFY(prompt.unexpected.isEmpty());
    }

    // Merging two actors of the same name keeps the one chosen; Cancel merges nothing.
    void actorMergeKeepsTheChosenOne()
    {
        QTemporaryDir dir;
        auto project = Project::open(createProject(dir));
        Actor first, second;
        first.name = second.name = QStringLiteral("Ana Reyes");
        first.role = QStringLiteral("minister");
        second.role = QStringLiteral("mayor");
        const QUuid firstId = *project->addActor(first);
        const QUuid secondId = *project->addActor(second);
        ActorsDock dock;
        dock.setProject(project.get());
        ScriptedPrompt prompt;
        auto *merge = dock.findChild<QToolButton *>(QStringLiteral("mergeActors"));

        selectRows(dock.view(), 2);
        QVERIFY(merge->isEnabled());
        prompt.chooseOption(-1);
        merge->click();
        QCOMPARE(project->actors().size(), 2);
        QCOMPARE(prompt.asked.size(), 1);
        QCOMPARE(prompt.asked[0].options.size(), 2);
        QVERIFY(prompt.asked[0].options.contains(QStringLiteral("Ana Reyes (mayor)")));

        // Keep the mayor, whichever row the table shows it in.
        const int mayor = int(prompt.asked[0].options.indexOf(QStringLiteral("Ana Reyes (mayor)")));
        selectRows(dock.view(), 2);
        prompt.chooseOption(mayor);
        merge->click();
        QCOMPARE(project->actors().size(), 1);
        QCOMPARE(project->actors().first().id, secondId);
        QVERIFY(!project->actor(firstId));
        QVERIFY(prompt.unexpected.isEmpty());
    }

    // Deleting actors and codes asks first; No keeps them.
    void deleteActorsAndCodesAskFirst()
    {
        QTemporaryDir dir;
        auto project = Project::open(createProject(dir));
        Actor a;
        a.name = QStringLiteral("Ana Reyes");
        project->addActor(a);
        ActorsDock dock;
        dock.setProject(project.get());
        ScriptedPrompt prompt;
        selectRows(dock.view(), 1);
        prompt.confirmWith(false);
        dock.findChild<QToolButton *>(QStringLiteral("deleteActor"))->click();
        QCOMPARE(project->actors().size(), 1);
        selectRows(dock.view(), 1);
        prompt.confirmWith(true);
        dock.findChild<QToolButton *>(QStringLiteral("deleteActor"))->click();
        QCOMPARE(project->actors().size(), 0);

        CodebookTreeModel model(*project);
        CodebookDock codebook;
        codebook.setModel(&model, project.get());
        const QUuid quote = project->codeByName(QStringLiteral("Quote"))->id;
        prompt.confirmWith(false);
        codebook.removeCode(quote);
        QVERIFY(project->code(quote));
        prompt.confirmWith(true);
        codebook.removeCode(quote);
        QVERIFY(!project->code(quote));
        QCOMPARE(prompt.asked.size(), 4);
        QCOMPARE(prompt.asked[2].title, QStringLiteral("Delete Code"));
        QVERIFY(prompt.unexpected.isEmpty());
    }

    // Adding a code asks its name; an empty answer or Cancel adds nothing.
    void addCodeAsksItsName()
    {
        QTemporaryDir dir;
        auto project = Project::open(createProject(dir));
        CodebookTreeModel model(*project);
        CodebookDock codebook;
        codebook.setModel(&model, project.get());
        ScriptedPrompt prompt;
        const qsizetype before = project->codes().size();
        prompt.answerText(std::nullopt).answerText(QStringLiteral("  ")).answerText(QStringLiteral(" Frame "));
        codebook.addCode({});
        codebook.addCode({});
        QCOMPARE(project->codes().size(), before);
        codebook.addCode({});
        QCOMPARE(project->codes().size(), before + 1);
        QVERIFY(project->codeByName(QStringLiteral("Frame")));
        QCOMPARE(prompt.pendingAnswers(), 0);
        QVERIFY(prompt.unexpected.isEmpty());
    }
};

QTEST_MAIN(TestDialogs)
#include "tst_dialogs.moc"
