// Edit mode (offscreen): typing in the article text editor records edits in
// UTF-16 offsets of the stored text (a non-BMP character and a paragraph break
// included); Apply moves the annotations with the text in one undo step.
#include "coding/ArticleTextEditor.h"
#include "io/CodebookJson.h"
#include "project/Project.h"
#include "shell/MainWindow.h"

#include <QAction>
#include <QLabel>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;

namespace {

// "loudly" [13, 19) follows the surrogate pair at [10, 12); "mayor" [25, 30)
// follows the paragraph break at 20; "a day of joy" [41, 53).
const QString Text = QStringLiteral("Fans sang \U0001D11E loudly.\nThe mayor called it a day of joy.");

} // namespace

class TestArticleTextEditor : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Project> m_project;
    QUuid m_doc, m_loudly, m_mayor, m_joy;

    QString textOf(const QUuid &id)
    {
        const auto a = m_project->reader().annotation(id);
        return a ? m_project->reader().documentText(m_doc).mid(a->start, a->length()) : QString();
    }

    static void typeAt(QPlainTextEdit *editor, int position, const QString &text)
    {
        QTextCursor c(editor->document());
        c.setPosition(position);
        editor->setTextCursor(c);
        QTest::keyClicks(editor, text);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("NewscoderTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_articletexteditor"));
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_project = Project::create(m_dir->filePath(QStringLiteral("edit.newscoder")), defaultNewsCodebook());
        Document d;
        d.title = QStringLiteral("Festival");
        d.text = Text;
        m_doc = m_project->importDocuments({d}).value(0);
        m_project->setCoderName(QStringLiteral("Alex"));
        const QUuid quote = m_project->codeByName(QStringLiteral("Quote"))->id;
        m_loudly = m_project->addAnnotation(m_doc, quote, 13, 19).value_or(QUuid());
        m_mayor = m_project->addAnnotation(m_doc, quote, 25, 30).value_or(QUuid());
        m_joy = m_project->addAnnotation(m_doc, quote, 41, 53).value_or(QUuid());
        QCOMPARE(textOf(m_loudly), QStringLiteral("loudly"));
        QCOMPARE(textOf(m_mayor), QStringLiteral("mayor"));
        QCOMPARE(textOf(m_joy), QStringLiteral("a day of joy"));
        m_project->undoStack()->clear();
    }

    void cleanup()
    {
        m_project.reset();
        m_dir.reset();
    }

    void typingBeforeInsideAfter()
    {
        const QList<Annotation> before = m_project->reader().annotationsForDocument(m_doc);
        ArticleTextEditor dialog(*m_project, m_doc);
        dialog.show();
        QPlainTextEdit *editor = dialog.editor();
        QCOMPARE(dialog.note()->text(), QStringLiteral("No changes."));

        typeAt(editor, 0, QStringLiteral("Many "));              // before everything
        QCOMPARE(dialog.text().indexOf(QStringLiteral("loudly")), 5 + 13);
        typeAt(editor, 5 + 13, QStringLiteral("very "));         // after the surrogate pair, before "loudly"
        const int joyInside = int(dialog.text().indexOf(QStringLiteral("day of")));
        typeAt(editor, joyInside, QStringLiteral("fine "));      // inside "a day of joy"
        typeAt(editor, int(dialog.text().size()), QStringLiteral(" Really.")); // after everything
        // Backspace removes the "M" typed at the start again, a deletion.
        typeAt(editor, 1, QString());
        QTest::keyClick(editor, Qt::Key_Backspace);

        const QString expected = QStringLiteral("any Fans sang \U0001D11E very loudly.\nThe mayor called it a fine day of "
                                                "joy. Really.");
        QCOMPARE(dialog.text(), expected);
        QCOMPARE(editor->toPlainText(), expected);
        QVERIFY(dialog.edits().size() >= 5);
        QVERIFY(dialog.note()->text().contains(QStringLiteral("3 annotations will move")));
        QVERIFY(!dialog.note()->text().contains(QStringLiteral("review")));

        QVERIFY(dialog.apply());
        QCOMPARE(m_project->undoStack()->count(), 1);
        QCOMPARE(m_project->reader().documentText(m_doc), expected);
        QCOMPARE(textOf(m_loudly), QStringLiteral("loudly"));
        QCOMPARE(textOf(m_mayor), QStringLiteral("mayor"));
        QCOMPARE(textOf(m_joy), QStringLiteral("a fine day of joy"));

        m_project->undoStack()->undo();
        QCOMPARE(m_project->reader().documentText(m_doc), Text);
        const QList<Annotation> after = m_project->reader().annotationsForDocument(m_doc);
        QCOMPARE(after.size(), before.size());
        for (qsizetype i = 0; i < after.size(); ++i) {
            QCOMPARE(after[i].start, before[i].start);
            QCOMPARE(after[i].end, before[i].end);
            QCOMPARE(after[i].status, AnnotationStatus::Coded);
        }
    }

    void deletingAWordFlagsItAndCancelDiscards()
    {
        {
            ArticleTextEditor dialog(*m_project, m_doc);
            QPlainTextEdit *editor = dialog.editor();
            QTextCursor c(editor->document());
            c.setPosition(25);
            c.setPosition(31, QTextCursor::KeepAnchor); // "mayor "
            editor->setTextCursor(c);
            QTest::keyClick(editor, Qt::Key_Delete);
            QVERIFY(dialog.note()->text().contains(QStringLiteral("1 annotation loses all its text")));
            dialog.reject(); // Cancel: nothing reaches the project
        }
        QCOMPARE(m_project->reader().documentText(m_doc), Text);
        QCOMPARE(m_project->undoStack()->count(), 0);

        ArticleTextEditor dialog(*m_project, m_doc);
        QTextCursor c(dialog.editor()->document());
        c.setPosition(25);
        c.setPosition(31, QTextCursor::KeepAnchor);
        dialog.editor()->setTextCursor(c);
        QTest::keyClick(dialog.editor(), Qt::Key_Delete);
        QVERIFY(dialog.apply());
        const auto flagged = m_project->reader().annotation(m_mayor);
        QCOMPARE(flagged->status, AnnotationStatus::Review);
        QCOMPARE(textOf(m_joy), QStringLiteral("a day of joy"));
        m_project->undoStack()->undo();
        QCOMPARE(m_project->reader().annotation(m_mayor)->status, AnnotationStatus::Coded);
        QCOMPARE(textOf(m_mayor), QStringLiteral("mayor"));
    }

    // The window's action: enabled for a writable project with an article shown.
    void windowAction()
    {
        const QString path = m_project->path();
        m_project.reset();
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(!window.editTextAction()->isEnabled());
        QVERIFY(window.openProject(path, false));
        QVERIFY(window.editTextAction()->isEnabled()); // the first article is shown
        window.closeProject();
        QVERIFY(!window.editTextAction()->isEnabled());
    }
};

QTEST_MAIN(TestArticleTextEditor)
#include "tst_articletexteditor.moc"
