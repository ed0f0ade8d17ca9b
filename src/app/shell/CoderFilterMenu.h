#pragma once

#include "models/CoderFilter.h"

#include <QMenu>

class QActionGroup;

namespace newscoder {

class Project;

// View ▸ Show Coders: whose annotations the article view, the annotation
// table and the article list's counts show — my annotations, one coder's or
// all coders'. The coders are listed afresh each time the menu opens.
class CoderFilterMenu final : public QMenu
{
    Q_OBJECT

public:
    explicit CoderFilterMenu(QWidget *parent = nullptr);

    void setProject(Project *project);
    CoderFilter filter() const { return m_filter; }
    // Checks the filter's entry and announces it.
    void setFilter(const CoderFilter &filter);
    // (Re)lists the coders; called before the menu shows.
    void rebuild();

Q_SIGNALS:
    void filterChanged(const newscoder::CoderFilter &filter);

private:
    QAction *addFilterAction(const QString &text, const CoderFilter &filter);

    Project *m_project = nullptr;
    QActionGroup *m_group = nullptr;
    CoderFilter m_filter;
};

} // namespace newscoder
