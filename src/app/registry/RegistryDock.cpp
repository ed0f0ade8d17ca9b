#include "registry/RegistryDock.h"

#include "models/ModelRoles.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace newscoder {

RegistryDock::RegistryDock(const QString &title, const QString &name, const QString &filterHint,
                           QAbstractItemView::SelectionMode selection, QWidget *parent)
    : QDockWidget(title, parent)
{
    setObjectName(name + QStringLiteral("sDock"));
    m_body = new QWidget(this);
    auto *layout = new QVBoxLayout(m_body);
    layout->setContentsMargins(4, 4, 4, 4);
    m_filter = new QLineEdit(m_body);
    m_filter->setObjectName(name + QStringLiteral("Filter"));
    m_filter->setPlaceholderText(filterHint);
    m_filter->setClearButtonEnabled(true);
    m_view = new QTableView(m_body);
    m_view->setObjectName(name + QStringLiteral("Table"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(selection);
    m_view->setSortingEnabled(true);
    m_view->verticalHeader()->hide();
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_buttons = new QHBoxLayout;
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
    layout->addLayout(m_buttons);
    setWidget(m_body);

    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSortRole(SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1); // any column: name, aliases, domains, …
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
}

QToolButton *RegistryDock::addButton(const QString &text, const QString &name, const QString &tip)
{
    auto *b = new QToolButton(m_body);
    b->setText(text);
    b->setObjectName(name);
    if (!tip.isEmpty())
        b->setToolTip(tip);
    m_buttons->addWidget(b);
    return b;
}

void RegistryDock::endButtons()
{
    m_buttons->addStretch(1);
}

void RegistryDock::replaceModel(QAbstractItemModel *model, int nameColumn)
{
    m_view->setModel(nullptr);
    m_proxy->setSourceModel(nullptr);
    delete m_source;
    m_source = model;
    if (!model)
        return;
    m_proxy->setSourceModel(model);
    m_view->setModel(m_proxy);
    m_view->horizontalHeader()->setSectionResizeMode(nameColumn, QHeaderView::Stretch);
    m_view->sortByColumn(nameColumn, Qt::AscendingOrder);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RegistryDock::updateButtons);
    connect(model, &QAbstractItemModel::modelReset, this, &RegistryDock::updateButtons);
}

} // namespace newscoder
