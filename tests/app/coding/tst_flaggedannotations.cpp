// The window and text edits (issue 22): Edit ▸ Next/Previous Flagged
// Annotation steps through the annotations a text edit flagged, across
// articles, and coding a selection that cuts a character codes it whole.
#include "../WindowTestSupport.h"
#include "coding/AnnotationPane.h"
#include "coding/ArticleView.h"
#include "coding/CodingWorkspace.h"
#include "io/CodebookJson.h"
#include "shell/MainWindow.h"
#include "shell/ProjectSession.h"
#include "text/AnchorShift.h"

#include <QAction>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;

namespace {

struct Prepared
{
    QString path;
    QList<QUuid> documents;
    QList<QUuid> flagged; // in article order, then position
};

// Two articles; in each, one annotation whose text an edit deleted and one kept.
Prepared prepare(const QTemporaryDir &dir)
{
    Prepared p;
    p.path = dir.filePath(QStringLiteral("flags.newscoder"));
    auto project = Project::create(p.path, defaultNewsCodebook());
    project->setCoderName(QStringLiteral("Alex Example"));
    Document a, b;
    a.title = QStringLiteral("A first");
    a.text = QStringLiteral("Hello world. Bye now.");
    b.title = QStringLiteral("B second");
    b.text = QStringLiteral("Jose\u0301 said no. Ana said yes.");
    p.documents = project->importDocuments({a, b});
    const QUuid claim = project->codeByName(QStringLiteral("Claim"))->id;
    for (const QUuid &doc : std::as_const(p.documents)) {
        const auto kept = project->addAnnotation(doc, claim, 0, 5);
        const auto lost = project->addAnnotation(doc, claim, 6, 11);
        project->editDocumentText(doc, {TextEdit{6, 5, QString()}});
        Q_UNUSED(kept);
        p.flagged.append(*lost);
    }
    // The store orders flagged annotations by article id: follow it.
    if (idString(p.documents[1]) < idString(p.documents[0]))
        std::swap(p.flagged[0], p.flagged[1]);
    return p;
}

} // namespace

class TestFlaggedAnnotations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::useTestSettings("tst_flaggedannotations"); }

    void nextAndPreviousStepThroughFlaggedAnnotations()
    {
        QTemporaryDir dir;
        const Prepared p = prepare(dir);
        MainWindow window;
        QVERIFY(test::openAndShow(window, p.path));
        auto *next = window.findChild<QAction *>(QStringLiteral("actionNextFlagged"));
        auto *previous = window.findChild<QAction *>(QStringLiteral("actionPreviousFlagged"));
        QVERIFY(next && previous);
        QCOMPARE(next->shortcut(), QKeySequence(Qt::Key_F8));

        const auto current = [&] { return window.workspace()->articleView()->selectedAnnotation(); };
        // Next starts from the article the window shows (the list's first, by title):
        // its flagged annotation comes first when it is the later one in store order.
        const QList<Annotation> inOrder = window.session()->project().flaggedAnnotations();
        QCOMPARE(inOrder.size(), 2);
        QCOMPARE(inOrder[0].id, p.flagged[0]);
        const bool startsAtSecond = window.workspace()->currentDocument() == inOrder[1].documentId;
        const QUuid first = startsAtSecond ? p.flagged[1] : p.flagged[0];
        const QUuid second = startsAtSecond ? p.flagged[0] : p.flagged[1];
        next->trigger();
        QTRY_COMPARE(current(), first);
        const QString expected = QStringLiteral("Flagged %1 of 2").arg(startsAtSecond ? 2 : 1);
        QVERIFY2(window.statusBar()->currentMessage().contains(expected),
                 qPrintable(window.statusBar()->currentMessage()));
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("was deleted by the edit at 6")));
        next->trigger();
        QTRY_COMPARE(current(), second); // the other article
        next->trigger();
        QTRY_COMPARE(current(), first); // wraps around
        previous->trigger();
        QTRY_COMPARE(current(), second);
        // The ⚠ in the table says why.
        const auto &model = window.session()->annotations;
        const int row = model.rowOf(second);
        QVERIFY(model.index(row, AnnotationTableModel::TextColumn).data().toString().startsWith(QStringLiteral("⚠ ")));
        QVERIFY(model.index(row, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("(“")));
    }

    // A selection ending between "e" and its accent codes "José" whole.
    void codingSnapsTheSelectionToWholeCharacters()
    {
        QTemporaryDir dir;
        const Prepared p = prepare(dir);
        MainWindow window;
        QVERIFY(test::openAndShow(window, p.path));
        window.ensureCoderName(QStringLiteral("Alex Example"));
        window.session()->project().undoStack()->clear();
        window.workspace()->showDocument(p.documents[1]);
        ArticleView *view = window.workspace()->articleView();
        QTextCursor cursor(view->document());
        cursor.setPosition(0);
        cursor.setPosition(4, QTextCursor::KeepAnchor); // "Jose" without its accent
        view->setTextCursor(cursor);
        QCOMPARE(view->selectedSpan(), std::make_pair(0, 4));
        const QUuid speaker = window.session()->project().codeByName(QStringLiteral("Speaker"))->id;
        const QUuid id = window.workspace()->applyCode(speaker);
        QVERIFY(!id.isNull());
        const auto a = window.session()->project().reader().annotation(id);
        QCOMPARE(a->start, 0);
        QCOMPARE(a->end, 5);
    }
};

QTEST_MAIN(TestFlaggedAnnotations)
#include "tst_flaggedannotations.moc"
