// Scraper leftovers in the window: the article view draws them dimmed and
// without reading cues, a tooltip says what they are, and Edit ▸ Treat
// Scraper Leftovers as Article Text / Mark Scraper Leftovers switch the
// current article (one undo step each; the view follows undo).
#include "articles/DocumentListDock.h"
#include "articles/ScraperLeftoverActions.h"
#include "coding/ArticleView.h"
#include "coding/CodingWorkspace.h"
#include "coding/CueHighlighter.h"
#include "io/ArticleTextParser.h"
#include "io/CodebookJson.h"
#include "io/ScraperResidue.h"
#include "project/ScraperLeftovers.h"
#include "shell/MainWindow.h"
#include "shell/ProjectSession.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QUndoStack>

using namespace newscoder;

namespace {

// Fictional; "2025-03-14" is a date cue in the body and a leftover on its own line.
const char *const Page = "Night ferry halted after inspection\n"
                         "\n"
                         "Night ferry halted after inspection\n"
                         "2025-03-14T07:42+0000\n"
                         "ferries\n"
                         "The port authority said on 2025-03-14 that the ferry \"will not sail this week\".\n"
                         "Islanders asked the council for a night bus until the vessel returns to service.\n"
                         "Share this article\n";

// The cue formats the highlighter laid over [start, end) (block-local ranges).
bool hasCueFormat(QTextDocument *doc, int start, int end)
{
    for (QTextBlock b = doc->findBlock(start); b.isValid() && b.position() < end; b = b.next()) {
        for (const QTextLayout::FormatRange &r : b.layout()->formats()) {
            const int from = b.position() + r.start;
            if (from < end && from + r.length > start)
                return true;
        }
    }
    return false;
}

} // namespace

class TestScraperLeftoverActions : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    QUuid m_doc;

    ArticleView *view() { return m_window->workspace()->articleView(); }
    QAction *action() { return m_window->findChild<QAction *>(QStringLiteral("actionScraperLeftovers")); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("NewscoderTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_scraperleftoveractions"));
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        const QString path = m_dir->filePath(QStringLiteral("p.newscoder"));
        {
            auto p = Project::create(path, defaultNewsCodebook());
            const ArticleParseResult parsed = parseArticleText(QByteArray(Page), QStringLiteral("ferry.txt"));
            QVERIFY(parsed.document);
            m_doc = p->importDocuments({*parsed.document}).value(0);
        }
        m_window = std::make_unique<MainWindow>();
        m_window->setInteractive(false);
        QVERIFY(m_window->openProject(path));
        m_window->ensureCoderName(QStringLiteral("Ana"));
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->documentList()->selectDocument(m_doc);
        QTRY_COMPARE(m_window->workspace()->currentDocument(), m_doc);
    }

    void cleanup()
    {
        m_window.reset();
        m_dir.reset();
    }

    void leftoversAreDimmedWithoutCues()
    {
        const QString text = QString::fromUtf8(Page);
        QVERIFY(!view()->residue().isEmpty());
        const int stamp = int(text.indexOf(QStringLiteral("2025-03-14T07")));
        const int bodyDate = int(text.indexOf(QStringLiteral("2025-03-14 that")));
        QVERIFY(scraped::insideResidue(view()->residue(), stamp, stamp + 10));
        QTextCursor at(view()->document());
        at.setPosition(stamp + 1);
        QCOMPARE(at.charFormat().foreground().color(), view()->palette().color(QPalette::PlaceholderText));
        at.setPosition(bodyDate + 1);
        QVERIFY(at.charFormat().foreground().color() != view()->palette().color(QPalette::PlaceholderText));
        // The same date: a cue in the article, none on the leftover line.
        QVERIFY(view()->cueHighlighting());
        QVERIFY(hasCueFormat(view()->document(), bodyDate, bodyDate + 10));
        QVERIFY(!hasCueFormat(view()->document(), stamp, stamp + 10));
        if (const QString folder = qEnvironmentVariable("NEWSCODER_SCREENSHOT_DIR"); !folder.isEmpty())
            QVERIFY(view()->grab().save(folder + QStringLiteral("/scraper-leftovers.png")));
    }

    void theActionTakesTheSplitBackAndUndoRestoresIt()
    {
        QVERIFY(action());
        auto *edit = m_window->menuBar()->findChild<QMenu *>(QStringLiteral("menuEdit"));
        QVERIFY(edit && edit->actions().contains(action()));
        Q_EMIT edit->aboutToShow();
        QCOMPARE(action()->text(), QStringLiteral("Treat Scraper &Leftovers as Article Text"));
        QVERIFY(action()->isEnabled());
        const QList<scraped::ResidueSpan> before = view()->residue();
        Project &project = m_window->session()->project();
        const int steps = project.undoStack()->count();
        action()->trigger();
        QCOMPARE(project.undoStack()->count(), steps + 1);
        QVERIFY(view()->residue().isEmpty());
        QTextCursor at(view()->document());
        at.setPosition(int(QString::fromUtf8(Page).indexOf(QStringLiteral("2025-03-14T07"))) + 1);
        QVERIFY(at.charFormat().foreground().color() != view()->palette().color(QPalette::PlaceholderText));
        Q_EMIT edit->aboutToShow();
        QCOMPARE(action()->text(), QStringLiteral("Mark Scraper &Leftovers"));
        project.undoStack()->undo();
        QCOMPARE(view()->residue(), before);
        project.undoStack()->redo();
        QVERIFY(view()->residue().isEmpty());
        action()->trigger(); // mark again
        QCOMPARE(view()->residue(), before);
    }

    void theEditMenuReadsTheArticleOnceUntilItChanges()
    {
        auto *edit = m_window->menuBar()->findChild<QMenu *>(QStringLiteral("menuEdit"));
        auto *actions = edit ? edit->findChild<ScraperLeftoverActions *>() : nullptr;
        QVERIFY(actions);
        Q_EMIT edit->aboutToShow();
        const int reads = actions->storeReads();
        for (int i = 0; i < 3; ++i)
            Q_EMIT edit->aboutToShow();
        QCOMPARE(actions->storeReads(), reads); // the same article: answered from the cache
        QCOMPARE(action()->text(), QStringLiteral("Treat Scraper &Leftovers as Article Text"));
        // Changed behind the menu's back (the CLI's path: the project's mutator), then undone.
        Project &project = m_window->session()->project();
        QVERIFY(setScraperLeftoversMarked(project, m_doc, false));
        Q_EMIT edit->aboutToShow();
        QCOMPARE(actions->storeReads(), reads + 1);
        QCOMPARE(action()->text(), QStringLiteral("Mark Scraper &Leftovers"));
        project.undoStack()->undo();
        Q_EMIT edit->aboutToShow();
        QCOMPARE(actions->storeReads(), reads + 2);
        QCOMPARE(action()->text(), QStringLiteral("Treat Scraper &Leftovers as Article Text"));
    }
};

QTEST_MAIN(TestScraperLeftoverActions)
#include "tst_scraperleftoveractions.moc"
