#include "shell/MainWindow.h"

#include "articles/DocumentListDock.h"
#include "codebook/CodebookDock.h"
#include "export/ExportMenus.h"
#include "shell/CoderFilterMenu.h"
#include "shell/ProjectSession.h"
#include "ui_MainWindow.h"

namespace newscoder {

void MainWindow::createExportMenus()
{
    new ExportMenus(
        this, m_ui->menuFile, [this]() -> Project * { return m_session ? &m_session->project() : nullptr; },
        [this] {
            // The articles selected in the list, the codebook's current code and the coder View ▸ Show Coders shows.
            ExportContext context{m_documentDock->selectedDocuments(), m_codebookDock->currentCode(), {}};
            if (m_session && m_coderFilterMenu)
                context.coder = m_coderFilterMenu->filter().effectiveCoder(m_session->project().coderName());
            return context;
        });
}

} // namespace newscoder
