// The Reliability window (offscreen): computes on a worker what the engine
// computes directly, shows it in the table and the chart, lists a code's
// disagreements, exports CSV/HTML all or nothing, reports errors in place.
#include "../ReliabilityFixture.h"
#include "ReliabilityDialogSupport.h"
#include "articles/DocumentListDock.h"
#include "reliability/DisagreementsDialog.h"
#include "reliability/ReliabilityDialog.h"
#include "reliability/ReliabilitySelection.h"
#include "reliability/ReliabilityTableModel.h"
#include "shell/MainWindow.h"
#include "stats/Csv.h"

#include <QAction>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QFile>
#include <QLabel>
#include <QLineSeries>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QProgressBar>
#include <QRadioButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace newscoder;
using namespace newscoder::testing;
using namespace Qt::StringLiterals;

namespace {

// Keeps the only thread of the global pool busy until release(), so that
// work queued meanwhile (QtConcurrent::run) starts only then: no timing.
class PoolBlocker
{
public:
    PoolBlocker() : m_previousMax(QThreadPool::globalInstance()->maxThreadCount())
    {
        QThreadPool::globalInstance()->waitForDone();
        QThreadPool::globalInstance()->setMaxThreadCount(1);
        QThreadPool::globalInstance()->start([this] {
            m_started.release();
            m_go.acquire();
        });
        m_started.acquire(); // the blocker holds the thread now
    }
    ~PoolBlocker()
    {
        release();
        QThreadPool::globalInstance()->setMaxThreadCount(m_previousMax);
    }
    void release()
    {
        if (!m_released) {
            m_released = true;
            m_go.release();
        }
    }

private:
    int m_previousMax;
    bool m_released = false;
    QSemaphore m_started;
    QSemaphore m_go;
};

} // namespace

class TestReliabilityDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("NewscoderTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_reliabilitydialog"));
    }

    void tableMatchesEngine()
    {
        Fixture f;
        build(f);
        ReliabilityDialog dialog(*f.project, {});
        dialog.resize(1240, 800);
        dialog.show();
        QCOMPARE(dialog.selection()->coderList()->count(), 2);
        QCOMPARE(dialog.selection()->codeList()->count(), 6); // four span codes, two variable codes
        QVERIFY(!dialog.selection()->selectedArticlesButton()->isEnabled());
        QSignalSpy spy(&dialog, &ReliabilityDialog::computed);
        dialog.compute(); // on a worker: the dialog stays responsive, Compute is off meanwhile
        QVERIFY(dialog.isComputing());
        QVERIFY(!dialog.computeButton()->isEnabled());
        QVERIFY(dialog.findChild<QProgressDialog *>());
        dialog.compute(); // ignored while running
        QVERIFY(spy.wait(20000));
        QTest::qWait(50);
        QCOMPARE(spy.count(), 1);
        QVERIFY(dialog.computeButton()->isEnabled());
        QVERIFY2(dialog.report().error.isEmpty(), qPrintable(dialog.report().error));
        QVERIFY(!dialog.messageLabel()->isVisible());

        // Bootstrap intervals by default: 1000 draws, seed 1.
        QCOMPARE(dialog.bootstrapDrawsBox()->value(), 1000);
        QCOMPARE(dialog.bootstrapSeedBox()->value(), 1);
        AgreementRequest request;
        request.coders = {QStringLiteral("Ana"), QStringLiteral("Ben")};
        request.bootstrapDraws = 1000;
        request.bootstrapSeed = 1;
        const AgreementReport direct = computeProjectAgreement(f.project->reader(), request);
        QVERIFY(direct.error.isEmpty());
        QCOMPARE(dialog.report().coders, direct.coders);
        QCOMPARE(dialog.report().documents, 3);
        QCOMPARE(dialog.model()->rowCount(), int(direct.rows.size()));
        QCOMPARE(direct.rows.size(), 8); // 4 codes x 2 measures
        for (int r = 0; r < direct.rows.size(); ++r) {
            const AgreementRow &want = direct.rows[r];
            const AgreementRow &got = dialog.model()->rows()[r];
            QCOMPARE(got.subject, want.subject);
            QCOMPARE(got.measure, want.measure);
            QCOMPARE(got.result.value.has_value(), want.result.value.has_value());
            if (want.result.value) {
                QCOMPARE(*got.result.value, *want.result.value);
                QCOMPARE(cell(dialog, r, ReliabilityTableModel::ValueColumn),
                         QString::number(*want.result.value, 'f', 3));
                QCOMPARE(dialog.model()->index(r, ReliabilityTableModel::ValueColumn)
                             .data(ReliabilityTableModel::RawValueRole).toDouble(),
                         *want.result.value);
            }
            QCOMPARE(got.result.units, want.result.units);
            QCOMPARE(got.result.pairableValues, want.result.pairableValues);
            QCOMPARE(cell(dialog, r, ReliabilityTableModel::CodeColumn), want.subject);
            QCOMPARE(cell(dialog, r, ReliabilityTableModel::CodersColumn), QStringLiteral("2"));
            // The interval: the engine's, shown like the value.
            QCOMPARE(got.result.ci.has_value(), want.result.ci.has_value());
            QCOMPARE(want.result.ci.has_value(), want.result.value.has_value());
            if (want.result.ci) {
                QCOMPARE(got.result.ci->lower, want.result.ci->lower);
                QCOMPARE(got.result.ci->upper, want.result.ci->upper);
                QCOMPARE(got.result.ci->draws, 1000);
                QCOMPARE(cell(dialog, r, ReliabilityTableModel::CiColumn),
                         QStringLiteral("[%1, %2]").arg(QString::number(want.result.ci->lower, 'f', 3),
                                                        QString::number(want.result.ci->upper, 'f', 3)));
                QVERIFY(!cell(dialog, r, ReliabilityTableModel::CiColumn, Qt::ToolTipRole).isEmpty());
            } else {
                QCOMPARE(cell(dialog, r, ReliabilityTableModel::CiColumn), QStringLiteral("—"));
            }
        }
        // Speaker disagrees in one of three articles: a real interval, around the value.
        const AgreementRow &speakerP =
            dialog.model()->rows()[rowOf(dialog, QStringLiteral("Speaker"), QStringLiteral("alpha-presence"))];
        QVERIFY(speakerP.result.ci && speakerP.result.ci->lower < speakerP.result.ci->upper);
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("reliabilitySummary"))
                    ->text()
                    .contains(u"1000 draws, seed 1"));

        // Quote: identical spans → unitizing α 1.000; present everywhere → α on presence undefined.
        const int quoteU = rowOf(dialog, QStringLiteral("Quote"), QStringLiteral("unitizing-alpha"));
        QCOMPARE(cell(dialog, quoteU, ReliabilityTableModel::ValueColumn), QStringLiteral("1.000"));
        QCOMPARE(cell(dialog, quoteU, ReliabilityTableModel::MeasureColumn), QStringLiteral("Unitizing α (spans)"));
        const int quoteP = rowOf(dialog, QStringLiteral("Quote"), QStringLiteral("alpha-presence"));
        QCOMPARE(cell(dialog, quoteP, ReliabilityTableModel::MeasureColumn),
                 QStringLiteral("α on presence per article"));
        QCOMPARE(cell(dialog, quoteP, ReliabilityTableModel::ValueColumn), QStringLiteral("—"));
        QVERIFY(!cell(dialog, quoteP, ReliabilityTableModel::ValueColumn, Qt::ToolTipRole).isEmpty());
        // Claim: same span in one article, absent in the others for both → 1.000 on both measures.
        QCOMPARE(cell(dialog, rowOf(dialog, QStringLiteral("Claim"), QStringLiteral("alpha-presence")),
                      ReliabilityTableModel::ValueColumn),
                 QStringLiteral("1.000"));
        // Bias indicator: nobody coded it → undefined, with the reason in the note.
        for (const QString &measure : {u"unitizing-alpha"_s, u"alpha-presence"_s}) {
            const int r = rowOf(dialog, QStringLiteral("Bias indicator"), measure);
            QCOMPARE(cell(dialog, r, ReliabilityTableModel::ValueColumn), QStringLiteral("—"));
            QVERIFY(!cell(dialog, r, ReliabilityTableModel::NoteColumn).isEmpty());
            QCOMPARE(cell(dialog, r, ReliabilityTableModel::ValueColumn, Qt::ToolTipRole),
                     cell(dialog, r, ReliabilityTableModel::NoteColumn));
        }
        // Speaker disagrees: below 1.
        const int speakerU = rowOf(dialog, QStringLiteral("Speaker"), QStringLiteral("unitizing-alpha"));
        QVERIFY(*dialog.model()->rows()[speakerU].result.value < 1.0);

        // The chart: one bar set per measure over the codes with a defined value, and the two thresholds.
        QChart *chart = dialog.chart();
        QBarSeries *bars = nullptr;
        QMap<QString, double> lines;
        for (QAbstractSeries *s : chart->series()) {
            if (auto *b = qobject_cast<QBarSeries *>(s))
                bars = b;
            if (auto *l = qobject_cast<QLineSeries *>(s)) {
                QCOMPARE(l->count(), 2);
                QCOMPARE(l->at(0).y(), l->at(1).y());
                QCOMPARE(l->pen().style(), Qt::DashLine);
                lines.insert(l->name(), l->at(0).y());
            }
        }
        QVERIFY(bars);
        QCOMPARE(bars->count(), 2);
        QCOMPARE(bars->barSets().at(0)->label(), QStringLiteral("Unitizing α (spans)"));
        QCOMPARE(lines.value(QStringLiteral("0.667 tentative")), 0.667);
        QCOMPARE(lines.value(QStringLiteral("0.800 reliable")), 0.8);
        QBarCategoryAxis *axisX = nullptr;
        for (QAbstractAxis *a : chart->axes(Qt::Horizontal))
            axisX = qobject_cast<QBarCategoryAxis *>(a);
        QVERIFY(axisX);
        QCOMPARE(axisX->categories(), (QStringList{u"Quote"_s, u"Speaker"_s, u"Claim"_s}));
        QCOMPARE(bars->barSets().at(0)->at(0), 1.0); // Quote, unitizing

        // Screenshot for a human look (NEWSCODER_RELIABILITY_PNG=/tmp/reliability.png).
        const QString png = qEnvironmentVariable("NEWSCODER_RELIABILITY_PNG");
        if (!png.isEmpty()) {
            dialog.table()->selectRow(speakerU);
            QTest::qWait(200);
            QVERIFY(dialog.grab().save(png));
        }
    }

    void disagreementsOfACode()
    {
        Fixture f;
        build(f);
        ReliabilityDialog dialog(*f.project, {});
        QVERIFY(computeAndWait(dialog));
        const int quote = rowOf(dialog, QStringLiteral("Quote"), QStringLiteral("unitizing-alpha"));
        QPointer<DisagreementsDialog> none = dialog.showDisagreements(quote);
        QVERIFY(none);
        QVERIFY(none->isLoading()); // computed on a worker; a busy indicator meanwhile
        QVERIFY(!none->busyIndicator()->isHidden());
        QVERIFY(waitLoaded(none));
        QVERIFY(none->busyIndicator()->isHidden());
        QCOMPARE(none->model()->rowCount(), 0);
        QVERIFY(none->summaryLabel()->text().contains(u"marked the same way"));
        delete none;

        const int speaker = rowOf(dialog, QStringLiteral("Speaker"), QStringLiteral("alpha-presence"));
        dialog.table()->selectRow(speaker);
        auto *button = dialog.findChild<QPushButton *>(QStringLiteral("disagreementsButton"));
        QVERIFY(button && button->isEnabled());
        button->click();
        auto *shown = dialog.findChild<DisagreementsDialog *>();
        QVERIFY(shown && shown->isVisible());
        QVERIFY(waitLoaded(shown));
        QStandardItemModel *m = shown->model();
        QCOMPARE(m->rowCount(), 3);
        QStringList rows;
        for (int r = 0; r < m->rowCount(); ++r) {
            QStringList fields;
            for (int c = 0; c < DisagreementsDialog::ColumnCount; ++c)
                fields << m->item(r, c)->text();
            rows << fields.join(u'|');
        }
        const int ana = int(TextA.indexOf(u"Minister Ana Reyes"));
        const int ben = int(TextA.indexOf(u"Ana Reyes"));
        const int tom = int(TextB.indexOf(u"chief executive Tom Lindqvist"));
        QCOMPARE(rows, (QStringList{
                           QStringLiteral("Ferry fares rise|Ben|%1–%2|chief executive Tom Lindqvist|no counterpart")
                               .arg(tom).arg(tom + 29),
                           QStringLiteral("Harbour talks stall|Ana|%1–%2|Minister Ana Reyes|boundaries differ")
                               .arg(ana).arg(ana + 18),
                           QStringLiteral("Harbour talks stall|Ben|%1–%2|Ana Reyes|boundaries differ")
                               .arg(ben).arg(ben + 9)}));
        const QString png = qEnvironmentVariable("NEWSCODER_RELIABILITY_PNG");
        if (!png.isEmpty()) {
            QTest::qWait(100);
            QVERIFY(shown->grab().save(QString(png).replace(u".png"_s, u"-disagreements.png"_s)));
        }
        // The same as the engine's list.
        AgreementRequest request;
        QCOMPARE(codeDisagreements(f.project->reader(), f.code(QStringLiteral("Speaker")), request).size(), 3);

        // Only the selected article: the list follows the computed selection.
        ReliabilityDialog selected(*f.project, {f.docs[1]});
        selected.selection()->selectedArticlesButton()->setChecked(true);
        QVERIFY(computeAndWait(selected));
        auto *inB =
            selected.showDisagreements(rowOf(selected, QStringLiteral("Speaker"), QStringLiteral("unitizing-alpha")));
        QVERIFY(waitLoaded(inB));
        QCOMPARE(inB->model()->rowCount(), 1);
        QCOMPARE(inB->model()->item(0, DisagreementsDialog::CoderColumn)->text(), QStringLiteral("Ben"));
        request.documents = {f.docs[1]};
        const QList<Disagreement> engine =
            codeDisagreements(f.project->reader(), f.code(QStringLiteral("Speaker")), request);
        QCOMPARE(engine.size(), 1);
        QCOMPARE(engine.first().documentId, f.docs[1]);
        QCOMPARE(engine.first().text, QStringLiteral("chief executive Tom Lindqvist"));
    }

    void disagreementsErrorShownInTheList()
    {
        Fixture f;
        build(f);
        ReliabilityDialog dialog(*f.project, {});
        QVERIFY(computeAndWait(dialog));
        // The project file is moved away after computing: the worker cannot
        // open it, and says so in the list's window (the open project keeps
        // its connection and gets its file back below).
        const QString path = f.project->path();
        const QString moved = path + u".moved"_s;
        QVERIFY(QFile::rename(path, moved));
        auto *shown =
            dialog.showDisagreements(rowOf(dialog, QStringLiteral("Speaker"), QStringLiteral("unitizing-alpha")));
        const bool loaded = waitLoaded(shown);
        QVERIFY(QFile::rename(moved, path));
        QVERIFY(loaded);
        QCOMPARE(shown->model()->rowCount(), 0);
        QVERIFY2(shown->summaryLabel()->text().contains(u"does not exist"), qPrintable(shown->summaryLabel()->text()));
    }

    void exportCsvAndHtml()
    {
        Fixture f;
        build(f);
        ReliabilityDialog dialog(*f.project, {});
        QString error;
        QVERIFY(!dialog.exportCsv(f.dir.filePath(QStringLiteral("early.csv")), &error)); // nothing computed yet
        QVERIFY(!QFile::exists(f.dir.filePath(QStringLiteral("early.csv"))));
        QVERIFY(computeAndWait(dialog));

        const QString csvPath = f.dir.filePath(QStringLiteral("rel.csv"));
        QVERIFY2(dialog.exportCsv(csvPath, &error), qPrintable(error));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray bytes = csv.readAll();
        QVERIFY(bytes.startsWith("code,measure,level,value,ci_lower,ci_upper,ci_level,units,pairable_values,"
                                 "coders,note,merged\r\n"));
        stats::CsvTable table;
        QVERIFY2(stats::parseCsv(bytes, table, &error), qPrintable(error));
        const QList<AgreementRow> &rows = dialog.report().rows;
        QCOMPARE(table.records.size(), rows.size() + 1);
        for (int r = 0; r < rows.size(); ++r) {
            const QStringList &rec = table.records[r + 1];
            QCOMPARE(rec.size(), 12);
            QCOMPARE(rec[0], rows[r].subject);
            QCOMPARE(rec[1], rows[r].measure);
            if (rows[r].result.value)
                QCOMPARE(rec[3].toDouble(), *rows[r].result.value); // shortest exact form reads back
            else
                QVERIFY(rec[3].isEmpty());
            QCOMPARE(rows[r].result.ci.has_value(), rows[r].result.value.has_value()); // 1000 draws by default
            if (rows[r].result.ci) {
                QCOMPARE(rec[4].toDouble(), rows[r].result.ci->lower);
                QCOMPARE(rec[5].toDouble(), rows[r].result.ci->upper);
                QCOMPARE(rec[6].toDouble(), 0.95);
            } else {
                QVERIFY(rec[4].isEmpty() && rec[5].isEmpty() && rec[6].isEmpty());
            }
            QCOMPARE(rec[7].toLongLong(), rows[r].result.units);
            QCOMPARE(rec[8].toLongLong(), rows[r].result.pairableValues);
            QCOMPARE(rec[9], QStringLiteral("2"));
            QCOMPARE(rec[10], ReliabilityTableModel::explanation(rows[r].result));
            QCOMPARE(rec[11], rows[r].measure == u"unitizing-alpha"_s ? u"0"_s : QString()); // nothing overlaps
        }

        const QString htmlPath = f.dir.filePath(QStringLiteral("rel.html"));
        QVERIFY2(dialog.exportHtml(htmlPath, &error), qPrintable(error));
        QFile htmlFile(htmlPath);
        QVERIFY(htmlFile.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(htmlFile.readAll());
        QVERIFY(html.startsWith(u"<!DOCTYPE html>"));
        QVERIFY(html.contains(u"<th>Code</th><th>Measure</th><th>Value</th><th>95% CI</th>"));
        QVERIFY(html.contains(u"<td>Ana, Ben</td>"));
        QVERIFY(html.contains(u"All articles: 3 with coding"));
        QVERIFY(html.contains(u"<td>Quote</td><td>Unitizing α (spans)</td><td class=\"num reliable\">1.000</td>"));
        QVERIFY(html.contains(u"<td>Bias indicator</td>"));
        QVERIFY(html.contains(u"1000 draws, seed 1"));
        const int speakerP = rowOf(dialog, QStringLiteral("Speaker"), QStringLiteral("alpha-presence"));
        QVERIFY(rows[speakerP].result.ci);
        QVERIFY(html.contains(u"<td class=\"num\">"_s + ReliabilityTableModel::formatCi(rows[speakerP].result.ci)
                              + u"</td>"_s));
        QVERIFY(html.contains(u"</html>"));

        // An unwritable target fails and leaves nothing behind.
        QFile blocker(f.dir.filePath(QStringLiteral("not-a-dir")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString bad = f.dir.filePath(QStringLiteral("not-a-dir/rel.csv"));
        error.clear();
        QVERIFY(!dialog.exportCsv(bad, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!QFile::exists(bad));
        QVERIFY(!dialog.exportHtml(f.dir.filePath(QStringLiteral("missing/rel.html")), &error));
        QVERIFY(!QFile::exists(f.dir.filePath(QStringLiteral("missing/rel.html"))));
    }

    void bootstrapOffAndSeed()
    {
        Fixture f;
        build(f);
        ReliabilityDialog dialog(*f.project, {});
        dialog.bootstrapDrawsBox()->setValue(0);
        QCOMPARE(dialog.bootstrapDrawsBox()->text(), QStringLiteral("Off"));
        QVERIFY(!dialog.bootstrapSeedBox()->isEnabled());
        QVERIFY(computeAndWait(dialog));
        QCOMPARE(dialog.model()->rowCount(), 8);
        for (int r = 0; r < 8; ++r) {
            QVERIFY(!dialog.report().rows[r].result.ci);
            QCOMPARE(cell(dialog, r, ReliabilityTableModel::CiColumn), QStringLiteral("—"));
        }

        // Draws and seed reach the engine.
        dialog.bootstrapDrawsBox()->setValue(300);
        dialog.bootstrapSeedBox()->setValue(77);
        QVERIFY(dialog.bootstrapSeedBox()->isEnabled());
        QVERIFY(computeAndWait(dialog));
        AgreementRequest request;
        request.bootstrapDraws = 300;
        request.bootstrapSeed = 77;
        const AgreementReport direct = computeProjectAgreement(f.project->reader(), request);
        const int speaker = rowOf(dialog, QStringLiteral("Speaker"), QStringLiteral("alpha-presence"));
        const auto &ci = dialog.report().rows[speaker].result.ci;
        QVERIFY(ci && direct.rows[speaker].result.ci);
        QCOMPARE(ci->draws, 300);
        QCOMPARE(ci->seed, quint64(77));
        QCOMPARE(ci->lower, direct.rows[speaker].result.ci->lower);
        QCOMPARE(ci->upper, direct.rows[speaker].result.ci->upper);
    }

    void cancelKeepsThePreviousTable()
    {
        Fixture f;
        build(f);
        ReliabilityDialog dialog(*f.project, {});
        dialog.show();
        QVERIFY(computeAndWait(dialog));
        QCOMPARE(dialog.model()->rowCount(), 8);
        const QList<AgreementRow> before = dialog.model()->rows();

        QSignalSpy spy(&dialog, &ReliabilityDialog::computed);
        {
            PoolBlocker blocker; // the worker cannot start before the cancel
            dialog.compute();
            QVERIFY(dialog.isComputing());
            auto *progress = dialog.findChild<QProgressDialog *>();
            QVERIFY(progress);
            auto *cancelButton = progress->findChild<QPushButton *>();
            QVERIFY(cancelButton);
            cancelButton->click(); // the progress dialog's Cancel button
            blocker.release();
            QVERIFY(spy.wait(20000));
        }
        QCOMPARE(spy.count(), 1);
        QVERIFY(!dialog.isComputing());
        QVERIFY(dialog.computeButton()->isEnabled());
        QVERIFY(dialog.messageLabel()->isVisible());
        QVERIFY2(dialog.messageLabel()->text().contains(u"Cancelled"), qPrintable(dialog.messageLabel()->text()));
        QVERIFY(dialog.messageLabel()->text().contains(u"previous result"));
        QCOMPARE(dialog.model()->rowCount(), 8); // the previous table stays
        QCOMPARE(dialog.report().rows.size(), before.size());

        // A fresh window, cancelled before its first result: an empty table.
        ReliabilityDialog fresh(*f.project, {});
        fresh.show();
        QSignalSpy freshSpy(&fresh, &ReliabilityDialog::computed);
        {
            PoolBlocker blocker;
            fresh.compute();
            fresh.cancel();
            blocker.release();
            QVERIFY(freshSpy.wait(20000));
        }
        QCOMPARE(fresh.messageLabel()->text(), QStringLiteral("Cancelled."));
        QCOMPARE(fresh.model()->rowCount(), 0);
        // And it computes normally afterwards.
        QVERIFY(computeAndWait(fresh));
        QCOMPARE(fresh.model()->rowCount(), 8);
    }

    void selectedArticlesOnly()
    {
        Fixture f;
        build(f);
        ReliabilityDialog dialog(*f.project, {f.docs[0]});
        QVERIFY(dialog.selection()->selectedArticlesButton()->isEnabled());
        dialog.selection()->selectedArticlesButton()->setChecked(true);
        // Only Speaker.
        QListWidget *codes = dialog.selection()->codeList();
        for (int i = 0; i < codes->count(); ++i)
            codes->item(i)->setCheckState(codes->item(i)->text() == u"Speaker" ? Qt::Checked : Qt::Unchecked);
        QVERIFY(computeAndWait(dialog));
        AgreementRequest request;
        request.documents = {f.docs[0]};
        request.codes = {QStringLiteral("Speaker")};
        const AgreementReport direct = computeProjectAgreement(f.project->reader(), request);
        QCOMPARE(dialog.report().documents, 1);
        QCOMPARE(dialog.model()->rowCount(), 2);
        for (int r = 0; r < 2; ++r) {
            QCOMPARE(dialog.report().rows[r].result.value.has_value(), direct.rows[r].result.value.has_value());
            if (direct.rows[r].result.value)
                QCOMPARE(*dialog.report().rows[r].result.value, *direct.rows[r].result.value);
            QCOMPARE(dialog.report().rows[r].result.units, direct.rows[r].result.units);
        }
        // Clearing the selection falls back to all articles.
        dialog.setSelectedDocuments({});
        QVERIFY(dialog.selection()->allArticlesButton()->isChecked());
    }

    void fewerThanTwoCoders()
    {
        Fixture f;
        build(f, false);
        ReliabilityDialog dialog(*f.project, {});
        dialog.show();
        QVERIFY(computeAndWait(dialog));
        QVERIFY(dialog.messageLabel()->isVisible());
        QVERIFY2(dialog.messageLabel()->text().contains(u"at least two coders"),
                 qPrintable(dialog.messageLabel()->text()));
        QCOMPARE(dialog.model()->rowCount(), 0);
        QVERIFY(!dialog.exportCsv(f.dir.filePath(QStringLiteral("x.csv"))));

        // Two coders, one unticked: the same.
        Fixture g;
        build(g);
        ReliabilityDialog second(*g.project, {});
        second.show();
        second.selection()->coderList()->item(1)->setCheckState(Qt::Unchecked);
        QVERIFY(computeAndWait(second));
        QVERIFY(second.messageLabel()->text().contains(u"at least two coders"));
        QCOMPARE(second.model()->rowCount(), 0);
        // Ticked again: computes, and the message goes away.
        second.selection()->coderList()->item(1)->setCheckState(Qt::Checked);
        QVERIFY(computeAndWait(second));
        QCOMPARE(second.model()->rowCount(), 8);
        QVERIFY(!second.messageLabel()->isVisible());
    }

    void analysisMenuInMainWindow()
    {
        Fixture f;
        build(f);
        const QString path = f.project->path();
        f.project.reset(); // the window opens it for editing
        MainWindow window;
        window.setInteractive(false);
        auto *action = window.findChild<QAction *>(QStringLiteral("actionReliability"));
        QVERIFY(action);
        QVERIFY(!action->isEnabled());
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
        // Analysis sits just before Help in the menu bar.
        const QList<QAction *> menus = window.menuBar()->actions();
        auto *analysis = window.findChild<QMenu *>(QStringLiteral("menuAnalysis"));
        auto *help = window.findChild<QMenu *>(QStringLiteral("menuHelp"));
        QVERIFY(analysis && help);
        QCOMPARE(analysis->title(), QStringLiteral("&Analysis"));
        QCOMPARE(menus.indexOf(analysis->menuAction()) + 1, menus.indexOf(help->menuAction()));
        QVERIFY(analysis->actions().contains(action));
        QVERIFY(window.openProject(path));
        QVERIFY(action->isEnabled());
        action->trigger();
        QPointer<ReliabilityDialog> dialog = window.findChild<ReliabilityDialog *>(QStringLiteral("reliabilityDialog"));
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->selection()->selectedArticlesButton()->text(),
                 u"Selected in the article list (%1)"_s.arg(window.documentList()->selectedDocuments().size()));
        action->trigger(); // raises the same one
        QCOMPARE(window.findChildren<ReliabilityDialog *>().size(), 1);
        QVERIFY(computeAndWait(*dialog));
        QCOMPARE(dialog->model()->rowCount(), 8);
        // A disagreement or merge double-clicked in the window opens its article here.
        Q_EMIT dialog->openRequested(f.docs[2], 5, 10);
        QCOMPARE(window.documentList()->selectedDocuments(), QList<QUuid>{f.docs[2]});
        window.closeProject(); // the dialog refers to the project: it goes with it
        QVERIFY(!dialog);
        QVERIFY(!action->isEnabled());
    }
};

QTEST_MAIN(TestReliabilityDialog)
#include "tst_reliabilitydialog.moc"
