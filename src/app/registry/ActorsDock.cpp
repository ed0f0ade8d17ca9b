#include "registry/ActorsDock.h"
#include "common/Prompt.h"

#include "models/ActorListModel.h"
#include "models/ModelRoles.h"
#include "project/Project.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QTableView>
#include <QToolButton>

namespace newscoder {

ActorsDock::ActorsDock(QWidget *parent)
    : RegistryDock(tr("Actors"), QStringLiteral("actor"), tr("Filter actors…"), QAbstractItemView::ExtendedSelection,
                   parent)
{
    m_add = addButton(tr("Add…"), QStringLiteral("addActor"), tr("Add an actor to the registry"));
    m_edit = addButton(tr("Edit…"), QStringLiteral("editActor"), tr("Edit the selected actor"));
    m_delete = addButton(tr("Delete"), QStringLiteral("deleteActor"), tr("Delete the selected actors and their links"));
    m_merge = addButton(tr("Merge into…"), QStringLiteral("mergeActors"),
                        tr("Select two actors: one absorbs the other (its names become aliases, its links move)"));
    endButtons();
    connect(m_add, &QToolButton::clicked, this, &ActorsDock::addActor);
    connect(m_edit, &QToolButton::clicked, this, &ActorsDock::editCurrent);
    connect(m_delete, &QToolButton::clicked, this, &ActorsDock::deleteSelected);
    connect(m_merge, &QToolButton::clicked, this, &ActorsDock::mergeSelected);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.column() == ActorListModel::LinksColumn)
            editCurrent();
    });
    updateButtons();
}

ActorsDock::~ActorsDock() = default;

void ActorsDock::setProject(Project *project)
{
    m_project = project;
    m_model = project ? new ActorListModel(*project, this) : nullptr;
    replaceModel(m_model, ActorListModel::NameColumn);
    if (m_model)
        m_view->horizontalHeader()->setSectionResizeMode(ActorListModel::LinksColumn, QHeaderView::ResizeToContents);
    updateButtons();
}

QList<QUuid> ActorsDock::selectedActors() const
{
    QList<QUuid> ids;
    if (!m_view->selectionModel())
        return ids;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        ids.append(index.data(IdRole).toUuid());
    return ids;
}

void ActorsDock::updateButtons()
{
    const bool writable = m_project && !m_project->isReadOnly();
    const qsizetype selected = selectedActors().size();
    m_add->setEnabled(writable);
    m_edit->setEnabled(writable && selected == 1);
    m_delete->setEnabled(writable && selected >= 1);
    m_merge->setEnabled(writable && selected == 2);
}

bool ActorsDock::editActor(QWidget *parent, Actor &actor, const QString &title)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(title);
    auto *form = new QFormLayout(&dialog);
    auto *name = new QLineEdit(actor.name, &dialog);
    auto *aliases = new QPlainTextEdit(actor.aliases.join(u'\n'), &dialog);
    aliases->setPlaceholderText(tr("One name per line, e.g. “Peskov”"));
    auto *role = new QLineEdit(actor.role, &dialog);
    auto *affiliation = new QLineEdit(actor.affiliation, &dialog);
    auto *country = new QLineEdit(actor.country, &dialog);
    QStringList customLines;
    for (const MetadataEntry &e : actor.custom)
        customLines.append(e.first + u'=' + e.second);
    auto *custom = new QPlainTextEdit(customLines.join(u'\n'), &dialog);
    custom->setPlaceholderText(tr("name=value, one per line"));
    auto *memo = new QPlainTextEdit(actor.memo, &dialog);
    form->addRow(tr("Name:"), name);
    form->addRow(tr("Aliases:"), aliases);
    form->addRow(tr("Role:"), role);
    form->addRow(tr("Affiliation:"), affiliation);
    form->addRow(tr("Country:"), country);
    form->addRow(tr("Custom fields:"), custom);
    form->addRow(tr("Memo:"), memo);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(box);
    connect(box, &QDialogButtonBox::accepted, &dialog, [&] {
        if (name->text().trimmed().isEmpty()) {
            Prompt::current().inform(&dialog, title, tr("An actor needs a name."), Prompt::Tone::Warning);
            return;
        }
        dialog.accept();
    });
    connect(box, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    actor.name = name->text().trimmed();
    actor.aliases.clear();
    for (const QString &line : aliases->toPlainText().split(u'\n')) {
        const QString alias = line.trimmed();
        if (!alias.isEmpty() && !actor.aliases.contains(alias, Qt::CaseInsensitive))
            actor.aliases.append(alias);
    }
    actor.role = role->text().trimmed();
    actor.affiliation = affiliation->text().trimmed();
    actor.country = country->text().trimmed();
    actor.custom.clear();
    for (const QString &line : custom->toPlainText().split(u'\n')) {
        const qsizetype eq = line.indexOf(u'=');
        const QString key = (eq < 0 ? line : line.left(eq)).trimmed();
        if (!key.isEmpty())
            actor.custom.append({key, eq < 0 ? QString() : line.mid(eq + 1).trimmed()});
    }
    actor.memo = memo->toPlainText().trimmed();
    return true;
}

void ActorsDock::addActor()
{
    if (!m_project)
        return;
    Actor actor;
    actor.name = m_filter->text().trimmed(); // typed in the filter and not found: a likely name
    if (editActor(this, actor, tr("Add Actor")))
        m_project->addActor(actor);
}

void ActorsDock::editCurrent()
{
    const QList<QUuid> ids = selectedActors();
    if (!m_project || ids.size() != 1)
        return;
    auto actor = m_project->actor(ids.first());
    if (actor && editActor(this, *actor, tr("Edit Actor")))
        m_project->updateActor(*actor);
}

void ActorsDock::deleteSelected()
{
    const QList<QUuid> ids = selectedActors();
    if (!m_project || ids.isEmpty())
        return;
    int links = 0;
    QStringList names;
    for (const QUuid &id : ids) {
        links += m_model->linkCount(id);
        if (const auto a = m_project->actor(id))
            names.append(a->name);
    }
    const bool remove = Prompt::current().confirm(
        this, tr("Delete Actors"),
        tr("Delete %1? %n link(s) to them will be removed too. You can undo this.", nullptr, links)
            .arg(names.join(QStringLiteral(", "))));
    if (!remove)
        return;
    m_project->undoStack()->beginMacro(tr("Delete %n actor(s)", nullptr, int(ids.size())));
    for (const QUuid &id : ids)
        m_project->removeActor(id);
    m_project->undoStack()->endMacro();
}

void ActorsDock::mergeSelected()
{
    const QList<QUuid> ids = selectedActors();
    if (!m_project || ids.size() != 2)
        return;
    const auto first = m_project->actor(ids[0]);
    const auto second = m_project->actor(ids[1]);
    if (!first || !second)
        return;
    // Labels must differ even for two actors of the same name (the usual duplicate).
    const auto label = [](const Actor &a) {
        QStringList parts{a.role, a.affiliation, a.country};
        parts.removeAll(QString());
        const QString details = parts.join(u", ");
        return details.isEmpty() ? a.name : QStringLiteral("%1 (%2)").arg(a.name, details);
    };
    QStringList choices{label(*first), label(*second)};
    if (choices[0] == choices[1]) {
        choices[0] += QStringLiteral(" [%1]").arg(idString(first->id).left(8));
        choices[1] += QStringLiteral(" [%1]").arg(idString(second->id).left(8));
    }
    const int kept = Prompt::current().choose(
        this, tr("Merge Actors"),
        tr("Keep which actor? The other one's names become its aliases and its links move to it."), choices, 0,
        Prompt::ChoiceStyle::List);
    if (kept < 0)
        return;
    if (kept == 0)
        m_project->mergeActors(first->id, second->id);
    else
        m_project->mergeActors(second->id, first->id);
}

} // namespace newscoder
