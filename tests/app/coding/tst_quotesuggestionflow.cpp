// Edit ▸ Suggest Quotes in the window (src/app/coding): suggest on a worker
// thread, step with F7, accept with Ctrl+Return (the quote, its speaker span,
// the link and a new actor arrive in one undo step), reject with
// Ctrl+Backspace, cancel writes nothing, and undo takes everything back.
// NEWSCODER_SCREENSHOT_DIR saves quote-suggestion.png (the README picture).
#include "../WindowTestSupport.h"
#include "articles/DocumentListDock.h"
#include "coding/ArticleView.h"
#include "coding/CodingWorkspace.h"
#include "coding/QuoteSuggestionActions.h"
#include "io/ArticleTextParser.h"
#include "io/CodebookJson.h"
#include "quotes/QuoteSuggestions.h"
#include "shell/MainWindow.h"
#include "shell/ProjectSession.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace newscoder;
using namespace newscoder::test;

namespace {

// Fictional.
const char *const Page = "Port strike looms\n"
                         "\n"
                         "Harbour minister Ana Reyes said on Monday that the port would reopen in May. \"We will not "
                         "wait any longer,\" Reyes told reporters.\n"
                         "Union leader Tomás Brandt warned that workers would strike. \"This plan is dead,\" he said.\n";

} // namespace

class TestQuoteSuggestionFlow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    QUuid m_doc;

    QuoteSuggestionActions *actions() const
    {
        return m_window->findChild<QuoteSuggestionActions *>(QStringLiteral("quoteSuggestionActions"));
    }
    QAction *action(const char *name) const { return m_window->findChild<QAction *>(QString::fromLatin1(name)); }
    Project &project() const { return m_window->session()->project(); }
    QString textOf(const Annotation &a) const
    {
        return m_window->workspace()->articleView()->toPlainText().mid(a.start, a.length());
    }
    // The window's annotation of this code and text (current article).
    std::optional<Annotation> find(const char *code, const QString &text) const
    {
        const QUuid codeId = project().codeByName(QString::fromLatin1(code))->id;
        for (const Annotation &a : m_window->session()->annotations.annotations()) {
            if (a.codeId == codeId && textOf(a) == text)
                return a;
        }
        return std::nullopt;
    }
    QUuid valueOf(const QUuid &annotation, const char *code, const char *field, bool actor) const
    {
        const QUuid fieldId = project().codeByName(QString::fromLatin1(code))->fieldByName(QString::fromLatin1(field))->id;
        for (const FieldValue &v : project().annotationValues(annotation)) {
            if (v.fieldId == fieldId)
                return actor ? v.actorId : v.annotationId;
        }
        return {};
    }
    QUuid selected() const { return m_window->workspace()->articleView()->selectedAnnotation(); }

    bool suggestHere()
    {
        QSignalSpy done(actions(), &QuoteSuggestionActions::suggested);
        action("actionSuggestQuotesArticle")->trigger();
        if (!actions()->job())
            return false;
        if (!done.wait(20000) || done.count() != 1)
            return false;
        m_window->activateWindow(); // the progress dialog had it
        return QTest::qWaitForWindowActive(m_window.get());
    }

    // F7 until the selected suggestion's text is `text` (at most 10 steps).
    bool stepTo(const QString &text)
    {
        for (int i = 0; i < 10; ++i) {
            QTest::keyClick(m_window.get(), Qt::Key_F7);
            const auto a = m_window->session()->annotations.annotation(m_window->session()->annotations.rowOf(selected()));
            if (a && textOf(*a) == text)
                return true;
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase() { useTestSettings("tst_quotesuggestionflow"); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        const QString path = m_dir->filePath(QStringLiteral("p.newscoder"));
        {
            auto p = Project::create(path, defaultNewsCodebook());
            const ArticleParseResult parsed = parseArticleText(QByteArray(Page), QStringLiteral("port.txt"));
            QVERIFY(parsed.document);
            m_doc = p->importDocuments({*parsed.document}).value(0);
            Actor reyes;
            reyes.name = QStringLiteral("Ana Reyes");
            QVERIFY(p->addActor(reyes));
        }
        m_window = std::make_unique<MainWindow>();
        QVERIFY(openAndShow(*m_window, path, QSize(1400, 800)));
        m_window->ensureCoderName(QStringLiteral("Ana"));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_window->documentList()->selectDocument(m_doc);
        QTRY_COMPARE(m_window->workspace()->currentDocument(), m_doc);
        project().undoStack()->clear();
    }

    void cleanup()
    {
        m_window.reset();
        m_dir.reset();
    }

    void actionsAreInTheEditMenuWithKeys()
    {
        auto *edit = m_window->menuBar()->findChild<QMenu *>(QStringLiteral("menuEdit"));
        QVERIFY(edit);
        auto *suggest = edit->findChild<QMenu *>(QStringLiteral("menuSuggestQuotes"));
        QVERIFY(suggest);
        QVERIFY(suggest->actions().contains(action("actionSuggestQuotesArticle")));
        QVERIFY(suggest->actions().contains(action("actionSuggestQuotesSelected")));
        QVERIFY(suggest->actions().contains(action("actionSuggestQuotesCorpus")));
        QCOMPARE(action("actionNextSuggestion")->shortcut(), QKeySequence(Qt::Key_F7));
        QCOMPARE(action("actionAcceptSuggestion")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Return));
        QCOMPARE(action("actionRejectSuggestion")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Backspace));
        QVERIFY(edit->actions().contains(action("actionAcceptSuggestion")));
    }

    void suggestAcceptWithTheKeyAndUndo()
    {
        QVERIFY(suggestHere());
        QVERIFY2(project().undoStack()->count() == 1, qPrintable(m_window->statusBar()->currentMessage()));
        const auto dead = find("Quote", QStringLiteral("This plan is dead,"));
        QVERIFY(dead);
        QCOMPARE(dead->status, AnnotationStatus::Suggested);
        const auto he = find("Speaker", QStringLiteral("he"));
        QVERIFY(he);
        QCOMPARE(he->status, AnnotationStatus::Suggested);
        QVERIFY(readQuoteSuggestionMemo(dead->memo)); // hovering the span shows the rule
        QVERIFY(dead->memo.contains(QStringLiteral("rule: ")));

        QVERIFY(stepTo(QStringLiteral("This plan is dead,")));
        QCOMPARE(selected(), dead->id);
        QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(project().undoStack()->count(), 2);
        const auto quote = find("Quote", QStringLiteral("This plan is dead,"));
        const auto speaker = find("Speaker", QStringLiteral("he"));
        QVERIFY(quote && speaker);
        QCOMPARE(quote->status, AnnotationStatus::Coded);
        QCOMPARE(speaker->status, AnnotationStatus::Coded);
        QCOMPARE(valueOf(quote->id, "Quote", "Speaker", false), speaker->id);
        const auto brandt = project().resolveActor(QStringLiteral("Tomás Brandt"));
        QVERIFY(brandt);
        QCOMPARE(valueOf(speaker->id, "Speaker", "Actor", true), brandt->id);
        QVERIFY(selected() != quote->id); // on to the next suggestion
        // The other quotes are still suggestions.
        QCOMPARE(find("Quote", QStringLiteral("We will not wait any longer,"))->status, AnnotationStatus::Suggested);

        project().undoStack()->undo(); // the accept: quote, speaker, link, actor
        QCOMPARE(find("Quote", QStringLiteral("This plan is dead,"))->status, AnnotationStatus::Suggested);
        QCOMPARE(find("Speaker", QStringLiteral("he"))->status, AnnotationStatus::Suggested);
        QVERIFY(!project().resolveActor(QStringLiteral("Tomás Brandt")));
        project().undoStack()->undo(); // the suggestions
        QVERIFY(m_window->session()->annotations.annotations().isEmpty());
        QCOMPARE(project().actors().size(), 1);
    }

    void rejectWithTheKeyTakesTheSpeakerAlong()
    {
        QVERIFY(suggestHere());
        QVERIFY(stepTo(QStringLiteral("We will not wait any longer,")));
        const int before = int(m_window->session()->annotations.annotations().size());
        QTest::keyClick(m_window.get(), Qt::Key_Backspace, Qt::ControlModifier);
        QVERIFY(!find("Quote", QStringLiteral("We will not wait any longer,")));
        QVERIFY(!find("Speaker", QStringLiteral("Reyes")));
        QCOMPARE(int(m_window->session()->annotations.annotations().size()), before - 2);
        project().undoStack()->undo();
        QVERIFY(find("Speaker", QStringLiteral("Reyes")));
    }

    void cancelWritesNothing()
    {
        QSignalSpy done(actions(), &QuoteSuggestionActions::suggested);
        QVERIFY(actions()->suggest(QuoteSuggestionActions::Scope::Corpus));
        actions()->job()->cancel();
        QVERIFY(done.wait(20000));
        QVERIFY(done.first().first().value<QuoteSuggestionRun>().cancelled);
        QCOMPARE(project().undoStack()->count(), 0);
        QVERIFY(m_window->session()->annotations.annotations().isEmpty());
        QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("cancelled")));
    }

    void screenshotOfASuggestedQuoteWithItsSpeaker()
    {
        QVERIFY(suggestHere());
        QVERIFY(stepTo(QStringLiteral("We will not wait any longer,")));
        if (const QString folder = qEnvironmentVariable("NEWSCODER_SCREENSHOT_DIR"); !folder.isEmpty()) {
            QTest::qWait(200);
            QVERIFY(m_window->grab().save(folder + QStringLiteral("/quote-suggestion.png")));
        }
    }
};

QTEST_MAIN(TestQuoteSuggestionFlow)
#include "tst_quotesuggestionflow.moc"
