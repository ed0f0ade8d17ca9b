#pragma once

#include "model/Annotation.h"
#include "model/Code.h"
#include "model/StoredValue.h"

#include <QUndoCommand>

namespace newscoder {

class Project;

// One step of restructuring the codebook (move, merge, split, import), as
// rows to write. Project::applyCodebookChange writes them in one transaction
// in this order: insert codes (parents first, with their fields), update
// codes (the row and the listed fields; a stored field of the code that is
// not listed is deleted), update annotations, remove values, insert values,
// remove codes (in the order given: children first).
struct CodebookChange
{
    QList<Code> insertCodes;
    QList<Code> updateCodes;
    QList<Annotation> updateAnnotations; // their new state
    QList<StoredValue> removeValues;
    QList<StoredValue> insertValues;
    QList<QUuid> removeCodes;
};

// Applies `redo` on redo and `undo` on undo; a failed write marks the
// command obsolete (the undo stack drops it).
class CodebookChangeCommand final : public QUndoCommand
{
public:
    CodebookChangeCommand(Project &project, const QString &text, CodebookChange redoChange,
                          CodebookChange undoChange);
    void redo() override;
    void undo() override;

private:
    Project &m_project;
    CodebookChange m_redo;
    CodebookChange m_undo;
};

} // namespace newscoder
