#include "reliability/DisagreementsDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace newscoder {

namespace {

constexpr int MaxShownText = 200;
constexpr int SortRole = Qt::UserRole + 1;
constexpr int DocumentRole = Qt::UserRole + 2; // on the first cell of a row: where to open
constexpr int StartRole = Qt::UserRole + 3;
constexpr int EndRole = Qt::UserRole + 4;

QString oneLine(QString text)
{
    text.replace(u'\n', u' ');
    text.replace(u'\r', u' ');
    text.replace(u'\t', u' ');
    return text.size() > MaxShownText ? text.left(MaxShownText - 1) + u'…' : text;
}

QStandardItem *item(const QString &text, const QVariant &sortKey = {})
{
    auto *i = new QStandardItem(text);
    i->setEditable(false);
    if (sortKey.isValid())
        i->setData(sortKey, SortRole);
    return i;
}

} // namespace

DisagreementsDialog::DisagreementsDialog(const QString &codeName, QWidget *parent)
    : QDialog(parent), m_codeName(codeName)
{
    setObjectName(QStringLiteral("disagreementsDialog"));
    setWindowTitle(tr("Disagreements — %1").arg(codeName));

    m_summary = new QLabel(tr("Finding the disagreements on “%1”…").arg(codeName.toHtmlEscaped()), this);
    m_summary->setObjectName(QStringLiteral("disagreementsSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("disagreementsBusy"));
    m_busy->setRange(0, 0); // busy, no percentage
    m_busy->setTextVisible(false);

    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_model->setHorizontalHeaderLabels({tr("Article"), tr("Coder"), tr("Span"), tr("Text"), tr("Kind")});
    m_model->setSortRole(SortRole);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("disagreementsView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ArticleColumn, Qt::AscendingOrder);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(TextColumn, QHeaderView::Stretch);
    m_view->setEnabled(false);
    m_view->setToolTip(tr("Double-click a row to open the article at that span."));
    connect(m_view, &QTableView::doubleClicked, this, &DisagreementsDialog::open);

    m_mergesModel = new QStandardItemModel(0, MergeColumnCount, this);
    m_mergesModel->setHorizontalHeaderLabels(
        {tr("Article"), tr("Coder"), tr("Overlapping spans (as coded)"), tr("Counted as one unit")});
    m_mergesView = new QTableView(this);
    m_mergesView->setObjectName(QStringLiteral("mergesView"));
    m_mergesView->setModel(m_mergesModel);
    m_mergesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_mergesView->setAlternatingRowColors(true);
    m_mergesView->verticalHeader()->hide();
    m_mergesView->horizontalHeader()->setStretchLastSection(true);
    m_mergesView->setToolTip(tr("Spans of one coder and code that overlap were counted as one unit in unitizing α. "
                                "Usually a coding mistake: double-click to open the article and fix them."));
    connect(m_mergesView, &QTableView::doubleClicked, this, &DisagreementsDialog::open);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("disagreementsTabs"));
    m_tabs->addTab(m_view, tr("Disagreements"));
    m_tabs->addTab(m_mergesView, tr("Merged overlaps (0)"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_busy);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    resize(900, 480);
}

DisagreementsDialog::DisagreementsDialog(const QString &codeName, const QList<Disagreement> &disagreements,
                                         QWidget *parent)
    : DisagreementsDialog(codeName, parent)
{
    setDisagreements(disagreements);
}

void DisagreementsDialog::finishLoading()
{
    m_loading = false;
    m_busy->hide();
    m_view->setEnabled(true);
    Q_EMIT loaded();
}

void DisagreementsDialog::setError(const QString &message)
{
    m_summary->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_summary->setText(message.toHtmlEscaped());
    finishLoading();
}

void DisagreementsDialog::setDisagreements(const QList<Disagreement> &disagreements)
{
    m_disagreements = disagreements;
    m_summary->setStyleSheet({});
    if (disagreements.isEmpty())
        m_summary->setText(tr("Every span of “%1” was marked the same way by all selected coders.")
                               .arg(m_codeName.toHtmlEscaped()));
    else
        m_summary->setText(tr("%n span(s) of “%1” that not every other coder marked exactly the same way. "
                              "<i>No counterpart</i>: at least one other coder marked nothing overlapping it; "
                              "<i>boundaries differ</i>: every other coder marked an overlapping span, but not "
                              "with the same start and end.",
                              nullptr, int(disagreements.size()))
                               .arg(m_codeName.toHtmlEscaped()));

    m_model->removeRows(0, m_model->rowCount());
    for (const Disagreement &d : disagreements) {
        QList<QStandardItem *> row{
            item(d.documentTitle, QString(d.documentTitle + u'\x1f' + QString::number(d.start).rightJustified(10, u'0'))),
            item(d.coder, d.coder),
            item(QStringLiteral("%1–%2").arg(d.start).arg(d.end), d.start),
            item(oneLine(d.text), d.text),
            item(d.kind, d.kind)};
        row[ArticleColumn]->setToolTip(d.documentTitle);
        row[ArticleColumn]->setData(d.documentId, DocumentRole);
        row[ArticleColumn]->setData(d.start, StartRole);
        row[ArticleColumn]->setData(d.end, EndRole);
        row[SpanColumn]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        row[SpanColumn]->setToolTip(tr("Characters %1 to %2 of the article text").arg(d.start).arg(d.end));
        row[TextColumn]->setToolTip(d.text.size() > MaxShownText ? d.text.left(2000) : d.text);
        m_model->appendRow(row);
    }
    m_model->sort(m_view->horizontalHeader()->sortIndicatorSection(), m_view->horizontalHeader()->sortIndicatorOrder());
    m_view->resizeColumnsToContents();
    m_view->setColumnWidth(ArticleColumn, qMin(m_view->columnWidth(ArticleColumn), 260));
    finishLoading();
}

void DisagreementsDialog::setMerges(const QList<SpanMerge> &merges)
{
    m_mergesModel->removeRows(0, m_mergesModel->rowCount());
    for (const SpanMerge &m : merges) {
        QStringList spans;
        for (const auto &[start, end] : m.spans)
            spans << QStringLiteral("%1–%2").arg(start).arg(end);
        QList<QStandardItem *> row{item(m.documentTitle), item(m.coder), item(spans.join(QStringLiteral(" + "))),
                                   item(QStringLiteral("%1–%2").arg(m.start).arg(m.end))};
        row[MergeArticleColumn]->setToolTip(m.documentTitle);
        row[MergeArticleColumn]->setData(m.documentId, DocumentRole);
        row[MergeArticleColumn]->setData(m.start, StartRole);
        row[MergeArticleColumn]->setData(m.end, EndRole);
        m_mergesModel->appendRow(row);
    }
    m_tabs->setTabText(1, tr("Merged overlaps (%1)").arg(merges.size()));
    m_mergesView->resizeColumnsToContents();
}

void DisagreementsDialog::showMergesTab()
{
    m_tabs->setCurrentWidget(m_mergesView);
}

void DisagreementsDialog::open(const QModelIndex &index)
{
    const auto *model = qobject_cast<const QStandardItemModel *>(index.model());
    const QStandardItem *first = model ? model->item(index.row(), 0) : nullptr;
    if (!first || first->data(DocumentRole).toUuid().isNull())
        return;
    Q_EMIT openRequested(first->data(DocumentRole).toUuid(), first->data(StartRole).toInt(),
                         first->data(EndRole).toInt());
}

} // namespace newscoder
