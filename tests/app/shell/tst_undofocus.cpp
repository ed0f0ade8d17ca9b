// Undo and redo bring the article they change into view (offscreen): after
// undoing an edit of article B while A is shown, B is shown with the edited
// annotation selected and its span scrolled into the article view; a new edit
// of another article does not move the window.
#include "../WindowTestSupport.h"
#include "coding/ArticleView.h"
#include "coding/CodingWorkspace.h"
#include "io/CodebookJson.h"
#include "shell/MainWindow.h"
#include "shell/ProjectSession.h"

#include <QAction>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;

namespace {

struct Prepared
{
    QString path;
    QUuid first;   // A: short
    QUuid second;  // B: long, its annotation far below the first screen
    QUuid spanInSecond;
    int spanStart = 0;
};

Prepared prepare(const QTemporaryDir &dir)
{
    Prepared p;
    p.path = dir.filePath(QStringLiteral("undo.newscoder"));
    auto project = Project::create(p.path, defaultNewsCodebook());
    project->setCoderName(QStringLiteral("Ana"));
    Document a, b;
    a.title = QStringLiteral("A harbour");
    a.text = QStringLiteral("The harbour reopened on Monday.");
    b.title = QStringLiteral("B festival");
    for (int i = 0; i < 120; ++i)
        b.text += QStringLiteral("Line %1 of the festival report, with nothing coded on it.\n").arg(i);
    p.spanStart = int(b.text.size());
    b.text += QStringLiteral("The mayor called it a day of joy.\n");
    const QList<QUuid> ids = project->importDocuments({a, b});
    p.first = ids.value(0);
    p.second = ids.value(1);
    const QUuid quote = project->codeByName(QStringLiteral("Quote"))->id;
    p.spanInSecond = *project->addAnnotation(p.second, quote, p.spanStart + 4, p.spanStart + 9); // "mayor"
    return p;
}

QAction *actionWithShortcut(MainWindow &window, QKeySequence::StandardKey key)
{
    for (QAction *action : window.findChildren<QAction *>()) {
        if (action->shortcuts().contains(QKeySequence(key)))
            return action;
    }
    return nullptr;
}

// The span's first character lies inside the article view's viewport.
bool spanVisible(ArticleView *view, int start)
{
    QTextCursor cursor(view->document());
    cursor.setPosition(start);
    return view->viewport()->rect().contains(view->cursorRect(cursor).center());
}

} // namespace

class TestUndoFocus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::useTestSettings("tst_undofocus"); }

    void undoAndRedoShowTheChangedArticle()
    {
        QTemporaryDir dir;
        const Prepared p = prepare(dir);
        MainWindow window;
        QVERIFY(test::openAndShow(window, p.path));
        window.ensureCoderName(QStringLiteral("Ana"));
        Project &project = window.session()->project();
        project.undoStack()->clear();
        QAction *undo = actionWithShortcut(window, QKeySequence::Undo);
        QAction *redo = actionWithShortcut(window, QKeySequence::Redo);
        QVERIFY(undo && redo);
        CodingWorkspace *workspace = window.workspace();
        ArticleView *view = workspace->articleView();

        // An edit of B made while B is shown; then the coder goes on to A.
        workspace->showDocument(p.second);
        QVERIFY(!spanVisible(view, p.spanStart + 4)); // far below the first screen
        QVERIFY(project.setAnnotationMemo(p.spanInSecond, QStringLiteral("the mayor, not the deputy")));
        workspace->showDocument(p.first);
        QCOMPARE(workspace->currentDocument(), p.first);

        undo->trigger();
        QCOMPARE(project.reader().annotation(p.spanInSecond)->memo, QString());
        QTRY_COMPARE(workspace->currentDocument(), p.second);
        QTRY_COMPARE(view->selectedAnnotation(), p.spanInSecond);
        QTRY_VERIFY(spanVisible(view, p.spanStart + 4));

        workspace->showDocument(p.first);
        QCOMPARE(workspace->currentDocument(), p.first);
        redo->trigger();
        QCOMPARE(project.reader().annotation(p.spanInSecond)->memo, QStringLiteral("the mayor, not the deputy"));
        QTRY_COMPARE(workspace->currentDocument(), p.second);
        QTRY_COMPARE(view->selectedAnnotation(), p.spanInSecond);
        QTRY_VERIFY(spanVisible(view, p.spanStart + 4));

        // Undoing an added annotation shows its article (the annotation is gone).
        const QUuid claim = project.codeByName(QStringLiteral("Claim"))->id;
        QVERIFY(project.addAnnotation(p.second, claim, p.spanStart, p.spanStart + 3));
        workspace->showDocument(p.first);
        undo->trigger();
        QTRY_COMPARE(workspace->currentDocument(), p.second);

        // A new edit of another article leaves the window where it is.
        workspace->showDocument(p.first);
        QVERIFY(project.setAnnotationMemo(p.spanInSecond, QStringLiteral("checked")));
        QTest::qWait(50);
        QCOMPARE(workspace->currentDocument(), p.first);
    }
};

QTEST_MAIN(TestUndoFocus)
#include "tst_undofocus.moc"
