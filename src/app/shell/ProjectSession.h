#pragma once

#include "models/AnnotationTableModel.h"
#include "models/CodebookTreeModel.h"
#include "models/DocumentDetailsModel.h"
#include "models/DocumentListModel.h"
#include "project/Project.h"

#include <memory>

namespace newscoder {

// An open project with the item models the window shows. One per window;
// replaced as a whole when another project is opened.
class ProjectSession final
{
public:
    explicit ProjectSession(std::unique_ptr<Project> project)
        : m_project(std::move(project)), documents(*m_project), annotations(*m_project), codebook(*m_project),
          details(*m_project)
    {
    }

    Project &project() { return *m_project; }

private:
    std::unique_ptr<Project> m_project; // declared first: outlives the models

public:
    DocumentListModel documents;
    AnnotationTableModel annotations;
    CodebookTreeModel codebook;
    DocumentDetailsModel details;
};

} // namespace newscoder
