// Edit ▸ Treat Scraper Leftovers as Article Text / Mark Scraper Leftovers:
// the window side of io/ScraperResidue.h for the article being read. One
// action whose text follows the article: with leftovers marked it takes the
// split back (they become article text again: searched, auto-coded, cued);
// without, it finds them again by the rules. Each is one undo step
// (project/ScraperLeftovers.h, also `newscoder-cli leftovers`); the text itself never changes.
// Whether the article has leftovers is read once per article (its metadata
// entry only) and read again when that article changes or a step is undone.
#pragma once

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QUuid>

#include <functional>
#include <optional>

class QAction;
class QMenu;

namespace newscoder {

class Project;

class ScraperLeftoverActions final : public QObject
{
    Q_OBJECT

public:
    ScraperLeftoverActions(QMenu *editMenu, std::function<Project *()> project, std::function<QUuid()> currentDocument);

    QAction *action() const { return m_action; }
    // Brings the action's text and state up to date with the current article.
    void update();
    // How often the store was read for the leftovers (the cache's test hook).
    int storeReads() const { return m_storeReads; }

private:
    // Whether `id` in `project` has leftovers marked, from the cache when it holds that article.
    bool leftoversMarked(Project *project, const QUuid &id);
    void follow(Project *project);

    QAction *m_action = nullptr;
    std::function<Project *()> m_project;
    std::function<QUuid()> m_document;
    QPointer<Project> m_followed; // the project whose changes clear the cache
    QMetaObject::Connection m_changed;
    QMetaObject::Connection m_undone;
    QUuid m_cachedDocument;
    std::optional<bool> m_cachedMarked;
    int m_storeReads = 0;
};

} // namespace newscoder
