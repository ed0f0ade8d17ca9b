// Edit ▸ Treat Scraper Leftovers as Article Text / Mark Scraper Leftovers:
// the window side of io/ScraperResidue.h for the article being read. One
// action whose text follows the article: with leftovers marked it takes the
// split back (they become article text again: searched, auto-coded, cued);
// without, it finds them again by the rules. Each is one undo step
// (project/ScraperLeftovers.h, also `newscoder-cli leftovers`); the text itself never changes.
#pragma once

#include <QObject>
#include <QUuid>

#include <functional>

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

private:
    QAction *m_action = nullptr;
    std::function<Project *()> m_project;
    std::function<QUuid()> m_document;
};

} // namespace newscoder
