#include "articles/ScraperLeftoverActions.h"

#include "io/ScraperResidue.h"
#include "project/Project.h"
#include "project/ScraperLeftovers.h"
#include "storage/ProjectStore.h"

#include <QAction>
#include <QMenu>

namespace newscoder {

ScraperLeftoverActions::ScraperLeftoverActions(QMenu *editMenu, std::function<Project *()> project,
                                               std::function<QUuid()> currentDocument)
    : QObject(editMenu), m_project(std::move(project)), m_document(std::move(currentDocument))
{
    m_action = editMenu->addAction(tr("Treat Scraper &Leftovers as Article Text"));
    m_action->setObjectName(QStringLiteral("actionScraperLeftovers"));
    connect(m_action, &QAction::triggered, this, [this] {
        Project *p = m_project();
        const QUuid id = m_document();
        if (!p || id.isNull())
            return;
        const auto doc = p->store().document(id);
        if (doc)
            setScraperLeftoversMarked(*p, id, scraped::residueOf(*doc).isEmpty());
        update();
    });
    connect(editMenu, &QMenu::aboutToShow, this, &ScraperLeftoverActions::update);
    update();
}

void ScraperLeftoverActions::update()
{
    Project *p = m_project();
    const QUuid id = m_document();
    const auto doc = p && !id.isNull() ? p->store().document(id) : std::nullopt;
    const bool marked = doc && !scraped::residueOf(*doc).isEmpty();
    m_action->setText(marked ? tr("Treat Scraper &Leftovers as Article Text") : tr("Mark Scraper &Leftovers"));
    m_action->setStatusTip(marked ? tr("The dimmed lines of this article become article text again: searched, auto-coded, cued")
                                  : tr("Find this article's scraper leftovers again (header, time stamps, tags, credits…) "
                                       "and dim them"));
    m_action->setEnabled(doc.has_value() && !p->isReadOnly());
}

} // namespace newscoder
