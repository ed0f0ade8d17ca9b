// Learning from disagreement in the window, driven offscreen: the
// Reliability window's "Against the consensus" tab (each coder's α, percent
// agreement and error profile, per code), a coder's own view of where the
// consensus differs (Analysis ▸ My Differences From the Consensus; under
// blind coding only adjudicated articles), and Analysis ▸ Disagreement
// Report…. NEWSCODER_SCREENSHOT_DIR saves the consensus tab.
#include "../TwoCodersFixture.h"
#include "io/CodebookJson.h"
#include "reliability/ReliabilityConsensusTab.h"
#include "reliability/ReliabilityDialog.h"
#include "review/Adjudication.h"
#include "review/DisagreementReportDialog.h"
#include "review/ReviewDock.h"
#include "shell/MainWindow.h"
#include "shell/ProjectSession.h"
#include "study/Assignments.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace newscoder;

namespace {

const QString Ana = QStringLiteral("Ana");
const QString Ben = QStringLiteral("Ben");
const QString Lena = QStringLiteral("Lena");

using Prepared = newscoder::test::TwoCoders;

// Two coders on two articles (TwoCodersFixture.h).
Prepared prepare(const QTemporaryDir &dir)
{
    return newscoder::test::prepareTwoCoders(dir, QStringLiteral("consensus.newscoder"));
}

} // namespace

class TestConsensusWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    Prepared m_prepared;

    Project &project() { return m_window->session()->project(); }
    ReviewDock *mine() { return m_window->findChild<ReviewDock *>(QStringLiteral("consensusReviewDock")); }

    // The lead adjudicates the first article: the quote Ana's, the speaker
    // Ben's boundaries, Ben's claim rejected. The second stays open.
    void adjudicate()
    {
        const review::ReviewReport report =
            review::computeReview(project().reader(), {Ana, Ben, {m_prepared.documents[0]}, {}, false});
        QCOMPARE(report.items.size(), 3);
        for (const review::ReviewItem &item : report.items) {
            const QString decision = item.kind == review::ItemKind::Fields   ? QStringLiteral("accept:Ana")
                                     : item.kind == review::ItemKind::Boundary ? QStringLiteral("accept:Ben")
                                                                               : QStringLiteral("reject");
            study::StudyPlan plan = review::planDecision(project().reader(), item, decision, QStringLiteral("training"),
                                                         Lena, QDateTime::currentDateTimeUtc());
            QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
            QVERIFY(project().commitStudyChange(plan.text, plan.redo, plan.undo));
        }
    }
    void waitLoaded(ReviewDock *dock)
    {
        QSignalSpy loaded(dock, &ReviewDock::loaded);
        if (!dock->isLoading())
            dock->refresh();
        QVERIFY(loaded.wait(20000));
        QTRY_VERIFY(!dock->isLoading());
    }
    static QString cell(QTableWidget *table, int row, const QString &header)
    {
        for (int c = 0; c < table->columnCount(); ++c) {
            if (table->horizontalHeaderItem(c)->text() == header)
                return table->item(row, c) ? table->item(row, c)->text() : QString();
        }
        return QStringLiteral("(no column %1)").arg(header);
    }
    static int rowOf(QTableWidget *table, const QString &name)
    {
        for (int r = 0; r < table->rowCount(); ++r) {
            if (table->item(r, 0)->text() == name)
                return r;
        }
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("NewscoderTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_consensuswindow"));
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_prepared = prepare(*m_dir);
        m_window = std::make_unique<MainWindow>();
        m_window->setInteractive(false);
        QVERIFY(m_window->openProject(m_prepared.path));
        m_window->ensureCoderName(Lena);
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_VERIFY(mine()); // installed once the window holds its review dock
    }

    void cleanup()
    {
        m_window.reset();
        m_dir.reset();
    }

    // Ana: speaker boundary, quote agrees → 50 %. Ben: speaker and quote's
    // span agree, quote Type differs, claim extra (rejected) → 1 of 3.
    void consensusTabShowsEachCoder()
    {
        adjudicate();
        ReliabilityDialog dialog(project(), {}, m_window.get());
        dialog.resize(1240, 700);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        ReliabilityConsensusTab *tab = dialog.consensusTab();
        QVERIFY(tab);
        QCOMPARE(dialog.tabs()->tabText(1), QStringLiteral("Against the consensus"));
        QSignalSpy computed(tab, &ReliabilityConsensusTab::computed);
        dialog.tabs()->setCurrentIndex(1); // computes when first shown
        QVERIFY(computed.wait(20000));
        QVERIFY(tab->summaryLabel()->text().contains(QStringLiteral("1 adjudicated article")));
        QTableWidget *coders = tab->codersTable();
        QCOMPARE(coders->rowCount(), 2);
        const int ana = rowOf(coders, Ana), ben = rowOf(coders, Ben);
        QVERIFY(ana >= 0 && ben >= 0);
        QCOMPARE(cell(coders, ana, QStringLiteral("Agreement")), QStringLiteral("50.0%"));
        QCOMPARE(cell(coders, ana, QStringLiteral("Boundary")), QStringLiteral("1"));
        QCOMPARE(cell(coders, ben, QStringLiteral("Items")), QStringLiteral("3"));
        QCOMPARE(cell(coders, ben, QStringLiteral("Extra")), QStringLiteral("1"));
        QCOMPARE(cell(coders, ben, QStringLiteral("Fields")), QStringLiteral("1"));
        QCOMPARE(cell(coders, ben, QStringLiteral("Differing fields")), QStringLiteral("Type 1"));
        // Ben selected: his codes, the rejected claim as Claim's extra.
        coders->setCurrentCell(ben, 0);
        QTableWidget *codes = tab->codesTable();
        const int claim = rowOf(codes, QStringLiteral("Claim"));
        QVERIFY(claim >= 0);
        QCOMPARE(cell(codes, claim, QStringLiteral("Extra")), QStringLiteral("1"));
        QCOMPARE(cell(codes, claim, QStringLiteral("Agreement")), QStringLiteral("0.0%"));
        const int quote = rowOf(codes, QStringLiteral("Quote"));
        QCOMPARE(cell(codes, quote, QStringLiteral("Unitizing α")), QStringLiteral("1.000"));
        // The first tab's export buttons belong to the first tab.
        QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("unitsButton"))->isVisible());
        if (const QString folder = qEnvironmentVariable("NEWSCODER_SCREENSHOT_DIR"); !folder.isEmpty())
            QVERIFY(dialog.grab().save(folder + QStringLiteral("/consensus-agreement.png")));
    }

    void consensusTabBeforeAdjudication()
    {
        ReliabilityDialog dialog(project(), {}, m_window.get());
        dialog.show();
        QSignalSpy computed(dialog.consensusTab(), &ReliabilityConsensusTab::computed);
        dialog.tabs()->setCurrentIndex(1);
        QVERIFY(computed.wait(20000));
        QCOMPARE(dialog.consensusTab()->codersTable()->rowCount(), 0);
        QVERIFY(dialog.consensusTab()->summaryLabel()->text().contains(QStringLiteral("no consensus")));
    }

    // The lead's review dock offers the consensus as a coder; a coder's own
    // view is fixed to them and the consensus, read only, on adjudicated
    // articles only (the second article, coded but not adjudicated, is not there).
    void aCodersOwnViewOfTheConsensus()
    {
        project().setCoderName(Ana);
        auto *toggle = m_window->findChild<QAction *>(QStringLiteral("actionConsensusDifferences"));
        QVERIFY(toggle);
        toggle->trigger();
        QVERIFY(mine()->isVisible());
        QVERIFY(mine()->isConsensusView());
        QVERIFY2(mine()->summaryLabel()->text().contains(QStringLiteral("once the lead has adjudicated")), qPrintable(mine()->summaryLabel()->text()));
        QCOMPARE(mine()->itemsView()->topLevelItemCount(), 0);

        project().setCoderName(Lena);
        adjudicate();
        ReviewDock *lead = m_window->reviewDock();
        lead->refresh();
        QTRY_COMPARE(lead->coderA()->count(), 3); // Ana, Ben, Consensus
        QCOMPARE(lead->coderA()->currentText(), Ana); // the lead's default pair stays the two coders
        QCOMPARE(lead->coderB()->currentText(), Ben);

        project().setCoderName(Ana);
        waitLoaded(mine());
        QCOMPARE(mine()->coderA()->currentText(), Ana);
        QCOMPARE(mine()->coderB()->currentText(), QStringLiteral("Consensus"));
        QVERIFY(!mine()->acceptAButton()->isVisible());
        QCOMPARE(mine()->items().size(), 2); // speaker (boundary) and quote (agreement), first article only
        for (const review::ReviewItem &item : mine()->items())
            QCOMPARE(item.documentId, m_prepared.documents[0]);
        QCOMPARE(mine()->itemsView()->topLevelItemCount(), 1); // differences only
        QVERIFY(mine()->summaryLabel()->text().contains(QStringLiteral("1 of 2 item(s) differ")));
    }

    // Blind coding: Ben sees only himself against the consensus, on the
    // adjudicated article; the disagreement report stays the lead's.
    void blindCodingKeepsItHonest()
    {
        adjudicate();
        QVERIFY(project().setBlindCoding(true));
        project().setCoderName(Ben);
        ReviewDock *lead = m_window->reviewDock();
        lead->refresh();
        QTRY_COMPARE(lead->coderA()->count(), 1);
        QCOMPARE(lead->coderA()->currentText(), Ben);
        QCOMPARE(lead->coderB()->count(), 1);
        QCOMPARE(lead->coderB()->currentText(), QStringLiteral("Consensus"));
        waitLoaded(lead);
        QCOMPARE(lead->items().size(), 3);
        for (const review::ReviewItem &item : lead->items()) {
            QCOMPARE(item.documentId, m_prepared.documents[0]);
            for (const review::ReviewSide *side : {&item.a, &item.b})
                QVERIFY(side->coder == Ben || side->coder == QLatin1String("Consensus")); // never Ana's own
        }
        QVERIFY(!lead->acceptAButton()->isEnabled());
        auto *analysis = m_window->findChild<QMenu *>(QStringLiteral("menuAnalysis"));
        Q_EMIT analysis->aboutToShow();
        QVERIFY(!m_window->findChild<QAction *>(QStringLiteral("actionDisagreementReport"))->isEnabled());
        QVERIFY(m_window->findChild<QAction *>(QStringLiteral("actionConsensusDifferences"))->isEnabled());
        project().setCoderName(Lena);
        Q_EMIT analysis->aboutToShow();
        QVERIFY(m_window->findChild<QAction *>(QStringLiteral("actionDisagreementReport"))->isEnabled());
    }

    void disagreementReportDialog()
    {
        DisagreementReportDialog before(project(), m_window.get());
        QVERIFY(!before.againstButton()->isEnabled()); // no consensus yet
        QVERIFY(before.pairButton()->isChecked());
        adjudicate();
        DisagreementReportDialog dialog(project(), m_window.get());
        QVERIFY(dialog.againstButton()->isEnabled());
        QVERIFY(dialog.againstButton()->isChecked());
        const QString path = m_dir->filePath(QStringLiteral("against.html"));
        QVERIFY(dialog.writeTo(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(file.readAll());
        QVERIFY(html.contains(QStringLiteral("<mark>Critics called it reckless.</mark>"))); // Ben's rejected claim
        QVERIFY(html.contains(QStringLiteral("Ana, Ben against Consensus")));
        dialog.pairButton()->setChecked(true);
        dialog.coderB()->setCurrentText(Ana);
        QVERIFY(!dialog.writeTo(m_dir->filePath(QStringLiteral("same.html"))));
        QVERIFY(!dialog.messageLabel()->isHidden());
        QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("same.html"))));
        dialog.coderB()->setCurrentText(Ben);
        QVERIFY(dialog.writeTo(m_dir->filePath(QStringLiteral("pair.html"))));
        QVERIFY(dialog.messageLabel()->isHidden());
    }
};

QTEST_MAIN(TestConsensusWindow)
#include "tst_consensuswindow.moc"
