// File ▸ Export ▸ Dataset… driven headless: the filters pre-filled from the
// window, the preview equal to the rows written, the export on a worker with
// Cancel (no file, an existing file untouched), a failure that writes nothing,
// the choices remembered in QSettings, and every output kind (one table,
// JSON Lines, a workbook, a study folder).
#include "../ReliabilityFixture.h"
#include "common/Prompt.h"
#include "export/DatasetExportDialog.h"
#include "export/DatasetExportSettings.h"
#include "export/DatasetFilterPanel.h"
#include "export/DatasetPreviewModel.h"
#include "export/Exporter.h"
#include "stats/Csv.h"
#include "storage/ProjectStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressDialog>
#include <QPushButton>
#include <QRadioButton>
#include <QSemaphore>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QThreadPool>
#include <QTreeWidget>

using namespace newscoder;
using namespace newscoder::testing;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QList<QStringList> readCsv(const QString &path, QChar delimiter = u',')
{
    QByteArray bytes = readAll(path);
    if (delimiter != u',') // the parser reads commas; no test cell holds a comma
        bytes.replace(char(delimiter.unicode()), ',');
    stats::CsvTable table;
    QString error;
    if (!stats::parseCsv(bytes, table, &error))
        qWarning("%s", qPrintable(error));
    return table.records;
}

QStringList checkedCoders(const DatasetFilterPanel *panel)
{
    QStringList names;
    for (int i = 0; i < panel->coderList()->count(); ++i) {
        if (panel->coderList()->item(i)->checkState() == Qt::Checked)
            names.append(panel->coderList()->item(i)->text());
    }
    return names;
}

bool waitForPreview(DatasetExportDialog &dialog)
{
    return QTest::qWaitFor([&] { return !dialog.isPreviewing(); }, 10000);
}

// Keeps the only thread of the global pool busy until release(), so that
// work queued meanwhile (QtConcurrent::run) starts only then: a cancel
// reaches the export before it runs, without timing (as in tst_reliabilitydialog).
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
        m_started.acquire();
    }
    ~PoolBlocker()
    {
        release();
        QThreadPool::globalInstance()->setMaxThreadCount(m_previousMax);
    }
    PoolBlocker(const PoolBlocker &) = delete;
    PoolBlocker &operator=(const PoolBlocker &) = delete;
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

// Starts the export and waits until the dialog reports its end.
bool exportAndWait(DatasetExportDialog &dialog, bool cancelAtOnce = false)
{
    QSignalSpy finished(&dialog, &DatasetExportDialog::exportFinished);
    if (cancelAtOnce) {
        PoolBlocker blocker; // the export cannot start before the cancel
        dialog.startExport();
        dialog.cancelExport();
    } else {
        dialog.startExport();
    }
    return finished.count() > 0 || finished.wait(20000);
}

} // namespace

class TestDatasetExportDialog : public QObject
{
    Q_OBJECT

private:
    Fixture m_fx;
    QTemporaryDir m_out;

    QString out(const QString &name) const { return m_out.filePath(name); }
    ExportContext noContext() const { return {}; }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("NewscoderTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_datasetexportdialog"));
        build(m_fx);
        QVERIFY(m_out.isValid());
    }

    void init() { QSettings().clear(); }

    void filtersPrefilledFromTheWindow()
    {
        const ExportContext context{{m_fx.docs[0], m_fx.docs[2]}, m_fx.code(QStringLiteral("Quote")), u"Ben"_s};
        DatasetExportDialog dialog(*m_fx.project, context);
        DatasetFilterPanel *filters = dialog.filters();
        QVERIFY(filters->selectedArticlesButton()->isChecked());
        QCOMPARE(checkedCoders(filters), QStringList{u"Ben"_s});
        const dataset::Filter f = dialog.spec().filter;
        QCOMPARE(f.documents, (QList<QUuid>{m_fx.docs[0], m_fx.docs[2]}));
        QCOMPARE(f.coders, QStringList{u"Ben"_s});
        QVERIFY(f.codes.isEmpty()); // all codes until "only the ticked ones" is chosen
        filters->chosenCodesButton()->setChecked(true);
        QCOMPARE(dialog.spec().filter.codes, QStringList{u"Quote"_s}); // the codebook's current code, pre-ticked

        // One article selected, the window showing every coder: all articles, every coder.
        DatasetExportDialog plain(*m_fx.project, ExportContext{{m_fx.docs[1]}, {}, {}});
        QVERIFY(plain.filters()->allArticlesButton()->isChecked());
        QVERIFY(plain.filters()->selectedArticlesButton()->isEnabled());
        QCOMPARE(checkedCoders(plain.filters()), (QStringList{u"Ana"_s, u"Ben"_s}));
        QVERIFY(plain.spec().filter.documents.isEmpty());
        QVERIFY(plain.spec().filter.coders.isEmpty());
        QVERIFY(waitForPreview(dialog) && waitForPreview(plain));
    }

    void previewIsWhatTheFileHolds()
    {
        ScriptedPrompt prompt;
        DatasetExportDialog dialog(*m_fx.project, noContext());
        dialog.setTable(dataset::TableKind::Segments);
        dialog.setFormat(exporting::Format::Csv);
        dialog.neutraliseBox()->setChecked(true);
        dialog.filters()->contextBox()->setValue(12);
        const QString target = out(u"segments.csv"_s);
        dialog.setTarget(target);
        QVERIFY(waitForPreview(dialog));
        const DatasetPreview &preview = dialog.previewModel()->preview();
        QVERIFY2(preview.error.isEmpty(), qPrintable(preview.error));
        QCOMPARE(preview.rows.size(), 11); // Ana 5, Ben 6 segments: all shown
        QVERIFY(!preview.more);
        QCOMPARE(dialog.previewView()->model()->rowCount(), 11);

        QVERIFY(exportAndWait(dialog));
        QVERIFY2(dialog.lastResult().ok, qPrintable(dialog.lastResult().error));
        QCOMPARE(dialog.lastResult().rows, 11);
        const QList<QStringList> written = readCsv(target);
        QCOMPARE(written.size(), 12);
        QCOMPARE(written[0], preview.header);
        for (qsizetype r = 0; r < preview.rows.size(); ++r)
            QCOMPARE(written[r + 1], preview.rows[r]);
        const int contextColumn = int(preview.header.indexOf(u"context_before"_s));
        QVERIFY(contextColumn >= 0);
        for (const QStringList &row : preview.rows)
            QVERIFY(row[contextColumn].size() <= 12);
        // The researcher is told where the file went.
        QCOMPARE(prompt.asked.size(), 1);
        QCOMPARE(prompt.asked[0].kind, u"inform"_s);
        QVERIFY2(prompt.asked[0].text.contains(QDir::toNativeSeparators(target)), qPrintable(prompt.asked[0].text));
        QVERIFY(prompt.unexpected.isEmpty());
    }

    void filtersReachTheFile()
    {
        ScriptedPrompt prompt;
        DatasetExportDialog dialog(*m_fx.project, noContext());
        dialog.setTable(dataset::TableKind::Segments);
        dialog.setFormat(exporting::Format::Csv);
        dialog.filters()->tickCoders({u"Ana"_s});
        dialog.filters()->chosenCodesButton()->setChecked(true);
        dialog.filters()->tickCodes({u"Quote"_s});
        const QString target = out(u"ana-quotes.csv"_s);
        dialog.setTarget(target);
        QVERIFY(exportAndWait(dialog));
        QVERIFY2(dialog.lastResult().ok, qPrintable(dialog.lastResult().error));
        const QList<QStringList> rows = readCsv(target);
        QCOMPARE(rows.size(), 4); // header + Ana's three quotes
        const qsizetype coder = rows[0].indexOf(u"coder"_s), code = rows[0].indexOf(u"code"_s);
        for (qsizetype r = 1; r < rows.size(); ++r) {
            QCOMPARE(rows[r][coder], u"Ana"_s);
            QCOMPARE(rows[r][code], u"Quote"_s);
        }

        // Nothing ticked: the export is refused before anything is written.
        dialog.filters()->tickCodes({});
        QVERIFY(!dialog.exportButton()->isEnabled());
        QVERIFY(exportAndWait(dialog));
        QVERIFY(!dialog.lastResult().ok);
        QVERIFY(dialog.messageLabel()->text().contains(u"Tick at least one code"_s));
    }

    void cancelLeavesNoFileAndAnExistingFileUntouched()
    {
        const QString existing = out(u"keep.csv"_s);
        {
            QFile file(existing);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("the researcher's own file\n");
        }
        const QStringList before = QDir(m_out.path()).entryList(QDir::Files | QDir::Hidden);
        {
            ScriptedPrompt prompt;
            prompt.confirmWith(true); // "keep.csv already exists. Replace it?"
            DatasetExportDialog dialog(*m_fx.project, noContext());
            dialog.setFormat(exporting::Format::Csv);
            dialog.setTarget(existing);
            QVERIFY(exportAndWait(dialog, true));
            QVERIFY(dialog.lastResult().cancelled);
            QVERIFY(!dialog.lastResult().ok);
            QCOMPARE(readAll(existing), QByteArray("the researcher's own file\n"));
            QCOMPARE(prompt.asked.size(), 2);
            QCOMPARE(prompt.asked[0].kind, u"confirm"_s);
            QVERIFY2(prompt.asked[1].text.contains(u"cancelled"_s) && prompt.asked[1].text.contains(u"as it was"_s),
                     qPrintable(prompt.asked[1].text));
            QVERIFY(dialog.messageLabel()->text().contains(u"Nothing was written"_s));
        }
        {
            ScriptedPrompt prompt;
            DatasetExportDialog dialog(*m_fx.project, noContext());
            dialog.setFormat(exporting::Format::Tsv);
            dialog.setTarget(out(u"never.tsv"_s));
            // Cancel pressed in the progress dialog.
            QVERIFY(waitForPreview(dialog));
            QSignalSpy finished(&dialog, &DatasetExportDialog::exportFinished);
            PoolBlocker blocker; // the export cannot start before the cancel
            dialog.startExport();
            QVERIFY(dialog.isExporting());
            QVERIFY(!dialog.exportButton()->isEnabled());
            auto *progress = dialog.findChild<QProgressDialog *>(u"exportProgress"_s);
            QVERIFY(progress);
            auto *cancel = progress->findChild<QPushButton *>();
            QVERIFY(cancel);
            cancel->click();
            blocker.release();
            QVERIFY(finished.count() > 0 || finished.wait(20000));
            QVERIFY(dialog.lastResult().cancelled);
            QVERIFY(dialog.exportButton()->isEnabled());
            QVERIFY(!QFile::exists(out(u"never.tsv"_s)));
        }
        {
            ScriptedPrompt prompt;
            prompt.confirmWith(false); // not replaced: nothing runs
            DatasetExportDialog dialog(*m_fx.project, noContext());
            dialog.setTarget(existing);
            dialog.startExport();
            QVERIFY(!dialog.isExporting());
            QCOMPARE(readAll(existing), QByteArray("the researcher's own file\n"));
        }
        QCOMPARE(QDir(m_out.path()).entryList(QDir::Files | QDir::Hidden), before); // no temporary left behind
    }

    void failureWritesNothingAndSaysWhy()
    {
        ScriptedPrompt prompt;
        DatasetExportDialog dialog(*m_fx.project, noContext());
        const QString target = out(u"missing-folder/segments.csv"_s);
        dialog.setTarget(target);
        QVERIFY(exportAndWait(dialog));
        QVERIFY(!dialog.lastResult().ok);
        QVERIFY(!dialog.lastResult().cancelled);
        QVERIFY(dialog.lastResult().error.contains(u"does not exist"_s));
        QVERIFY(!QFileInfo::exists(target));
        QCOMPARE(prompt.asked.size(), 1);
        QVERIFY2(prompt.asked[0].text.contains(u"failed"_s) && prompt.asked[0].text.contains(u"does not exist"_s),
                 qPrintable(prompt.asked[0].text));
        QVERIFY(dialog.isVisible() == false && dialog.result() != QDialog::Accepted);
    }

    void choicesRemembered()
    {
        {
            ScriptedPrompt prompt;
            DatasetExportDialog dialog(*m_fx.project, noContext());
            dialog.setTable(dataset::TableKind::Articles);
            dialog.setFormat(exporting::Format::Csv);
            dialog.delimiterBox()->setCurrentIndex(1);
            dialog.bomBox()->setChecked(true);
            dialog.neutraliseBox()->setChecked(true);
            dialog.filters()->contextBox()->setValue(40);
            dialog.filters()->suggestionsBox()->setChecked(true);
            dialog.filters()->uncodedBox()->setChecked(true);
            dialog.filters()->subCodesBox()->setChecked(false);
            QDir(m_out.path()).mkdir(u"remembered"_s);
            const QString target = out(u"remembered/articles.csv"_s);
            dialog.setTarget(target);
            QVERIFY(exportAndWait(dialog));
            QVERIFY2(dialog.lastResult().ok, qPrintable(dialog.lastResult().error));
            const QByteArray bytes = readAll(target);
            QVERIFY(bytes.startsWith("\xEF\xBB\xBF")); // the BOM
            const QList<QStringList> rows = readCsv(target, u';');
            QCOMPARE(rows[0].value(0), u"article_id"_s);
            QCOMPARE(rows.size(), 1 + 6); // 3 articles × 2 coders
        }
        DatasetExportDialog again(*m_fx.project, noContext());
        const DatasetExportSpec s = again.spec();
        QCOMPARE(s.table, std::optional(dataset::TableKind::Articles));
        QCOMPARE(s.format, exporting::Format::Csv);
        QCOMPARE(s.options.delimiter, u';');
        QVERIFY(s.options.byteOrderMark);
        QVERIFY(s.options.neutraliseFormulas);
        QCOMPARE(s.filter.contextCharacters, 40);
        QVERIFY(s.filter.includeSuggestions);
        QVERIFY(s.filter.uncodedArticles);
        QVERIFY(!s.filter.withSubCodes);
        // The next export goes to the same folder, named after the project and table.
        QCOMPARE(QFileInfo(s.target).absolutePath(), QFileInfo(out(u"remembered/x"_s)).absolutePath());
        QCOMPARE(QFileInfo(s.target).fileName(), u"rel-articles.csv"_s);
        QVERIFY(waitForPreview(again));
    }

    void everyOutputKind()
    {
        ScriptedPrompt prompt;
        {
            DatasetExportDialog dialog(*m_fx.project, noContext());
            dialog.setFormat(exporting::Format::Jsonl);
            QVERIFY(!dialog.tableBox()->isEnabled());
            dialog.setTarget(out(u"articles.jsonl"_s));
            QVERIFY(exportAndWait(dialog));
            QVERIFY2(dialog.lastResult().ok, qPrintable(dialog.lastResult().error));
            const QList<QByteArray> lines = readAll(out(u"articles.jsonl"_s)).trimmed().split('\n');
            QCOMPARE(lines.size(), 3);
            for (const QByteArray &line : lines)
                QVERIFY(QJsonDocument::fromJson(line).object().contains(u"annotations"_s));
        }
        {
            DatasetExportDialog dialog(*m_fx.project, noContext());
            dialog.setTable(std::nullopt);
            dialog.setFormat(exporting::Format::Tsv); // a study folder is CSV: refused
            QVERIFY(!dialog.exportButton()->isEnabled());
            dialog.setFormat(exporting::Format::Csv);
            QCOMPARE(dialog.spec().output(), DatasetExportSpec::Output::StudyFolder);
            dialog.setTarget(out(u"study"_s));
            QVERIFY(exportAndWait(dialog));
            QVERIFY2(dialog.lastResult().ok, qPrintable(dialog.lastResult().error));
            const QJsonObject manifest = QJsonDocument::fromJson(readAll(out(u"study/manifest.json"_s))).object();
            QVERIFY(manifest.value(u"files"_s).isArray());
            QVERIFY(QFile::exists(out(u"study/import.R"_s)));
            QCOMPARE(readCsv(out(u"study/segments.csv"_s)).size(), 12);
        }
        if (exporting::formatAvailable(exporting::Format::Xlsx)) {
            DatasetExportDialog dialog(*m_fx.project, noContext());
            dialog.setTable(std::nullopt);
            dialog.setFormat(exporting::Format::Xlsx);
            QCOMPARE(dialog.spec().output(), DatasetExportSpec::Output::Workbook);
            dialog.setTarget(out(u"all.xlsx"_s));
            QVERIFY(exportAndWait(dialog));
            QVERIFY2(dialog.lastResult().ok, qPrintable(dialog.lastResult().error));
            QVERIFY(readAll(out(u"all.xlsx"_s)).startsWith("PK")); // a zip container
        }
        if (exporting::formatAvailable(exporting::Format::Sav)) {
            DatasetExportDialog dialog(*m_fx.project, noContext());
            dialog.setTable(dataset::TableKind::Segments);
            dialog.setFormat(exporting::Format::Sav);
            QVERIFY(waitForPreview(dialog));
            // SPSS names: "Type" fields become legal names; no dots.
            for (const QString &name : dialog.previewModel()->preview().header)
                QVERIFY2(!name.contains(u'.'), qPrintable(name));
            dialog.setTarget(out(u"segments.sav"_s));
            QVERIFY(exportAndWait(dialog));
            QVERIFY2(dialog.lastResult().ok, qPrintable(dialog.lastResult().error));
            QVERIFY(readAll(out(u"segments.sav"_s)).startsWith("$FL2"));
        }
    }

    // Shown at its size on a 1280×800 screen, the dialog fits, the preview
    // shows every previewed row in one-line rows and no column takes over the
    // table. With NEWSCODER_SCREENSHOT_DIR set it saves export-dialog.png
    // there (of NEWSCODER_SCREENSHOT_PROJECT when given: a real coded project).
    void readableAtItsSize()
    {
        std::unique_ptr<Project> other;
        Project *project = m_fx.project.get();
        const QString sample = qEnvironmentVariable("NEWSCODER_SCREENSHOT_PROJECT");
        if (!sample.isEmpty()) {
            other = Project::open(sample, ProjectAccess::ReadOnly);
            project = other.get();
        }
        QList<QUuid> selected;
        for (const DocumentSummary &d : project->reader().documentSummaries())
            selected.append(d.id);
        DatasetExportDialog dialog(*project, ExportContext{selected.mid(0, 3), {}, {}});
        dialog.setTable(dataset::TableKind::Segments);
        dialog.setFormat(exporting::Format::Csv);
        dialog.filters()->allArticlesButton()->setChecked(true);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(waitForPreview(dialog));
        const QString folder = qEnvironmentVariable("NEWSCODER_SCREENSHOT_DIR");
        if (!folder.isEmpty())
            QVERIFY(dialog.grab().save(QDir(folder).filePath(u"export-dialog.png"_s)));
        QVERIFY(dialog.width() <= 1280 && dialog.height() <= 800);
        QVERIFY2(dialog.minimumSizeHint().height() <= 760, qPrintable(QString::number(dialog.minimumSizeHint().height())));
        QTableView *view = dialog.previewView();
        const int rows = view->model()->rowCount();
        QVERIFY(rows > 0);
        const int rowHeight = view->rowHeight(0);
        QVERIFY(rowHeight <= view->fontMetrics().height() * 2); // one line per row
        QVERIFY2(view->viewport()->height() >= rowHeight * qMin(rows, 15),
                 qPrintable(u"viewport %1 px for rows of %2 px"_s.arg(view->viewport()->height()).arg(rowHeight)));
        for (int c = 0; c < view->model()->columnCount(); ++c)
            QVERIFY(view->columnWidth(c) <= view->viewport()->width() / 2);
    }

    void suffixFollowsTheFormat()
    {
        DatasetExportDialog dialog(*m_fx.project, noContext());
        dialog.setFormat(exporting::Format::Csv);
        dialog.setTarget(out(u"mine.csv"_s));
        dialog.setFormat(exporting::Format::Tsv);
        QCOMPARE(dialog.targetEdit()->text(), out(u"mine.tsv"_s));
        QVERIFY(waitForPreview(dialog));
    }
};

QTEST_MAIN(TestDatasetExportDialog)
#include "tst_datasetexportdialog.moc"
