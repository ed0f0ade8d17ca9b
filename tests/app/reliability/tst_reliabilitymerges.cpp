// The Reliability window and merged overlaps (issue 21): the Merged column,
// the list of merges with a jump to the article, the exported table's count,
// and the units file behind the table (offscreen).
#include "../ReliabilityFixture.h"
#include "ReliabilityDialogSupport.h"
#include "reliability/DisagreementsDialog.h"
#include "reliability/ReliabilityDialog.h"
#include "reliability/ReliabilityTableModel.h"
#include "stats/Csv.h"
#include "stats/ReliabilityCsv.h"
#include "stats/UnitizingAlpha.h"

#include <QFile>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace newscoder;
using namespace newscoder::testing;
using namespace Qt::StringLiterals;

class TestReliabilityMerges : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("NewscoderTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_reliabilitymerges"));
    }

    // Issue 21: overlapping spans of one coder are merged, and the window
    // says so per row, lists them and opens the article at them.
    void mergedOverlapsListedAndOpened()
    {
        Fixture f;
        build(f);
        // Ana's second quote in article A overlaps her first one.
        const int start = int(TextA.indexOf(u"are frozen"));
        const int end = int(TextA.indexOf(u" until")) + 6;
        f.project->setCoderName(QStringLiteral("Ana"));
        QVERIFY(f.project->addAnnotation(f.docs[0], f.code(QStringLiteral("Quote")), start, end));
        ReliabilityDialog dialog(*f.project, {});
        QVERIFY(computeAndWait(dialog));
        const int quote = rowOf(dialog, QStringLiteral("Quote"), QStringLiteral("unitizing-alpha"));
        QCOMPARE(cell(dialog, quote, ReliabilityTableModel::MergedColumn), QStringLiteral("1"));
        QVERIFY(cell(dialog, quote, ReliabilityTableModel::MergedColumn, Qt::ToolTipRole).contains(u"one unit"));
        QVERIFY(cell(dialog, quote, ReliabilityTableModel::NoteColumn).contains(u"merged"));
        const int claim = rowOf(dialog, QStringLiteral("Claim"), QStringLiteral("unitizing-alpha"));
        QCOMPARE(cell(dialog, claim, ReliabilityTableModel::MergedColumn), QStringLiteral("0"));
        QVERIFY(cell(dialog, rowOf(dialog, QStringLiteral("Quote"), QStringLiteral("alpha-presence")),
                     ReliabilityTableModel::MergedColumn)
                    .isEmpty());
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("reliabilitySummary"))->text().contains(u"Merged"));

        QPointer<DisagreementsDialog> shown = dialog.showMerges(quote);
        QVERIFY(shown);
        QCOMPARE(shown->tabs()->currentWidget(), shown->mergesView());
        QStandardItemModel *merges = shown->mergesModel();
        QCOMPARE(merges->rowCount(), 1);
        const int first = int(TextA.indexOf(u"talks are frozen"));
        QCOMPARE(merges->item(0, DisagreementsDialog::MergeArticleColumn)->text(), QStringLiteral("Harbour talks stall"));
        QCOMPARE(merges->item(0, DisagreementsDialog::MergeCoderColumn)->text(), QStringLiteral("Ana"));
        QCOMPARE(merges->item(0, DisagreementsDialog::MergeSpansColumn)->text(),
                 QStringLiteral("%1–%2 + %3–%4").arg(first).arg(first + 16).arg(start).arg(end));
        QCOMPARE(merges->item(0, DisagreementsDialog::MergeUnitColumn)->text(),
                 QStringLiteral("%1–%2").arg(first).arg(end));
        // Double-clicking the merge asks the main window to open the article there.
        QSignalSpy open(&dialog, &ReliabilityDialog::openRequested);
        Q_EMIT shown->mergesView()->doubleClicked(merges->index(0, DisagreementsDialog::MergeSpansColumn));
        QCOMPARE(open.count(), 1);
        QCOMPARE(open.first().at(0).toUuid(), f.docs[0]);
        QCOMPARE(open.first().at(1).toInt(), first);
        QCOMPARE(open.first().at(2).toInt(), end);
        // And so does a disagreement, once the list is there.
        QVERIFY(waitLoaded(shown));
        QVERIFY(shown->model()->rowCount() > 0);
        Q_EMIT shown->view()->doubleClicked(shown->model()->index(0, DisagreementsDialog::TextColumn));
        QCOMPARE(open.count(), 2);
        QCOMPARE(open.last().at(0).toUuid(), f.docs[0]);
        const QString png = qEnvironmentVariable("NEWSCODER_RELIABILITY_PNG");
        if (!png.isEmpty()) {
            shown->showMergesTab();
            QTest::qWait(100);
            QVERIFY(shown->grab().save(QString(png).replace(u".png"_s, u"-merges.png"_s)));
            QVERIFY(dialog.grab().save(QString(png).replace(u".png"_s, u"-merged.png"_s)));
        }

        // The exported table carries the count; HTML too.
        QString error;
        const QString csvPath = f.dir.filePath(QStringLiteral("merged.csv"));
        QVERIFY2(dialog.exportCsv(csvPath, &error), qPrintable(error));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        stats::CsvTable table;
        QVERIFY(stats::parseCsv(csv.readAll(), table, &error));
        QCOMPARE(table.records[quote + 1][11], QStringLiteral("1"));
        const QString htmlPath = f.dir.filePath(QStringLiteral("merged.html"));
        QVERIFY(dialog.exportHtml(htmlPath, &error));
        QFile html(htmlPath);
        QVERIFY(html.open(QIODevice::ReadOnly));
        QVERIFY(html.readAll().contains("<th>Merged</th>"));
    }

    // The units behind the table, as `reliability --unitizing` reads them:
    // every unitizing alpha of the table again.
    void exportUnitsRecomputesTheTable()
    {
        Fixture f;
        build(f);
        ReliabilityDialog dialog(*f.project, {});
        QString error;
        const QString path = f.dir.filePath(QStringLiteral("units.csv"));
        QVERIFY(!dialog.exportUnitsCsv(path, &error)); // nothing computed yet
        QVERIFY(!QFile::exists(path));
        dialog.bootstrapDrawsBox()->setValue(0);
        QVERIFY(computeAndWait(dialog));
        QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("unitsButton"))->isEnabled());
        QVERIFY2(dialog.exportUnitsCsv(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const stats::UnitizingCsvResult read = stats::readUnitizingCsv(file.readAll(), {});
        QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
        QCOMPARE(read.data.coders, (QStringList{QStringLiteral("Ana"), QStringLiteral("Ben")}));
        QCOMPARE(read.data.documents.size(), 3);
        const stats::UnitizingResult all = stats::unitizingAlpha(read.data);
        int compared = 0;
        for (const AgreementRow &row : dialog.report().rows) {
            if (row.measure != u"unitizing-alpha"_s)
                continue;
            const stats::AgreementResult r = stats::categoryResult(all, row.subject);
            QCOMPARE(r.value.has_value(), row.result.value.has_value());
            if (r.value) {
                QCOMPARE(*r.value, *row.result.value);
                ++compared;
            }
            QCOMPARE(r.units, row.result.units);
        }
        QCOMPARE(compared, 3); // Quote, Speaker, Claim (nobody coded Bias indicator)
        QVERIFY(!dialog.exportUnitsCsv(f.dir.filePath(QStringLiteral("missing/units.csv")), &error));
        QVERIFY(!QFile::exists(f.dir.filePath(QStringLiteral("missing/units.csv"))));
    }
};

QTEST_MAIN(TestReliabilityMerges)
#include "tst_reliabilitymerges.moc"
