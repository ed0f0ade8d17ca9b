#include "DocumentListDock.h"

#include "ArticleListColumns.h"
#include "models/DocumentListModel.h"
#include "models/ModelRoles.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace newscoder {

namespace {

// Matches the filter words against title and outlet (all words must match).
class DocumentFilterProxy final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setWords(const QString &text)
    {
        m_words = text.split(u' ', Qt::SkipEmptyParts);
        invalidateRowsFilter();
    }

    void setIncompleteOnly(bool on)
    {
        m_incompleteOnly = on;
        invalidateRowsFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (m_incompleteOnly
            && sourceModel()->index(row, DocumentListModel::MissingColumn, parent).data(SortRole).toInt() <= 0)
            return false;
        if (m_words.isEmpty())
            return true;
        const QString haystack =
            sourceModel()->index(row, DocumentListModel::TitleColumn, parent).data().toString() + u' '
            + sourceModel()->index(row, DocumentListModel::OutletColumn, parent).data().toString() + u' '
            + sourceModel()->index(row, DocumentListModel::DateColumn, parent).data().toString();
        for (const QString &word : m_words) {
            if (!haystack.contains(word, Qt::CaseInsensitive))
                return false;
        }
        return true;
    }

private:
    QStringList m_words;
    bool m_incompleteOnly = false;
};

} // namespace

DocumentListDock::DocumentListDock(QWidget *parent) : QDockWidget(tr("Articles"), parent)
{
    setObjectName(QStringLiteral("documentListDock"));
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    m_filter = new QLineEdit(body);
    m_filter->setObjectName(QStringLiteral("documentFilter"));
    m_filter->setPlaceholderText(tr("Filter by title, outlet or date…"));
    m_filter->setClearButtonEnabled(true);
    m_incompleteOnly = new QCheckBox(tr("Incomplete only"), body);
    m_incompleteOnly->setObjectName(QStringLiteral("incompleteOnly"));
    m_incompleteOnly->setToolTip(tr("Only articles where you have not given every required value yet"));
    m_count = new QLabel(body);
    m_count->setObjectName(QStringLiteral("documentCount"));
    m_view = new QTableView(body);
    m_view->setObjectName(QStringLiteral("documentTable"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSortingEnabled(true);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_incompleteOnly);
    layout->addLayout(filterRow);
    layout->addWidget(m_view);
    layout->addWidget(m_count);
    setWidget(body);
    m_columns = new ArticleListColumns(m_view);

    auto *proxy = new DocumentFilterProxy(this);
    proxy->setSortRole(SortRole);
    m_proxy = proxy;
    connect(m_filter, &QLineEdit::textChanged, this, [this, proxy](const QString &text) {
        proxy->setWords(text);
        updateCount();
    });
    connect(m_incompleteOnly, &QCheckBox::toggled, this, [this, proxy](bool on) {
        proxy->setIncompleteOnly(on);
        updateCount();
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &DocumentListDock::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &DocumentListDock::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &DocumentListDock::updateCount);
}

void DocumentListDock::setModel(DocumentListModel *model)
{
    m_model = model;
    m_proxy->setSourceModel(model);
    m_view->setModel(model ? m_proxy : nullptr);
    if (model) {
        m_columns->watchModel();
        m_view->sortByColumn(DocumentListModel::DateColumn, Qt::AscendingOrder);
        connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                [this](const QModelIndex &current) {
                    Q_EMIT currentDocumentChanged(current.isValid() ? current.data(IdRole).toUuid() : QUuid());
                });
    }
    updateCount();
}

void DocumentListDock::updateCount()
{
    const int shown = m_model ? m_proxy->rowCount() : 0;
    const int total = m_model ? m_model->rowCount() : 0;
    m_count->setText(shown == total ? tr("%n article(s)", nullptr, total)
                                    : tr("%1 of %2 articles").arg(shown).arg(total));
}

void DocumentListDock::selectDocument(const QUuid &documentId)
{
    if (!m_model)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexOf(documentId));
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
}

QUuid DocumentListDock::currentDocument() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(IdRole).toUuid() : QUuid();
}

QList<QUuid> DocumentListDock::selectedDocuments() const
{
    QList<QUuid> ids;
    if (!m_view->selectionModel())
        return ids;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        ids.append(index.data(IdRole).toUuid());
    return ids;
}

} // namespace newscoder
