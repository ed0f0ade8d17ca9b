// SuggestionsPanel (offscreen): Accept all / Reject all act on the listed
// suggestions even when the list is stale — a listed suggestion accepted or
// deleted meanwhile is left alone, never rejected or counted twice.
#include "coding/SuggestionsPanel.h"
#include "io/CodebookJson.h"
#include "shell/ProjectSession.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace newscoder;

class TestSuggestionsPanel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProjectSession> m_session;
    std::unique_ptr<SuggestionsPanel> m_panel;
    QList<QUuid> m_suggested; // 2 in the first article, 1 in the second

    Project &project() { return m_session->project(); }
    AnnotationStatus status(const QUuid &id) { return project().reader().annotation(id)->status; }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        auto created = Project::create(m_dir->filePath(QStringLiteral("s.newscoder")), defaultNewsCodebook());
        Document a, b;
        a.title = QStringLiteral("Mayor");
        a.text = QStringLiteral("The mayor said nothing. Unions said yes.");
        b.title = QStringLiteral("Tram");
        b.text = QStringLiteral("Nobody said anything about the tram.");
        const QList<QUuid> docs = created->importDocuments({a, b});
        created->setCoderName(QStringLiteral("Alex"));
        const QUuid quote = created->codeByName(QStringLiteral("Quote"))->id;
        m_suggested = *created->addSuggestions({{docs[0], quote, 0, 23}, {docs[0], quote, 24, 40}, {docs[1], quote, 0, 14}});
        const QString path = created->path();
        created.reset();
        m_session = std::make_unique<ProjectSession>(Project::open(path));
        project().setCoderName(QStringLiteral("Alex"));
        m_session->annotations.setDocument(docs[0]);
        m_panel = std::make_unique<SuggestionsPanel>();
        m_panel->setProject(&project(), &m_session->annotations);
    }
    void cleanup()
    {
        m_panel.reset();
        m_session.reset();
        m_dir.reset();
    }

    void articleScopeListsTheArticlesSuggestions()
    {
        QCOMPARE(m_panel->list()->topLevelItemCount(), 2);
        m_panel->acceptAll(true);
        QCOMPARE(status(m_suggested[0]), AnnotationStatus::Coded);
        QCOMPARE(status(m_suggested[1]), AnnotationStatus::Coded);
        QCOMPARE(status(m_suggested[2]), AnnotationStatus::Suggested); // another article
    }

    // The corpus list is read, then one listed suggestion is accepted and one
    // deleted behind the panel's back; Reject all on that stale list removes
    // only the one still suggested, as one undo step.
    void rejectAllOnAStaleList()
    {
        QSignalSpy refreshed(m_panel.get(), &SuggestionsPanel::refreshed);
        m_panel->setScope(SuggestionsPanel::CorpusSuggestions);
        QVERIFY(refreshed.wait(60000));
        QCOMPARE(m_panel->list()->topLevelItemCount(), 3);

        QVERIFY(project().acceptSuggestions({m_suggested[0]}));
        QVERIFY(project().removeAnnotations({m_suggested[1]}));
        QCOMPARE(m_panel->list()->topLevelItemCount(), 3); // not listed again yet: stale
        const int steps = project().undoStack()->count();

        m_panel->acceptAll(false);
        QCOMPARE(status(m_suggested[0]), AnnotationStatus::Coded); // accepted meanwhile: kept
        QVERIFY(!project().reader().annotation(m_suggested[1]));
        QVERIFY(!project().reader().annotation(m_suggested[2])); // rejected
        QCOMPARE(project().reader().annotationCount(), 1);
        QCOMPARE(project().undoStack()->count(), steps + 1);
        if (m_panel->list()->topLevelItemCount() != 0)
            QVERIFY(refreshed.wait(60000));
        QCOMPARE(m_panel->list()->topLevelItemCount(), 0);

        project().undoStack()->undo();
        QCOMPARE(status(m_suggested[2]), AnnotationStatus::Suggested);
        QCOMPARE(status(m_suggested[0]), AnnotationStatus::Coded);
    }

    // Accept all on a stale list: the deleted one stays deleted, the rest accepted.
    void acceptAllOnAStaleList()
    {
        QSignalSpy refreshed(m_panel.get(), &SuggestionsPanel::refreshed);
        m_panel->setScope(SuggestionsPanel::CorpusSuggestions);
        QVERIFY(refreshed.wait(60000));
        QCOMPARE(m_panel->list()->topLevelItemCount(), 3);
        QVERIFY(project().removeAnnotations({m_suggested[2]}));
        m_panel->acceptAll(true);
        QCOMPARE(status(m_suggested[0]), AnnotationStatus::Coded);
        QCOMPARE(status(m_suggested[1]), AnnotationStatus::Coded);
        QVERIFY(!project().reader().annotation(m_suggested[2]));
        QCOMPARE(project().reader().annotationCount(), 2);
    }
};

QTEST_MAIN(TestSuggestionsPanel)
#include "tst_suggestionspanel.moc"
