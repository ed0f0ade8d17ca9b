#include "fields/FieldEditor.h"

#include "fields/FieldEditorFactory.h"

#include "common/LayoutEntries.h"

#include "project/Project.h"

#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QScopedValueRollback>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace newscoder {

FieldEditor::FieldEditor(const CodeField &field, FieldEditorStyle style, const Project &project, QWidget *widget)
    : QObject(widget), m_field(field), m_style(style), m_project(project), m_widget(widget)
{
}

QWidget *FieldEditor::input() const
{
    if (m_line)
        return m_line;
    if (m_list)
        return m_list;
    if (m_date)
        return m_date;
    if (m_combo)
        return m_combo;
    return m_widget;
}

void FieldEditor::userEdited()
{
    if (!m_showing)
        Q_EMIT edited();
}

void FieldEditor::setValues(const QList<FieldValue> &values)
{
    const QScopedValueRollback showing(m_showing, true);
    const QString first = values.isEmpty() ? QString() : values.first().text;
    if (m_line) {
        // The form's lines hold one value; trailing spaces being typed are
        // not stored: leave them be.
        const QString shown = m_style == FieldEditorStyle::Form ? first : textOf(values);
        if (m_line->text().trimmed() != shown)
            m_line->setText(shown);
    } else if (m_list) {
        for (int i = 0; i < m_list->count(); ++i) {
            QListWidgetItem *item = m_list->item(i);
            const QString value = item->data(Qt::UserRole).toString();
            const bool on = std::any_of(values.cbegin(), values.cend(), [&](const FieldValue &v) { return v.text == value; });
            item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
        }
    } else if (m_date) {
        FieldEditorFactory::setDate(m_date, QDate::fromString(first, Qt::ISODate));
    } else if (m_combo && m_field.kind == FieldKind::ActorLink) {
        const QUuid actorId = values.isEmpty() ? QUuid() : values.first().actorId;
        if (m_style == FieldEditorStyle::Form) {
            fillActors();
            m_combo->setCurrentIndex(qMax(0, m_combo->findData(actorId.toString())));
        } else {
            m_combo->setCurrentIndex(qMax(0, m_combo->findData(actorId)));
        }
    } else if (m_combo) {
        // The dialog compares the whole stored text with the choice when it is accepted.
        m_combo->setCurrentIndex(qMax(0, m_combo->findData(m_style == FieldEditorStyle::Dialog ? textOf(values) : first)));
    } else if (m_links || m_linkCount) {
        QList<QUuid> targets;
        for (const FieldValue &v : values)
            targets.append(v.annotationId);
        if (m_links) {
            showLinks(targets);
        } else {
            m_linkCount->setText(FieldEditorFactory::tr("%n link(s)", nullptr, int(targets.size())));
            m_shownLinks = targets;
        }
    }
}

std::optional<QList<FieldValue>> FieldEditor::values() const
{
    const auto one = [this](const QString &text) {
        return text.isEmpty() ? QList<FieldValue>{} : QList<FieldValue>{FieldValue{m_field.id, text, {}, {}}};
    };
    if (m_line) {
        if (m_field.kind != FieldKind::Text)
            return std::nullopt;
        return one(m_line->text().trimmed());
    }
    if (m_list) {
        QList<FieldValue> checked;
        for (int i = 0; i < m_list->count(); ++i) {
            if (m_list->item(i)->checkState() == Qt::Checked)
                checked.append(FieldValue{m_field.id, m_list->item(i)->data(Qt::UserRole).toString(), {}, {}});
        }
        return checked;
    }
    if (m_date) {
        const QDate d = m_date->date();
        return one(d == FieldEditorFactory::noDate() || !d.isValid() ? QString() : d.toString(Qt::ISODate));
    }
    if (m_combo && m_field.kind == FieldKind::ActorLink) {
        const QUuid actorId = m_combo->currentData().toUuid();
        return actorId.isNull() ? QList<FieldValue>{} : QList<FieldValue>{FieldValue{m_field.id, {}, {}, actorId}};
    }
    if (m_combo)
        return one(m_combo->currentData().toString());
    QList<FieldValue> links;
    for (const QUuid &target : m_shownLinks)
        links.append(FieldValue{m_field.id, {}, target, {}});
    return links;
}

QString FieldEditor::text() const
{
    return m_line ? m_line->text() : textOf(values().value_or(QList<FieldValue>{}));
}

QString FieldEditor::textOf(const QList<FieldValue> &values) const
{
    QStringList texts;
    for (const FieldValue &value : values) {
        if (m_field.kind == FieldKind::ActorLink)
            texts.append(m_project.actor(value.actorId).value_or(Actor{}).name);
        else if (m_field.kind == FieldKind::AnnotationLink)
            texts.append(value.annotationId.toString(QUuid::WithoutBraces));
        else
            texts.append(value.text);
    }
    return texts.join(QStringLiteral(", "));
}

void FieldEditor::showLinks(const QList<QUuid> &targets)
{
    if (targets == m_shownLinks && m_links->count() == targets.size() + 1)
        return;
    m_linkButton->setText(m_field.allowsSeveral() || targets.isEmpty() ? FieldEditorFactory::tr("Link to…")
                                                                        : FieldEditorFactory::tr("Change…"));
    // The last item is the "Link to…" button; entries go before it.
    removeEntriesLater(m_links, 1);
    QWidget *parent = m_links->parentWidget();
    for (int i = 0; i < targets.size(); ++i)
        m_links->insertWidget(i, m_linkEntry(targets[i], parent));
    m_shownLinks = targets;
}

// The form's actors by name (details as tooltips); refilled only when the registry changed.
void FieldEditor::fillActors()
{
    QList<Actor> actors = m_project.actors();
    std::sort(actors.begin(), actors.end(),
              [](const Actor &x, const Actor &y) { return x.name.localeAwareCompare(y.name) < 0; });
    bool same = m_combo->count() == actors.size() + 1;
    for (int i = 0; same && i < actors.size(); ++i)
        same = m_combo->itemData(i + 1).toString() == actors[i].id.toString() && m_combo->itemText(i + 1) == actors[i].name;
    if (same)
        return;
    const QScopedValueRollback showing(m_showing, true);
    const QVariant current = m_combo->currentData();
    m_combo->clear();
    m_combo->addItem(QStringLiteral("—"), QString());
    for (const Actor &actor : std::as_const(actors)) {
        m_combo->addItem(actor.name, actor.id.toString());
        QStringList details{actor.role, actor.affiliation, actor.aliases.join(QStringLiteral(", "))};
        details.removeAll(QString());
        m_combo->setItemData(m_combo->count() - 1, details.join(u'\n'), Qt::ToolTipRole);
    }
    m_combo->setCurrentIndex(qMax(0, m_combo->findData(current)));
}

} // namespace newscoder
