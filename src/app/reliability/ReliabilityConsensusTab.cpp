#include "reliability/ReliabilityConsensusTab.h"

#include "common/BackgroundTask.h"
#include "project/Project.h"
#include "review/DisagreementReport.h"
#include "storage/ProjectReader.h"
#include "storage/StoreError.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace newscoder {

namespace {

enum Column { NameColumn, ArticlesColumn, AlphaColumn, PresenceColumn, AgreementColumn, UnitsColumn, MissedColumn,
              ExtraColumn, BoundaryColumn, CodeColumn, FieldsColumn, VariablesColumn, DetailColumn, ColumnCount };

QString alpha(const std::optional<double> &value)
{
    return value ? QString::number(*value, 'f', 3) : QStringLiteral("—");
}

QString percent(const std::optional<double> &value)
{
    return value ? QString::number(*value * 100.0, 'f', 1) + QLatin1Char('%') : QStringLiteral("—");
}

QString differing(const review::ErrorCounts &e)
{
    QStringList parts;
    for (auto it = e.fieldDifferences.cbegin(); it != e.fieldDifferences.cend(); ++it)
        parts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
    for (auto it = e.variableDifferences.cbegin(); it != e.variableDifferences.cend(); ++it)
        parts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
    return parts.join(QStringLiteral(", "));
}

QTableWidget *makeTable(const QString &name, const QString &first, QWidget *parent)
{
    auto *table = new QTableWidget(0, ColumnCount, parent);
    table->setObjectName(name);
    table->setHorizontalHeaderLabels({first, QObject::tr("Articles"), QObject::tr("Unitizing α"), QObject::tr("α presence"),
                                      QObject::tr("Agreement"), QObject::tr("Items"), QObject::tr("Missed"),
                                      QObject::tr("Extra"), QObject::tr("Boundary"), QObject::tr("Wrong code"),
                                      QObject::tr("Fields"), QObject::tr("Variables"), QObject::tr("Differing fields")});
    table->horizontalHeaderItem(MissedColumn)->setToolTip(QObject::tr("A consensus span the coder did not mark"));
    table->horizontalHeaderItem(ExtraColumn)->setToolTip(QObject::tr("A coder span the consensus does not have"));
    table->horizontalHeaderItem(AgreementColumn)
        ->setToolTip(QObject::tr("Items agreeing with the consensus exactly (code, span, field values) / items"));
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

void setRow(QTableWidget *table, int row, const QString &name, const QString &articles,
            const stats::AgreementResult &unitizing, const QString &presence, const review::ErrorCounts &e)
{
    const QStringList cells{name,
                            articles,
                            alpha(unitizing.value),
                            presence,
                            percent(e.percentAgreement()),
                            QString::number(e.units),
                            QString::number(e.missed),
                            QString::number(e.extra),
                            QString::number(e.boundary),
                            QString::number(e.wrongCode),
                            QString::number(e.fields),
                            QString::number(e.variables),
                            differing(e)};
    for (int c = 0; c < cells.size(); ++c) {
        auto *item = new QTableWidgetItem(cells[c]);
        if (c != NameColumn && c != DetailColumn)
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (c == AlphaColumn && !unitizing.note.isEmpty())
            item->setToolTip(unitizing.note);
        table->setItem(row, c, item);
    }
}

} // namespace

ReliabilityConsensusTab::ReliabilityConsensusTab(Project &project, QWidget *parent)
    : QWidget(parent), m_project(project)
{
    setObjectName(QStringLiteral("consensusTab"));
    m_summary = new QLabel(tr("Each coder against the consensus, on the adjudicated articles they coded."), this);
    m_summary->setObjectName(QStringLiteral("consensusSummary"));
    m_summary->setWordWrap(true);
    m_computeButton = new QPushButton(tr("Compute"), this);
    m_computeButton->setObjectName(QStringLiteral("consensusComputeButton"));
    m_reportButton = new QPushButton(tr("Disagreement Report…"), this);
    m_reportButton->setObjectName(QStringLiteral("consensusReportButton"));
    m_reportButton->setToolTip(tr("Write an HTML page with every passage where a coder differs from the consensus, "
                                  "per code, for a coder training round"));
    connect(m_computeButton, &QPushButton::clicked, this, &ReliabilityConsensusTab::compute);
    connect(m_reportButton, &QPushButton::clicked, this, &ReliabilityConsensusTab::writeReport);

    m_coders = makeTable(QStringLiteral("consensusCoders"), tr("Coder"), this);
    m_codes = makeTable(QStringLiteral("consensusCodes"), tr("Code"), this);
    m_codes->setColumnHidden(ArticlesColumn, true);
    m_coders->setColumnHidden(PresenceColumn, true); // per code only
    m_codesTitle = new QLabel(this);
    connect(m_coders, &QTableWidget::currentCellChanged, this, [this](int row) { showCoder(row); });

    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_computeButton);
    top->addWidget(m_reportButton);
    auto *lower = new QWidget(this);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(m_codesTitle);
    lowerLayout->addWidget(m_codes, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setChildrenCollapsible(false);
    split->addWidget(m_coders);
    split->addWidget(lower);
    split->setSizes({200, 400});
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    auto *note = new QLabel(tr("An item is a pair of the coder's and the consensus's spans (same code, greatest "
                               "overlap), a span only one of them marked, or an article variable; a wrong code "
                               "counts under the consensus's code. α: the coder and the consensus as two coders; "
                               "an adjudicated article counts as coded by both."),
                            this);
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("color: palette(mid);"));
    layout->addWidget(note);
}

void ReliabilityConsensusTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_computedOnce)
        compute();
}

void ReliabilityConsensusTab::compute()
{
    if (m_computing)
        return;
    m_computing = true;
    m_computedOnce = true;
    m_computeButton->setEnabled(false);
    m_summary->setText(tr("Computing…"));
    auto *task = new BackgroundTask(this); // goes with the tab: closed early, the result is dropped
    connect(task, &BackgroundTask::finished, task, &QObject::deleteLater);
    connect(task, &BackgroundTask::failed, this, [this](const QString &error) {
        review::ConsensusAgreementReport failed;
        failed.error = error;
        finish(failed);
    });
    task->startReading(
        m_project.reader().readerSource(),
        [](const ProjectReader &store, Progress &) { return review::computeConsensusAgreement(store, {}); },
        [this](const review::ConsensusAgreementReport &report) { finish(report); });
}

void ReliabilityConsensusTab::finish(const review::ConsensusAgreementReport &report)
{
    m_computing = false;
    m_computeButton->setEnabled(true);
    m_report = report;
    m_coders->setRowCount(0);
    if (!report.error.isEmpty()) {
        m_summary->setText(report.error);
    } else if (report.coders.isEmpty()) {
        m_summary->setText(tr("Nothing adjudicated yet: decide disagreements in Analysis ▸ Review Coders first."));
    } else {
        m_summary->setText(tr("Against %1: %2 adjudicated article(s), %3 coder(s).")
                               .arg(report.consensus)
                               .arg(report.documents.size())
                               .arg(report.coders.size()));
    }
    m_coders->setRowCount(int(report.coders.size()));
    for (int i = 0; i < report.coders.size(); ++i) {
        const review::CoderAgainstConsensus &c = report.coders[i];
        setRow(m_coders, i, c.coder, QString::number(c.documents.size()), c.unitizing, QStringLiteral("—"), c.counts);
    }
    m_coders->resizeColumnsToContents();
    m_reportButton->setEnabled(!report.coders.isEmpty());
    if (!report.coders.isEmpty())
        m_coders->setCurrentCell(0, 0);
    showCoder(report.coders.isEmpty() ? -1 : m_coders->currentRow());
    Q_EMIT computed();
}

void ReliabilityConsensusTab::showCoder(int row)
{
    m_codes->setRowCount(0);
    if (row < 0 || row >= m_report.coders.size()) {
        m_codesTitle->clear();
        return;
    }
    const review::CoderAgainstConsensus &c = m_report.coders[row];
    m_codesTitle->setText(tr("<b>%1</b> against %2, per code:").arg(c.coder.toHtmlEscaped(), m_report.consensus.toHtmlEscaped()));
    m_codes->setRowCount(int(c.codes.size()));
    for (int i = 0; i < c.codes.size(); ++i) {
        const review::CodeAgainstConsensus &code = c.codes[i];
        setRow(m_codes, i, code.code, {}, code.unitizing, alpha(code.presence.value), code.counts);
    }
    m_codes->resizeColumnsToContents();
}

void ReliabilityConsensusTab::writeReport()
{
    const QString suggested = QFileInfo(m_project.path()).absolutePath() + QLatin1Char('/')
                              + QFileInfo(m_project.path()).completeBaseName() + QStringLiteral("-against-consensus.html");
    const QString path = QFileDialog::getSaveFileName(this, tr("Disagreement Report"), suggested, tr("Web page (*.html)"));
    if (path.isEmpty())
        return;
    review::DisagreementReportRequest request;
    request.against = m_report.consensus;
    request.title = QFileInfo(m_project.path()).completeBaseName();
    review::DisagreementReportResult result;
    QString error;
    try {
        error = review::writeDisagreementReport(m_project.reader(), request, path, &result);
    } catch (const StoreError &e) {
        error = e.message();
    }
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Disagreement Report"), error);
    else
        m_summary->setText(tr("%1 disputed passage(s) in %2 code(s) written to %3.")
                               .arg(result.passages)
                               .arg(result.codes)
                               .arg(QDir::toNativeSeparators(path)));
}

} // namespace newscoder
