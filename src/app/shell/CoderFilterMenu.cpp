#include "shell/CoderFilterMenu.h"

#include "study/BlindCoding.h"

#include "project/Project.h"
#include "storage/StoreError.h"

#include <QActionGroup>

namespace newscoder {

CoderFilterMenu::CoderFilterMenu(QWidget *parent) : QMenu(tr("Show &Coders"), parent)
{
    setObjectName(QStringLiteral("menuShowCoders"));
    setToolTipsVisible(true);
    m_group = new QActionGroup(this);
    m_group->setExclusive(true);
    connect(this, &QMenu::aboutToShow, this, &CoderFilterMenu::rebuild);
    rebuild();
}

void CoderFilterMenu::setProject(Project *project)
{
    m_project = project;
    rebuild();
}

QAction *CoderFilterMenu::addFilterAction(const QString &text, const CoderFilter &filter)
{
    QAction *action = addAction(text);
    action->setCheckable(true);
    action->setChecked(filter == m_filter);
    m_group->addAction(action);
    connect(action, &QAction::triggered, this, [this, filter] { setFilter(filter); });
    return action;
}

void CoderFilterMenu::rebuild()
{
    for (QAction *action : m_group->actions()) {
        m_group->removeAction(action);
        delete action;
    }
    clear();
    QAction *mine = addFilterAction(tr("&My Annotations"), CoderFilter::mine());
    mine->setObjectName(QStringLiteral("actionShowMine"));
    mine->setToolTip(tr("Only the annotations of the coder you are coding as"));
    QAction *all = addFilterAction(tr("&All Coders"), CoderFilter::all());
    all->setObjectName(QStringLiteral("actionShowAllCoders"));
    all->setToolTip(tr("Every coder's annotations; other coders' spans are outlined, yours are filled"));
    if (!m_project)
        return;
    QList<Coder> coders;
    try {
        coders = m_project->reader().coders();
    } catch (const StoreError &) {
    }
    if (!coders.isEmpty())
        addSection(tr("One coder"));
    int number = 0;
    for (const Coder &coder : std::as_const(coders)) {
        // "&1 Ana": Alt and the number reach each coder; an & of the name stays an &.
        const QString name = QString(coder.name).replace(u'&', QStringLiteral("&&"));
        ++number;
        QAction *one = addFilterAction(number <= 9 ? QStringLiteral("&%1 %2").arg(number).arg(name)
                                                   : QStringLiteral("%1 &%2").arg(number).arg(name),
                                       CoderFilter::only(coder.name));
        one->setData(coder.name);
    }
    // Blind coding: only one's own work to show.
    if (study::hidesOtherCoders(*m_project)) {
        for (QAction *action : m_group->actions()) {
            if (action != mine) {
                action->setEnabled(false);
                action->setToolTip(tr("Blind coding is on: only the lead sees other coders' work"));
            }
        }
    }
}

void CoderFilterMenu::setFilter(const CoderFilter &filter)
{
    m_filter = filter;
    for (QAction *action : m_group->actions()) {
        const bool isMine = action->objectName() == QLatin1String("actionShowMine");
        const bool isAll = action->objectName() == QLatin1String("actionShowAllCoders");
        action->setChecked((isMine && filter.kind == CoderFilter::Kind::CurrentCoder)
                           || (isAll && filter.isAll())
                           || (filter.kind == CoderFilter::Kind::OneCoder && action->data().toString() == filter.coderName));
    }
    Q_EMIT filterChanged(filter);
}

} // namespace newscoder
