// Help ▸ Keyboard Shortcuts: every action of the window that has a keyboard
// shortcut — menus, code keys, panels — read from the window's actions when
// the dialog opens (never a hand-written list), with a filter field.
#pragma once

#include <QDialog>

class QLineEdit;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;

namespace newscoder::shell {

class ShortcutsDialog final : public QDialog
{
    Q_OBJECT

public:
    // Columns of the list.
    enum Column { ActionColumn, ShortcutColumn, MenuColumn };

    explicit ShortcutsDialog(QWidget *window, QWidget *parent = nullptr);

    // Re-reads the window's actions (code keys change with the codebook).
    void reload();
    // Rows whose action, shortcut or menu contains `text` (case-insensitive).
    void setFilter(const QString &text);

    QLineEdit *filterEdit() const { return m_filter; }
    QTableView *view() const { return m_view; }
    // The rows as shown (after filtering): {action, shortcut, menu}.
    QList<QStringList> visibleRows() const;

private:
    QWidget *m_window = nullptr;
    QLineEdit *m_filter = nullptr;
    QStandardItemModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_view = nullptr;
};

// An action's text as a reader sees it: without '&', the trailing '…' and tabs.
QString plainActionText(const QString &text);

} // namespace newscoder::shell
