#include "articles/ImportController.h"
#include "articles/ImportDialog.h"
#include "common/BackgroundTask.h"
#include "common/Prompt.h"

#include "project/Project.h"

#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QSettings>


namespace newscoder {

namespace {

const QString LastImportDirKey = QStringLiteral("import/lastDirectory");

} // namespace

ImportController::ImportController(QWidget *window)
    : QObject(window), m_window(window), m_task(new BackgroundTask(this))
{
    // The report says when it was cancelled and what was read until then.
    m_task->setDeliversWhenCancelled(true);
}

void ImportController::chooseAndImport(Project &project, bool folder)
{
    QSettings settings;
    const QString start = settings.value(LastImportDirKey, QDir::homePath()).toString();
    QStringList paths;
    if (folder) {
        const QString dir =
            Prompt::current().chooseFile(m_window, Prompt::FileMode::Folder, tr("Import a Folder of Articles"), start);
        if (!dir.isEmpty())
            paths << dir;
    } else {
        paths = Prompt::current().chooseFiles(m_window, Prompt::FileMode::OpenMany, tr("Import Articles"), start,
                                              tr("Articles (*.txt *.text *.md *.html *.htm *.xhtml *.shtml *.docx *.odt *.pdf *.rtf "
                                                 "*.csv *.tsv *.tab *.jsonl *.ndjson *.xlsx);;"
                                                 "Plain-text articles (*.txt *.text *.md);;"
                                                 "Saved web pages (*.html *.htm *.xhtml *.shtml);;"
                                                 "Word, OpenDocument and RTF texts (*.docx *.odt *.rtf);;"
                                                 "PDF documents (*.pdf);;"
                                                 "Tables of articles (*.csv *.tsv *.tab *.jsonl *.ndjson *.xlsx);;"
                                                 "All files (*)"));
    }
    if (paths.isEmpty())
        return;
    settings.setValue(LastImportDirKey, QFileInfo(paths.first()).absolutePath());
    if (m_interactive)
        reviewAndImport(project, paths);
    else
        importPaths(project, paths);
}

ImportDialog *ImportController::reviewAndImport(Project &project, const QStringList &paths)
{
    auto *dialog = new ImportDialog(project, paths, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &ImportDialog::imported, this, [this](const QList<QUuid> &ids) {
        Q_EMIT statusMessage(tr("Imported %n article(s).", nullptr, int(ids.size())));
        Q_EMIT finished(ids);
    });
    connect(dialog, &QDialog::rejected, this,
            [this] { Q_EMIT statusMessage(tr("Import cancelled — nothing was added.")); });
    dialog->open();
    return dialog;
}

void ImportController::importPaths(Project &project, const QStringList &paths)
{
    if (m_running)
        return;
    m_running = true;
    auto *dialog = new QProgressDialog(tr("Reading articles…"), tr("Cancel"), 0, 0, m_window);
    dialog->setWindowTitle(tr("Import"));
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setMinimumDuration(m_progressDelayMs);
    if (m_progressDelayMs <= 0)
        dialog->show();
    dialog->setAutoClose(false);
    dialog->setAutoReset(false);
    connect(dialog, &QProgressDialog::canceled, m_task, &BackgroundTask::cancel);
    connect(m_task, &BackgroundTask::progressed, dialog, [dialog](qint64 done, qint64 total) {
        if (total > 0 && dialog->maximum() != total)
            dialog->setMaximum(int(total));
        dialog->setValue(int(done));
        dialog->setLabelText(tr("Reading article %1 of %2…").arg(done).arg(total));
    });

    QPointer<Project> target(&project);
    m_task->start(
        [paths](Progress &progress) { return readArticles(paths, progress.reporter(), progress.cancelFlag()); },
        [this, dialog, target](ImportReport report) {
            // Close the (window-modal) progress dialog before anything else can
            // open: a report shown while it is still up would block it and be
            // blocked by it (deleteLater would only run after the report closed).
            delete dialog;
            complete(target.data(), std::move(report));
        });
}

void ImportController::complete(Project *project, ImportReport report)
{
    m_running = false;
    m_report = std::move(report);
    QList<QUuid> ids;
    if (m_report.cancelled) {
        Q_EMIT statusMessage(tr("Import cancelled — nothing was added."));
    } else if (project && !m_report.documents.isEmpty()) {
        ids = project->importDocuments(m_report.documents);
        if (ids.isEmpty())
            Q_EMIT statusMessage(tr("Import failed — nothing was added."));
        else
            Q_EMIT statusMessage(tr("Imported %n article(s).", nullptr, int(ids.size())));
    }
    if (m_interactive && !m_report.cancelled && (!m_report.skipped.isEmpty() || !m_report.warnings.isEmpty()
                                                 || m_report.documents.isEmpty()))
        showReport(ids);
    Q_EMIT finished(ids);
}

void ImportController::showReport(const QList<QUuid> &ids)
{
    QString details;
    for (const auto &[path, reason] : std::as_const(m_report.skipped))
        details += tr("Skipped %1: %2\n").arg(QDir::toNativeSeparators(path), reason);
    for (const auto &[path, note] : std::as_const(m_report.warnings))
        details += tr("Note on %1: %2\n").arg(QDir::toNativeSeparators(path), note);
    // Window-modal and opened without a nested event loop: the import is
    // complete (and `finished` emitted) while the researcher reads the report.
    auto *box = new QMessageBox(ids.isEmpty() ? QMessageBox::Warning : QMessageBox::Information, tr("Import Report"),
                                tr("%n article(s) imported.", nullptr, int(ids.size())) + u' '
                                    + tr("%n file(s) skipped.", nullptr, int(m_report.skipped.size())),
                                QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("importReport"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->setDetailedText(details);
    box->open();
}

} // namespace newscoder
