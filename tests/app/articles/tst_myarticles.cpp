// The article list in a study with several coders, offscreen: All articles /
// My articles with the progress line, Mark Done / Not Done (context menu and
// Ctrl+D) as one undoable step with a ✓ in the list, the Agreement column
// filled in off the UI thread and refreshed after coding, hidden while blind
// coding hides other coders; and blind coding in the search panel's memo
// search and suggestions. NEWSCODER_SCREENSHOT_DIR saves the list.
#include "articles/DocumentListDock.h"
#include "io/CodebookJson.h"
#include "models/DocumentListModel.h"
#include "reliability/ArticleAgreementLoader.h"
#include "search/SearchDock.h"
#include "shell/MainWindow.h"
#include "shell/ProjectSession.h"
#include "study/ArticleAgreement.h"
#include "study/Assignments.h"
#include "study/BlindCoding.h"

#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace newscoder;

namespace {

// Fictional articles written for this test.
const QList<QPair<QString, QString>> Articles = {
    {QStringLiteral("Harbour talks stall"),
     QStringLiteral("Mayor Ines Roth said \"we will not sign\" on Monday. Critics called the plan reckless and slow.")},
    {QStringLiteral("Tram line opens late"),
     QStringLiteral("The transit office said the tram \"runs from May\". Riders said they had waited for years.")},
    {QStringLiteral("Library extends hours"),
     QStringLiteral("Librarian Tom Vik said \"we open until ten\" and thanked the volunteers for their help.")},
    {QStringLiteral("School roof repaired"),
     QStringLiteral("The council said the roof was fixed in a week. Parents said \"finally\" at the gate.")},
};

} // namespace

class TestMyArticles : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    QList<QUuid> m_docs;

    Project &project() { return m_window->session()->project(); }
    DocumentListDock *list() { return m_window->documentList(); }
    DocumentListModel &model() { return m_window->session()->documents; }
    QString cell(const QUuid &doc, int column) { return model().indexOf(doc, column).data().toString(); }

    void selectOnly(const QUuid &doc)
    {
        list()->view()->clearSelection();
        list()->selectDocument(doc);
        QCOMPARE(list()->selectedDocuments(), QList<QUuid>{doc});
    }

    bool waitForAgreement()
    {
        ArticleAgreementLoader *loader = list()->agreementLoader();
        QSignalSpy done(loader, &ArticleAgreementLoader::finished);
        loader->start(); // finishes at once while nothing is to be computed
        return !done.isEmpty() || done.wait(20000);
    }

    static QString percent(double share) { return QStringLiteral("%1 %").arg(qRound(share * 100)); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("NewscoderTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_myarticles"));
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        const QString path = m_dir->filePath(QStringLiteral("study.newscoder"));
        {
            auto p = Project::create(path, defaultNewsCodebook());
            QList<Document> documents;
            for (const auto &[title, text] : Articles) {
                Document d;
                d.title = title;
                d.text = text;
                d.date = QDate(2026, 3, 1 + int(documents.size()));
                documents.append(d);
            }
            m_docs = p->importDocuments(documents);
            QCOMPARE(m_docs.size(), 4);
            const QUuid speaker = p->codeByName(QStringLiteral("Speaker"))->id;
            const QUuid quote = p->codeByName(QStringLiteral("Quote"))->id;
            const QDateTime now = QDateTime::currentDateTimeUtc();
            // Ana: the first three articles; Ben: the first two (double-coded).
            for (const auto &[coder, docs] : QList<QPair<QString, QList<QUuid>>>{
                     {QStringLiteral("Ana"), m_docs.mid(0, 3)}, {QStringLiteral("Ben"), m_docs.mid(0, 2)}}) {
                study::StudyPlan plan = study::planAssignment(p->reader(), coder, docs, now);
                QVERIFY(p->commitStudyChange(plan.text, plan.redo, plan.undo));
            }
            study::StudyPlan lead = study::planCoder(p->reader(), QStringLiteral("Lena"), CoderRole::Lead, {});
            QVERIFY(p->commitStudyChange(lead.text, lead.redo, lead.undo));
            // Article 1: both mark the mayor (Ben a little wider) and the quote; article 2: different codes.
            p->setCoderName(QStringLiteral("Ana"));
            QVERIFY(p->addAnnotation(m_docs[0], speaker, 6, 15));
            QVERIFY(p->addAnnotation(m_docs[0], quote, 21, 40, QStringLiteral("harbour memo by Ana")));
            QVERIFY(p->addAnnotation(m_docs[1], speaker, 0, 20));
            QVERIFY(p->addSuggestions({{m_docs[2], quote, 30, 45}}));
            p->setCoderName(QStringLiteral("Ben"));
            QVERIFY(p->addAnnotation(m_docs[0], speaker, 0, 15));
            QVERIFY(p->addAnnotation(m_docs[0], quote, 21, 40, QStringLiteral("harbour memo by Ben")));
            QVERIFY(p->addAnnotation(m_docs[1], quote, 50, 60));
            QVERIFY(p->addSuggestions({{m_docs[3], speaker, 0, 11}}));
        }
        m_window = std::make_unique<MainWindow>();
        m_window->setInteractive(false);
        QVERIFY(m_window->openProject(path));
        m_window->ensureCoderName(QStringLiteral("Ana"));
        project().setCoderName(QStringLiteral("Ana"));
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_dir.reset();
    }

    void myArticlesShowsTheAssignmentsAndProgress()
    {
        QVERIFY(list()->scopeBox()->isVisible()); // Ana has assignments
        QCOMPARE(list()->view()->model()->rowCount(), 4);
        list()->setScope(DocumentListDock::MyArticles);
        QCOMPARE(list()->view()->model()->rowCount(), 3);
        QVERIFY(!list()->view()->isColumnHidden(DocumentListModel::DoneColumn));
        const study::MyProgress progress = model().myProgress();
        QCOMPARE(progress.assigned, 3);
        QCOMPARE(progress.done, 0);
        QCOMPARE(list()->progressLabel()->text(), study::progressText(progress));
        QVERIFY(list()->progressLabel()->text().startsWith(QStringLiteral("done 0 / 3")));
        // Ben's articles are Ben's.
        project().setCoderName(QStringLiteral("Ben"));
        QCOMPARE(list()->view()->model()->rowCount(), 2);
        QVERIFY(list()->progressLabel()->text().startsWith(QStringLiteral("done 0 / 2")));
        // The lead has none: the list says so instead of showing nothing silently.
        project().setCoderName(QStringLiteral("Lena"));
        QCOMPARE(list()->view()->model()->rowCount(), 0);
        QCOMPARE(list()->progressLabel()->text(), QStringLiteral("nothing assigned to you"));
        list()->setScope(DocumentListDock::AllArticles);
        QCOMPARE(list()->view()->model()->rowCount(), 4);
        QVERIFY(!list()->scopeBox()->isVisible());                                  // outside the study
        QVERIFY(list()->view()->isColumnHidden(DocumentListModel::DoneColumn));
    }

    void markDoneIsOneUndoableStepWithAMark()
    {
        list()->setScope(DocumentListDock::MyArticles);
        selectOnly(m_docs[1]);
        QVERIFY(list()->markDoneAction()->isEnabled());
        QVERIFY(list()->view()->actions().contains(list()->markDoneAction())); // the context menu
        const int steps = project().undoStack()->count();
        QTest::keyClick(list()->view(), Qt::Key_D, Qt::ControlModifier);
        QCOMPARE(project().undoStack()->count(), steps + 1);
        QCOMPARE(cell(m_docs[1], DocumentListModel::DoneColumn), QStringLiteral("✓"));
        QCOMPARE(cell(m_docs[0], DocumentListModel::DoneColumn), QString());
        QVERIFY(list()->progressLabel()->text().startsWith(QStringLiteral("done 1 / 3")));
        const auto ana = project().reader().coderByName(QStringLiteral("Ana"));
        int doneInFile = 0;
        for (const Assignment &a : project().reader().assignments(ana->id))
            doneInFile += a.done.isValid() ? 1 : 0;
        QCOMPARE(doneInFile, 1);
        project().undoStack()->undo();
        QCOMPARE(cell(m_docs[1], DocumentListModel::DoneColumn), QString());
        QVERIFY(list()->progressLabel()->text().startsWith(QStringLiteral("done 0 / 3")));
        project().undoStack()->redo();
        selectOnly(m_docs[1]);
        list()->markNotDoneAction()->trigger();
        QCOMPARE(cell(m_docs[1], DocumentListModel::DoneColumn), QString());

        // An article not assigned to Ana: nothing to mark, and the status bar says why.
        list()->setScope(DocumentListDock::AllArticles);
        selectOnly(m_docs[3]);
        QVERIFY(!list()->markDoneAction()->isEnabled());
        QSignalSpy said(list(), &DocumentListDock::statusMessage);
        const int before = project().undoStack()->count();
        QVERIFY(!list()->markSelected(true));
        QCOMPARE(project().undoStack()->count(), before);
        QCOMPARE(said.size(), 1);
    }

    void agreementColumnFillsInAndFollowsCoding()
    {
        QVERIFY(waitForAgreement());
        const auto expected = study::articleAgreements(project().reader());
        QCOMPARE(expected.size(), 2); // the double-coded articles
        QVERIFY(!list()->view()->isColumnHidden(DocumentListModel::AgreementColumn));
        for (const QUuid &doc : m_docs) {
            const QString shown = cell(doc, DocumentListModel::AgreementColumn);
            if (expected.contains(doc))
                QCOMPARE(shown, percent(expected.value(doc).share()));
            else
                QCOMPARE(shown, QString()); // one coder: blank
        }
        QCOMPARE(cell(m_docs[0], DocumentListModel::AgreementColumn), QStringLiteral("100 %"));
        QCOMPARE(cell(m_docs[1], DocumentListModel::AgreementColumn), QStringLiteral("0 %"));
        QVERIFY(model().indexOf(m_docs[0], DocumentListModel::AgreementColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("same code")));

        // Ana codes Ben's quote in article 2 too: the column follows by itself.
        QVERIFY(project().addAnnotation(m_docs[1], project().codeByName(QStringLiteral("Quote"))->id, 50, 60));
        const QString after = percent(study::articleAgreements(project().reader()).value(m_docs[1]).share());
        QCOMPARE(after, QStringLiteral("67 %")); // 2 × 1 pair of 3 spans
        QTRY_COMPARE_WITH_TIMEOUT(cell(m_docs[1], DocumentListModel::AgreementColumn), after, 20000);

        if (const QString folder = qEnvironmentVariable("NEWSCODER_SCREENSHOT_DIR"); !folder.isEmpty()) {
            list()->setScope(DocumentListDock::MyArticles);
            selectOnly(m_docs[0]);
            QVERIFY(list()->markSelected(true));
            list()->view()->clearSelection();
            QApplication::processEvents();
            QVERIFY(list()->grab().save(folder + QStringLiteral("/my-articles.png")));
        }
    }

    void blindCodingHidesAgreementMemosAndSuggestions()
    {
        project().setCoderName(QStringLiteral("Lena"));
        QVERIFY(project().setBlindCoding(true));
        QVERIFY(waitForAgreement());
        QVERIFY(!list()->view()->isColumnHidden(DocumentListModel::AgreementColumn)); // the lead sees it
        project().setCoderName(QStringLiteral("Ana"));
        QVERIFY(study::hidesOtherCoders(project()));
        QVERIFY(waitForAgreement());
        QVERIFY(list()->view()->isColumnHidden(DocumentListModel::AgreementColumn));
        for (const QUuid &doc : m_docs)
            QCOMPARE(cell(doc, DocumentListModel::AgreementColumn), QString());

        SearchDock *search = m_window->searchDock();
        search->show();
        const auto memoHits = [&] {
            search->setScope(SearchDock::Memos);
            search->patternEdit()->setText(QStringLiteral("harbour memo"));
            QSignalSpy finished(search, &SearchDock::searchFinished);
            search->find();
            if (!finished.wait(20000))
                return -1;
            return search->hitList()->topLevelItemCount();
        };
        search->setSuggestionScope(SearchDock::CorpusSuggestions);
        QTreeWidget *suggestions = search->suggestionList();
        QCOMPARE(memoHits(), 1); // Ana's memo only
        QTRY_COMPARE_WITH_TIMEOUT(suggestions->topLevelItemCount(), 1, 20000); // Ana's suggestion only
        QTest::qWait(500); // and it stays so (no later listing brings Ben's)
        QCOMPARE(suggestions->topLevelItemCount(), 1);
        QCOMPARE(suggestions->topLevelItem(0)->text(0), Articles[2].first);
        project().setCoderName(QStringLiteral("Lena")); // the lead
        QCOMPARE(memoHits(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(suggestions->topLevelItemCount(), 2, 20000);
    }
};

QTEST_MAIN(TestMyArticles)
#include "tst_myarticles.moc"
