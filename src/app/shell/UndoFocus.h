#pragma once

#include <QList>
#include <QObject>
#include <QUuid>

#include <functional>

class QUndoCommand;

namespace newscoder {

class Project;

// Brings the article an undo or redo changed into view: it follows the
// project's change signals between two steps of the undo stack and, when the
// step was an undo or a redo (not a new edit), calls `show` with the
// articles it touched (the first first) and, when there is one, the first
// annotation it touched in the first article (null when the step removed
// it). Steps that touch no article (codebook, registry) call nothing. Lives
// as long as the project (its QObject parent).
class UndoFocus final : public QObject
{
    Q_OBJECT

public:
    using Show = std::function<void(const QList<QUuid> &documentIds, const QUuid &annotationId)>;

    UndoFocus(Project &project, Show show);

private:
    void touch(const QUuid &documentId, const QUuid &annotationId = {});
    void stepped(int index);
    void remember();

    Project &m_project;
    Show m_show;
    QList<QUuid> m_documents; // the articles touched since the last step, in order
    QUuid m_annotation;       // the first one's annotation, when the change had one
    int m_index = 0;
    int m_count = 0;
    const QUndoCommand *m_undoable = nullptr; // what undo would undo next
    const QUndoCommand *m_redoable = nullptr; // what redo would redo next
};

} // namespace newscoder
