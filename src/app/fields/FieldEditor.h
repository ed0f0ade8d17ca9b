#pragma once

#include "model/CodeField.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QUuid>

#include <functional>
#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QMenu;
class QToolButton;
class QVBoxLayout;
class QWidget;

namespace newscoder {

class Project;

// Where an editor stands; each place keeps the widgets it always had.
enum class FieldEditorStyle {
    // The annotation form: text and number lines, choice/ordinal/yes-no
    // combos, a checkable list for multiple choice, a date with a calendar and
    // a clear button, the link list with its "Link to…" menu and the actor
    // combo with "New from Text".
    Form,
    // The article variables panel (narrow): compact combos for choices, scales,
    // yes/no and actors, the number of links, and a line for the rest (dates
    // as yyyy-mm-dd, multiple choices separated by commas), committed when
    // editing finishes.
    Panel,
    // The outlet dialog of the registry dock: combos for choices and scales,
    // a line for the rest (actors by name), read when the dialog is accepted.
    Dialog,
};

// The editor of one field's values, built by FieldEditorFactory: it shows
// stored values (setValues, which emits nothing), reads what the user chose
// (values, text) and says when the user changed it (edited). What an edit
// does is the caller's. Owned by its widget.
class FieldEditor final : public QObject
{
    Q_OBJECT

public:
    const CodeField &field() const { return m_field; }
    FieldEditorStyle style() const { return m_style; }
    // What goes into the form (the editor's owner).
    QWidget *widget() const { return m_widget; }
    // The widget that holds the value: the line, combo, list or date; for
    // links the list's container (form) or the count (panel).
    QWidget *input() const;
    // A line of text the caller parses (read it with text()).
    bool takesText() const { return m_line != nullptr; }
    // The actor editor's "New from Text" button (form only; else null).
    QToolButton *fromTextButton() const { return m_fromText; }

    // Shows `values` (those of this field). Emits nothing.
    void setValues(const QList<FieldValue> &values);
    // What the editor holds. A line gives its trimmed text as one value for a
    // text field; for other kinds a line holds text only a parser turns into
    // values (Project::parseValues): std::nullopt, read text() instead.
    std::optional<QList<FieldValue>> values() const;
    // A line's text as typed; for other editors their values as a line shows them.
    QString text() const;
    // How a line shows `values`: texts (actors by name, links by id) separated by ", ".
    QString textOf(const QList<FieldValue> &values) const;

    // The form's link list: builds the entry of one link target below the
    // "Link to…" button (follow, remove); needed before setValues of a link field.
    using LinkEntry = std::function<QWidget *(const QUuid &targetId, QWidget *parent)>;
    void setLinkEntry(LinkEntry entry) { m_linkEntry = std::move(entry); }

Q_SIGNALS:
    // The user changed the value (a form line: each keystroke; a panel line:
    // when editing finishes with a change).
    void edited();
    // The form's "Link to…" menu is about to open: fill it.
    void linkMenuRequested(QMenu *menu);
    // The form's "New from Text" of an actor link was clicked.
    void actorFromTextRequested();

private:
    friend class FieldEditorFactory;
    FieldEditor(const CodeField &field, FieldEditorStyle style, const Project &project, QWidget *widget);

    void userEdited();
    void showLinks(const QList<QUuid> &targets);
    void fillActors();

    CodeField m_field;
    FieldEditorStyle m_style;
    const Project &m_project;
    QWidget *m_widget;
    QLineEdit *m_line = nullptr;      // Text, Number; in the panel and dialog every kind without a combo
    QComboBox *m_combo = nullptr;     // SingleChoice, Ordinal, Boolean (not in the dialog), ActorLink (not in the dialog)
    QListWidget *m_list = nullptr;    // MultipleChoice (form)
    QDateEdit *m_date = nullptr;      // Date (form)
    QVBoxLayout *m_links = nullptr;   // AnnotationLink (form): one entry per target above the button
    QToolButton *m_linkButton = nullptr;
    QLabel *m_linkCount = nullptr;    // AnnotationLink (panel)
    QToolButton *m_fromText = nullptr;
    LinkEntry m_linkEntry;
    QList<QUuid> m_shownLinks;
    bool m_showing = false;
};

} // namespace newscoder
