#pragma once

#include "registry/RegistryDock.h"

#include <QPointer>
#include <QUuid>

class QToolButton;

namespace newscoder {

class ActorListModel;
class Project;
struct Actor;

// The actor registry: a filterable list with link counts; add, edit (a
// dialog with aliases one per line and custom fields as name=value lines),
// delete (says how many links go with it) and merge two actors. Every change
// goes through Project (undoable).
class ActorsDock final : public RegistryDock
{
    Q_OBJECT

public:
    explicit ActorsDock(QWidget *parent = nullptr);
    ~ActorsDock() override;

    void setProject(Project *project); // nullptr: empty
    QList<QUuid> selectedActors() const;

    // The edit dialog; returns false when cancelled.
    static bool editActor(QWidget *parent, Actor &actor, const QString &title);

private:
    void addActor();
    void editCurrent();
    void deleteSelected();
    void mergeSelected();
    void updateButtons() override;

    QPointer<Project> m_project;
    ActorListModel *m_model = nullptr;
    QToolButton *m_add = nullptr;
    QToolButton *m_edit = nullptr;
    QToolButton *m_delete = nullptr;
    QToolButton *m_merge = nullptr;
};

} // namespace newscoder
