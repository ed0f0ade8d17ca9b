#include "DisagreementsDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace newscoder {

namespace {

constexpr int MaxShownText = 200;

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
        i->setData(sortKey, Qt::UserRole + 1);
    return i;
}

} // namespace

DisagreementsDialog::DisagreementsDialog(const QString &codeName, const QList<Disagreement> &disagreements,
                                         QWidget *parent)
    : QDialog(parent), m_disagreements(disagreements)
{
    setObjectName(QStringLiteral("disagreementsDialog"));
    setWindowTitle(tr("Disagreements — %1").arg(codeName));

    auto *summary = new QLabel(this);
    summary->setObjectName(QStringLiteral("disagreementsSummary"));
    summary->setWordWrap(true);
    if (disagreements.isEmpty())
        summary->setText(tr("Every span of “%1” was marked the same way by all selected coders.").arg(codeName));
    else
        summary->setText(tr("%n span(s) of “%1” that not every other coder marked exactly the same way. "
                            "<i>No counterpart</i>: at least one other coder marked nothing overlapping it; "
                            "<i>boundaries differ</i>: every other coder marked an overlapping span, but not "
                            "with the same start and end.",
                            nullptr, int(disagreements.size()))
                             .arg(codeName.toHtmlEscaped()));

    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_model->setHorizontalHeaderLabels({tr("Article"), tr("Coder"), tr("Span"), tr("Text"), tr("Kind")});
    m_model->setSortRole(Qt::UserRole + 1);
    for (const Disagreement &d : disagreements) {
        QList<QStandardItem *> row{
            item(d.documentTitle, QString(d.documentTitle + u'\x1f' + QString::number(d.start).rightJustified(10, u'0'))),
            item(d.coder, d.coder),
            item(QStringLiteral("%1–%2").arg(d.start).arg(d.end), d.start),
            item(oneLine(d.text), d.text),
            item(d.kind, d.kind)};
        row[ArticleColumn]->setToolTip(d.documentTitle);
        row[SpanColumn]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        row[SpanColumn]->setToolTip(tr("Characters %1 to %2 of the article text").arg(d.start).arg(d.end));
        row[TextColumn]->setToolTip(d.text.size() > MaxShownText ? d.text.left(2000) : d.text);
        m_model->appendRow(row);
    }

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
    m_view->resizeColumnsToContents();
    m_view->setColumnWidth(ArticleColumn, qMin(m_view->columnWidth(ArticleColumn), 260));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(900, 480);
}

} // namespace newscoder
