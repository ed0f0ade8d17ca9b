// GUI tests on the real window (offscreen): code text with a key, see the row
// and the highlight, undo/redo, select across views, delete, reopen.
#include "articles/DocumentListDock.h"
#include "articles/ImportController.h"
#include "codebook/CodebookDock.h"
#include "coding/AnnotationPane.h"
#include "coding/ArticleView.h"
#include "coding/CodingWorkspace.h"
#include "io/CodebookJson.h"
#include "shell/MainWindow.h"
#include "shell/ProjectSession.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;

namespace {

const QString ArticleText = QStringLiteral(
    "Harbour talks stall\n\nThe port authority said on Monday that \"talks are frozen\" until May.\n"
    "Minister Ana Reyes told reporters the dispute was \"a matter of national pride\".\n");

QString createProject(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("gui.newscoder"));
    auto project = Project::create(path, defaultNewsCodebook());
    Document d;
    d.title = QStringLiteral("Harbour talks stall");
    d.outlet = QStringLiteral("harbourgazette.example");
    d.date = QDate(2025, 3, 14);
    d.text = ArticleText;
    project->importDocuments({d});
    return path;
}

QColor pixelAt(QWidget *widget, QPoint p)
{
    return widget->grab().toImage().pixelColor(p * widget->devicePixelRatioF());
}

bool closeTo(const QColor &a, const QColor &b, int tolerance = 12)
{
    return qAbs(a.red() - b.red()) <= tolerance && qAbs(a.green() - b.green()) <= tolerance
           && qAbs(a.blue() - b.blue()) <= tolerance;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("NewscoderTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    }

    // A new project starts from the news codebook, an empty one or a codebook file's.
    void newProjectCodebookChoices()
    {
        QTemporaryDir dir;
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.createProject(dir.filePath(QStringLiteral("empty.newscoder")), QList<Code>{}));
        QVERIFY(window.session()->project().codes().isEmpty());
        QVERIFY(window.createProject(dir.filePath(QStringLiteral("news.newscoder"))));
        QCOMPARE(window.session()->project().codes().size(), defaultNewsCodebook().size());
        Code frame;
        frame.id = QUuid::createUuid();
        frame.name = QStringLiteral("Frame");
        frame.color = QColor(0x33, 0x66, 0x99);
        QVERIFY(window.createProject(dir.filePath(QStringLiteral("own.newscoder")), QList<Code>{frame}));
        QCOMPARE(window.session()->project().codes().size(), 1);
        QCOMPARE(window.session()->project().codes().first().name, QStringLiteral("Frame"));
    }

    void codeWithShortcutUndoRedoAndReopen()
    {
        QTemporaryDir dir;
        const QString path = createProject(dir);
        QString annotationId;
        {
            MainWindow window;
            window.setInteractive(false);
            QVERIFY(window.openProject(path));
            window.ensureCoderName(QStringLiteral("Alex Example"));
            window.resize(1300, 850);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));

            CodingWorkspace *workspace = window.workspace();
            QVERIFY(workspace);
            QTRY_VERIFY(!workspace->currentDocument().isNull()); // first article shown
            ArticleView *view = workspace->articleView();
            QCOMPARE(view->toPlainText(), ArticleText);

            // Select "talks are frozen" (inside the quotes) and press 1 (Quote).
            const int start = int(ArticleText.indexOf(u"talks are frozen"));
            const int end = start + 16;
            QTextCursor cursor(view->document());
            cursor.setPosition(start);
            cursor.setPosition(end, QTextCursor::KeepAnchor);
            view->setTextCursor(cursor);
            view->setFocus();
            QTest::keyClick(view, Qt::Key_1);

            ProjectSession *session = window.session();
            QTRY_COMPARE(session->annotations.rowCount(), 1);
            const Annotation *a = session->annotations.annotation(0);
            QCOMPARE(a->start, start);
            QCOMPARE(a->end, end);
            QCOMPARE(session->project().code(a->codeId)->name, QStringLiteral("Quote"));
            QCOMPARE(session->project().coderNameFor(a->coderId), QStringLiteral("Alex Example"));
            annotationId = idString(a->id);

            // The row is listed and selected in the table.
            QTableView *table = workspace->annotationPane()->annotationTable();
            QCOMPARE(table->model()->index(0, AnnotationTableModel::TextColumn).data().toString(),
                     QStringLiteral("talks are frozen"));
            QCOMPARE(workspace->annotationPane()->currentAnnotation(), a->id);

            // The highlight is painted: the underline bar below the span has the code's colour.
            const QList<QRectF> rects = view->spanRects(start, end);
            QVERIFY(!rects.isEmpty());
            const QRectF r = rects.first();
            const QPoint bar(int(r.center().x()), int(r.bottom() + 2));
            const QColor codeColor = session->project().code(a->codeId)->color;
            QVERIFY2(closeTo(pixelAt(view->viewport(), bar), codeColor.darker(150))
                         || closeTo(pixelAt(view->viewport(), bar), codeColor.darker(110)),
                     qPrintable(pixelAt(view->viewport(), bar).name()));
            // Unannotated text has no bar.
            const QList<QRectF> plain = view->spanRects(0, 7);
            QVERIFY(!closeTo(pixelAt(view->viewport(), QPoint(int(plain.first().center().x()),
                                                               int(plain.first().bottom() + 2))),
                             codeColor.darker(110)));

            // Undo removes it, redo brings it back (through the Edit menu's actions).
            QUndoStack *stack = session->project().undoStack();
            QCOMPARE(stack->count(), 1);
            QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
            QTRY_COMPARE(session->annotations.rowCount(), 0);
            QCOMPARE(session->project().reader().annotationCount(), 0);
            QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
            QTRY_COMPARE(session->annotations.rowCount(), 1);
            QCOMPARE(session->project().reader().annotationCount(), 1);

            // A second, overlapping annotation (Speaker over "Minister Ana Reyes" + Claim around it).
            const int s2 = int(ArticleText.indexOf(u"Minister Ana Reyes"));
            cursor.setPosition(s2);
            cursor.setPosition(s2 + 18, QTextCursor::KeepAnchor);
            view->setTextCursor(cursor);
            QTest::keyClick(view, Qt::Key_2);
            QTRY_COMPARE(session->annotations.rowCount(), 2);
            cursor.setPosition(s2);
            cursor.setPosition(int(ArticleText.indexOf(u"pride")) + 5, QTextCursor::KeepAnchor);
            view->setTextCursor(cursor);
            QTest::keyClick(view, Qt::Key_3);
            QTRY_COMPARE(session->annotations.rowCount(), 3);
            QCOMPARE(view->annotationsAt(s2 + 2).size(), 2); // overlapping

            // Clicking coded text selects the innermost annotation in the table too.
            const QRectF speakerRect = view->spanRects(s2, s2 + 18).first();
            QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, speakerRect.center().toPoint());
            const QUuid selected = workspace->annotationPane()->currentAnnotation();
            QVERIFY(!selected.isNull());
            QCOMPARE(session->project().code(session->project().reader().annotation(selected)->codeId)->name,
                     QStringLiteral("Speaker"));
            QCOMPARE(view->selectedAnnotation(), selected);

            // Delete removes the selected one (undoable).
            window.findChild<QAction *>(QStringLiteral("actionDeleteAnnotation"))->trigger();
            QTRY_COMPARE(session->annotations.rowCount(), 2);
            QVERIFY(!session->project().reader().annotation(selected));
            QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
            QTRY_COMPARE(session->annotations.rowCount(), 3);
            QVERIFY(session->project().reader().annotation(selected));
        }
        // Reopen: the same state, with nothing saved explicitly.
        MainWindow again;
        again.setInteractive(false);
        QVERIFY(again.openProject(path));
        QTRY_VERIFY(!again.workspace()->currentDocument().isNull());
        QCOMPARE(again.session()->annotations.rowCount(), 3);
        QCOMPARE(idString(again.session()->annotations.annotation(0)->id), annotationId);
    }

    void memoEditInTableIsUndoable()
    {
        QTemporaryDir dir;
        const QString path = createProject(dir);
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.openProject(path));
        window.ensureCoderName(QStringLiteral("Alex Example"));
        ProjectSession *session = window.session();
        QTRY_VERIFY(!window.workspace()->currentDocument().isNull());
        const QUuid doc = window.workspace()->currentDocument();
        const QUuid quote = session->project().codeByName(QStringLiteral("Quote"))->id;
        QVERIFY(session->project().addAnnotation(doc, quote, 0, 7));
        QTableView *table = window.workspace()->annotationPane()->annotationTable();
        QVERIFY(table->model()->setData(table->model()->index(0, AnnotationTableModel::MemoColumn),
                                        QStringLiteral("headline")));
        QCOMPARE(session->project().reader().annotationsForDocument(doc).first().memo, QStringLiteral("headline"));
        session->project().undoStack()->undo();
        QCOMPARE(session->project().reader().annotationsForDocument(doc).first().memo, QString());
    }

    void filterAndImportThroughController()
    {
        QTemporaryDir dir;
        const QString path = createProject(dir);
        QDir(dir.path()).mkdir(QStringLiteral("in"));
        QFile good(dir.filePath(QStringLiteral("in/a.txt")));
        QVERIFY(good.open(QIODevice::WriteOnly));
        good.write(" date 2025-04-01 https://www.meridian-wire.example/x\n\nPort strike ends\n\nBody text.\n");
        good.close();
        QFile bad(dir.filePath(QStringLiteral("in/b.txt")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(QByteArray("\0\1\2\3binary", 10));
        bad.close();

        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.openProject(path));
        ImportController *importer = window.importer();
        QSignalSpy finished(importer, &ImportController::finished);
        importer->importPaths(window.session()->project(), {dir.filePath(QStringLiteral("in"))});
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().value<QList<QUuid>>().size(), 1);
        QCOMPARE(importer->lastReport().skipped.size(), 1);
        QCOMPARE(window.session()->documents.rowCount(), 2);
        // One undo step takes the whole import back.
        window.session()->project().undoStack()->undo();
        QCOMPARE(window.session()->documents.rowCount(), 1);
        window.session()->project().undoStack()->redo();

        // Filtering the list by outlet.
        window.documentList()->filterEdit()->setText(QStringLiteral("meridian"));
        QCOMPARE(window.documentList()->view()->model()->rowCount(), 1);
        window.documentList()->filterEdit()->clear();
        QCOMPARE(window.documentList()->view()->model()->rowCount(), 2);
    }

    void lockedProjectIsRefusedForWriting()
    {
        QTemporaryDir dir;
        const QString path = createProject(dir);
        auto holder = Project::open(path); // another "process" editing it
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(!window.openProject(path));
        QVERIFY(window.session() == nullptr);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
