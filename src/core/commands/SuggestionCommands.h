#pragma once

#include "model/Annotation.h"

#include <QUndoCommand>

namespace newscoder {

class Project;

// Changes several annotations at once (accepting suggestions: status
// Suggested → Coded); undo puts every one back as it was.
class SuggestionStatusCommand final : public QUndoCommand
{
public:
    SuggestionStatusCommand(Project &project, const QString &text, QList<Annotation> before,
                            QList<Annotation> after);
    void redo() override;
    void undo() override;

private:
    Project &m_project;
    QList<Annotation> m_before;
    QList<Annotation> m_after;
};

} // namespace newscoder
