// Scraper leftovers in a project (project/ScraperLeftovers.h): an imported
// scraped article carries its leftovers as line ranges; corpus search (and so
// auto-code) leaves hits inside them out unless asked; taking the split back
// and marking it again are one undo step each, and undo/redo restore the
// whole file (ProjectSnapshot).
#include "../CoreTestSupport.h"
#include "../ProjectSnapshot.h"
#include "io/ArticleTextParser.h"
#include "io/ScraperResidue.h"
#include "project/ScraperLeftovers.h"
#include "search/CorpusSearch.h"

#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;
using namespace newscoder::test;

namespace {

// Fictional: the tag "lighthouse" appears only among the leftovers; "ferry" in both.
const char *const Scraped = "Night ferry halted after inspection\n"
                            "\n"
                            "Night ferry halted after inspection\n"
                            "2025-03-14T07:42+0000\n"
                            "lighthouse\n"
                            "ferry\n"
                            "The port authority halted the night ferry on Friday after inspectors found corrosion.\n"
                            "Islanders asked the council for a night bus until the vessel returns to service.\n"
                            "Share this article\n";

} // namespace

class TestScraperLeftovers : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Project> m_project;
    QUuid m_doc;

    int hits(const QString &word, bool includeLeftovers) const
    {
        SearchOptions options;
        options.pattern = word;
        options.wholeWord = true;
        options.includeLeftovers = includeLeftovers;
        const CorpusSearchResult result = searchCorpus(m_project->reader(), options);
        return result.error.isEmpty() ? result.totalHits : -1;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_project = Project::create(m_dir->filePath(QStringLiteral("p.newscoder")), defaultNewsCodebook());
        const ArticleParseResult parsed = parseArticleText(QByteArray(Scraped), QStringLiteral("ferry.txt"));
        QVERIFY(parsed.document);
        m_doc = m_project->importDocuments({*parsed.document}).value(0);
        QVERIFY(!m_doc.isNull());
        m_project->undoStack()->clear();
    }

    void cleanup()
    {
        m_project.reset();
        m_dir.reset();
    }

    void searchLeavesTheLeftoversOut()
    {
        QVERIFY(!scraped::residueOf(*m_project->reader().document(m_doc)).isEmpty());
        QCOMPARE(hits(QStringLiteral("lighthouse"), false), 0);
        QCOMPARE(hits(QStringLiteral("lighthouse"), true), 1);
        QCOMPARE(hits(QStringLiteral("ferry"), false), 2); // the headline and the body's, not the tag
        QCOMPARE(hits(QStringLiteral("ferry"), true), 4);  // with the repeated headline and the tag
        // Taken back: the leftovers are article text again.
        QVERIFY(setScraperLeftoversMarked(*m_project, m_doc, false));
        QCOMPARE(hits(QStringLiteral("lighthouse"), false), 1);
    }

    void unmarkAndMarkAreUndoableSteps()
    {
        const QString path = m_project->path();
        const ProjectSnapshot marked = ProjectSnapshot::take(path);
        QVERIFY(marked.error().isEmpty());
        QVERIFY(!setScraperLeftoversMarked(*m_project, m_doc, true)); // already marked: nothing to do
        QCOMPARE(m_project->undoStack()->count(), 0);

        QVERIFY(setScraperLeftoversMarked(*m_project, m_doc, false));
        QCOMPARE(m_project->undoStack()->count(), 1);
        const ProjectSnapshot unmarked = ProjectSnapshot::take(path);
        QVERIFY(scraped::residueOf(*m_project->reader().document(m_doc)).isEmpty());
        QCOMPARE(m_project->reader().documentText(m_doc), QString::fromUtf8(Scraped)); // the text never changes
        m_project->undoStack()->undo();
        QVERIFY2(ProjectSnapshot::take(path) == marked, qPrintable(ProjectSnapshot::diff(marked, ProjectSnapshot::take(path))));
        m_project->undoStack()->redo();
        QVERIFY2(ProjectSnapshot::take(path) == unmarked, qPrintable(ProjectSnapshot::diff(unmarked, ProjectSnapshot::take(path))));

        QVERIFY(setScraperLeftoversMarked(*m_project, m_doc, true)); // found again by the rules
        const ProjectSnapshot again = ProjectSnapshot::take(path);
        QCOMPARE(scraped::residueOf(*m_project->reader().document(m_doc)),
                 scraped::analyseScrapedText(QString::fromUtf8(Scraped), QStringLiteral("Night ferry halted after inspection")).residue);
        m_project->undoStack()->undo();
        QVERIFY2(ProjectSnapshot::take(path) == unmarked, qPrintable(ProjectSnapshot::diff(unmarked, ProjectSnapshot::take(path))));
        m_project->undoStack()->redo();
        QVERIFY2(ProjectSnapshot::take(path) == again, qPrintable(ProjectSnapshot::diff(again, ProjectSnapshot::take(path))));
        QVERIFY(!setScraperLeftoversMarked(*m_project, QUuid::createUuid(), false)); // unknown article
    }

    void oneArticlesEntryIsReadWithoutItsText()
    {
        const QString key = QString::fromLatin1(scraped::ResidueMetadataKey);
        const std::optional<QString> stored = m_project->reader().metadataOfDocument(m_doc, key);
        QVERIFY(stored);
        QCOMPARE(scraped::residueFromString(*stored, int(QByteArray(Scraped).size())),
                 scraped::residueOf(*m_project->reader().document(m_doc)));
        QCOMPARE(m_project->reader().metadataByDocument(key).value(m_doc), *stored);
        QVERIFY(!m_project->reader().metadataOfDocument(QUuid::createUuid(), key));
        QVERIFY(setScraperLeftoversMarked(*m_project, m_doc, false));
        QVERIFY(!m_project->reader().metadataOfDocument(m_doc, key));
    }
};

QTEST_GUILESS_MAIN(TestScraperLeftovers)
#include "tst_scraperleftovers.moc"
