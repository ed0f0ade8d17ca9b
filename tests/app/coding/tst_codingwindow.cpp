// The coding window as a researcher meets it (issue 17): an import with a
// skipped file ends with a report that closes, a reading pane that stays
// wide, coders kept apart, clean span boundaries, a link picker that tells
// targets apart, outlet names that follow the registry, and the smaller
// signs that the window answers (scroll kept, feedback, labels).
#include "articles/DocumentListDock.h"
#include "articles/ImportController.h"
#include "coding/AnnotationFieldForm.h"
#include "coding/AnnotationPane.h"
#include "coding/ArticleTextEditor.h"
#include "coding/ArticleView.h"
#include "coding/CodingWorkspace.h"
#include "common/Prompt.h"
#include "fields/ArticleVariablesPanel.h"
#include "io/CodebookJson.h"
#include "search/SearchDock.h"
#include "shell/CoderFilterMenu.h"
#include "shell/MainWindow.h"
#include "shell/ProjectSession.h"

#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace newscoder;

namespace {

const QString ArticleText = QStringLiteral(
    "Harbour talks stall\n\nThe port authority said on Monday that \"talks are frozen\" until May.\n"
    "Kremlin spokesman Dmitry Peskov told reporters the dispute was \"a matter of national pride\".\n"
    "Dockworkers gathered at the gate while the alleged gathering of officials went on.\n"
    "Later, Peskov said the talks could resume.\n");

QString createProject(const QTemporaryDir &dir, const QString &name = QStringLiteral("w.newscoder"))
{
    const QString path = dir.filePath(name);
    auto project = Project::create(path, defaultNewsCodebook());
    Document d;
    d.title = QStringLiteral("Harbour talks stall");
    d.outlet = QStringLiteral("harbourgazette.example");
    d.url = QStringLiteral("https://harbourgazette.example/talks");
    d.date = QDate(2025, 3, 14);
    d.text = ArticleText;
    project->importDocuments({d});
    return path;
}

QUuid codeId(Project &project, const QString &name)
{
    const auto code = project.codeByName(name);
    return code ? code->id : QUuid();
}

void selectText(ArticleView *view, int start, int end)
{
    QTextCursor cursor(view->document());
    cursor.setPosition(start);
    cursor.setPosition(end, QTextCursor::KeepAnchor);
    view->setTextCursor(cursor);
}

// The middle of the character at `position`, in viewport coordinates.
QPoint pointAt(ArticleView *view, int position)
{
    QTextCursor cursor(view->document());
    cursor.setPosition(position);
    const QRect at = view->cursorRect(cursor);
    QTextCursor next(view->document());
    next.setPosition(position + 1);
    return QPoint((at.center().x() + view->cursorRect(next).center().x()) / 2, at.center().y());
}

QString storedText(const QString &text, const Annotation &a)
{
    return text.mid(a.start, a.length());
}

// Central width given to the article (the reading pane) and the workspace.
std::pair<int, int> readingWidths(MainWindow &window)
{
    QApplication::processEvents();
    return {window.workspace()->articleView()->width(), window.centralWidget()->width()};
}

} // namespace

class TestCodingWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("NewscoderTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_codingwindow"));
    }

    void init()
    {
        QSettings().clear(); // every test starts from the default layout and settings
        QSettings().setValue(QStringLiteral("coder/name"), QStringLiteral("Ana"));
    }

    // 1. The hang: the progress dialog must be gone before the Import Report
    // opens, the import completes, and the report closes.
    void importWithSkippedFileShowsAReportThatCloses()
    {
        QTemporaryDir dir;
        const QString path = createProject(dir);
        QDir(dir.path()).mkdir(QStringLiteral("in"));
        QFile good(dir.filePath(QStringLiteral("in/a.txt")));
        QVERIFY(good.open(QIODevice::WriteOnly));
        good.write("date 2025-04-01 https://www.meridian-wire.example/x\n\nPort strike ends\n\nBody text.\n");
        good.close();
        QFile bad(dir.filePath(QStringLiteral("in/b.txt")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(QByteArray("\0\1\2\3binary", 10));
        bad.close();

        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.openProject(path));
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ImportController *importer = window.importer();
        importer->setInteractive(true); // the report path itself
        importer->setProgressDelay(0);  // the progress dialog shows at once
        QSignalSpy finished(importer, &ImportController::finished);

        bool sawProgress = false;
        QTimer watch;
        watch.setInterval(5);
        connect(&watch, &QTimer::timeout, this, [&] {
            for (auto *progress : window.findChildren<QProgressDialog *>())
                sawProgress = sawProgress || progress->isVisible();
        });
        watch.start();
        importer->importPaths(window.session()->project(), {dir.filePath(QStringLiteral("in"))});
        for (auto *progress : window.findChildren<QProgressDialog *>())
            sawProgress = sawProgress || progress->isVisible(); // up while the worker reads
        QVERIFY(finished.wait(20000)); // the import completes while the report is up
        watch.stop();
        QVERIFY(sawProgress);
        QCOMPARE(window.session()->documents.rowCount(), 2);

        auto *report = window.findChild<QMessageBox *>(QStringLiteral("importReport"));
        QVERIFY(report);
        QTRY_VERIFY(report->isVisible());
        QVERIFY(report->text().contains(QStringLiteral("1 file(s) skipped")));
        QVERIFY(report->detailedText().contains(QStringLiteral("b.txt")));
        // Nothing else modal is left up: the progress dialog is closed and gone.
        for (auto *progress : window.findChildren<QProgressDialog *>())
            QVERIFY(!progress->isVisible());
        QCOMPARE(QApplication::activeModalWidget(), report);

        // The report answers and closes; the window takes input again.
        QPointer<QMessageBox> guard(report);
        report->button(QMessageBox::Ok)->click();
        QTRY_VERIFY(guard.isNull() || !guard->isVisible());
        QTRY_VERIFY(QApplication::activeModalWidget() == nullptr);
    }

    // 2. The reading pane keeps at least half the central width after
    // New / Open / Close / Open; Reset Layout; the Search panel's space comes back.
    void readingPaneStaysWide()
    {
        QTemporaryDir dir;
        const QString path = createProject(dir);
        MainWindow window;
        window.setInteractive(false);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        const auto check = [&](const char *step) {
            const auto [reading, central] = readingWidths(window);
            if (reading * 2 < central || central * 5 < window.width() * 2)
                QFAIL(qPrintable(QStringLiteral("%1: reading pane %2 px of central %3 px (window %4 px)")
                                     .arg(QLatin1String(step))
                                     .arg(reading)
                                     .arg(central)
                                     .arg(window.width())));
        };
        QVERIFY(window.createProject(dir.filePath(QStringLiteral("new.newscoder"))));
        check("new");
        // A splitter squeezed by hand (or restored squeezed) comes back on the next open.
        window.workspace()->splitter()->setSizes({60, 900});
        QVERIFY(window.openProject(path));
        check("open");
        window.closeProject();
        QVERIFY(window.openProject(path));
        check("reopen");

        // Search panel: a tab of the right-hand column, its lists get the height; closing it gives the width back.
        QDockWidget *variables = window.findChild<QDockWidget *>(QStringLiteral("articleVariablesDock"));
        QVERIFY(variables);
        QApplication::processEvents();
        const int before = variables->width();
        window.searchDock()->toggleViewAction()->trigger();
        QTRY_VERIFY(window.searchDock()->isVisible());
        QVERIFY(window.searchDock()->height() > window.height() / 2);
        window.resizeDocks({window.searchDock()}, {700}, Qt::Horizontal);
        QApplication::processEvents();
        window.searchDock()->toggleViewAction()->trigger();
        QTRY_VERIFY(!window.searchDock()->isVisible());
        QApplication::processEvents();
        QVERIFY2(variables->width() <= before + 4, qPrintable(QStringLiteral("%1 > %2").arg(variables->width()).arg(before)));
        check("search closed");

        // Reset Layout undoes hand-made damage.
        window.resizeDocks({window.documentList()}, {900}, Qt::Horizontal);
        window.workspace()->splitter()->setSizes({50, 900});
        window.resetLayoutAction()->trigger();
        check("reset");
        QVERIFY(window.documentList()->isVisible());

        // At 1280×800 the annotation table's Text column is readable.
        QTableView *table = window.workspace()->annotationPane()->annotationTable();
        QVERIFY2(table->columnWidth(AnnotationTableModel::TextColumn) >= 120,
                 qPrintable(QString::number(table->columnWidth(AnnotationTableModel::TextColumn))));
    }

    // 3. Coders kept apart: the View menu's coder filter applies to the article
    // view, the annotation table and the article list's counts.
    void coderFilterKeepsCodersApart()
    {
        QTemporaryDir dir;
        const QString path = createProject(dir);
        {
            auto project = Project::open(path);
            const QUuid doc = project->reader().documentSummaries().first().id;
            project->setCoderName(QStringLiteral("Ben"));
            QVERIFY(project->addAnnotation(doc, codeId(*project, QStringLiteral("Quote")), 10, 30));
            QVERIFY(project->addAnnotation(doc, codeId(*project, QStringLiteral("Claim")), 40, 60));
            project->setCoderName(QStringLiteral("Ana"));
            QVERIFY(project->addAnnotation(doc, codeId(*project, QStringLiteral("Speaker")), 120, 140));
        }
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.openProject(path));
        window.ensureCoderName(QStringLiteral("Ana"));
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ProjectSession *session = window.session();
        QTRY_VERIFY(!window.workspace()->currentDocument().isNull());
        const QUuid doc = window.workspace()->currentDocument();
        const auto count = [&] {
            return session->documents.index(session->documents.indexOf(doc).row(), DocumentListModel::AnnotationsColumn)
                .data()
                .toInt();
        };
        QCOMPARE(session->annotations.rowCount(), 3);
        QCOMPARE(count(), 3);

        CoderFilterMenu *menu = window.coderFilterMenu();
        QVERIFY(menu);
        QVERIFY(window.findChild<QMenu *>(QStringLiteral("menuShowCoders")));
        menu->rebuild();
        QAction *mine = menu->findChild<QAction *>(QStringLiteral("actionShowMine"));
        QVERIFY(mine);
        mine->trigger();
        QCOMPARE(session->annotations.rowCount(), 1);
        QCOMPARE(session->project().coderNameFor(session->annotations.annotation(0)->coderId), QStringLiteral("Ana"));
        QCOMPARE(count(), 1);
        QCOMPARE(window.workspace()->articleView()->annotationsAt(15).size(), 0); // Ben's quote is not shown

        QAction *ben = nullptr;
        for (QAction *action : menu->actions())
            if (action->data().toString() == QStringLiteral("Ben")) // its entry reads "&2 Ben"
                ben = action;
        QVERIFY(ben);
        ben->trigger();
        QCOMPARE(session->annotations.rowCount(), 2);
        QCOMPARE(count(), 2);
        // Coding while filtered to Ana: the count of the shown coder stays right.
        mine->trigger();
        selectText(window.workspace()->articleView(), 200, 210);
        QVERIFY(!window.workspace()->applyCode(codeId(session->project(), QStringLiteral("Claim"))).isNull());
        QCOMPARE(count(), 2);
        QCOMPARE(session->annotations.rowCount(), 2);

        // All coders: other coders' spans are outlined, not filled (a visible difference).
        menu->findChild<QAction *>(QStringLiteral("actionShowAllCoders"))->trigger();
        QCOMPARE(session->annotations.rowCount(), 4);
        QCOMPARE(count(), 4);
        ArticleView *view = window.workspace()->articleView();
        view->setSelectedAnnotation({}, false);
        view->viewport()->repaint();
        const QImage image = view->viewport()->grab().toImage();
        const QColor base = view->palette().color(QPalette::Base);
        const auto filled = [&](int position) {
            const QColor c = image.pixelColor(pointAt(view, position) * view->devicePixelRatioF());
            return qAbs(c.red() - base.red()) + qAbs(c.green() - base.green()) + qAbs(c.blue() - base.blue()) > 24;
        };
        // Positions on a space inside each span (no glyph ink): Ben's quote (10–30) vs Ana's speaker (120–140).
        int benSpace = int(ArticleText.indexOf(u' ', 12));
        int anaSpace = int(ArticleText.indexOf(u' ', 122));
        QVERIFY(benSpace < 30 && anaSpace < 140);
        QVERIFY(filled(anaSpace));
        QVERIFY(!filled(benSpace));
    }

    // 4. Span boundaries: coded spans from double-click and drag never begin
    // or end in white space, and a drag that cuts a word takes the whole word.
    void codedSpansHaveNoOuterWhitespace()
    {
        QTemporaryDir dir;
        const QString path = createProject(dir);
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.openProject(path));
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY(!window.workspace()->currentDocument().isNull());
        ArticleView *view = window.workspace()->articleView();
        QVERIFY(window.snapToWordsAction()->isChecked()); // on by default
        ProjectSession *session = window.session();
        const QUuid quote = codeId(session->project(), QStringLiteral("Quote"));

        // Double-click a word.
        const int alleged = int(ArticleText.indexOf(u"alleged"));
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, pointAt(view, alleged + 2));
        QVERIFY(view->textCursor().hasSelection());
        const QUuid first = window.workspace()->applyCode(quote);
        QVERIFY(!first.isNull());
        const Annotation *a = session->annotations.annotation(session->annotations.rowOf(first));
        QCOMPARE(storedText(ArticleText, *a), QStringLiteral("alleged"));

        // Drag from inside "gathering" to just past the space after "of": snapped and trimmed.
        const int gathering = int(ArticleText.indexOf(u"gathering of"));
        const int afterOf = gathering + int(QStringLiteral("gathering of ").size());
        const QPoint from = pointAt(view, gathering + 3);
        const QPoint to = pointAt(view, afterOf);
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, from);
        QMouseEvent move(QEvent::MouseMove, to, view->viewport()->mapToGlobal(to), Qt::NoButton, Qt::LeftButton,
                         Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &move);
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, to);
        QVERIFY(view->textCursor().hasSelection());
        const QUuid second = window.workspace()->applyCode(quote);
        QVERIFY(!second.isNull());
        a = session->annotations.annotation(session->annotations.rowOf(second));
        QCOMPARE(storedText(ArticleText, *a), QStringLiteral("gathering of"));
        for (const Annotation &each : session->annotations.annotations()) {
            const QString text = storedText(ArticleText, each);
            QVERIFY(!text.front().isSpace() && !text.back().isSpace());
        }

        // A keyboard selection with outer spaces is trimmed too; with snapping off the coder gets exactly it.
        const int officials = int(ArticleText.indexOf(u" officials "));
        selectText(view, officials, officials + 11);
        const QUuid third = window.workspace()->applyCode(quote);
        QCOMPARE(storedText(ArticleText, *session->annotations.annotation(session->annotations.rowOf(third))),
                 QStringLiteral("officials"));
        window.snapToWordsAction()->setChecked(false);
        selectText(view, officials, officials + 11);
        const QUuid exact = window.workspace()->applyCode(codeId(session->project(), QStringLiteral("Claim")));
        QCOMPARE(storedText(ArticleText, *session->annotations.annotation(session->annotations.rowOf(exact))),
                 QStringLiteral(" officials "));
        window.snapToWordsAction()->setChecked(true);
    }

    // 5. The link picker tells identical targets apart and lists the nearest first;
    // a known actor named by a Speaker is proposed.
    void linkPickerTellsTargetsApart()
    {
        QTemporaryDir dir;
        const QString path = createProject(dir);
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.openProject(path));
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY(!window.workspace()->currentDocument().isNull());
        Project &project = window.session()->project();
        Actor peskov;
        peskov.name = QStringLiteral("Dmitry Peskov");
        peskov.aliases = {QStringLiteral("Peskov")};
        QVERIFY(project.addActor(peskov));
        ArticleView *view = window.workspace()->articleView();
        const QUuid speaker = codeId(project, QStringLiteral("Speaker"));
        const int firstPeskov = int(ArticleText.indexOf(u"Peskov"));
        const int secondPeskov = int(ArticleText.indexOf(u"Peskov", firstPeskov + 1));
        selectText(view, firstPeskov, firstPeskov + 6);
        const QUuid far = window.workspace()->applyCode(speaker);
        selectText(view, secondPeskov, secondPeskov + 6);
        const QUuid near = window.workspace()->applyCode(speaker);
        QVERIFY(!far.isNull() && !near.isNull());

        // The Speaker "Peskov" names a known actor: proposed on the button.
        AnnotationFieldForm *form = window.workspace()->annotationPane()->findChild<AnnotationFieldForm *>();
        QVERIFY(form);
        auto *propose = form->findChild<QToolButton *>(QStringLiteral("actorFromText"));
        QVERIFY(propose);
        QTRY_COMPARE(propose->text(), QStringLiteral("Link Dmitry Peskov"));

        // A Quote at the end ("the talks could resume") links to a Speaker.
        const int resume = int(ArticleText.indexOf(u"the talks could resume"));
        selectText(view, resume, resume + 22);
        QVERIFY(!window.workspace()->applyCode(codeId(project, QStringLiteral("Quote"))).isNull());
        QToolButton *linkButton = nullptr;
        QTRY_VERIFY((linkButton = form->findChild<QToolButton *>(QStringLiteral("linkButton"))) != nullptr);
        QMenu *menu = linkButton->menu();
        QVERIFY(menu);
        Q_EMIT menu->aboutToShow();
        QList<QAction *> entries;
        for (QAction *action : menu->actions())
            if (!action->isSeparator() && action->data().isValid())
                entries.append(action);
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries[0]->data().toUuid(), near); // nearest first
        QVERIFY(entries[0]->text() != entries[1]->text());
        QVERIFY(entries[0]->text().contains(QStringLiteral("line 6")));
        QVERIFY(entries[1]->text().contains(QStringLiteral("line 4")));
        QVERIFY(entries[1]->text().contains(QStringLiteral("Kremlin spokesman")));
        QVERIFY(entries[0]->text().contains(QStringLiteral("Ana")));
    }

    // 6. Renaming an outlet renames it in the article list and the header.
    void outletRenameShowsEverywhere()
    {
        QTemporaryDir dir;
        const QString path = createProject(dir);
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.openProject(path));
        QTRY_VERIFY(!window.workspace()->currentDocument().isNull());
        Project &project = window.session()->project();
        const QUuid doc = window.workspace()->currentDocument();
        // The import linked the article to an outlet named after its domain.
        const QUuid outletId = window.session()->documents.summary(doc)->outletId;
        QVERIFY(!outletId.isNull());
        auto renamed = *project.outlet(outletId);
        renamed.name = QStringLiteral("Harbour Gazette");
        QVERIFY(project.updateOutlet(renamed));
        const QModelIndex cell = window.session()->documents.indexOf(doc, DocumentListModel::OutletColumn);
        QCOMPARE(cell.data().toString(), QStringLiteral("Harbour Gazette"));
        auto *title = window.workspace()->findChild<QLabel *>(QStringLiteral("articleTitle"));
        QVERIFY(title->text().contains(QStringLiteral("Harbour Gazette")));
        QVERIFY(!title->text().contains(QStringLiteral("harbourgazette.example")));
    }

    // 7. Smaller: the scroll position is kept after coding; Edit Article Text shows
    // the coded spans and counts in proper English; the undo note; the shortcut list.
    void smallerSignsThatTheWindowAnswers()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("long.newscoder"));
        QString longText;
        for (int i = 0; i < 120; ++i)
            longText += QStringLiteral("Paragraph %1 says the harbour talks went on for hours.\n").arg(i);
        {
            auto project = Project::create(path, defaultNewsCodebook());
            Document d;
            d.title = QStringLiteral("Long");
            d.text = longText;
            project->importDocuments({d});
        }
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.openProject(path));
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("Undo starts afresh")));
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY(!window.workspace()->currentDocument().isNull());
        ArticleView *view = window.workspace()->articleView();
        QScrollBar *bar = view->verticalScrollBar();
        // A long text is laid out lazily: finish it, or the scroll range still grows under the test.
        view->document()->documentLayout()->blockBoundingRect(view->document()->lastBlock());
        QApplication::processEvents();
        QVERIFY(bar->maximum() > 0);
        bar->setValue(bar->maximum() / 2);
        const int scrolled = bar->value();
        const int start = view->cursorForPosition(QPoint(20, view->viewport()->height() - 30)).position();
        selectText(view, start, start + 9);
        bar->setValue(scrolled); // a selection made with the mouse does not scroll
        QVERIFY(!window.workspace()->applyCode(codeId(window.session()->project(), QStringLiteral("Quote"))).isNull());
        QApplication::processEvents();
        QCOMPARE(bar->value(), scrolled);

        // Edit Article Text: coded spans tinted; "1 edit", not "1 edits".
        ArticleTextEditor editor(window.session()->project(), window.workspace()->currentDocument());
        QCOMPARE(editor.codedSpans().size(), 1);
        QCOMPARE(editor.codedSpans().first().cursor.selectionStart(),
                 window.session()->annotations.annotation(0)->start);
        QTextCursor cursor(editor.editor()->document());
        cursor.setPosition(0);
        cursor.insertText(QStringLiteral("X"));
        QVERIFY(editor.note()->text().startsWith(QStringLiteral("1 edit:")));
        QVERIFY(editor.note()->text().contains(QStringLiteral("1 annotation will move")));
        QCOMPARE(editor.codedSpans().first().cursor.selectionStart(),
                 window.session()->annotations.annotation(0)->start + 1); // moves with the text

        // Help lists the panels' shortcuts.
        const QString help = window.shortcutsHtml();
        for (const auto key : {Qt::Key_F, Qt::Key_H, Qt::Key_R})
            QVERIFY2(help.contains(QKeySequence(Qt::CTRL | Qt::SHIFT | key).toString(QKeySequence::NativeText)),
                     qPrintable(help));
    }

    // 7. A code key in a read-only window says why nothing happened.
    void codeKeyInReadOnlyWindowGivesFeedback()
    {
        QTemporaryDir dir;
        const QString path = createProject(dir);
        auto holder = Project::open(path); // another Newscoder is editing it
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Answer "Open read-only" (option 0) in the question the window asks.
        ScriptedPrompt prompt;
        prompt.chooseOption(0);
        QVERIFY(window.openProject(path));
        QCOMPARE(prompt.asked.size(), 1);
        window.setInteractive(false);
        QVERIFY(window.session()->project().isReadOnly());
        QTRY_VERIFY(!window.workspace()->currentDocument().isNull());
        ArticleView *view = window.workspace()->articleView();
        selectText(view, 30, 40);
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        view->setFocus();
        QTest::keyClick(view, Qt::Key_1);
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("read-only")),
                 qPrintable(window.statusBar()->currentMessage()));
        QCOMPARE(window.session()->annotations.rowCount(), 0);
    }
};

QTEST_MAIN(TestCodingWindow)
#include "tst_codingwindow.moc"
