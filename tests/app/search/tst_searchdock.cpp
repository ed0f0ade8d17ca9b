// The Search dock (offscreen): find in the article, the corpus and the memos,
// code the hits as suggestions in one undo step, accept and reject them.
#include "io/CodebookJson.h"
#include "search/SearchDock.h"
#include "shell/ProjectSession.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QTreeWidget>

using namespace newscoder;

namespace {

const QString TextA = QStringLiteral("The mayor said nothing. Unions said yes.\nThe port \U0001D11E stayed closed.");
const QString TextB = QStringLiteral("Nobody said anything about the tram.");

int suggestedIn(const ProjectReader &store, const QUuid &doc, AnnotationStatus status)
{
    int n = 0;
    for (const Annotation &a : store.annotationsForDocument(doc))
        n += a.status == status ? 1 : 0;
    return n;
}

} // namespace

class TestSearchDock : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProjectSession> m_session;
    std::unique_ptr<SearchDock> m_dock;
    QUuid m_docA, m_docB;

    Project &project() { return m_session->project(); }
    QUuid quote() { return project().codeByName(QStringLiteral("Quote"))->id; }

    bool runFind()
    {
        QSignalSpy finished(m_dock.get(), &SearchDock::searchFinished);
        m_dock->find();
        return !finished.isEmpty() || finished.wait(60000);
    }

    bool waitForSuggestions()
    {
        QSignalSpy refreshed(m_dock.get(), &SearchDock::suggestionsRefreshed);
        return refreshed.wait(60000);
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        const QString path = m_dir->filePath(QStringLiteral("search.newscoder"));
        {
            auto created = Project::create(path, defaultNewsCodebook());
            Document a, b;
            a.title = QStringLiteral("Mayor and unions");
            a.text = TextA;
            b.title = QStringLiteral("Tram");
            b.text = TextB;
            const QList<QUuid> ids = created->importDocuments({a, b});
            m_docA = ids.value(0);
            m_docB = ids.value(1);
        }
        m_session = std::make_unique<ProjectSession>(Project::open(path));
        project().setCoderName(QStringLiteral("Alex"));
        m_session->annotations.setDocument(m_docA);
        m_dock = std::make_unique<SearchDock>();
        m_dock->setProject(&project(), &m_session->annotations);
    }

    void cleanup()
    {
        m_dock.reset();
        m_session.reset();
        m_dir.reset();
    }

    void findInCorpus()
    {
        m_dock->patternEdit()->setText(QStringLiteral("said"));
        m_dock->setScope(SearchDock::Corpus);
        QVERIFY(runFind());
        QVERIFY(!m_dock->isBusy());
        QCOMPARE(m_dock->summary()->text(), QStringLiteral("3 hits in 2 articles"));
        QCOMPARE(m_dock->hitList()->topLevelItemCount(), 3);
        QTreeWidgetItem *first = m_dock->hitList()->topLevelItem(0);
        QVERIFY(first->text(1).contains(QStringLiteral("<b>said</b>")));

        QSignalSpy open(m_dock.get(), &SearchDock::openRequested);
        Q_EMIT m_dock->hitList()->itemActivated(first, 0);
        QCOMPARE(open.count(), 1);
        const QUuid doc = open.first().at(0).toUuid();
        const int start = open.first().at(1).toInt();
        const int end = open.first().at(2).toInt();
        QCOMPARE((doc == m_docA ? TextA : TextB).mid(start, end - start), QStringLiteral("said"));

        // Revealing selects exactly that span of the shown text.
        QTextEdit view;
        view.setPlainText(TextA);
        const int said = int(TextA.indexOf(QStringLiteral("said")));
        SearchDock::revealSpan(&view, said, said + 4);
        QCOMPARE(view.textCursor().selectedText(), QStringLiteral("said"));
    }

    void findInArticleWithOptions()
    {
        m_dock->setScope(SearchDock::CurrentArticle);
        m_dock->patternEdit()->setText(QStringLiteral("stayed"));
        m_dock->sentencesBox()->setChecked(true);
        QVERIFY(runFind());
        QCOMPARE(m_dock->summary()->text(), QStringLiteral("1 hit in 1 article"));
        QCOMPARE(m_dock->hitList()->topLevelItem(0)->toolTip(1), QStringLiteral("The port \U0001D11E stayed closed."));

        m_dock->sentencesBox()->setChecked(false);
        m_dock->regexBox()->setChecked(true);
        m_dock->patternEdit()->setText(QStringLiteral("(unclosed"));
        m_dock->find();
        QVERIFY(m_dock->summary()->text().contains(QStringLiteral("parenthesis")));
        QCOMPARE(m_dock->hitList()->topLevelItemCount(), 1); // the previous result stays
    }

    void findInMemos()
    {
        QVERIFY(project().setDocumentMemo(m_docB, QStringLiteral("Check the tram budget figures")));
        m_dock->setScope(SearchDock::Memos);
        m_dock->patternEdit()->setText(QStringLiteral("budget"));
        QVERIFY(runFind());
        QCOMPARE(m_dock->summary()->text(), QStringLiteral("1 memo match (of 1 searched)."));
        QSignalSpy open(m_dock.get(), &SearchDock::openRequested);
        Q_EMIT m_dock->hitList()->itemActivated(m_dock->hitList()->topLevelItem(0), 0);
        QCOMPARE(open.first().at(0).toUuid(), m_docB);
    }

    void codeHitsAcceptRejectUndo()
    {
        m_dock->setScope(SearchDock::Corpus);
        m_dock->patternEdit()->setText(QStringLiteral("said"));
        QSignalSpy coded(m_dock.get(), &SearchDock::codingFinished);
        m_dock->codeHitsAs(quote(), true); // their sentences
        QVERIFY(coded.wait(60000));
        QCOMPARE(coded.first().at(0).toInt(), 3);
        QCOMPARE(project().undoStack()->count(), 1);
        {
            const auto a = project().reader().annotationsForDocument(m_docA);
            QCOMPARE(a.size(), 2);
            QCOMPARE(TextA.mid(a.first().start, a.first().length()), QStringLiteral("The mayor said nothing."));
        }
        // The article's suggestions are listed.
        if (m_dock->suggestionList()->topLevelItemCount() != 2)
            QVERIFY(waitForSuggestions());
        QCOMPARE(m_dock->suggestionList()->topLevelItemCount(), 2);

        // Accept one (selected), then reject the rest of the article.
        m_dock->suggestionList()->topLevelItem(0)->setSelected(true);
        m_dock->acceptSelectedSuggestions(true);
        QCOMPARE(suggestedIn(project().reader(), m_docA, AnnotationStatus::Coded), 1);
        QCOMPARE(m_dock->suggestionList()->topLevelItemCount(), 1);
        m_dock->acceptAllSuggestions(false);
        QCOMPARE(project().reader().annotationsForDocument(m_docA).size(), 1);
        QCOMPARE(suggestedIn(project().reader(), m_docB, AnnotationStatus::Suggested), 1); // other article untouched

        // The whole corpus, read on a worker.
        m_dock->setSuggestionScope(SearchDock::CorpusSuggestions);
        if (m_dock->suggestionList()->topLevelItemCount() != 1)
            QVERIFY(waitForSuggestions());
        QCOMPARE(m_dock->suggestionList()->topLevelItemCount(), 1);
        QCOMPARE(m_dock->suggestionList()->topLevelItem(0)->text(0), QStringLiteral("Tram"));
        m_dock->acceptAllSuggestions(true);
        QCOMPARE(suggestedIn(project().reader(), m_docB, AnnotationStatus::Coded), 1);

        // Four steps, each undone.
        QCOMPARE(project().undoStack()->count(), 4);
        project().undoStack()->undo();
        QCOMPARE(suggestedIn(project().reader(), m_docB, AnnotationStatus::Suggested), 1);
        project().undoStack()->undo();
        QCOMPARE(project().reader().annotationsForDocument(m_docA).size(), 2);
        project().undoStack()->undo();
        QCOMPARE(suggestedIn(project().reader(), m_docA, AnnotationStatus::Suggested), 2);
        project().undoStack()->undo();
        QCOMPARE(project().reader().annotationCount(), 0);
    }

    // Cancel takes effect: the worker is held before it reads the first
    // article, Cancel is pressed, then the worker is let go. A Cancel that did
    // nothing would list the 3 hits of "the" in both articles.
    void cancelStopsTheWorker()
    {
        QSemaphore reached, release;
        SearchDock::setWorkerProgressHook([&](int done) {
            if (done == 0) {
                reached.release();
                release.acquire();
            }
        });
        const auto unhook = qScopeGuard([] { SearchDock::setWorkerProgressHook({}); });
        m_dock->setScope(SearchDock::Corpus);
        m_dock->patternEdit()->setText(QStringLiteral("the"));
        QSignalSpy finished(m_dock.get(), &SearchDock::searchFinished);
        m_dock->find();
        QVERIFY(reached.tryAcquire(1, 60000)); // the worker is searching
        QVERIFY(m_dock->isBusy());
        m_dock->cancel();
        release.release();
        QVERIFY(finished.wait(60000));
        QVERIFY(!m_dock->isBusy());
        QCOMPARE(m_dock->summary()->text(), QStringLiteral("Cancelled after 0 articles: 0 hits in 0 articles"));
        QCOMPARE(m_dock->hitList()->topLevelItemCount(), 0);

        // The same search without Cancel finds the hits (the pattern does match).
        SearchDock::setWorkerProgressHook({});
        QVERIFY(runFind());
        QCOMPARE(m_dock->hitList()->topLevelItemCount(), 3);
    }
};

QTEST_MAIN(TestSearchDock)
#include "tst_searchdock.moc"
