#include "fields/FieldEditorFactory.h"

#include "model/OptionLabel.h"
#include "project/Project.h"

#include <QCalendarWidget>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleValidator>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QSignalBlocker>
#include <QStringList>
#include <QToolButton>
#include <QVBoxLayout>

namespace newscoder {

namespace {

// An empty date is the editor's minimum (shown as "—"), and its calendar
// would open in that month, a thousand years ago, with that day selected (the
// arrow keys would start from it). Shown without a date, the calendar turns to
// today's month with today selected instead; its signals are blocked meanwhile,
// so nothing is stored until the coder picks a day.
class CalendarOpensToday final : public QObject
{
public:
    explicit CalendarOpensToday(QDateEdit *editor) : QObject(editor), m_editor(editor) {}

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Show && m_editor->date() == FieldEditorFactory::noDate()) {
            const QDate today = QDate::currentDate();
            auto *calendar = static_cast<QCalendarWidget *>(watched);
            const QSignalBlocker quiet(calendar);
            calendar->setSelectedDate(today);
            calendar->setCurrentPage(today.year(), today.month());
        }
        return false;
    }

private:
    QDateEdit *m_editor;
};

// A combo of the field's choices for a single-value field (SingleChoice,
// Ordinal, Boolean): first an entry `emptyText` for no value (data ""), then
// Yes/No ("true"/"false") for a boolean, then the options as
// optionLabel (ListEntry) shows them (data: the option's value).
QComboBox *choiceCombo(const CodeField &field, const QString &emptyText, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->addItem(emptyText, QString());
    if (field.kind == FieldKind::Boolean) {
        combo->addItem(FieldEditorFactory::tr("Yes"), QStringLiteral("true"));
        combo->addItem(FieldEditorFactory::tr("No"), QStringLiteral("false"));
    }
    for (const FieldOption &o : field.options)
        combo->addItem(optionLabel(o, OptionLabelStyle::ListEntry, field.kind), o.value);
    return combo;
}

// A combo that fits a narrow panel: the current entry is elided, the open list shows every entry in full.
void makeCompact(QComboBox *combo, int characters)
{
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(characters);
}

} // namespace

QDate FieldEditorFactory::noDate()
{
    return QDate(1000, 1, 1); // the QDateEdit minimum, shown as "—": no value
}

void FieldEditorFactory::setDate(QDateEdit *editor, QDate date)
{
    editor->setDate(date.isValid() ? date : noDate());
}

FieldEditor *FieldEditorFactory::build(const CodeField &field, FieldEditorStyle style, const Project &project,
                                       QWidget *parent, bool readOnly)
{
    FieldEditor *editor = nullptr;
    switch (style) {
    case FieldEditorStyle::Form:
        editor = formEditor(field, project, parent, readOnly);
        break;
    case FieldEditorStyle::Panel:
        editor = panelEditor(field, project, parent);
        break;
    case FieldEditorStyle::Dialog:
        editor = dialogEditor(field, project, parent);
        break;
    }
    reportEdits(editor);
    return editor;
}

void FieldEditorFactory::reportEdits(FieldEditor *editor)
{
    const auto edited = [editor] { editor->userEdited(); };
    if (QLineEdit *line = editor->m_line) {
        if (editor->style() == FieldEditorStyle::Panel) {
            QObject::connect(line, &QLineEdit::editingFinished, editor, [editor, line] {
                if (line->isModified()) {
                    line->setModified(false);
                    editor->userEdited();
                }
            });
        } else {
            QObject::connect(line, &QLineEdit::textEdited, editor, edited);
        }
    }
    if (editor->m_combo)
        QObject::connect(editor->m_combo, &QComboBox::currentIndexChanged, editor, edited);
    if (editor->m_list)
        QObject::connect(editor->m_list, &QListWidget::itemChanged, editor, edited);
    if (editor->m_date)
        QObject::connect(editor->m_date, &QDateEdit::dateChanged, editor, edited);
}

FieldEditor *FieldEditorFactory::formEditor(const CodeField &field, const Project &project, QWidget *parent,
                                            bool readOnly)
{
    switch (field.kind) {
    case FieldKind::Text:
    case FieldKind::Number: {
        auto *line = new QLineEdit(parent);
        line->setClearButtonEnabled(true);
        if (field.kind == FieldKind::Number) {
            auto *validator = new QDoubleValidator(line);
            validator->setLocale(QLocale::c());
            validator->setNotation(QDoubleValidator::StandardNotation);
            line->setValidator(validator);
            line->setPlaceholderText(tr("number, e.g. 12.5"));
        }
        line->setReadOnly(readOnly);
        auto *editor = new FieldEditor(field, FieldEditorStyle::Form, project, line);
        editor->m_line = line;
        return editor;
    }
    case FieldKind::SingleChoice:
    case FieldKind::Ordinal:
    case FieldKind::Boolean: {
        // The chosen entry elides in a narrow pane; the open list shows each in full.
        auto *combo = choiceCombo(field, QStringLiteral("—"), parent);
        makeCompact(combo, 10);
        combo->setEnabled(!readOnly);
        auto *editor = new FieldEditor(field, FieldEditorStyle::Form, project, combo);
        editor->m_combo = combo;
        return editor;
    }
    case FieldKind::MultipleChoice: {
        auto *list = new QListWidget(parent);
        for (const FieldOption &o : field.options) {
            auto *item = new QListWidgetItem(optionLabel(o, OptionLabelStyle::ListEntry, field.kind), list);
            item->setData(Qt::UserRole, o.value);
            item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
            item->setCheckState(Qt::Unchecked);
        }
        list->setFixedHeight(list->sizeHintForRow(0) * int(qMax<qsizetype>(1, field.options.size()))
                             + 2 * list->frameWidth() + 2);
        list->setEnabled(!readOnly);
        auto *editor = new FieldEditor(field, FieldEditorStyle::Form, project, list);
        editor->m_list = list;
        return editor;
    }
    case FieldKind::Date: {
        auto *box = new QWidget(parent);
        auto *layout = new QHBoxLayout(box);
        layout->setContentsMargins(0, 0, 0, 0);
        auto *date = new QDateEdit(box);
        date->setCalendarPopup(true);
        date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        date->setMinimumDate(noDate());
        date->setSpecialValueText(QStringLiteral("—"));
        date->setDate(noDate());
        date->calendarWidget()->installEventFilter(new CalendarOpensToday(date));
        auto *clear = new QToolButton(box);
        clear->setText(QStringLiteral("✕"));
        clear->setAutoRaise(true);
        clear->setToolTip(tr("Clear the date"));
        layout->addWidget(date, 1);
        layout->addWidget(clear);
        box->setEnabled(!readOnly);
        QObject::connect(clear, &QToolButton::clicked, date, [date] { date->setDate(noDate()); });
        auto *editor = new FieldEditor(field, FieldEditorStyle::Form, project, box);
        editor->m_date = date;
        return editor;
    }
    case FieldKind::AnnotationLink: {
        auto *box = new QWidget(parent);
        box->setObjectName(QStringLiteral("links_%1").arg(field.name));
        auto *layout = new QVBoxLayout(box);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(0);
        auto *add = new QToolButton(box);
        add->setText(tr("Link to…"));
        QStringList allowed;
        for (const QUuid &codeId : field.linkCodes) {
            if (const auto c = project.code(codeId))
                allowed << c->name;
        }
        add->setToolTip(allowed.isEmpty() ? tr("Link to another annotation of this article, nearest first")
                                          : tr("Link to a %1 annotation of this article, nearest first")
                                                .arg(allowed.join(tr(" or "))));
        add->setObjectName(QStringLiteral("linkButton"));
        add->setPopupMode(QToolButton::InstantPopup);
        add->setAutoRaise(true);
        add->setEnabled(!readOnly);
        auto *menu = new QMenu(add);
        add->setMenu(menu);
        layout->addWidget(add, 0, Qt::AlignLeft);
        auto *editor = new FieldEditor(field, FieldEditorStyle::Form, project, box);
        QObject::connect(menu, &QMenu::aboutToShow, editor, [editor, menu] { Q_EMIT editor->linkMenuRequested(menu); });
        editor->m_links = layout;
        editor->m_linkButton = add;
        return editor;
    }
    case FieldKind::ActorLink: {
        auto *box = new QWidget(parent);
        auto *layout = new QHBoxLayout(box);
        layout->setContentsMargins(0, 0, 0, 0);
        auto *combo = new QComboBox(box);
        combo->setObjectName(QStringLiteral("actorCombo"));
        makeCompact(combo, 12);
        auto *fromText = new QToolButton(box);
        fromText->setObjectName(QStringLiteral("actorFromText"));
        fromText->setText(tr("New from Text"));
        fromText->setToolTip(tr("Use the annotated words as the actor: the registry actor they name, or a new "
                                "actor named after them"));
        layout->addWidget(combo, 1);
        layout->addWidget(fromText);
        box->setEnabled(!readOnly);
        auto *editor = new FieldEditor(field, FieldEditorStyle::Form, project, box);
        editor->m_combo = combo;
        editor->m_fromText = fromText;
        editor->fillActors();
        QObject::connect(fromText, &QToolButton::clicked, editor, [editor] { Q_EMIT editor->actorFromTextRequested(); });
        return editor;
    }
    }
    return new FieldEditor(field, FieldEditorStyle::Form, project, new QWidget(parent));
}

FieldEditor *FieldEditorFactory::panelEditor(const CodeField &field, const Project &project, QWidget *parent)
{
    switch (field.kind) {
    case FieldKind::SingleChoice:
    case FieldKind::Ordinal:
    case FieldKind::Boolean: {
        auto *combo = choiceCombo(field, QString(), parent);
        makeCompact(combo, 4);
        auto *editor = new FieldEditor(field, FieldEditorStyle::Panel, project, combo);
        editor->m_combo = combo;
        return editor;
    }
    case FieldKind::ActorLink: {
        auto *combo = new QComboBox(parent);
        makeCompact(combo, 4);
        combo->addItem(QString(), QUuid());
        for (const Actor &a : project.actors())
            combo->addItem(a.name, a.id);
        auto *editor = new FieldEditor(field, FieldEditorStyle::Panel, project, combo);
        editor->m_combo = combo;
        return editor;
    }
    case FieldKind::AnnotationLink: {
        auto *label = new QLabel(parent);
        auto *editor = new FieldEditor(field, FieldEditorStyle::Panel, project, label);
        editor->m_linkCount = label;
        return editor;
    }
    default: {
        auto *line = new QLineEdit(parent);
        if (field.kind == FieldKind::Date) {
            line->setPlaceholderText(tr("yyyy-mm-dd"));
        } else if (field.kind == FieldKind::MultipleChoice) {
            QStringList options;
            for (const FieldOption &o : field.options)
                options.append(o.value);
            line->setPlaceholderText(options.join(QStringLiteral(", ")));
        }
        auto *editor = new FieldEditor(field, FieldEditorStyle::Panel, project, line);
        editor->m_line = line;
        return editor;
    }
    }
}

FieldEditor *FieldEditorFactory::dialogEditor(const CodeField &field, const Project &project, QWidget *parent)
{
    if (field.kind == FieldKind::SingleChoice || field.kind == FieldKind::Ordinal) {
        auto *combo = choiceCombo(field, QString(), parent);
        auto *editor = new FieldEditor(field, FieldEditorStyle::Dialog, project, combo);
        editor->m_combo = combo;
        return editor;
    }
    auto *line = new QLineEdit(parent);
    auto *editor = new FieldEditor(field, FieldEditorStyle::Dialog, project, line);
    editor->m_line = line;
    return editor;
}

} // namespace newscoder
