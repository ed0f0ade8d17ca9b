#include "refi/RefiMenus.h"

#include "project/Project.h"
#include "refi/RefiExport.h"
#include "refi/RefiImport.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>

namespace newscoder {

namespace {

const QString LastFolderKey = QStringLiteral("refi/lastFolder");

// The File menu's sub-menu with this object name (shared with other
// importers/exporters), created before `before` when missing.
QMenu *subMenu(QMenu *file, const QString &objectName, const QString &title, QAction *before)
{
    if (auto *existing = file->findChild<QMenu *>(objectName, Qt::FindDirectChildrenOnly))
        return existing;
    auto *menu = new QMenu(title, file);
    menu->setObjectName(objectName);
    file->insertMenu(before, menu);
    return menu;
}

QString lastFolder()
{
    return QSettings().value(LastFolderKey).toString();
}

void rememberFolder(const QString &file)
{
    QSettings().setValue(LastFolderKey, QFileInfo(file).absolutePath());
}

} // namespace

RefiMenus::RefiMenus(QWidget *window, QMenu *fileMenu, std::function<Project *()> project)
    : QObject(window), m_window(window), m_project(std::move(project))
{
    // Before the first separator after the import actions: File ▸ Import, File ▸ Export.
    QAction *before = nullptr;
    const QList<QAction *> actions = fileMenu->actions();
    for (qsizetype i = 0; i < actions.size(); ++i) {
        if (actions[i]->objectName() == QLatin1String("actionSaveAs")) {
            before = actions[i];
            break;
        }
    }
    const bool shared = fileMenu->findChild<QMenu *>(QStringLiteral("menuExport"), Qt::FindDirectChildrenOnly);
    QMenu *importMenu = subMenu(fileMenu, QStringLiteral("menuImport"), tr("Impor&t"), before);
    QMenu *exportMenu = subMenu(fileMenu, QStringLiteral("menuExport"), tr("&Export"), before);
    if (!shared && before)
        fileMenu->insertSeparator(before);
    m_importProject = importMenu->addAction(tr("REFI-QDA &Project…"));
    m_importProject->setObjectName(QStringLiteral("actionRefiImportProject"));
    m_importProject->setStatusTip(tr("Import a .qdpx project from NVivo, MAXQDA, ATLAS.ti, QualCoder or Taguette"));
    m_importCodebook = importMenu->addAction(tr("REFI-QDA &Codebook…"));
    m_importCodebook->setObjectName(QStringLiteral("actionRefiImportCodebook"));
    m_exportProject = exportMenu->addAction(tr("REFI-QDA &Project…"));
    m_exportProject->setObjectName(QStringLiteral("actionRefiExportProject"));
    m_exportProject->setStatusTip(tr("Export texts, codes, every coder's codings and memos as a .qdpx"));
    m_exportCodebook = exportMenu->addAction(tr("REFI-QDA &Codebook…"));
    m_exportCodebook->setObjectName(QStringLiteral("actionRefiExportCodebook"));
    connect(m_importProject, &QAction::triggered, this, [this] { importFile(false); });
    connect(m_importCodebook, &QAction::triggered, this, [this] { importFile(true); });
    connect(m_exportProject, &QAction::triggered, this, [this] { exportFile(false); });
    connect(m_exportCodebook, &QAction::triggered, this, [this] { exportFile(true); });
    connect(fileMenu, &QMenu::aboutToShow, this, &RefiMenus::updateActions);
    updateActions();
}

void RefiMenus::updateActions()
{
    const Project *project = m_project();
    const bool writable = project && !project->isReadOnly();
    m_importProject->setEnabled(writable);
    m_importCodebook->setEnabled(writable);
    m_exportProject->setEnabled(project != nullptr);
    m_exportCodebook->setEnabled(project != nullptr);
}

void RefiMenus::importFile(bool codebook)
{
    Project *project = m_project();
    if (!project)
        return;
    const QString file = QFileDialog::getOpenFileName(
        m_window, codebook ? tr("Import REFI-QDA Codebook") : tr("Import REFI-QDA Project"), lastFolder(),
        codebook ? tr("REFI-QDA codebooks (*.qdc)") : tr("REFI-QDA projects (*.qdpx)"));
    if (file.isEmpty())
        return;
    rememberFolder(file);
    QProgressDialog progress(tr("Reading %1…").arg(QFileInfo(file).fileName()), QString(), 0, 0, m_window);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.show();
    QApplication::processEvents();
    QString error;
    refi::ImportOptions options;
    options.fallbackCoder = project->coderName();
    const auto plan = refi::planImport(*project, file, options, &error);
    progress.close();
    if (!plan) {
        QMessageBox::warning(m_window, tr("Import REFI-QDA"),
                             tr("%1 was not imported; nothing was changed.\n\n%2").arg(QFileInfo(file).fileName(), error));
        return;
    }
    // The pre-flight report: what will come in, before anything is written.
    QMessageBox ask(QMessageBox::Question, tr("Import REFI-QDA"),
                    plan->changesNothing()
                        ? tr("Everything in %1 is already in the project.").arg(QFileInfo(file).fileName())
                        : tr("Import %1 new articles, %2 new codes and %3 codings from %4?")
                              .arg(plan->added.sources)
                              .arg(plan->added.codes)
                              .arg(plan->added.selections)
                              .arg(QFileInfo(file).fileName()),
                    plan->changesNothing() ? QMessageBox::Ok : QMessageBox::Yes | QMessageBox::Cancel, m_window);
    ask.setInformativeText(plan->skipped.isEmpty() ? tr("Nothing is skipped.")
                                                   : tr("%n item(s) will be skipped (see details).", nullptr,
                                                        int(plan->skipped.size())));
    ask.setDetailedText(refi::importReportText(*plan));
    if (ask.exec() != QMessageBox::Yes)
        return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = refi::applyImport(*project, *plan, &error);
    QApplication::restoreOverrideCursor();
    if (!ok)
        QMessageBox::warning(m_window, tr("Import REFI-QDA"), tr("The import failed; nothing was changed.\n\n%1").arg(error));
}

void RefiMenus::exportFile(bool codebook)
{
    Project *project = m_project();
    if (!project)
        return;
    const QString suffix = codebook ? QStringLiteral(".qdc") : QStringLiteral(".qdpx");
    const QString suggested = lastFolder() + u'/' + QFileInfo(project->path()).completeBaseName() + suffix;
    QString file = QFileDialog::getSaveFileName(
        m_window, codebook ? tr("Export REFI-QDA Codebook") : tr("Export REFI-QDA Project"), suggested,
        codebook ? tr("REFI-QDA codebooks (*.qdc)") : tr("REFI-QDA projects (*.qdpx)"));
    if (file.isEmpty())
        return;
    if (!file.endsWith(suffix, Qt::CaseInsensitive))
        file += suffix;
    rememberFolder(file);
    QString error;
    std::optional<refi::RefiCounts> counts;
    if (codebook) {
        counts = refi::exportCodebook(*project, file, &error);
    } else {
        QProgressDialog progress(tr("Exporting articles…"), tr("Cancel"), 0, 100, m_window);
        progress.setWindowModality(Qt::WindowModal);
        progress.setMinimumDuration(300);
        refi::ExportOptions options;
        options.progress = [&progress](int done, int total) {
            progress.setMaximum(qMax(total, 1));
            progress.setValue(done);
            QApplication::processEvents();
            return !progress.wasCanceled();
        };
        counts = refi::exportProject(*project, file, options, &error);
    }
    if (!counts) {
        QMessageBox::warning(m_window, tr("Export REFI-QDA"), error);
        return;
    }
    QMessageBox::information(
        m_window, tr("Export REFI-QDA"),
        codebook ? tr("Wrote %1 with %2 codes.").arg(QFileInfo(file).fileName()).arg(counts->codes)
                 : tr("Wrote %1: %2 articles, %3 codes, %4 codings by %5 coders, %6 memos, %7 cases.\n\n"
                      "Field values, links, units and keys have no place in REFI-QDA; field values travel in each "
                      "selection's description.")
                       .arg(QFileInfo(file).fileName())
                       .arg(counts->sources)
                       .arg(counts->codes)
                       .arg(counts->selections)
                       .arg(counts->users)
                       .arg(counts->notes)
                       .arg(counts->cases));
}

} // namespace newscoder
