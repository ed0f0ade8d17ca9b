#include "fields/FieldEditorFactory.h"

#include "model/OptionLabel.h"
#include "project/Project.h"

#include <QCalendarWidget>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleValidator>
#include <QEvent>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QSignalBlocker>
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

} // namespace

QDate FieldEditorFactory::noDate()
{
    return QDate(1000, 1, 1); // the QDateEdit minimum, shown as "—": no value
}

void FieldEditorFactory::setDate(QDateEdit *editor, QDate date)
{
    editor->setDate(date.isValid() ? date : noDate());
}

QComboBox *FieldEditorFactory::choiceCombo(const CodeField &field, const QString &emptyText, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->addItem(emptyText, QString());
    if (field.kind == FieldKind::Boolean) {
        combo->addItem(tr("Yes"), QStringLiteral("true"));
        combo->addItem(tr("No"), QStringLiteral("false"));
    }
    for (const FieldOption &o : field.options)
        combo->addItem(optionLabel(o, OptionLabelStyle::ListEntry, field.kind), o.value);
    return combo;
}

FieldEditorFactory::Editor FieldEditorFactory::build(const CodeField &field, const Project &project, bool readOnly,
                                                     QWidget *parent, QObject *context, const Hooks &hooks)
{
    Editor editor;
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
        QObject::connect(line, &QLineEdit::textEdited, context, hooks.saveText);
        editor.line = line;
        editor.widget = line;
        return editor;
    }
    case FieldKind::SingleChoice:
    case FieldKind::Ordinal:
    case FieldKind::Boolean: {
        // The chosen entry elides in a narrow pane; the open list shows each in full.
        auto *combo = choiceCombo(field, QStringLiteral("—"), parent);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(10);
        combo->setEnabled(!readOnly);
        QObject::connect(combo, &QComboBox::currentIndexChanged, context, [hooks, field, combo] {
            const QString value = combo->currentData().toString();
            hooks.save(value.isEmpty() ? QList<FieldValue>{} : QList<FieldValue>{FieldValue{field.id, value, {}, {}}});
        });
        editor.combo = combo;
        editor.widget = combo;
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
        QObject::connect(list, &QListWidget::itemChanged, context, [hooks, field, list] {
            QList<FieldValue> values;
            for (int i = 0; i < list->count(); ++i) {
                if (list->item(i)->checkState() == Qt::Checked)
                    values.append(FieldValue{field.id, list->item(i)->data(Qt::UserRole).toString(), {}, {}});
            }
            hooks.save(values);
        });
        editor.list = list;
        editor.widget = list;
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
        QObject::connect(date, &QDateEdit::dateChanged, context, [hooks, field](QDate d) {
            hooks.save(d == noDate() || !d.isValid()
                           ? QList<FieldValue>{}
                           : QList<FieldValue>{FieldValue{field.id, d.toString(Qt::ISODate), {}, {}}});
        });
        QObject::connect(clear, &QToolButton::clicked, date, [date] { date->setDate(noDate()); });
        editor.date = date;
        editor.widget = box;
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
        QObject::connect(menu, &QMenu::aboutToShow, context, [hooks, menu] { hooks.fillLinkMenu(menu); });
        layout->addWidget(add, 0, Qt::AlignLeft);
        editor.links = layout;
        editor.widget = box;
        return editor;
    }
    case FieldKind::ActorLink: {
        auto *box = new QWidget(parent);
        auto *layout = new QHBoxLayout(box);
        layout->setContentsMargins(0, 0, 0, 0);
        auto *combo = new QComboBox(box);
        combo->setObjectName(QStringLiteral("actorCombo"));
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(12);
        hooks.fillActors(combo);
        auto *fromText = new QToolButton(box);
        fromText->setObjectName(QStringLiteral("actorFromText"));
        fromText->setText(tr("New from Text"));
        fromText->setToolTip(tr("Use the annotated words as the actor: the registry actor they name, or a new "
                                "actor named after them"));
        layout->addWidget(combo, 1);
        layout->addWidget(fromText);
        box->setEnabled(!readOnly);
        QObject::connect(combo, &QComboBox::currentIndexChanged, context, [hooks, field, combo] {
            const QUuid actorId(combo->currentData().toString());
            hooks.save(actorId.isNull() ? QList<FieldValue>{} : QList<FieldValue>{FieldValue{field.id, {}, {}, actorId}});
        });
        QObject::connect(fromText, &QToolButton::clicked, context, [hooks] { hooks.actorFromText(); });
        editor.combo = combo;
        editor.widget = box;
        return editor;
    }
    }
    editor.widget = new QWidget(parent);
    return editor;
}

} // namespace newscoder
