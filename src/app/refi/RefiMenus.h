#pragma once

#include <QObject>

#include <functional>

class QAction;
class QMenu;
class QWidget;

namespace newscoder {

class Project;

// File ▸ Import ▸ REFI-QDA Project/Codebook… and File ▸ Export ▸ REFI-QDA
// Project/Codebook…: file dialogs, a pre-flight report before an import is
// written, progress while exporting, and the report afterwards. The window
// hands over its File menu and a way to reach the open project.
class RefiMenus final : public QObject
{
    Q_OBJECT

public:
    RefiMenus(QWidget *window, QMenu *fileMenu, std::function<Project *()> project);

    // Enables the actions for the open project (none: disabled; read-only: export only).
    void updateActions();

private:
    void importFile(bool codebook);
    void exportFile(bool codebook);

    QWidget *m_window;
    std::function<Project *()> m_project;
    QAction *m_importProject = nullptr;
    QAction *m_importCodebook = nullptr;
    QAction *m_exportProject = nullptr;
    QAction *m_exportCodebook = nullptr;
};

} // namespace newscoder
