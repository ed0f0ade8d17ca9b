#pragma once

#include "model/CodeField.h"

#include <QPointer>
#include <QSet>
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
// date). Outlet variables are two distinct actions: the editor rates the
// outlet (Project::setOutletValues, for all its articles; shown italic,
// "inherited from <outlet>"), and "Override" gives this article its own
// value (Project::setDocumentValues); "Reset" goes back to the outlet's.
// Every edit is one undoable step.
//
// Editors are named "variable:<field>", reset buttons "reset:<field>",
// override buttons "override:<field>" and the inherited notes
// "inherited:<field>"; the outlet selector "articleOutlet".
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
    QWidget *editorFor(const VariableValue &variable, QWidget *parent);
    void apply(const CodeField &field, const QString &text);
    void applyActor(const CodeField &field, const QUuid &actorId);

    QPointer<Project> m_project;
    QUuid m_documentId;
    QUuid m_outletId;
    QSet<QUuid> m_rateOutlet;  // outlet fields whose editor rates the outlet (no override here)
    QSet<QUuid> m_overriding;  // outlet fields the coder chose to override on this article
    QComboBox *m_outlet = nullptr;
    QLabel *m_message = nullptr;
    QWidget *m_form = nullptr;
    QVBoxLayout *m_layout = nullptr;
    bool m_rebuildPending = false;
    bool m_applying = false;
};

} // namespace newscoder
