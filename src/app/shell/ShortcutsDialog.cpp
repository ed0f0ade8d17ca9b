#include "shell/ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace newscoder::shell {

namespace {

// The menu path an action sits in ("Edit", "File ▸ Export"); empty when it is in none.
QString menuPath(const QAction *action)
{
    for (QObject *object : action->associatedObjects()) {
        const auto *menu = qobject_cast<QMenu *>(object);
        if (!menu || plainActionText(menu->title()).isEmpty())
            continue;
        QStringList path{plainActionText(menu->title())};
        const QMenu *current = menu;
        while (const QAction *owner = current->menuAction()) {
            const QList<QObject *> parents = owner->associatedObjects();
            const QMenu *parentMenu = nullptr;
            for (QObject *parent : parents) {
                const auto *candidate = qobject_cast<QMenu *>(parent);
                if (candidate && !plainActionText(candidate->title()).isEmpty()) { // not an untitled pop-up
                    parentMenu = candidate;
                    break;
                }
            }
            if (!parentMenu)
                break;
            path.prepend(plainActionText(parentMenu->title()));
            current = parentMenu;
        }
        return path.join(QStringLiteral(" ▸ "));
    }
    return {};
}

} // namespace

QString plainActionText(const QString &text)
{
    QString plain = text;
    plain.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    plain.remove(u'&');
    plain.replace(u'\x01', u'&');
    plain = plain.section(u'\t', 0, 0).trimmed();
    if (plain.endsWith(QStringLiteral("…")))
        plain.chop(1);
    else if (plain.endsWith(QStringLiteral("...")))
        plain.chop(3);
    return plain.trimmed();
}

ShortcutsDialog::ShortcutsDialog(QWidget *window, QWidget *parent) : QDialog(parent), m_window(window)
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    setObjectName(QStringLiteral("shortcutsDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *hint = new QLabel(tr("Select text in the article, then press a code's key. Every shortcut of the window:"),
                            this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("shortcutsFilter"));
    m_filter->setPlaceholderText(tr("Search actions, keys or menus"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Search shortcuts"));
    layout->addWidget(m_filter);

    m_model = new QStandardItemModel(0, 3, this);
    m_model->setHorizontalHeaderLabels({tr("Action"), tr("Shortcut"), tr("Menu")});
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("shortcutsTable"));
    m_view->setAccessibleName(tr("Keyboard shortcuts"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(ActionColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(ShortcutColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(MenuColumn, QHeaderView::ResizeToContents);
    layout->addWidget(m_view, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_filter, &QLineEdit::textChanged, this, &ShortcutsDialog::setFilter);
    resize(640, 560);
    reload();
}

void ShortcutsDialog::reload()
{
    m_model->removeRows(0, m_model->rowCount());
    if (!m_window)
        return;
    QList<QAction *> actions = m_window->actions();
    actions += m_window->findChildren<QAction *>();
    QSet<const QAction *> seen;
    for (QAction *action : std::as_const(actions)) {
        if (seen.contains(action) || action->shortcuts().isEmpty() || action->isSeparator())
            continue;
        seen.insert(action);
        QStringList keys;
        for (const QKeySequence &key : action->shortcuts())
            keys.append(key.toString(QKeySequence::NativeText));
        QString text = plainActionText(action->text());
        if (text.isEmpty())
            text = plainActionText(action->toolTip());
        auto *name = new QStandardItem(text);
        name->setToolTip(action->statusTip().isEmpty() ? action->toolTip() : action->statusTip());
        auto *key = new QStandardItem(keys.join(QStringLiteral(", ")));
        auto *menu = new QStandardItem(menuPath(action));
        m_model->appendRow({name, key, menu});
    }
    m_proxy->sort(MenuColumn);
}

void ShortcutsDialog::setFilter(const QString &text)
{
    if (m_filter->text() != text)
        m_filter->setText(text); // comes back here through textChanged
    m_proxy->setFilterFixedString(text.trimmed());
}

QList<QStringList> ShortcutsDialog::visibleRows() const
{
    QList<QStringList> rows;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < m_proxy->columnCount(); ++column)
            cells.append(m_proxy->index(row, column).data().toString());
        rows.append(cells);
    }
    return rows;
}

} // namespace newscoder::shell
