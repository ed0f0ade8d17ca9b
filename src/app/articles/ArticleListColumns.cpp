#include "articles/ArticleListColumns.h"

#include "models/DocumentListModel.h"

#include <QAbstractItemModel>
#include <QEvent>
#include <QHeaderView>
#include <QStyle>
#include <QTableView>
#include <algorithm>

namespace newscoder {

ArticleListColumns::ArticleListColumns(QTableView *view) : QObject(view), m_view(view), m_viewport(view->viewport())
{
    m_viewport->installEventFilter(this);
    connect(view->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, &ArticleListColumns::fit);
}

void ArticleListColumns::watchModel()
{
    QAbstractItemModel *model = m_view->model();
    if (!model)
        return;
    QHeaderView *header = m_view->horizontalHeader();
    header->setTextElideMode(Qt::ElideRight);
    header->setHighlightSections(false); // bold labels of a selected row would not fit their columns
    header->setSectionResizeMode(QHeaderView::Fixed);
    header->setSectionResizeMode(DocumentListModel::TitleColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(DocumentListModel::OutletColumn, QHeaderView::Interactive);
    connect(model, &QAbstractItemModel::modelReset, this, &ArticleListColumns::fit, Qt::UniqueConnection);
    connect(model, &QAbstractItemModel::layoutChanged, this, &ArticleListColumns::fit, Qt::UniqueConnection);
    connect(model, &QAbstractItemModel::rowsInserted, this, &ArticleListColumns::fit, Qt::UniqueConnection);
    connect(model, &QAbstractItemModel::dataChanged, this, &ArticleListColumns::fit, Qt::UniqueConnection);
    fit();
}

int ArticleListColumns::compactWidth(int column) const
{
    QHeaderView *header = m_view->horizontalHeader();
    int headerWidth = 0;
    if (header->isSortIndicatorShown() && header->sortIndicatorSection() == column) {
        headerWidth = header->sectionSizeHint(column); // with room for the sort arrow
    } else {
        // Qt's hint keeps room for a sort arrow in every column; only the sorted one shows it.
        const int margin = header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
        const QString label = m_view->model()->headerData(column, Qt::Horizontal).toString();
        headerWidth = header->fontMetrics().horizontalAdvance(label) + 4 * margin + 6;
    }
    // The widest text among the rows in sight (not the whole list: it may hold 10,000 articles).
    const QFontMetrics metrics(m_view->font());
    const int padding =
        2 * (m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 1) + 2;
    int contents = 0;
    const int first = qMax(0, m_view->rowAt(0));
    const int rows = m_view->model()->rowCount();
    const int last = qMin(rows - 1, first + 100);
    for (int row = first; row <= last; ++row) {
        const QString text = m_view->model()->index(row, column).data().toString();
        contents = qMax(contents, metrics.horizontalAdvance(text) + padding);
    }
    return qMax(headerWidth, contents);
}

void ArticleListColumns::fit()
{
    if (!m_view->model() || m_view->model()->columnCount() < DocumentListModel::ColumnCount)
        return;
    QHeaderView *header = m_view->horizontalHeader();
    const int available = m_view->viewport()->width();
    int taken = 0;
    for (const int column : {DocumentListModel::DateColumn, DocumentListModel::MissingColumn,
                             DocumentListModel::DoneColumn, DocumentListModel::AgreementColumn}) {
        const int width = compactWidth(column);
        header->resizeSection(column, width);
        if (!m_view->isColumnHidden(column)) // the study columns are hidden outside a study
            taken += width;
    }
    const int forTitle = available * TitleSharePercent / 100;
    // With the study columns in a narrow list, the annotation count steps
    // aside first (it stays in each row's tooltip).
    const int codes = compactWidth(DocumentListModel::AnnotationsColumn);
    header->resizeSection(DocumentListModel::AnnotationsColumn, codes);
    const bool studyColumns = !m_view->isColumnHidden(DocumentListModel::DoneColumn)
                              || !m_view->isColumnHidden(DocumentListModel::AgreementColumn);
    const bool showCodes = !studyColumns || available - taken - codes >= forTitle;
    if (m_view->isColumnHidden(DocumentListModel::AnnotationsColumn) == showCodes)
        m_view->setColumnHidden(DocumentListModel::AnnotationsColumn, !showCodes);
    if (showCodes)
        taken += codes;
    const int outlet = std::min(
        {compactWidth(DocumentListModel::OutletColumn), available / 3, available - taken - forTitle});
    const bool showOutlet = outlet >= MinOutletWidth;
    if (m_view->isColumnHidden(DocumentListModel::OutletColumn) == showOutlet)
        m_view->setColumnHidden(DocumentListModel::OutletColumn, !showOutlet);
    if (showOutlet)
        header->resizeSection(DocumentListModel::OutletColumn, outlet);
}

bool ArticleListColumns::eventFilter(QObject *watched, QEvent *event)
{
    // The type and the remembered viewport first: while the view is being
    // destroyed its viewport still sends events here, and the view is no
    // longer a QTableView to ask anything (UBSan: member call on a QWidget).
    if (event->type() == QEvent::Resize && watched == m_viewport)
        fit();
    return QObject::eventFilter(watched, event);
}

} // namespace newscoder
