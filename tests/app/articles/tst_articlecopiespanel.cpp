// The article list's duplicate badge and "Copies of this article" panel,
// offscreen: copies found off the UI thread get an icon and a tooltip line in
// the title column, the panel lists the current article's copies (outlet,
// date, similarity), double-click opens a copy, an import of a new copy
// brings the badge to it, and articles without copies show neither.
// NEWSCODER_SCREENSHOT_DIR saves the list with the panel.
#include "../../core/dedup/DedupSamples.h"
#include "articles/ArticleCopiesLoader.h"
#include "articles/ArticleCopiesPanel.h"
#include "articles/DocumentListDock.h"
#include "coding/CodingWorkspace.h"
#include "io/CodebookJson.h"
#include "models/DocumentListModel.h"
#include "shell/MainWindow.h"
#include "shell/ProjectSession.h"

#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTreeWidget>
#include <QUndoStack>

using namespace newscoder;
using namespace newscoder::test::dedup;

class TestArticleCopiesPanel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    QUuid m_wire, m_light, m_topic;

    DocumentListDock *list() { return m_window->documentList(); }
    ArticleCopiesPanel *panel() { return list()->copiesPanel(); }
    QModelIndex titleIndex(const QUuid &doc)
    {
        const QModelIndex source = m_window->session()->documents.indexOf(doc, DocumentListModel::TitleColumn);
        return static_cast<QSortFilterProxyModel *>(list()->view()->model())->mapFromSource(source);
    }
    bool hasBadge(const QUuid &doc) { return !titleIndex(doc).data(Qt::DecorationRole).isNull(); }
    bool waitForCopies()
    {
        ArticleCopiesLoader *loader = list()->copiesLoader();
        QSignalSpy done(loader, &ArticleCopiesLoader::finished);
        if (!loader->isRunning())
            loader->start();
        return done.wait(20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("NewscoderTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_articlecopiespanel"));
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        const QString path = m_dir->filePath(QStringLiteral("copies.newscoder"));
        {
            auto p = Project::create(path, defaultNewsCodebook());
            const auto doc = [](const char *title, const char *outlet, int day, const QString &text) {
                Document d;
                d.title = QString::fromUtf8(title);
                d.outlet = QString::fromUtf8(outlet);
                d.date = QDate(2026, 3, day);
                d.text = text;
                return d;
            };
            const QList<QUuid> ids =
                p->importDocuments({doc("Harstad water board raises charges", "Northline Wire", 1, wireStory()),
                                    doc("Harstad Falls water to cost more", "Harbour Times", 2, lightEdit()),
                                    doc("Board votes for dearer water", "Morning Ledger", 1, sameTopic()),
                                    doc("Library hours extended", "Valley Post", 3, unrelated())});
            QCOMPARE(ids.size(), 4);
            m_wire = ids[0];
            m_light = ids[1];
            m_topic = ids[2];
        }
        m_window = std::make_unique<MainWindow>();
        m_window->setInteractive(false);
        QVERIFY(m_window->openProject(path));
        m_window->ensureCoderName(QStringLiteral("Ana"));
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(waitForCopies());
    }

    void cleanup()
    {
        ArticleCopiesLoader::setWorkerHook({});
        m_window.reset();
        m_dir.reset();
    }

    void badgeOnArticlesWithCopies()
    {
        QVERIFY(hasBadge(m_wire));
        QVERIFY(hasBadge(m_light));
        QVERIFY(!hasBadge(m_topic));
        QVERIFY(titleIndex(m_wire).data(Qt::ToolTipRole).toString().contains(
            QStringLiteral("1 copy of this article in the project")));
        QVERIFY(!titleIndex(m_topic).data(Qt::ToolTipRole).toString().contains(QStringLiteral("copy")));
        // Only the title column carries it.
        QVERIFY(titleIndex(m_wire).siblingAtColumn(DocumentListModel::OutletColumn).data(Qt::DecorationRole).isNull());
    }

    void panelListsTheCurrentArticlesCopies()
    {
        list()->selectDocument(m_topic);
        QVERIFY(panel()->isHidden());
        list()->selectDocument(m_wire);
        QVERIFY(panel()->isVisible());
        QTreeWidget *copies = panel()->list();
        QCOMPARE(copies->topLevelItemCount(), 1);
        QTreeWidgetItem *item = copies->topLevelItem(0);
        QCOMPARE(item->text(0), QStringLiteral("Harbour Times"));
        QCOMPARE(item->text(1), QStringLiteral("2026-03-02"));
        QVERIFY2(item->text(2).endsWith(u'%'), qPrintable(item->text(2)));
        const int percent = item->text(2).chopped(1).toInt();
        QVERIFY2(percent >= 80 && percent < 100, qPrintable(item->text(2)));
        QCOMPARE(item->text(3), QStringLiteral("Harstad Falls water to cost more"));
        if (const QString folder = qEnvironmentVariable("NEWSCODER_SCREENSHOT_DIR"); !folder.isEmpty())
            QVERIFY(list()->grab().save(folder + QStringLiteral("/article-copies.png")));

        // Double-click opens the copy; its panel lists the wire story.
        const QRect rect = copies->visualItemRect(item);
        QVERIFY2(copies->viewport()->rect().contains(rect.center()),
                 qPrintable(QStringLiteral("%1,%2 in %3x%4").arg(rect.center().x()).arg(rect.center().y())
                                .arg(copies->viewport()->width()).arg(copies->viewport()->height())));
        QTest::mouseClick(copies->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(copies->viewport(), Qt::LeftButton, {}, rect.center());
        QTRY_COMPARE(list()->currentDocument(), m_light);
        QTRY_COMPARE(m_window->workspace()->currentDocument(), m_light);
        QCOMPARE(copies->topLevelItemCount(), 1);
        QCOMPARE(copies->topLevelItem(0)->text(3), QStringLiteral("Harstad water board raises charges"));
    }

    // An import brings a new copy in: recomputed off the UI thread, the badge follows.
    void importedCopyGetsTheBadge()
    {
        QThread *uiThread = QThread::currentThread();
        QThread *workerThread = nullptr;
        ArticleCopiesLoader::setWorkerHook([&workerThread] { workerThread = QThread::currentThread(); });
        Document copy;
        copy.title = QStringLiteral("Water board raises charges");
        copy.outlet = QStringLiteral("Valley Post");
        copy.text = exactCopy();
        QSignalSpy done(list()->copiesLoader(), &ArticleCopiesLoader::finished);
        const QList<QUuid> ids = m_window->session()->project().importDocuments({copy});
        QCOMPARE(ids.size(), 1);
        QVERIFY(done.wait(20000));
        QVERIFY(workerThread && workerThread != uiThread);
        QTRY_VERIFY(hasBadge(ids[0]));
        list()->selectDocument(m_wire);
        QCOMPARE(panel()->list()->topLevelItemCount(), 2);
        QCOMPARE(panel()->list()->topLevelItem(0)->text(2), QStringLiteral("identical")); // most similar first
        // Undo takes it away again.
        m_window->session()->project().undoStack()->undo();
        QVERIFY(done.wait(20000));
        QCOMPARE(panel()->list()->topLevelItemCount(), 1);
    }
};

QTEST_MAIN(TestArticleCopiesPanel)
#include "tst_articlecopiespanel.moc"
