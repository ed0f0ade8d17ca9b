#pragma once

#include "registry/RegistryDock.h"

#include <QPointer>
#include <QUuid>

class QToolButton;

namespace newscoder {

class OutletListModel;
class Project;

// The outlet registry: outlets with their domains, country, article counts
// and outlet variables (editable in the table or in a dialog); add, edit and
// delete. Every change goes through Project (undoable).
class OutletsDock final : public RegistryDock
{
    Q_OBJECT

public:
    explicit OutletsDock(QWidget *parent = nullptr);
    ~OutletsDock() override;

    void setProject(Project *project); // nullptr: empty
    QUuid currentOutlet() const;

private:
    // Add (null id) or edit an outlet in a dialog: name, domains, country,
    // memo and the outlet variables; applied as one undo step.
    void editOutlet(const QUuid &outletId);
    void deleteCurrent();
    void updateButtons() override;

    QPointer<Project> m_project;
    OutletListModel *m_model = nullptr;
    QToolButton *m_add = nullptr;
    QToolButton *m_edit = nullptr;
    QToolButton *m_delete = nullptr;
};

} // namespace newscoder
