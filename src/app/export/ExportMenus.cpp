#include "export/ExportMenus.h"

#include "common/Prompt.h"
#include "export/CodebookDocument.h"
#include "export/DatasetExportDialog.h"
#include "export/DatasetExportJob.h"
#include "project/Project.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMenu>
#include <QProgressDialog>
#include <QSettings>
#include <QtConcurrent/QtConcurrentRun>

namespace newscoder {

namespace {

const QString CodebookTargetKey = QStringLiteral("export/codebookDocument");

// File ▸ Export (shared with the REFI-QDA exporter), created before Save As when missing.
QMenu *exportMenu(QMenu *file)
{
    if (auto *existing = file->findChild<QMenu *>(QStringLiteral("menuExport"), Qt::FindDirectChildrenOnly))
        return existing;
    QAction *before = nullptr;
    for (QAction *action : file->actions()) {
        if (action->objectName() == QLatin1String("actionSaveAs")) {
            before = action;
            break;
        }
    }
    auto *menu = new QMenu(QObject::tr("&Export"), file);
    menu->setObjectName(QStringLiteral("menuExport"));
    file->insertMenu(before, menu);
    return menu;
}

} // namespace

ExportMenus::ExportMenus(QWidget *window, QMenu *fileMenu, std::function<Project *()> project,
                         std::function<ExportContext()> context)
    : QObject(window), m_window(window), m_project(std::move(project)), m_context(std::move(context))
{
    QMenu *menu = exportMenu(fileMenu);
    QAction *first = menu->actions().value(0);
    m_dataset = new QAction(tr("&Dataset…"), menu);
    m_dataset->setObjectName(QStringLiteral("actionExportDataset"));
    m_dataset->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_dataset->setStatusTip(tr("Segments, articles, links, actors, outlets and the codebook as CSV, Excel, JSON Lines, "
                               "SPSS or Stata"));
    m_codebook = new QAction(tr("Codebook Doc&ument…"), menu);
    m_codebook->setObjectName(QStringLiteral("actionExportCodebookDocument"));
    m_codebook->setStatusTip(tr("The codebook as HTML, Markdown or PDF, for a paper's appendix"));
    menu->insertActions(first, {m_dataset, m_codebook});
    if (first)
        menu->insertSeparator(first);
    connect(m_dataset, &QAction::triggered, this, [this] { showDatasetDialog(); });
    connect(m_codebook, &QAction::triggered, this, &ExportMenus::chooseAndWriteCodebook);
    connect(fileMenu, &QMenu::aboutToShow, this, &ExportMenus::updateActions);
    updateActions();
}

void ExportMenus::updateActions()
{
    const bool open = m_project() != nullptr;
    m_dataset->setEnabled(open);
    m_codebook->setEnabled(open && !m_writingCodebook);
}

DatasetExportDialog *ExportMenus::showDatasetDialog()
{
    Project *project = m_project();
    if (!project)
        return nullptr;
    if (!m_dialog) {
        // Window-modal: the project it reads cannot be closed while it is open.
        m_dialog = new DatasetExportDialog(*project, m_context(), m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        m_dialog->setWindowModality(Qt::WindowModal);
    }
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
    return m_dialog;
}

void ExportMenus::chooseAndWriteCodebook()
{
    Project *project = m_project();
    if (!project || m_writingCodebook)
        return;
    QString start = QSettings().value(CodebookTargetKey).toString();
    const QString name = QFileInfo(project->path()).completeBaseName() + QStringLiteral("-codebook.");
    start = start.isEmpty() ? QFileInfo(project->path()).absoluteDir().filePath(name + QStringLiteral("html"))
                            : QFileInfo(start).absoluteDir().filePath(name + QFileInfo(start).suffix());
    const QString path = Prompt::current().chooseFile(
        m_window, Prompt::FileMode::Save, tr("Export Codebook Document"), start,
        tr("Web page (*.html);;Markdown (*.md);;PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    writeCodebook(path);
}

void ExportMenus::writeCodebook(const QString &path)
{
    Project *project = m_project();
    if (!project || m_writingCodebook)
        return;
    const QString title = tr("Export Codebook Document");
    if (!exporting::documentFormatForFile(path)) {
        m_codebookResult = {};
        m_codebookResult.error = tr("The codebook document must end in .html, .md or .pdf.");
        Prompt::current().inform(m_window, title, m_codebookResult.error, Prompt::Tone::Warning);
        Q_EMIT codebookWritten();
        return;
    }
    QSettings().setValue(CodebookTargetKey, QFileInfo(path).absoluteFilePath());
    m_writingCodebook = true;
    updateActions();
    auto *progress = new QProgressDialog(tr("Writing %1…").arg(QFileInfo(path).fileName()), QString(), 0, 0, m_window);
    progress->setWindowTitle(title);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    progress->setValue(0);
    auto *watcher = new QFutureWatcher<exporting::ExportResult>(this);
    connect(watcher, &QFutureWatcher<exporting::ExportResult>::finished, this, [this, watcher, progress, path, title] {
        m_codebookResult = watcher->result();
        watcher->deleteLater();
        progress->close();
        progress->deleteLater();
        m_writingCodebook = false;
        updateActions();
        const QString where = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
        if (m_codebookResult.ok)
            Prompt::current().inform(m_window, title, tr("Wrote the codebook to %1").arg(where));
        else
            Prompt::current().inform(m_window, title,
                                     tr("The codebook document was not written.\n\n%1").arg(m_codebookResult.error),
                                     Prompt::Tone::Warning);
        Q_EMIT codebookWritten();
    });
    const ReaderSource source = project->reader().readerSource();
    watcher->setFuture(QtConcurrent::run([source, path] { return runCodebookDocument(source, path); }));
}

} // namespace newscoder
