#pragma once

#include "model/CodeField.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>

#include <functional>

class QComboBox;
class QDateEdit;
class QLineEdit;
class QListWidget;
class QMenu;
class QObject;
class QVBoxLayout;
class QWidget;

namespace newscoder {

class Project;

// The editor of one field value, built from the field's kind: one place that
// knows which widget edits which kind, used by the annotation field form, the
// article variables panel and the outlet dialog of the registry dock.
//
// build() makes the full editors of the annotation form: text and number
// lines, choice/ordinal/yes-no combos, a checkable list for multiple choice,
// a date with a calendar and a clear button, the link list with its
// "Link to…" menu and the actor combo with "New from Text". What an edit does
// is the caller's: the hooks are called with the new values.
class FieldEditorFactory
{
    Q_DECLARE_TR_FUNCTIONS(FieldEditorFactory)

public:
    // The widgets of a built editor (those its kind does not use stay null).
    struct Editor
    {
        QWidget *widget = nullptr;    // what goes into the form
        QLineEdit *line = nullptr;    // Text, Number
        QComboBox *combo = nullptr;   // SingleChoice, Ordinal, Boolean, ActorLink
        QListWidget *list = nullptr;  // MultipleChoice
        QDateEdit *date = nullptr;    // Date
        QVBoxLayout *links = nullptr; // AnnotationLink: one entry per target below the "Link to…" button
    };

    struct Hooks
    {
        // The field's new values (choices, list, date, actor).
        std::function<void(const QList<FieldValue> &)> save;
        // A text or number line as typed.
        std::function<void(const QString &)> saveText;
        // Fills the "Link to…" menu each time it opens.
        std::function<void(QMenu *)> fillLinkMenu;
        // "New from Text" of an actor link.
        std::function<void()> actorFromText;
        // Fills (or refreshes) the actor combo.
        std::function<void(QComboBox *)> fillActors;
    };

    // The value a date editor shows as "—": no date. Its calendar then opens
    // at today's month, not at this one.
    static QDate noDate();

    static Editor build(const CodeField &field, const Project &project, bool readOnly, QWidget *parent,
                        QObject *context, const Hooks &hooks);

    // A combo of the field's choices for a single-value field (SingleChoice,
    // Ordinal, Boolean): first an entry `emptyText` for no value (data ""),
    // then Yes/No ("true"/"false") for a boolean, then the options as list
    // entries (optionLabel, OptionLabelStyle::ListEntry; data: the option's value).
    static QComboBox *choiceCombo(const CodeField &field, const QString &emptyText, QWidget *parent = nullptr);

    // Shows `date` in a date editor built here (noDate() when not valid).
    static void setDate(QDateEdit *editor, QDate date);
};

} // namespace newscoder
