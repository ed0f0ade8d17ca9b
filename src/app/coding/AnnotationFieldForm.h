#pragma once

#include "model/Annotation.h"
#include "model/Code.h"

#include <QPointer>
#include <QUuid>
#include <QWidget>

class QFormLayout;
class QLabel;
class QMenu;
class QScrollArea;
class QToolButton;
class QVBoxLayout;

namespace newscoder {

class AnnotationTableModel;
class FieldEditor;
class Project;

// The fields of the selected annotation as a form built from its code's
// fields: text and number lines (saved as you type; typing is one undo step),
// choice and ordinal combos, a checkable list for multiple choice, yes/no,
// dates, links to other annotations of the article (follow, add, remove) and
// to actors of the registry (or a new actor named after the annotated words).
// Required fields are marked; empty ones are highlighted and counted. Every
// edit goes through Project's undoable mutators; the form follows the
// project's signals (values, codes, actors, undo/redo).
class AnnotationFieldForm final : public QWidget
{
    Q_OBJECT

public:
    AnnotationFieldForm(Project &project, AnnotationTableModel &annotations, QWidget *parent = nullptr);

    void setAnnotation(const QUuid &annotationId);
    QUuid annotation() const { return m_annotationId; }

    // The editor of a field of the shown annotation (by field name,
    // case-insensitive): QLineEdit, QComboBox, QListWidget, QDateEdit, or the
    // link list's container. Null when there is none.
    QWidget *editor(const QString &fieldName) const;
    // "2 required fields empty: Type, Speaker" (empty when none).
    QString requiredWarning() const;

    // Annotations of this article that `fieldId` may link to, nearest to the
    // shown annotation first (those already linked left out).
    QList<QUuid> linkCandidates(const QUuid &fieldId) const;
    // What the "Link to…" menu does: links the shown annotation to `targetId`.
    bool linkTo(const QUuid &fieldId, const QUuid &targetId);
    bool unlink(const QUuid &targetId);
    // What "New actor from text" does: the registry actor the annotated words
    // name (an existing one when a name or alias matches), set as the field's
    // value — one undo step. Returns the actor id (null on failure).
    QUuid actorFromText(const QUuid &fieldId);

Q_SIGNALS:
    // The user clicked a linked (or linking) annotation.
    void followRequested(const QUuid &annotationId);

private:
    struct Row
    {
        CodeField field;
        QLabel *label = nullptr;
        FieldEditor *editor = nullptr;
    };

    void rebuild();
    void refresh();
    void refreshReverseLinks();
    void updateRequiredState(const QList<FieldValue> &values);
    FieldEditor *buildEditor(const CodeField &field, QWidget *parent);
    void fillLinkMenu(const CodeField &field, QMenu *menu);
    QWidget *linkEntry(const QUuid &targetId, const QString &suffix, bool removable, QWidget *parent);
    void proposeNamedActor(const FieldEditor &editor, const QList<FieldValue> &values);
    void save(const CodeField &field, const QList<FieldValue> &values);
    void saveText(const CodeField &field, const QString &text);
    std::optional<Annotation> shown() const;
    QString documentText(const Annotation &a) const;

    Project &m_project;
    AnnotationTableModel &m_annotations;
    QUuid m_annotationId;
    QUuid m_codeId;
    QList<Row> m_rows;
    QList<QUuid> m_shownReverse;
    bool m_updating = false;

    QLabel *m_heading = nullptr;
    QLabel *m_warning = nullptr;
    QScrollArea *m_scroll = nullptr;
    QPointer<QWidget> m_body;
    QFormLayout *m_form = nullptr;
    QLabel *m_reverseLabel = nullptr;
    QVBoxLayout *m_reverse = nullptr;
};

} // namespace newscoder
