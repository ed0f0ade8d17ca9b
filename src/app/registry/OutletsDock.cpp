#include "registry/OutletsDock.h"
#include "common/Prompt.h"
#include "fields/FieldEditorFactory.h"
#include "fields/ValueInput.h"

#include "models/ModelRoles.h"
#include "models/OutletListModel.h"
#include "project/Project.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QTableView>
#include <QToolButton>

namespace newscoder {

OutletsDock::OutletsDock(QWidget *parent)
    : RegistryDock(tr("Outlets"), QStringLiteral("outlet"), tr("Filter outlets…"), QAbstractItemView::SingleSelection,
                   parent)
{
    m_add = addButton(tr("Add…"), QStringLiteral("addOutlet"));
    m_edit = addButton(tr("Edit…"), QStringLiteral("editOutlet"));
    m_delete = addButton(tr("Delete"), QStringLiteral("deleteOutlet"));
    endButtons();
    connect(m_add, &QToolButton::clicked, this, [this] { editOutlet({}); });
    connect(m_edit, &QToolButton::clicked, this, [this] { editOutlet(currentOutlet()); });
    connect(m_delete, &QToolButton::clicked, this, &OutletsDock::deleteCurrent);
    updateButtons();
}

OutletsDock::~OutletsDock() = default;

void OutletsDock::setProject(Project *project)
{
    m_project = project;
    m_model = project ? new OutletListModel(*project, this) : nullptr;
    replaceModel(m_model, OutletListModel::NameColumn);
    updateButtons();
}

QUuid OutletsDock::currentOutlet() const
{
    if (!m_view->selectionModel())
        return {};
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QUuid() : rows.first().data(IdRole).toUuid();
}

void OutletsDock::updateButtons()
{
    const bool writable = m_project && !m_project->isReadOnly();
    const bool selected = !currentOutlet().isNull();
    m_add->setEnabled(writable);
    m_edit->setEnabled(writable && selected);
    m_delete->setEnabled(writable && selected);
}

void OutletsDock::editOutlet(const QUuid &outletId)
{
    if (!m_project)
        return;
    Outlet outlet;
    if (!outletId.isNull()) {
        const auto found = m_project->outlet(outletId);
        if (!found)
            return;
        outlet = *found;
    }
    const QString title = outletId.isNull() ? tr("Add Outlet") : tr("Edit Outlet");
    QDialog dialog(this);
    dialog.setWindowTitle(title);
    auto *form = new QFormLayout(&dialog);
    auto *name = new QLineEdit(outlet.name, &dialog);
    auto *domains = new QPlainTextEdit(outlet.domains.join(u'\n'), &dialog);
    domains->setPlaceholderText(tr("One domain per line, e.g. example.com (sub-domains match too)"));
    auto *country = new QLineEdit(outlet.country, &dialog);
    auto *memo = new QPlainTextEdit(outlet.memo, &dialog);
    form->addRow(tr("Name:"), name);
    form->addRow(tr("Domains:"), domains);
    form->addRow(tr("Country:"), country);
    form->addRow(tr("Memo:"), memo);
    // The outlet variables: combo boxes for scales and choices, text otherwise.
    struct VariableEditor
    {
        CodeField field;
        FieldEditor *editor = nullptr;
        QString before;
    };
    QList<VariableEditor> editors;
    const QList<VariableValue> variables =
        outletId.isNull() ? QList<VariableValue>{} : m_project->outletVariables(outletId);
    for (const Code &c : m_project->codes()) {
        if (c.unit != CodeUnit::Outlet)
            continue;
        for (const CodeField &f : c.fields) {
            QList<FieldValue> current;
            for (const VariableValue &v : variables) {
                if (v.field.id == f.id)
                    current.append(v.values);
            }
            FieldEditor *editor = FieldEditorFactory::build(f, FieldEditorStyle::Dialog, *m_project, &dialog);
            editor->setValues(current);
            form->addRow(f.name + u':', editor->widget());
            editors.append(VariableEditor{f, editor, editor->textOf(current)});
        }
    }
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(box);
    // The changed variables' values, read by ValueInput's rules when OK is
    // pressed: a value that is none, or an actor name the registry does not
    // have and the user does not want added, keeps the dialog open.
    struct Change
    {
        QUuid fieldId;
        QList<FieldValue> values;
    };
    QList<Change> changes;
    QList<Actor> newActors;
    connect(box, &QDialogButtonBox::accepted, &dialog, [&] {
        if (name->text().trimmed().isEmpty()) {
            Prompt::current().inform(&dialog, title, tr("An outlet needs a name."), Prompt::Tone::Warning);
            return;
        }
        ValueInput input(*m_project);
        QList<Change> read;
        for (const VariableEditor &e : std::as_const(editors)) {
            const QString text = e.editor->takesText() ? e.editor->text().trimmed() : e.editor->text();
            if (text == e.before)
                continue;
            QString error;
            const auto values = input.parse(e.field, text, &error);
            if (!values) {
                Prompt::current().inform(&dialog, title, error, Prompt::Tone::Warning);
                return;
            }
            read.append({e.field.id, *values});
        }
        if (!input.newActors().isEmpty()) {
            QStringList names;
            for (const Actor &a : input.newActors())
                names.append(QStringLiteral("“%1”").arg(a.name));
            if (!Prompt::current().confirm(&dialog, title,
                                           tr("No actor in the registry is named %1. Add it to the registry?",
                                              nullptr, int(names.size()))
                                               .arg(names.join(QStringLiteral(", ")))))
                return;
        }
        changes = read;
        newActors = input.newActors();
        dialog.accept();
    });
    connect(box, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;

    outlet.name = name->text().trimmed();
    outlet.domains = OutletListModel::splitDomains(domains->toPlainText());
    outlet.country = country->text().trimmed();
    outlet.memo = memo->toPlainText().trimmed();
    QUndoStack *undo = m_project->undoStack();
    undo->beginMacro(title + QStringLiteral(" “") + outlet.name + QStringLiteral("”"));
    QUuid id = outletId;
    if (id.isNull())
        id = m_project->addOutlet(outlet).value_or(QUuid());
    else
        m_project->updateOutlet(outlet);
    bool added = true;
    for (const Actor &a : std::as_const(newActors))
        added = added && m_project->addActor(a).has_value();
    if (!id.isNull() && added) {
        for (const Change &change : std::as_const(changes))
            m_project->setOutletValues(id, change.fieldId, change.values);
    }
    undo->endMacro();
}

void OutletsDock::deleteCurrent()
{
    const QUuid id = currentOutlet();
    if (!m_project || id.isNull())
        return;
    const auto outlet = m_project->outlet(id);
    if (!outlet)
        return;
    const int articles = m_model->articleCount(id);
    const bool remove = Prompt::current().confirm(
        this, tr("Delete Outlet"),
        tr("Delete the outlet “%1” and its variables? Its %n article(s) stay, without an outlet. You can undo this.",
           nullptr, articles)
            .arg(outlet->name));
    if (remove)
        m_project->removeOutlet(id);
}

} // namespace newscoder
