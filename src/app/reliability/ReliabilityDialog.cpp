#include "reliability/ReliabilityDialog.h"
#include "common/BackgroundTask.h"
#include "common/Prompt.h"

#include "project/Project.h"
#include "reliability/DisagreementsDialog.h"
#include "reliability/ReliabilityChart.h"
#include "reliability/ReliabilityConsensusTab.h"
#include "reliability/ReliabilityExport.h"
#include "reliability/ReliabilitySelection.h"
#include "reliability/ReliabilityTableModel.h"
#include "storage/StoreError.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QProgressDialog>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <limits>

namespace newscoder {

using namespace Qt::StringLiterals;

ReliabilityDialog::ReliabilityDialog(Project &project, const QList<QUuid> &selectedDocuments, QWidget *parent)
    : QDialog(parent), m_project(project), m_task(new BackgroundTask(this))
{
    m_task->setDeliversWhenCancelled(true); // the report says it was cancelled
    // Runs on a worker thread with its own read-only reader of the project.
    connect(m_task, &BackgroundTask::failed, this, [this](const QString &error) {
        AgreementReport failed;
        failed.error = error;
        finish(std::move(failed));
    });
    setObjectName(QStringLiteral("reliabilityDialog"));
    setWindowTitle(tr("Reliability — %1").arg(QFileInfo(project.path()).completeBaseName()));
    setModal(false);
    buildUi();
    setSelectedDocuments(selectedDocuments);
    updateButtons();
    resize(1240, 800);
}

// The task goes with the dialog: the worker holds copies of what it needs and stops early.
ReliabilityDialog::~ReliabilityDialog() = default;

void ReliabilityDialog::buildUi()
{
    m_selection = new ReliabilitySelection(m_project);
    connect(m_selection, &ReliabilitySelection::errorOccurred, this, &ReliabilityDialog::showMessage);
    m_computeButton = new QPushButton(tr("Compute"));
    m_computeButton->setObjectName(QStringLiteral("computeButton"));
    m_computeButton->setDefault(true);
    connect(m_computeButton, &QPushButton::clicked, this, &ReliabilityDialog::compute);
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("reliabilityMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_message->hide();

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_selection, 1);
    m_drawsBox = new QSpinBox;
    m_drawsBox->setObjectName(QStringLiteral("bootstrapDraws"));
    m_drawsBox->setRange(0, 100000);
    m_drawsBox->setSingleStep(500);
    m_drawsBox->setValue(1000);
    m_drawsBox->setSpecialValueText(tr("Off"));
    m_drawsBox->setToolTip(tr("Draws of the bootstrap behind the 95% interval (0: no interval). α on presence "
                              "resamples the articles; unitizing α the articles every coder coded."));
    m_seedBox = new QSpinBox;
    m_seedBox->setObjectName(QStringLiteral("bootstrapSeed"));
    m_seedBox->setRange(0, std::numeric_limits<int>::max());
    m_seedBox->setValue(1);
    m_seedBox->setToolTip(tr("The same seed gives the same interval for the same data."));
    connect(m_drawsBox, &QSpinBox::valueChanged, m_seedBox, [this](int draws) { m_seedBox->setEnabled(draws > 0); });
    auto *bootstrapForm = new QFormLayout;
    bootstrapForm->addRow(tr("Bootstrap draws:"), m_drawsBox);
    bootstrapForm->addRow(tr("Seed:"), m_seedBox);
    leftLayout->addLayout(bootstrapForm);
    leftLayout->addWidget(m_computeButton);
    leftLayout->addWidget(m_message);
    left->setMinimumWidth(220);
    left->setMaximumWidth(300);

    m_summary = new QLabel(tr("Choose coders, codes and articles, then Compute."));
    m_summary->setObjectName(QStringLiteral("reliabilitySummary"));
    m_summary->setWordWrap(true);
    m_model = new ReliabilityTableModel(this);
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("reliabilityTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.column() == ReliabilityTableModel::MergedColumn)
            showMerges(index.row());
        else
            showDisagreements(index.row());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ReliabilityDialog::updateButtons);

    m_chartView = new ReliabilityChartView;
    m_chartView->setObjectName(QStringLiteral("reliabilityChart"));
    m_chartView->setMinimumHeight(280);

    auto *top = new QWidget;
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_summary);
    topLayout->addWidget(m_table);
    auto *right = new QSplitter(Qt::Vertical);
    right->setChildrenCollapsible(false);
    right->addWidget(top);
    right->addWidget(m_chartView);
    right->setStretchFactor(0, 2);
    right->setStretchFactor(1, 3);
    right->setSizes({300, 450}); // the chart gets the larger share

    m_disagreementsButton = new QPushButton(tr("Show Disagreements…"));
    m_disagreementsButton->setObjectName(QStringLiteral("disagreementsButton"));
    m_csvButton = new QPushButton(tr("Export CSV…"));
    m_htmlButton = new QPushButton(tr("Export HTML…"));
    m_unitsButton = new QPushButton(tr("Export Units…"));
    m_unitsButton->setObjectName(QStringLiteral("unitsButton"));
    m_unitsButton->setToolTip(tr("Write the spans unitizing α used (coder, code, article, begin and length on the "
                                 "pooled continuum) as CSV, to recompute every α-u with newscoder-cli reliability "
                                 "--unitizing, DKPro Statistics, R or Python."));
    connect(m_unitsButton, &QPushButton::clicked, this, &ReliabilityDialog::chooseAndExportUnits);
    connect(m_disagreementsButton, &QPushButton::clicked, this,
            [this] { showDisagreements(m_table->selectionModel()->selectedRows().value(0).row()); });
    connect(m_csvButton, &QPushButton::clicked, this, [this] { chooseAndExport(false); });
    connect(m_htmlButton, &QPushButton::clicked, this, [this] { chooseAndExport(true); });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_disagreementsButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_csvButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_htmlButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_unitsButton, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *betweenCoders = new QWidget;
    auto *body = new QHBoxLayout(betweenCoders);
    body->addWidget(left);
    body->addWidget(right, 1);
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("reliabilityTabs"));
    m_tabs->addTab(betweenCoders, tr("Between coders"));
    m_consensusTab = new ReliabilityConsensusTab(m_project);
    m_tabs->addTab(m_consensusTab, tr("Against the consensus"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) { // the buttons below are the first tab's
        for (QPushButton *b : {m_disagreementsButton, m_csvButton, m_htmlButton, m_unitsButton})
            b->setVisible(index == 0);
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
}

QChart *ReliabilityDialog::chart() const
{
    return m_chartView->chart();
}

void ReliabilityDialog::showEvent(QShowEvent *event)
{
    m_selection->refreshCoders(); // coders appear with their first annotation
    QDialog::showEvent(event);
}

void ReliabilityDialog::setSelectedDocuments(const QList<QUuid> &ids)
{
    m_selection->setSelectedDocuments(ids);
}

void ReliabilityDialog::showMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void ReliabilityDialog::updateButtons()
{
    const bool running = isComputing();
    const bool haveRows = m_model->rowCount() > 0;
    m_computeButton->setEnabled(!running);
    m_csvButton->setEnabled(!running && haveRows);
    m_htmlButton->setEnabled(!running && haveRows);
    m_unitsButton->setEnabled(!running && haveRows && !m_exporting);
    m_disagreementsButton->setEnabled(!running && m_table->selectionModel()->hasSelection());
}

void ReliabilityDialog::compute()
{
    if (isComputing())
        return;
    m_pendingRequest = m_selection->request();
    m_pendingRequest.bootstrapDraws = m_drawsBox->value();
    m_pendingRequest.bootstrapSeed = quint64(m_seedBox->value());
    m_pendingArticles = m_selection->articlesDescription();
    QString problem;
    if (m_pendingRequest.coders.size() < 2)
        problem = tr("Agreement needs at least two coders: tick two or more (the project has %n coder(s)).",
                     nullptr, int(m_selection->coderList()->count()));
    else if (m_pendingRequest.codes.isEmpty())
        problem = tr("Tick at least one code.");
    if (!problem.isEmpty()) { // reported like the worker's errors: after compute() returns
        AgreementReport failed;
        failed.error = problem;
        QTimer::singleShot(0, this, [this, failed] { finish(failed); });
        return;
    }

    auto *progress = new QProgressDialog(tr("Comparing the coders…"), tr("Cancel"), 0, 0, this);
    progress->setWindowTitle(tr("Reliability"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(400);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    connect(progress, &QProgressDialog::canceled, this, &ReliabilityDialog::cancel);
    connect(m_task, &BackgroundTask::progressed, progress, [progress](qint64 done, qint64 total) {
        if (total <= 0)
            return; // still reading the annotations
        progress->setMaximum(int(total));
        progress->setValue(int(done));
        progress->setLabelText(tr("Code %1 of %2…").arg(done).arg(total));
    });
    connect(m_task, &BackgroundTask::finished, progress, &QObject::deleteLater);

    const AgreementRequest req = m_pendingRequest;
    m_task->startReading(
        m_project.reader().readerSource(),
        [req](const ProjectReader &store, Progress &work) {
            return computeProjectAgreement(store, req, work.reporter(), work.cancelFlag());
        },
        [this](AgreementReport result) { finish(std::move(result)); });
    updateButtons();
}

bool ReliabilityDialog::isComputing() const
{
    return m_task->isRunning();
}

void ReliabilityDialog::cancel()
{
    m_task->cancel();
}

void ReliabilityDialog::finish(AgreementReport result)
{
    if (result.cancelled) {
        showMessage(m_report.rows.isEmpty() ? tr("Cancelled.") : tr("Cancelled — the table shows the previous result."));
    } else {
        m_report = std::move(result);
        m_reportRequest = m_pendingRequest;
        m_reportArticles = m_pendingArticles;
        m_model->setRows(m_report.rows);
        showMessage(m_report.error);
        m_summary->setText(m_report.error.isEmpty() ? selectionSummary() : QString());
        m_table->resizeColumnsToContents();
        m_chartView->setReport(m_report);
    }
    updateButtons();
    Q_EMIT computed();
}

QString ReliabilityDialog::selectionSummary() const
{
    QString summary =
        tr("<b>Coders:</b> %1 &nbsp;·&nbsp; <b>%2:</b> %3 with coding, %4 coded by every coder (unitizing α "
           "uses these) &nbsp;·&nbsp; double-click a row for its disagreements")
            .arg(m_report.coders.join(QStringLiteral(", ")).toHtmlEscaped(), m_reportArticles.toHtmlEscaped())
            .arg(m_report.documents)
            .arg(m_report.documentsAllCoded) +
        u" &nbsp;·&nbsp; "_s + intervalDescription().toHtmlEscaped();
    qsizetype merges = 0;
    for (const AgreementRow &row : m_report.rows)
        merges += row.merges.size();
    if (merges > 0)
        summary += u"<br><span style=\"color: #b00020;\">"_s +
                   tr("%n time(s) overlapping spans of one coder and code were counted as one unit (column "
                      "<i>Merged</i>): double-click the row to list them and open the article.",
                      nullptr, int(merges)) +
                   u"</span>"_s;
    return summary;
}

QString ReliabilityDialog::intervalDescription() const
{
    if (m_reportRequest.bootstrapDraws <= 0)
        return tr("no bootstrap intervals");
    return tr("95% CI: percentile bootstrap, %1 draws, seed %2")
        .arg(m_reportRequest.bootstrapDraws)
        .arg(m_reportRequest.bootstrapSeed);
}

DisagreementsDialog *ReliabilityDialog::showDisagreements(int row)
{
    const AgreementRow *r = m_model->row(row);
    if (!r)
        return nullptr;
    auto *dialog = new DisagreementsDialog(r->subject, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    for (const AgreementRow &other : m_report.rows) { // the merges belong to the code's unitizing row
        if (other.codeId == r->codeId && other.measure == u"unitizing-alpha"_s)
            dialog->setMerges(other.merges);
    }
    connect(dialog, &DisagreementsDialog::openRequested, this, &ReliabilityDialog::openRequested);
    // The task goes with the dialog: closed early, the result is dropped
    // (the worker only reads, through its own connection).
    auto *task = new BackgroundTask(dialog);
    connect(task, &BackgroundTask::failed, dialog, &DisagreementsDialog::setError);
    connect(task, &BackgroundTask::finished, task, &QObject::deleteLater);
    const QUuid codeId = r->codeId;
    const AgreementRequest request = m_reportRequest;
    task->startReading(
        m_project.reader().readerSource(),
        [codeId, request](const ProjectReader &store, Progress &) { return codeDisagreements(store, codeId, request); },
        [dialog](const QList<Disagreement> &list) { dialog->setDisagreements(list); });
    dialog->show();
    return dialog;
}

DisagreementsDialog *ReliabilityDialog::showMerges(int row)
{
    DisagreementsDialog *dialog = showDisagreements(row);
    if (dialog)
        dialog->showMergesTab();
    return dialog;
}

bool ReliabilityDialog::exportUnitsCsv(const QString &path, QString *error) const
{
    if (m_report.rows.isEmpty()) {
        if (error)
            *error = tr("Nothing to export: compute the agreement first.");
        return false;
    }
    return writePooledUnitsCsv(m_report.units, path, error);
}

void ReliabilityDialog::chooseAndExportUnits()
{
    const QFileInfo project(m_project.path());
    const QStringList chosen = Prompt::current().chooseFiles(
        this, Prompt::FileMode::Save, tr("Export Units"),
        project.absolutePath() + u'/' + project.completeBaseName() + u"-units.csv"_s, tr("CSV files (*.csv)"));
    const QString path = chosen.value(0);
    if (path.isEmpty() || m_report.rows.isEmpty())
        return;
    // Formatting and writing half a million spans takes a moment: off the UI thread.
    m_exporting = true;
    updateButtons();
    showMessage({});
    auto *task = new BackgroundTask(this);
    connect(task, &BackgroundTask::finished, task, &QObject::deleteLater);
    const PooledUnits units = m_report.units; // implicitly shared; the table may be recomputed meanwhile
    task->start(
        [units, path](Progress &) {
            QString error;
            writePooledUnitsCsv(units, path, &error);
            return error;
        },
        [this](const QString &error) {
            m_exporting = false;
            updateButtons();
            showMessage(error);
            Q_EMIT exported();
        });
}

bool ReliabilityDialog::exportCsv(const QString &path, QString *error) const
{
    if (m_report.rows.isEmpty()) {
        if (error)
            *error = tr("Nothing to export: compute the agreement first.");
        return false;
    }
    return writeWholeFile(path, reliabilityCsv(m_report), error);
}

bool ReliabilityDialog::exportHtml(const QString &path, QString *error) const
{
    if (m_report.rows.isEmpty()) {
        if (error)
            *error = tr("Nothing to export: compute the agreement first.");
        return false;
    }
    QStringList codes;
    for (const AgreementRow &row : m_report.rows) {
        if (!codes.contains(row.subject))
            codes << row.subject;
    }
    const QList<QPair<QString, QString>> summary{
        {tr("Project"), QFileInfo(m_project.path()).fileName()},
        {tr("Coders"), m_report.coders.join(QStringLiteral(", "))},
        {tr("Articles"), tr("%1: %2 with coding, %3 coded by every coder (used for unitizing α)")
                             .arg(m_reportArticles)
                             .arg(m_report.documents)
                             .arg(m_report.documentsAllCoded)},
        {tr("Codes"), codes.join(QStringLiteral(", "))},
        {tr("Intervals"), intervalDescription()},
        {tr("Exported"), QDateTime::currentDateTime().toString(Qt::ISODate)}};
    return writeWholeFile(path, reliabilityHtml(m_report, summary), error);
}

void ReliabilityDialog::chooseAndExport(bool html)
{
    const QFileInfo project(m_project.path());
    const QString suggested = project.absolutePath() + u'/' + project.completeBaseName()
                              + (html ? QStringLiteral("-reliability.html") : QStringLiteral("-reliability.csv"));
    const QString path = Prompt::current().chooseFile(this, Prompt::FileMode::Save,
                                                      html ? tr("Export HTML") : tr("Export CSV"), suggested,
                                                      html ? tr("HTML pages (*.html *.htm)") : tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (html ? exportHtml(path, &error) : exportCsv(path, &error))
        showMessage({});
    else
        showMessage(error);
}

} // namespace newscoder
