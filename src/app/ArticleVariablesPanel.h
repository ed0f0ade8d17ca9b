#pragma once

#include "model/CodeField.h"

#include <QPointer>
#include <QUuid>
#include <QWidget>

class QComboBox;
class QLabel;
class QVBoxLayout;

namespace newscoder {

class Project;
struct VariableValue;

// The current article's variables as the current coder sees them: its
// outlet (Project::assignOutlet), the article variables and the outlet
// variables. Each field has an editor for its kind (choices and ordinal
// scales as combo boxes, actors from the registry, text, number, yes/no,
// date). Outlet values the coder did not override are shown greyed and
// italic ("inherited from <outlet>"); editing one overrides it for this
// article, "Reset" goes back to the inherited value. Every edit is one
// undoable step through Project::setDocumentValues.
//
// Editors are named "variable:<field>", reset buttons "reset:<field>" and
// the inherited notes "inherited:<field>"; the outlet selector "articleOutlet".
class ArticleVariablesPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit ArticleVariablesPanel(QWidget *parent = nullptr);

    void setProject(Project *project); // nullptr: nothing shown
    void setDocument(const QUuid &documentId);
    QUuid document() const { return m_documentId; }

private:
    void rebuild();
    QWidget *editorFor(const VariableValue &variable);
    void apply(const CodeField &field, const QString &text);
    void applyActor(const CodeField &field, const QUuid &actorId);

    QPointer<Project> m_project;
    QUuid m_documentId;
    QUuid m_outletId;
    QComboBox *m_outlet = nullptr;
    QLabel *m_message = nullptr;
    QWidget *m_form = nullptr;
    QVBoxLayout *m_layout = nullptr;
    bool m_rebuildPending = false;
    bool m_applying = false;
};

} // namespace newscoder
