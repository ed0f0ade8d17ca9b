#include "coding/AnnotationFieldForm.h"
#include "common/ElidingToolButton.h"
#include "common/LayoutEntries.h"
#include "fields/FieldEditorFactory.h"
#include "fields/ValueInput.h"

#include "coding/AnnotationLabels.h"
#include "models/AnnotationTableModel.h"
#include "project/AnnotationLabels.h"
#include "project/Project.h"
#include "storage/StoreError.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QScrollArea>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace newscoder {

namespace {

bool isDark(const QWidget *widget)
{
    return widget->palette().color(QPalette::Window).lightness() < 128;
}

QString warningColor(const QWidget *widget)
{
    return isDark(widget) ? QStringLiteral("#ff8a65") : QStringLiteral("#b3261e");
}

// The annotated words as an actor name: one line, without surrounding quotes or punctuation.
QString actorNameFrom(const QString &words)
{
    QString name = words.simplified();
    while (!name.isEmpty() && !name.front().isLetterOrNumber())
        name.remove(0, 1);
    while (!name.isEmpty() && !name.back().isLetterOrNumber() && name.back() != u'.' && name.back() != u')')
        name.chop(1);
    return name;
}

QList<FieldValue> valuesOf(const QList<FieldValue> &all, const QUuid &fieldId)
{
    QList<FieldValue> mine;
    for (const FieldValue &v : all) {
        if (v.fieldId == fieldId)
            mine.append(v);
    }
    return mine;
}

} // namespace

AnnotationFieldForm::AnnotationFieldForm(Project &project, AnnotationTableModel &annotations, QWidget *parent)
    : QWidget(parent), m_project(project), m_annotations(annotations)
{
    setObjectName(QStringLiteral("annotationFieldForm"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("fieldFormHeading"));
    m_heading->setTextFormat(Qt::RichText);
    m_heading->setWordWrap(true);
    m_warning = new QLabel(this);
    m_warning->setObjectName(QStringLiteral("requiredWarning"));
    m_warning->setWordWrap(true);
    m_warning->hide();
    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    layout->addWidget(m_heading);
    layout->addWidget(m_warning);
    layout->addWidget(m_scroll, 1);

    const auto refreshIfShown = [this] {
        if (!m_annotationId.isNull())
            refresh();
    };
    connect(&project, &Project::valuesChanged, this, [refreshIfShown](StoredValue::Owner owner) {
        if (owner == StoredValue::Owner::Annotation)
            refreshIfShown();
    });
    connect(&project, &Project::actorsChanged, this, refreshIfShown);
    connect(&project, &Project::codesChanged, this, &AnnotationFieldForm::rebuild);
    connect(&project, &Project::annotationChanged, this, refreshIfShown);
    connect(&project, &Project::annotationsInserted, this, refreshIfShown);
    connect(&project, &Project::annotationsRemoved, this, [this](const QList<Annotation> &removed) {
        for (const Annotation &a : removed) {
            if (a.id == m_annotationId) {
                setAnnotation({});
                return;
            }
        }
        if (!m_annotationId.isNull())
            refresh();
    });
    connect(project.undoStack(), &QUndoStack::indexChanged, this, refreshIfShown);
    connect(&annotations, &AnnotationTableModel::documentReloaded, this, [this] { setAnnotation({}); });
    rebuild();
}

void AnnotationFieldForm::setAnnotation(const QUuid &annotationId)
{
    if (annotationId == m_annotationId && m_body)
        return;
    m_annotationId = annotationId;
    rebuild();
}

std::optional<Annotation> AnnotationFieldForm::shown() const
{
    if (m_annotationId.isNull())
        return std::nullopt;
    const int row = m_annotations.rowOf(m_annotationId);
    if (row >= 0)
        return *m_annotations.annotation(row);
    try {
        return m_project.reader().annotation(m_annotationId);
    } catch (const StoreError &) {
        return std::nullopt;
    }
}

QString AnnotationFieldForm::documentText(const Annotation &a) const
{
    if (a.documentId == m_annotations.documentId())
        return m_annotations.text();
    try {
        return m_project.reader().documentText(a.documentId);
    } catch (const StoreError &) {
        return {};
    }
}

void AnnotationFieldForm::rebuild()
{
    if (m_body) {
        QWidget *old = m_scroll->takeWidget();
        old->hide();
        old->deleteLater(); // a signal of one of its widgets may have led here
    }
    m_rows.clear();
    m_shownReverse.clear();
    m_form = nullptr;
    m_reverse = nullptr;
    m_reverseLabel = nullptr;
    m_codeId = QUuid();

    auto *body = new QWidget;
    m_body = body;
    const auto a = shown();
    const auto code = a ? m_project.code(a->codeId) : std::nullopt;
    if (!a || !code) {
        m_annotationId = a ? m_annotationId : QUuid();
        auto *layout = new QVBoxLayout(body);
        auto *hint = new QLabel(tr("Select an annotation to code its fields."), body);
        hint->setEnabled(false);
        layout->addWidget(hint);
        layout->addStretch();
        m_heading->setText(tr("<b>Fields</b>"));
        m_warning->hide();
        m_scroll->setWidget(body);
        return;
    }
    m_codeId = code->id;
    m_form = new QFormLayout(body);
    m_form->setContentsMargins(2, 2, 2, 2);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    for (const CodeField &f : code->fields) {
        Row row;
        row.field = f;
        row.label = new QLabel(f.required ? QStringLiteral("%1 *").arg(f.name) : f.name, body);
        row.label->setToolTip(f.required ? tr("%1\n(required)").arg(f.description) : f.description);
        row.editor = buildEditor(f, body);
        row.editor->widget()->setToolTip(f.description);
        row.label->setBuddy(row.editor->widget());
        m_form->addRow(row.label, row.editor->widget());
        m_rows.append(row);
    }
    if (code->fields.isEmpty()) {
        auto *none = new QLabel(tr("“%1” has no fields.").arg(code->name), body);
        none->setEnabled(false);
        m_form->addRow(none);
    }
    m_reverseLabel = new QLabel(tr("Linked from"), body);
    auto *reverse = new QWidget(body);
    reverse->setObjectName(QStringLiteral("linkedFrom"));
    m_reverse = new QVBoxLayout(reverse);
    m_reverse->setContentsMargins(0, 0, 0, 0);
    m_reverse->setSpacing(0);
    m_form->addRow(m_reverseLabel, reverse);
    m_form->setRowVisible(m_reverseLabel, false);
    m_scroll->setWidget(body);
    refresh();
}

FieldEditor *AnnotationFieldForm::buildEditor(const CodeField &field, QWidget *parent)
{
    FieldEditor *editor = FieldEditorFactory::build(field, FieldEditorStyle::Form, m_project, parent, m_project.isReadOnly());
    connect(editor, &FieldEditor::edited, this, [this, editor] {
        if (editor->takesText())
            saveText(editor->field(), editor->text());
        else
            save(editor->field(), editor->values().value_or(QList<FieldValue>{}));
    });
    connect(editor, &FieldEditor::linkMenuRequested, this, [this, field](QMenu *menu) { fillLinkMenu(field, menu); });
    connect(editor, &FieldEditor::actorFromTextRequested, this, [this, field] { actorFromText(field.id); });
    editor->setLinkEntry([this](const QUuid &targetId, QWidget *entryParent) {
        return linkEntry(targetId, {}, !m_project.isReadOnly(), entryParent);
    });
    return editor;
}

void AnnotationFieldForm::fillLinkMenu(const CodeField &field, QMenu *menu)
{
    menu->clear();
    const auto a = shown();
    if (!a)
        return;
    const QString text = documentText(*a);
    const QList<QUuid> candidates = linkCandidates(field.id);
    if (!candidates.isEmpty())
        menu->addSection(tr("Nearest first"));
    for (const QUuid &id : candidates) {
        const Annotation *target = m_annotations.annotation(m_annotations.rowOf(id));
        const auto code = m_project.code(target->codeId);
        QAction *action =
            menu->addAction(codeChip(code ? code->color : QColor(Qt::gray)), linkCandidateLabel(m_project, text, *a, *target));
        action->setData(id);
        connect(action, &QAction::triggered, this, [this, field, id] { linkTo(field.id, id); });
    }
    if (candidates.isEmpty())
        menu->addAction(tr("No annotation in this article to link to"))->setEnabled(false);
}

// A registry actor named by the coded words (a Speaker "Peskov", or an
// auto-coded one) is proposed on the button: "Link Dmitry Peskov".
void AnnotationFieldForm::proposeNamedActor(const FieldEditor &editor, const QList<FieldValue> &values)
{
    QToolButton *button = editor.fromTextButton();
    const auto a = shown();
    if (!button || !a)
        return;
    const QString name = actorNameFrom(documentText(*a).mid(a->start, a->length()));
    const auto known = name.isEmpty() ? std::nullopt : m_project.resolveActor(name);
    const bool linked = known && !values.isEmpty() && values.first().actorId == known->id;
    if (known && !linked) {
        button->setText(tr("Link %1").arg(known->name));
        button->setToolTip(tr("“%1” names the registry actor %2: link it").arg(name, known->name));
    } else {
        button->setText(tr("New from Text"));
        button->setToolTip(tr("Use the annotated words as the actor: the registry actor they name, or a new "
                              "actor named after them"));
    }
    button->setEnabled(!linked);
}

void AnnotationFieldForm::refresh()
{
    const auto a = shown();
    if (!a || a->codeId != m_codeId) {
        rebuild();
        return;
    }
    const auto code = m_project.code(a->codeId);
    m_heading->setText(QStringLiteral("<b><span style='color:%1'>■</span> %2</b> “%3”")
                           .arg(code->color.name(), code->name.toHtmlEscaped(),
                                annotationExcerpt(documentText(*a), *a, 60).toHtmlEscaped()));
    const QList<FieldValue> values = m_project.annotationValues(a->id);
    m_updating = true;
    for (const Row &row : std::as_const(m_rows)) {
        const QList<FieldValue> mine = valuesOf(values, row.field.id);
        row.editor->setValues(mine);
        if (row.field.kind == FieldKind::ActorLink)
            proposeNamedActor(*row.editor, mine);
    }
    refreshReverseLinks();
    m_updating = false;
    updateRequiredState(values);
}

QWidget *AnnotationFieldForm::linkEntry(const QUuid &targetId, const QString &suffix, bool removable, QWidget *parent)
{
    std::optional<Annotation> target;
    try {
        target = m_project.reader().annotation(targetId);
    } catch (const StoreError &) {
    }
    auto *entry = new QWidget(parent);
    auto *layout = new QHBoxLayout(entry);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *follow = new ElidingToolButton(entry); // a long speaker name must not widen the pane
    follow->setObjectName(QStringLiteral("followLink"));
    follow->setAutoRaise(true);
    follow->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    follow->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    if (target) {
        const auto code = m_project.code(target->codeId);
        follow->setIcon(codeChip(code ? code->color : QColor(Qt::gray)));
        QString text = annotationTitle(m_project, documentText(*target), *target, 44);
        if (!suffix.isEmpty())
            text += QStringLiteral("  (%1)").arg(suffix);
        follow->setText(text);
        follow->setToolTip(tr("Go to %1").arg(annotationTitle(m_project, documentText(*target), *target, 200)));
    } else {
        follow->setText(tr("(missing annotation)"));
        follow->setEnabled(false);
    }
    connect(follow, &QToolButton::clicked, this, [this, targetId] { Q_EMIT followRequested(targetId); });
    layout->addWidget(follow, 1);
    if (removable) {
        auto *remove = new QToolButton(entry);
        remove->setObjectName(QStringLiteral("removeLink"));
        remove->setText(QStringLiteral("✕"));
        remove->setAutoRaise(true);
        remove->setToolTip(tr("Remove this link"));
        connect(remove, &QToolButton::clicked, this, [this, targetId] { unlink(targetId); });
        layout->addWidget(remove);
    }
    return entry;
}

void AnnotationFieldForm::refreshReverseLinks()
{
    if (!m_reverse)
        return;
    QList<QUuid> sources;
    try {
        sources = m_project.reader().annotationsLinkingTo(m_annotationId);
    } catch (const StoreError &) {
    }
    if (sources == m_shownReverse && m_reverse->count() == sources.size())
        return;
    removeEntriesLater(m_reverse);
    for (const QUuid &source : std::as_const(sources)) {
        QString via;
        for (const FieldValue &v : m_project.annotationValues(source)) {
            if (v.annotationId == m_annotationId) {
                if (const auto f = m_project.field(v.fieldId))
                    via = f->second.name;
            }
        }
        m_reverse->addWidget(linkEntry(source, via, false, m_reverse->parentWidget()));
    }
    m_shownReverse = sources;
    m_form->setRowVisible(m_reverseLabel, !sources.isEmpty());
}

void AnnotationFieldForm::updateRequiredState(const QList<FieldValue> &values)
{
    QStringList missing;
    for (const Row &row : std::as_const(m_rows)) {
        const bool empty = row.field.required && valuesOf(values, row.field.id).isEmpty();
        if (empty)
            missing.append(row.field.name);
        row.label->setStyleSheet(empty ? QStringLiteral("color: %1; font-weight: 600;").arg(warningColor(this))
                                       : QString());
    }
    if (missing.isEmpty()) {
        m_warning->clear();
        m_warning->hide();
        return;
    }
    const QString names = missing.join(QStringLiteral(", "));
    m_warning->setText(missing.size() == 1 ? tr("⚠ 1 required field empty: %1").arg(names)
                                           : tr("⚠ %1 required fields empty: %2").arg(missing.size()).arg(names));
    m_warning->setStyleSheet(QStringLiteral("color: %1;").arg(warningColor(this)));
    m_warning->show();
}

void AnnotationFieldForm::save(const CodeField &field, const QList<FieldValue> &values)
{
    if (m_updating || m_annotationId.isNull())
        return;
    if (!m_project.setAnnotationValues(m_annotationId, field.id, values))
        refresh(); // show what is stored again
}

void AnnotationFieldForm::saveText(const CodeField &field, const QString &text)
{
    // ValueInput's rules (the text trimmed, a number in C locale). A number
    // still being typed ("-") or none stores nothing yet.
    if (const auto values = ValueInput(m_project).parse(field, text, nullptr))
        save(field, *values);
}

QWidget *AnnotationFieldForm::editor(const QString &fieldName) const
{
    for (const Row &row : m_rows) {
        if (row.field.name.compare(fieldName, Qt::CaseInsensitive) == 0)
            return row.editor->input();
    }
    return nullptr;
}

QString AnnotationFieldForm::requiredWarning() const
{
    return m_warning->isHidden() ? QString() : m_warning->text();
}

QList<QUuid> AnnotationFieldForm::linkCandidates(const QUuid &fieldId) const
{
    const auto source = shown();
    const auto f = m_project.field(fieldId);
    if (!source || !f)
        return {};
    QList<QUuid> linked;
    for (const FieldValue &v : valuesOf(m_project.annotationValues(source->id), fieldId))
        linked.append(v.annotationId);
    const auto distance = [&](const Annotation &a) {
        if (a.end <= source->start)
            return source->start - a.end;
        if (a.start >= source->end)
            return a.start - source->end;
        return 0; // overlapping
    };
    QList<Annotation> candidates;
    for (const Annotation &a : m_annotations.annotations()) {
        if (a.id == source->id || linked.contains(a.id) || a.coderId != source->coderId)
            continue;
        if (!f->second.linkCodes.isEmpty() && !f->second.linkCodes.contains(a.codeId))
            continue;
        candidates.append(a);
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [&](const Annotation &x, const Annotation &y) { return distance(x) < distance(y); });
    QList<QUuid> ids;
    for (const Annotation &a : std::as_const(candidates))
        ids.append(a.id);
    return ids;
}

bool AnnotationFieldForm::linkTo(const QUuid &fieldId, const QUuid &targetId)
{
    return !m_annotationId.isNull() && m_project.addAnnotationLink(m_annotationId, targetId, fieldId);
}

bool AnnotationFieldForm::unlink(const QUuid &targetId)
{
    return !m_annotationId.isNull() && m_project.removeAnnotationLink(m_annotationId, targetId);
}

QUuid AnnotationFieldForm::actorFromText(const QUuid &fieldId)
{
    const auto a = shown();
    if (!a)
        return {};
    const QString name = actorNameFrom(documentText(*a).mid(a->start, a->length()));
    if (name.isEmpty())
        return {};
    const auto link = [&](const QUuid &actorId) {
        return m_project.setAnnotationValues(a->id, fieldId, {FieldValue{fieldId, {}, {}, actorId}});
    };
    if (const auto known = m_project.resolveActor(name))
        return link(known->id) ? known->id : QUuid();
    // Adding the actor and linking it is one step to undo.
    QUndoStack *stack = m_project.undoStack();
    const int before = stack->index();
    stack->beginMacro(tr("New actor “%1”").arg(name));
    Actor actor;
    actor.name = name;
    const auto id = m_project.addActor(actor);
    const bool ok = id && link(*id);
    stack->endMacro();
    if (!ok && stack->index() > before) {
        // Take back whatever part of it happened, without leaving a redo step.
        const_cast<QUndoCommand *>(stack->command(stack->index() - 1))->setObsolete(true);
        stack->undo();
    }
    return ok ? *id : QUuid();
}

} // namespace newscoder
