#include "articles/ScraperLeftoverActions.h"

#include "io/ScraperResidue.h"
#include "project/Project.h"
#include "project/ScraperLeftovers.h"
#include "storage/ProjectReader.h"

#include <QAction>
#include <QMenu>
#include <QUndoStack>

#include <limits>

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
        setScraperLeftoversMarked(*p, id, !leftoversMarked(p, id));
        update();
    });
    connect(editMenu, &QMenu::aboutToShow, this, &ScraperLeftoverActions::update);
    update();
}

void ScraperLeftoverActions::follow(Project *project)
{
    if (m_followed == project)
        return;
    disconnect(m_changed);
    disconnect(m_undone);
    m_followed = project;
    m_cachedMarked.reset();
    if (!project)
        return;
    m_changed = connect(project, &Project::documentChanged, this, [this](const QUuid &id) {
        if (id == m_cachedDocument)
            m_cachedMarked.reset();
    });
    m_undone = connect(project->undoStack(), &QUndoStack::indexChanged, this, [this] { m_cachedMarked.reset(); });
}

bool ScraperLeftoverActions::leftoversMarked(Project *project, const QUuid &id)
{
    follow(project);
    if (m_cachedMarked && m_cachedDocument == id)
        return *m_cachedMarked;
    ++m_storeReads;
    // Only the metadata entry; the text's length bounds nothing here (any span means "marked").
    const std::optional<QString> stored =
        project->reader().metadataOfDocument(id, QString::fromLatin1(scraped::ResidueMetadataKey));
    const bool marked =
        stored && !scraped::residueFromString(*stored, std::numeric_limits<int>::max()).isEmpty();
    m_cachedDocument = id;
    m_cachedMarked = marked;
    return marked;
}

void ScraperLeftoverActions::update()
{
    Project *p = m_project();
    const QUuid id = m_document();
    const bool known = p && !id.isNull();
    const bool marked = known && leftoversMarked(p, id);
    m_action->setText(marked ? tr("Treat Scraper &Leftovers as Article Text") : tr("Mark Scraper &Leftovers"));
    m_action->setStatusTip(marked ? tr("The dimmed lines of this article become article text again: searched, auto-coded, cued")
                                  : tr("Find this article's scraper leftovers again (header, time stamps, tags, credits…) "
                                       "and dim them"));
    m_action->setEnabled(known && !p->isReadOnly());
}

} // namespace newscoder
