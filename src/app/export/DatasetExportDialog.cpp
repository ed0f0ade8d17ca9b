#include "export/DatasetExportDialog.h"

#include "common/Prompt.h"
#include "export/DatasetExportSettings.h"
#include "export/DatasetExportTexts.h"
#include "export/DatasetPreviewModel.h"
#include "export/Exporter.h"
#include "project/Project.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

namespace newscoder {

using exporting::Format;
using Output = DatasetExportSpec::Output;

struct DatasetExportDialog::Shared
{
    std::atomic<qint64> rows{0};
    std::atomic_bool cancel{false};
};

namespace {

const QString AllTablesKey = QStringLiteral("all");

} // namespace

DatasetExportDialog::DatasetExportDialog(Project &project, const ExportContext &context, QWidget *parent)
    : QDialog(parent), m_project(project), m_context(context)
{
    setObjectName(QStringLiteral("datasetExportDialog"));
    setWindowTitle(tr("Export Dataset — %1").arg(QFileInfo(project.path()).completeBaseName()));
    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(250);
    connect(m_previewTimer, &QTimer::timeout, this, &DatasetExportDialog::refreshPreview);
    buildUi();
    restoreChoices();
    updateState();
    refreshPreview();
    resize(1180, 760);
}

DatasetExportDialog::~DatasetExportDialog()
{
    if (m_shared)
        m_shared->cancel = true; // the worker holds copies of what it needs; it stops and writes nothing
}

void DatasetExportDialog::buildUi()
{
    m_table = new QComboBox;
    m_table->setObjectName(QStringLiteral("tableBox"));
    for (dataset::TableKind kind : dataset::allTables())
        m_table->addItem(exportTableTitle(kind), dataset::tableName(kind));
    m_table->addItem(tr("Every table — one workbook, or a study folder with manifest and import.R"), AllTablesKey);
    m_format = new QComboBox;
    m_format->setObjectName(QStringLiteral("formatBox"));
    auto *formats = new QStandardItemModel(m_format);
    for (Format f : {Format::Csv, Format::Tsv, Format::Xlsx, Format::Jsonl, Format::Sav, Format::Dta}) {
        const bool available = exporting::formatAvailable(f);
        auto *item = new QStandardItem(available ? exportFormatTitle(f) : tr("%1 — not in this build").arg(exportFormatTitle(f)));
        item->setData(exporting::formatName(f), Qt::UserRole);
        item->setEnabled(available);
        formats->appendRow(item);
    }
    m_format->setModel(formats);
    m_target = new QLineEdit;
    m_target->setObjectName(QStringLiteral("targetEdit"));
    auto *browse = new QPushButton(tr("Browse…"));
    browse->setObjectName(QStringLiteral("browseButton"));
    auto *targetRow = new QHBoxLayout;
    targetRow->addWidget(m_target, 1);
    targetRow->addWidget(browse);
    m_outputHint = new QLabel;
    m_outputHint->setObjectName(QStringLiteral("outputHint"));
    m_outputHint->setWordWrap(true);
    m_outputHint->setForegroundRole(QPalette::PlaceholderText);
    m_outputHint->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_outputHint->setMinimumWidth(640);

    auto *what = new QFormLayout;
    what->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    what->addRow(tr("&Table:"), m_table);
    what->addRow(tr("&Format:"), m_format);
    auto *optionsLabel = new QLabel(tr("Options:"));
    what->addRow(optionsLabel, buildOptions());
    auto *targetLabel = new QLabel(tr("&Save to:"));
    targetLabel->setBuddy(m_target);
    what->addRow(targetLabel, targetRow);
    what->addRow(QString(), m_outputHint);

    m_filters = new DatasetFilterPanel(m_project, m_context);

    auto *previewBox = new QGroupBox(tr("Preview"));
    auto *previewLayout = new QVBoxLayout(previewBox);
    m_previewTitle = new QLabel;
    m_previewTitle->setObjectName(QStringLiteral("previewTitle"));
    m_previewModel = new DatasetPreviewModel(this);
    m_preview = new QTableView;
    m_preview->setObjectName(QStringLiteral("previewView"));
    m_preview->setModel(m_previewModel);
    m_preview->setAlternatingRowColors(true);
    m_preview->setWordWrap(false);
    m_preview->setTextElideMode(Qt::ElideRight);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->verticalHeader()->setDefaultSectionSize(m_preview->fontMetrics().height() + 8);
    m_preview->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_preview->horizontalHeader()->setHighlightSections(false);
    m_previewNote = new QLabel;
    m_previewNote->setObjectName(QStringLiteral("previewNote"));
    m_previewNote->setWordWrap(true);
    m_previewNote->setForegroundRole(QPalette::PlaceholderText);
    previewLayout->addWidget(m_previewTitle);
    previewLayout->addWidget(m_preview, 1);
    previewLayout->addWidget(m_previewNote);

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(m_filters);
    splitter->addWidget(previewBox);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({370, 810});

    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("exportMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_exportButton = buttons->addButton(tr("&Export"), QDialogButtonBox::ActionRole);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(what);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &DatasetExportDialog::reject);
    connect(m_exportButton, &QPushButton::clicked, this, &DatasetExportDialog::startExport);
    connect(browse, &QPushButton::clicked, this, &DatasetExportDialog::browse);
    connect(m_target, &QLineEdit::textEdited, this, [this] {
        m_targetEdited = true;
        updateState();
    });
    auto followTarget = [this] {
        const DatasetExportSpec s = spec();
        if (!m_targetEdited) {
            m_target->setText(suggestedExportTarget(m_lastFolder, m_project.path(), s));
        } else if (!s.suffix().isEmpty()) { // keep the chosen name, with the suffix of the format
            const QFileInfo info(m_target->text());
            if (exporting::formatFromName(info.suffix()) && info.suffix() != s.suffix())
                m_target->setText(info.dir().filePath(info.completeBaseName() + u'.' + s.suffix()));
        }
    };
    for (QComboBox *box : {m_table, m_format}) {
        connect(box, &QComboBox::currentIndexChanged, this, [this, followTarget] {
            followTarget();
            updateState();
            schedulePreview();
        });
    }
    connect(m_filters, &DatasetFilterPanel::changed, this, [this] {
        updateState();
        schedulePreview();
    });
}

QWidget *DatasetExportDialog::buildOptions()
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    m_delimiter = new QComboBox;
    m_delimiter->setObjectName(QStringLiteral("delimiterBox"));
    m_delimiter->addItem(tr("Comma delimiter ( , )"), QStringLiteral(","));
    m_delimiter->addItem(tr("Semicolon delimiter ( ; ) — Excel with decimal commas"), QStringLiteral(";"));
    m_bom = new QCheckBox(tr("Byte-order mark (Excel reads UTF-8)"));
    m_bom->setObjectName(QStringLiteral("bomBox"));
    m_neutralise = new QCheckBox(tr("Neutralise formulas"));
    m_neutralise->setObjectName(QStringLiteral("neutraliseBox"));
    m_neutralise->setToolTip(tr("Text cells starting with = + - @ get a leading ' so a spreadsheet does not run "
                                "them (formula injection from article text)"));
    m_delimiter->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    layout->addWidget(m_delimiter);
    layout->addSpacing(12);
    layout->addWidget(m_bom);
    layout->addSpacing(12);
    layout->addWidget(m_neutralise);
    layout->addStretch();
    connect(m_delimiter, &QComboBox::currentIndexChanged, this, &DatasetExportDialog::updateState);
    connect(m_bom, &QCheckBox::toggled, this, &DatasetExportDialog::updateState);
    connect(m_neutralise, &QCheckBox::toggled, this, [this] {
        updateState();
        schedulePreview();
    });
    return row;
}

void DatasetExportDialog::restoreChoices()
{
    DatasetExportSpec remembered;
    m_lastFolder = loadDatasetExportChoices(remembered);
    m_filters->setRememberedChoices(remembered.filter);
    m_delimiter->setCurrentIndex(remembered.options.delimiter == u';' ? 1 : 0);
    m_bom->setChecked(remembered.options.byteOrderMark);
    m_neutralise->setChecked(remembered.options.neutraliseFormulas);
    if (!exporting::formatAvailable(remembered.format))
        remembered.format = Format::Csv;
    const QSignalBlocker blockTable(m_table);
    const QSignalBlocker blockFormat(m_format);
    setTable(remembered.table);
    setFormat(remembered.format);
    m_target->setText(suggestedExportTarget(m_lastFolder, m_project.path(), spec()));
}

DatasetExportSpec DatasetExportDialog::spec() const
{
    DatasetExportSpec s;
    const QString table = m_table->currentData().toString();
    s.table = table == AllTablesKey ? std::nullopt : dataset::tableFromName(table);
    s.format = exporting::formatFromName(m_format->currentData().toString()).value_or(Format::Csv);
    s.target = m_target->text().trimmed();
    s.filter = m_filters->filter();
    s.options.delimiter = m_delimiter->currentIndex() == 1 ? u';' : u',';
    s.options.byteOrderMark = m_bom->isChecked();
    s.options.neutraliseFormulas = m_neutralise->isChecked();
    if (s.output() == Output::StudyFolder)
        s.options.delimiter = u','; // import.R reads comma-separated files
    return s;
}

void DatasetExportDialog::setTable(std::optional<dataset::TableKind> table)
{
    m_table->setCurrentIndex(m_table->findData(table ? dataset::tableName(*table) : AllTablesKey));
}

void DatasetExportDialog::setFormat(Format format)
{
    m_format->setCurrentIndex(m_format->findData(exporting::formatName(format)));
}

void DatasetExportDialog::setTarget(const QString &path)
{
    m_target->setText(path);
    m_targetEdited = true;
    updateState();
}

void DatasetExportDialog::updateState()
{
    const DatasetExportSpec s = spec();
    const Output out = s.output();
    const bool delimited = s.format == Format::Csv || s.format == Format::Tsv;
    m_table->setEnabled(out != Output::Jsonl);
    m_delimiter->setEnabled(out == Output::TableFile && s.format == Format::Csv);
    m_bom->setEnabled((out == Output::TableFile && delimited) || out == Output::StudyFolder);
    m_neutralise->setEnabled((out == Output::TableFile && delimited) || out == Output::StudyFolder);
    const bool segments = out != Output::TableFile || s.table == dataset::TableKind::Segments;
    const bool articles = out != Output::TableFile || s.table == dataset::TableKind::Articles;
    m_filters->setApplicable(segments && out != Output::Jsonl, articles);
    m_outputHint->setText(exportOutputDescription(s));
    QString problem = s.problem();
    if (problem.isEmpty())
        problem = m_filters->problem();
    m_exportButton->setEnabled(problem.isEmpty() && !isExporting());
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_message->setText(problem);
}

void DatasetExportDialog::schedulePreview()
{
    m_previewPending = true;
    m_previewTimer->start();
}

void DatasetExportDialog::refreshPreview()
{
    m_previewTimer->stop();
    if (m_previewWatcher) { // read again when the running one is done
        m_previewPending = true;
        return;
    }
    m_previewPending = false;
    const DatasetExportSpec s = spec();
    if (const QString problem = m_filters->problem(); !problem.isEmpty()) {
        DatasetPreview empty;
        empty.table = s.previewTable();
        empty.error = problem;
        showPreview(empty);
        return;
    }
    m_previewTitle->setText(tr("Reading the first rows of %1…").arg(dataset::tableName(s.previewTable())));
    m_previewWatcher = new QFutureWatcher<DatasetPreview>(this);
    connect(m_previewWatcher, &QFutureWatcher<DatasetPreview>::finished, this, [this] {
        DatasetPreview preview = m_previewWatcher->result();
        m_previewWatcher->deleteLater();
        m_previewWatcher = nullptr;
        if (m_previewPending) {
            refreshPreview();
            return;
        }
        showPreview(std::move(preview));
    });
    const ReaderSource source = m_project.reader().readerSource();
    m_previewWatcher->setFuture(QtConcurrent::run([source, s] { return readDatasetPreview(source, s, PreviewRows); }));
}

void DatasetExportDialog::showPreview(DatasetPreview preview)
{
    const DatasetExportSpec s = spec();
    const QString table = dataset::tableName(preview.table);
    if (!preview.error.isEmpty()) {
        m_previewTitle->setText(tr("No preview of %1").arg(table));
        m_previewNote->setText(preview.error);
    } else {
        const int n = int(preview.rows.size());
        m_previewTitle->setText(n == 0         ? tr("%1: no rows with these filters").arg(table)
                                : preview.more ? tr("The first %1 rows of %2, as they will be written").arg(n).arg(table)
                                : n == 1       ? tr("The only row of %1, as it will be written").arg(table)
                                               : tr("All %1 rows of %2, as they will be written").arg(n).arg(table));
        m_previewNote->setText(previewNote(s, preview.table));
    }
    m_previewModel->setPreview(std::move(preview));
    QHeaderView *header = m_preview->horizontalHeader();
    // Text gets room; ids (UUIDs) and URLs are shortened so the coded columns come into view.
    const int character = m_preview->fontMetrics().averageCharWidth();
    m_preview->resizeColumnsToContents();
    for (int c = 0; c < m_previewModel->columnCount(); ++c) {
        const QString name = m_previewModel->headerData(c, Qt::Horizontal).toString();
        const bool id = name.endsWith(QLatin1String("_id")) || name == QLatin1String("url");
        header->resizeSection(c, qMin(header->sectionSize(c), qMax(90, character * (id ? 12 : 24))));
    }
    Q_EMIT previewUpdated();
}

void DatasetExportDialog::browse()
{
    const DatasetExportSpec s = spec();
    const bool folder = s.output() == Output::StudyFolder;
    QString chosen = Prompt::current().chooseFile(this, folder ? Prompt::FileMode::Folder : Prompt::FileMode::Save,
                                                  folder ? tr("Export Study Folder") : tr("Export Dataset"),
                                                  s.target, folder ? QString() : exportFileFilter(s.format));
    if (chosen.isEmpty())
        return;
    if (!folder && QFileInfo(chosen).suffix().compare(s.suffix(), Qt::CaseInsensitive) != 0)
        chosen += u'.' + s.suffix();
    else
        m_confirmedTarget = QFileInfo(chosen).absoluteFilePath(); // the file dialog asked about replacing it
    setTarget(QDir::toNativeSeparators(chosen));
}

void DatasetExportDialog::startExport()
{
    if (isExporting())
        return;
    const DatasetExportSpec s = spec();
    QString problem = s.problem();
    if (problem.isEmpty())
        problem = m_filters->problem();
    if (!problem.isEmpty()) {
        m_lastResult = {};
        m_lastResult.error = problem;
        updateState();
        Q_EMIT exportFinished();
        return;
    }
    const QFileInfo target(s.target);
    const bool existed = target.exists();
    if (existed && target.absoluteFilePath() != m_confirmedTarget) {
        const QString question = target.isDir()
                                     ? tr("The folder %1 already exists. Replace the study folder in it?")
                                     : tr("%1 already exists. Replace it?");
        if (!Prompt::current().confirm(this, tr("Export Dataset"),
                                       question.arg(QDir::toNativeSeparators(target.absoluteFilePath()))))
            return;
    }
    saveDatasetExportChoices(s);
    m_lastFolder = target.absolutePath();

    m_shared = std::make_shared<Shared>();
    auto shared = m_shared;
    m_progress = new QProgressDialog(tr("Writing %1…").arg(target.fileName()), tr("Cancel"), 0, 0, this);
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_progress->setWindowTitle(tr("Export Dataset"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(300);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, this, &DatasetExportDialog::cancelExport);
    auto *poll = new QTimer(m_progress);
    poll->setInterval(150);
    const QString name = target.fileName();
    connect(poll, &QTimer::timeout, m_progress, [progress = m_progress, shared, name] {
        progress->setLabelText(tr("Writing %1… %L2 rows").arg(name).arg(shared->rows.load()));
    });
    poll->start();
    m_progress->setValue(0);

    m_exportWatcher = new QFutureWatcher<exporting::ExportResult>(this);
    connect(m_exportWatcher, &QFutureWatcher<exporting::ExportResult>::finished, this, [this, s, existed] {
        exporting::ExportResult result = m_exportWatcher->result();
        m_exportWatcher->deleteLater();
        m_exportWatcher = nullptr;
        m_shared.reset();
        m_progress->close();
        m_progress->deleteLater();
        m_progress = nullptr;
        if (!result.ok && !result.cancelled && result.error.isEmpty())
            result.error = tr("The export stopped without saying why.");
        finishExport(std::move(result), s, existed);
    });
    const ReaderSource source = m_project.reader().readerSource();
    m_exportWatcher->setFuture(QtConcurrent::run([source, s, shared] {
        return runDatasetExport(source, s, [shared](qint64 rows) {
            shared->rows = rows;
            return !shared->cancel.load();
        });
    }));
    updateState();
}

void DatasetExportDialog::cancelExport()
{
    if (m_shared)
        m_shared->cancel = true;
}

void DatasetExportDialog::finishExport(exporting::ExportResult result, const DatasetExportSpec &spec, bool existed)
{
    m_lastResult = result;
    updateState();
    const QString where = QDir::toNativeSeparators(QFileInfo(spec.target).absoluteFilePath());
    const QString title = tr("Export Dataset");
    if (result.ok) {
        QString text = tr("Wrote %L1 rows to %2").arg(result.rows).arg(where);
        if (!result.warnings.isEmpty())
            text += u'\n' + tr("%n note(s) — see the details.", nullptr, int(result.warnings.size()));
        m_message->setStyleSheet(QString());
        m_message->setText(text);
        Prompt::current().inform(this, title, text, Prompt::Tone::Information, result.warnings.join(u'\n'));
        Q_EMIT exportFinished();
        accept();
        return;
    }
    const QString text = result.cancelled
                             ? (existed ? tr("The export was cancelled. Nothing was written; %1 is as it was.")
                                        : tr("The export was cancelled. Nothing was written to %1."))
                                   .arg(where)
                             : tr("The export failed. Nothing was written%1.\n\n%2")
                                   .arg(existed ? tr("; %1 is as it was").arg(where) : QString(), result.error);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_message->setText(text);
    Prompt::current().inform(this, title, text, result.cancelled ? Prompt::Tone::Information : Prompt::Tone::Warning);
    Q_EMIT exportFinished();
}

void DatasetExportDialog::reject()
{
    if (isExporting()) {
        cancelExport();
        return;
    }
    QDialog::reject();
}

} // namespace newscoder
