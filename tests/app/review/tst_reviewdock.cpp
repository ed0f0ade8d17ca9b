// Analysis ▸ Review Coders, driven offscreen: the list pairs the two coders'
// annotations, F9 steps to the next open disagreement and opens its article,
// the buttons decide into the consensus (one undo step each, logged with the
// rationale), and "Accept All Agreements" takes the rest.
#include "../TwoCodersFixture.h"
#include "articles/DocumentListDock.h"
#include "coding/ArticleView.h"
#include "coding/CodingWorkspace.h"
#include "io/CodebookJson.h"
#include "review/ReviewDock.h"
#include "shell/MainWindow.h"
#include "shell/ProjectSession.h"
#include "study/Assignments.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace newscoder;

namespace {

using Prepared = newscoder::test::TwoCoders;

// Two coders on two articles (TwoCodersFixture.h).
Prepared prepare(const QTemporaryDir &dir)
{
    return newscoder::test::prepareTwoCoders(dir, QStringLiteral("review.newscoder"));
}

} // namespace

class TestReviewDock : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    Prepared m_prepared;

    ReviewDock *dock() { return m_window->reviewDock(); }
    Project &project() { return m_window->session()->project(); }
    void waitLoaded()
    {
        QSignalSpy loaded(dock(), &ReviewDock::loaded);
        if (!dock()->isLoading())
            dock()->refresh();
        QVERIFY(loaded.wait(20000));
        QTRY_VERIFY(!dock()->isLoading());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("NewscoderTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_reviewdock"));
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_prepared = prepare(*m_dir);
        m_window = std::make_unique<MainWindow>();
        m_window->setInteractive(false);
        QVERIFY(m_window->openProject(m_prepared.path));
        m_window->ensureCoderName(QStringLiteral("Lena"));
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->activateWindow(); // F9 is a window shortcut: the window must be active
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        auto *toggle = m_window->findChild<QAction *>(QStringLiteral("actionReviewCoders"));
        QVERIFY(toggle);
        toggle->trigger();
        QVERIFY(dock()->isVisible());
        waitLoaded();
    }

    void cleanup()
    {
        m_window.reset();
        m_dir.reset();
    }

    void listsTheOpenDisagreements()
    {
        QCOMPARE(dock()->coderA()->currentText(), QStringLiteral("Ana"));
        QCOMPARE(dock()->coderB()->currentText(), QStringLiteral("Ben"));
        QVERIFY(dock()->openOnly()->isChecked());
        QCOMPARE(dock()->itemsView()->topLevelItemCount(), 3); // speaker, quote, claim; the agreement hidden
        QCOMPARE(dock()->items().size(), 4);
        QVERIFY(dock()->summaryLabel()->text().contains(QStringLiteral("3 disagreement(s)")));
        dock()->openOnly()->setChecked(false);
        QCOMPARE(dock()->itemsView()->topLevelItemCount(), 4);
        QCOMPARE(dock()->acceptAButton()->text(), QStringLiteral("Accept Ana"));
        // For the README: NEWSCODER_SCREENSHOT_DIR=… saves the window as shown here.
        if (const QString folder = qEnvironmentVariable("NEWSCODER_SCREENSHOT_DIR"); !folder.isEmpty()) {
            dock()->openOnly()->setChecked(true);
            QTest::keyClick(m_window.get(), Qt::Key_F9);
            QVERIFY(m_window->grab().save(folder + QStringLiteral("/review-coders.png")));
        }
    }

    void filterByCode()
    {
        QComboBox *code = dock()->codeFilter();
        QCOMPARE(code->itemText(0), QStringLiteral("All codes"));
        QVERIFY(code->findText(QStringLiteral("Quote")) > 0);
        QSignalSpy loaded(dock(), &ReviewDock::loaded);
        code->setCurrentIndex(code->findText(QStringLiteral("Quote")));
        QVERIFY(loaded.wait(20000));
        QTRY_VERIFY(!dock()->isLoading());
        const QUuid quote = project().codeByName(QStringLiteral("Quote"))->id;
        QCOMPARE(dock()->items().size(), 1); // the quote both marked, typed differently
        QCOMPARE(dock()->items()[0].kind, review::ItemKind::Fields);
        QCOMPARE(dock()->items()[0].a.annotation->codeId, quote);
        QCOMPARE(dock()->itemsView()->topLevelItemCount(), 1);
        code->setCurrentIndex(0);
        QVERIFY(loaded.wait(20000));
        QTRY_VERIFY(!dock()->isLoading());
        QCOMPARE(dock()->items().size(), 4);
    }

    void nextDisagreementOpensItsArticle()
    {
        m_window->documentList()->selectDocument(m_prepared.documents[1]);
        dock()->itemsView()->setCurrentItem(dock()->itemsView()->topLevelItem(0));
        QTest::keyClick(m_window.get(), Qt::Key_F9);
        const review::ReviewItem *item = dock()->selectedItem();
        QVERIFY(item);
        QCOMPARE(dock()->itemsView()->indexOfTopLevelItem(dock()->itemsView()->currentItem()), 1);
        QCOMPARE(m_window->workspace()->currentDocument(), m_prepared.documents[0]);
        QVERIFY(m_window->workspace()->articleView()->textCursor().hasSelection());
        QTest::keyClick(m_window.get(), Qt::Key_F9, Qt::ShiftModifier);
        QCOMPARE(dock()->itemsView()->indexOfTopLevelItem(dock()->itemsView()->currentItem()), 0);
    }

    void decidingCopiesIntoTheConsensusAndUndoes()
    {
        // The quote: Ana's version, with a rationale.
        QTreeWidget *view = dock()->itemsView();
        for (int i = 0; i < view->topLevelItemCount(); ++i) {
            dock()->itemsView()->setCurrentItem(view->topLevelItem(i));
            if (dock()->selectedItem()->kind == review::ItemKind::Fields)
                break;
        }
        QCOMPARE(dock()->selectedItem()->kind, review::ItemKind::Fields);
        dock()->memoEdit()->setText(QStringLiteral("verbatim"));
        QSignalSpy loaded(dock(), &ReviewDock::loaded);
        QTest::mouseClick(dock()->acceptAButton(), Qt::LeftButton);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(view->topLevelItemCount(), 2); // decided: hidden
        QVERIFY(dock()->memoEdit()->text().isEmpty());
        const auto consensus = study::consensusCoder(project().reader());
        QVERIFY(consensus);
        QList<Annotation> copies;
        for (const Annotation &a : project().reader().annotationsForDocument(m_prepared.documents[0])) {
            if (a.coderId == consensus->id)
                copies.append(a);
        }
        QCOMPARE(copies.size(), 1);
        QCOMPARE(project().reader().annotationValues(copies[0].id).value(0).text, QStringLiteral("direct"));
        const QList<Decision> log = project().reader().decisions();
        QCOMPARE(log.size(), 1);
        QCOMPARE(log[0].memo, QStringLiteral("verbatim"));
        QCOMPARE(log[0].decidedBy, QStringLiteral("Lena"));
        // Undo takes the copy and the decision back; the item is open again.
        project().undoStack()->undo();
        QVERIFY(project().reader().decisions().isEmpty());
        QVERIFY(loaded.wait(20000));
        QCOMPARE(view->topLevelItemCount(), 3);
    }

    void rejectAndAcceptAllAgreements()
    {
        QTreeWidget *view = dock()->itemsView();
        for (int i = 0; i < view->topLevelItemCount(); ++i) {
            view->setCurrentItem(view->topLevelItem(i));
            if (dock()->selectedItem()->kind == review::ItemKind::OnlyOne)
                break;
        }
        QVERIFY(!dock()->acceptAButton()->isEnabled()); // Ana marked nothing here
        QVERIFY(!dock()->bothButton()->isEnabled());
        QSignalSpy loaded(dock(), &ReviewDock::loaded);
        QTest::mouseClick(dock()->rejectButton(), Qt::LeftButton);
        QVERIFY(loaded.wait(20000));
        QTest::mouseClick(dock()->agreementsButton(), Qt::LeftButton);
        QVERIFY(loaded.wait(20000));
        const QList<Decision> log = project().reader().decisions();
        QCOMPARE(log.size(), 2);
        QCOMPARE(log[0].decision, QStringLiteral("reject"));
        QCOMPARE(log[1].decision, QStringLiteral("agreement"));
        QVERIFY(dock()->summaryLabel()->text().contains(QStringLiteral("2 decided")));
    }
};

QTEST_MAIN(TestReviewDock)
#include "tst_reviewdock.moc"
