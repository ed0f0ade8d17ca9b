#pragma once

#include <QAbstractItemView>
#include <QDockWidget>

class QAbstractItemModel;
class QHBoxLayout;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace newscoder {

// What the actor and outlet registries share: a filter line over a sortable
// table of the registry (filtered on every column, sorted by name) and a row
// of buttons below it, which follow the selection (updateButtons).
class RegistryDock : public QDockWidget
{
    Q_OBJECT

public:
    QTableView *view() const { return m_view; }

protected:
    // `name` is the registry's item ("actor"): the dock is named `<name>sDock`,
    // the filter `<name>Filter` and the table `<name>Table`.
    RegistryDock(const QString &title, const QString &name, const QString &filterHint,
                 QAbstractItemView::SelectionMode selection, QWidget *parent);

    // A button of the row below the table (in the order they are added).
    QToolButton *addButton(const QString &text, const QString &name, const QString &tip = {});
    // After the last button: they keep to the left.
    void endButtons();
    // Shows `model` (null: nothing), its `nameColumn` stretched and sorted;
    // the model shown before is deleted.
    void replaceModel(QAbstractItemModel *model, int nameColumn);
    // Enables the buttons for the project and the selection.
    virtual void updateButtons() = 0;

    QLineEdit *m_filter = nullptr;
    QTableView *m_view = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;

private:
    QWidget *m_body = nullptr;
    QAbstractItemModel *m_source = nullptr; // the model shown, owned here
    QHBoxLayout *m_buttons = nullptr;
};

} // namespace newscoder
