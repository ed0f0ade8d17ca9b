#pragma once

#include <QDockWidget>
#include <QUuid>

#include <functional>

class QAction;
class QTreeView;
class QToolButton;

namespace newscoder {

class CodebookTreeModel;
class Project;

// The codebook as a tree: each code with its colour, key, uses and unit.
// Clicking a code (or pressing its key) codes the selected text; dragging
// reorders and re-parents codes; double-click edits the name or key. The
// context menu (and the buttons) add codes and sub-codes, open the code
// editor, rename, recolour, merge, split and delete codes, and import or
// export the codebook. Every change is one undoable step.
class CodebookDock final : public QDockWidget
{
    Q_OBJECT

public:
    explicit CodebookDock(QWidget *parent = nullptr);

    // Both null: no project.
    void setModel(CodebookTreeModel *model, Project *project);
    QUuid currentCode() const;
    void selectCode(const QUuid &codeId);
    QTreeView *view() const { return m_view; }
    // The annotations selected elsewhere (Split… starts with those of the code checked).
    void setSelectedAnnotationsProvider(std::function<QList<QUuid>()> provider)
    {
        m_selectedAnnotations = std::move(provider);
    }
    // Off: no confirmation questions (tests, scripted runs): deletes at once.
    void setInteractive(bool interactive) { m_interactive = interactive; }

    // The actions (also used by the window's menus and tests).
    QAction *newCodeAction() const { return m_newCode; }
    QAction *newSubCodeAction() const { return m_newSubCode; }
    QAction *editAction() const { return m_edit; }
    QAction *mergeAction() const { return m_merge; }
    QAction *splitAction() const { return m_split; }
    QAction *deleteAction() const { return m_delete; }
    QAction *importAction() const { return m_import; }
    QAction *exportAction() const { return m_export; }

    void addCode(const QUuid &parentId);
    void editCode(const QUuid &codeId);
    void recolorCode(const QUuid &codeId);
    void mergeCode(const QUuid &codeId);
    void splitCode(const QUuid &codeId);
    void removeCode(const QUuid &codeId);
    void importCodebook();
    void exportCodebook();

Q_SIGNALS:
    void codeActivated(const QUuid &codeId); // apply this code to the selection
    void statusMessage(const QString &message);

private:
    void updateActions();
    void showContextMenu(const QPoint &pos);

    CodebookTreeModel *m_model = nullptr;
    Project *m_project = nullptr;
    QTreeView *m_view = nullptr;
    std::function<QList<QUuid>()> m_selectedAnnotations;
    QUuid m_keptCode; // current code across model resets
    bool m_interactive = true;
    QAction *m_newCode = nullptr;
    QAction *m_newSubCode = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_rename = nullptr;
    QAction *m_recolor = nullptr;
    QAction *m_merge = nullptr;
    QAction *m_split = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_import = nullptr;
    QAction *m_export = nullptr;
};

} // namespace newscoder
