#pragma once

#include "export/DatasetFilterPanel.h"
#include "export/ExportTypes.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QAction;
class QMenu;
class QWidget;

namespace newscoder {

class DatasetExportDialog;
class Project;

// File ▸ Export ▸ Dataset… (DatasetExportDialog) and File ▸ Export ▸ Codebook
// Document… (HTML, Markdown or PDF). The window hands over its File menu, the
// open project and what it shows (selection, current code, coder) to pre-fill
// the dialog.
class ExportMenus final : public QObject
{
    Q_OBJECT

public:
    ExportMenus(QWidget *window, QMenu *fileMenu, std::function<Project *()> project,
                std::function<ExportContext()> context);

    void updateActions();

    // Opens the dataset dialog (non-modal; one at a time).
    DatasetExportDialog *showDatasetDialog();
    // Asks for a file and writes the codebook document there.
    void chooseAndWriteCodebook();
    // Writes the codebook document (format by suffix) on a worker thread and
    // tells the user the outcome; codebookWritten() follows.
    void writeCodebook(const QString &path);
    bool isWritingCodebook() const { return m_writingCodebook; }
    const exporting::ExportResult &lastCodebookResult() const { return m_codebookResult; }

    QAction *datasetAction() const { return m_dataset; }
    QAction *codebookAction() const { return m_codebook; }

Q_SIGNALS:
    void codebookWritten();

private:
    QWidget *m_window;
    std::function<Project *()> m_project;
    std::function<ExportContext()> m_context;
    QAction *m_dataset = nullptr;
    QAction *m_codebook = nullptr;
    QPointer<DatasetExportDialog> m_dialog;
    bool m_writingCodebook = false;
    exporting::ExportResult m_codebookResult;
};

} // namespace newscoder
