#pragma once

#include "fields/FieldEditor.h"
#include "model/CodeField.h"

#include <QCoreApplication>
#include <QDate>

class QDateEdit;
class QWidget;

namespace newscoder {

class Project;

// The one place that knows which widget edits which field kind, in each
// place an editor stands (FieldEditorStyle): the annotation form, the article
// variables panel and the outlet dialog of the registry dock. build() makes
// the widgets and the FieldEditor that shows, reads and reports them.
class FieldEditorFactory
{
    Q_DECLARE_TR_FUNCTIONS(FieldEditorFactory)

public:
    // The editor of `field` as `style` shows it, its widgets children of
    // `parent`; it is owned by its widget(). `readOnly` disables the form's
    // editors (the panel and the dialog enable theirs themselves).
    static FieldEditor *build(const CodeField &field, FieldEditorStyle style, const Project &project,
                              QWidget *parent, bool readOnly = false);

    // The value a date editor shows as "—": no date. Its calendar then opens
    // at today's month, not at this one.
    static QDate noDate();

    // Shows `date` in a date editor built here (noDate() when not valid).
    static void setDate(QDateEdit *editor, QDate date);

private:
    static FieldEditor *formEditor(const CodeField &field, const Project &project, QWidget *parent, bool readOnly);
    static FieldEditor *panelEditor(const CodeField &field, const Project &project, QWidget *parent);
    static FieldEditor *dialogEditor(const CodeField &field, const Project &project, QWidget *parent);
    // Connects the editor's widgets to FieldEditor::edited.
    static void reportEdits(FieldEditor *editor);
};

} // namespace newscoder
