#include "review/CoderFileActions.h"

#include "project/Project.h"
#include "storage/StoreError.h"
#include "study/CoderPackage.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QPointer>
#include <QProgressDialog>
#include <QTimer>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

namespace newscoder {

// One startMerge(): the files left, what was merged, and the progress the
// worker writes and the dialog reads.
struct CoderFileActions::MergeRun
{
    struct Shared
    {
        std::atomic<qint64> done{0};
        std::atomic<qint64> total{0};
        std::atomic_bool cancel{false};
    };
    QStringList paths;
    qsizetype next = 0;
    study::MergeOptions options;
    QList<study::MergeReport> reports;
    QString error;
    bool cancelled = false;
    QPointer<Project> project;
    int undoIndex = -1; // the project's undo stack when the plan started: changed → plan again
    int undoCount = -1;
    std::shared_ptr<Shared> shared = std::make_shared<Shared>();
    QPointer<QProgressDialog> dialog;
    QPointer<QFutureWatcher<study::MergePlan>> watcher;
};

CoderFileActions::~CoderFileActions()
{
    if (m_run) {
        m_run->shared->cancel = true; // the worker holds its own copies; it stops and nothing is written
        if (m_run->watcher)
            m_run->watcher->disconnect(this);
    }
}

CoderFileActions::CoderFileActions(QWidget *window, QMenu *fileMenu, std::function<Project *()> project)
    : QObject(window), m_window(window), m_project(std::move(project))
{
    m_package = new QAction(tr("Export Coder &Package…"), this);
    m_package->setObjectName(QStringLiteral("actionExportCoderPackage"));
    m_package->setStatusTip(tr("A project file for one coder: the codebook and their assigned articles, no one "
                               "else's coding"));
    m_merge = new QAction(tr("&Merge Coder Files…"), this);
    m_merge->setObjectName(QStringLiteral("actionMergeCoderFiles"));
    m_merge->setStatusTip(tr("Bring coder packages or projects of the same study back into this project, by ids"));
    connect(m_package, &QAction::triggered, this, &CoderFileActions::askAndExport);
    connect(m_merge, &QAction::triggered, this, &CoderFileActions::askAndMerge);
    if (fileMenu) {
        // Before the first separator after the export entries: File ▸ … Export, packages, merge.
        QAction *before = nullptr;
        const QList<QAction *> actions = fileMenu->actions();
        for (qsizetype i = actions.size() - 1; i >= 0; --i) {
            if (actions[i]->isSeparator()) {
                before = actions[i];
                break;
            }
        }
        fileMenu->insertActions(before, {m_package, m_merge});
        connect(fileMenu, &QMenu::aboutToShow, this, &CoderFileActions::updateActions);
    }
    updateActions();
}

void CoderFileActions::updateActions()
{
    Project *project = m_project();
    m_package->setEnabled(project != nullptr);
    m_merge->setEnabled(project != nullptr && !project->isReadOnly() && !m_run);
}

QString CoderFileActions::exportPackage(const QString &coder, const QString &path)
{
    Project *project = m_project();
    if (!project)
        return tr("No project is open.");
    return study::writeCoderPackage(project->reader(), coder, path).error;
}

QList<study::MergeReport> CoderFileActions::mergeFiles(const QStringList &paths, QString *error)
{
    QList<study::MergeReport> reports;
    Project *project = m_project();
    if (!project) {
        *error = tr("No project is open.");
        return reports;
    }
    for (const QString &path : paths) {
        study::MergePlan merge = study::planMergeFile(project->path(), path);
        if (!merge.plan.error.isEmpty()) {
            *error = merge.plan.error;
            return reports;
        }
        if (!project->commitStudyChange(merge.plan.text, std::move(merge.plan.redo), std::move(merge.plan.undo))) {
            *error = project->lastError();
            return reports;
        }
        reports.append(merge.report);
    }
    return reports;
}

bool CoderFileActions::startMerge(const QStringList &paths, const study::MergeOptions &options)
{
    Project *project = m_project();
    if (m_run || !project || paths.isEmpty())
        return false;
    m_run = std::make_unique<MergeRun>();
    m_run->paths = paths;
    m_run->options = options;
    m_run->project = project;
    auto *dialog = new QProgressDialog(tr("Reading the projects…"), tr("Cancel"), 0, 0, m_window);
    dialog->setObjectName(QStringLiteral("mergeProgress"));
    dialog->setWindowTitle(tr("Merge Coder Files"));
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setMinimumDuration(300);
    dialog->setAutoClose(false);
    dialog->setAutoReset(false);
    connect(dialog, &QProgressDialog::canceled, this, &CoderFileActions::cancelMerge);
    auto *poll = new QTimer(dialog);
    poll->setInterval(100);
    const std::shared_ptr<MergeRun::Shared> shared = m_run->shared;
    connect(poll, &QTimer::timeout, dialog, [this, dialog, shared] {
        if (!m_run || m_run->dialog != dialog)
            return;
        const qint64 total = shared->total;
        const qint64 done = shared->done;
        // QProgressDialog counts in int: scaled to thousandths for huge merges.
        dialog->setMaximum(total > 0 ? 1000 : 0);
        dialog->setValue(total > 0 ? int(done * 1000 / total) : 0);
        dialog->setLabelText(tr("Merging %1 (file %2 of %3): %L4 of %L5 units compared")
                                 .arg(QFileInfo(m_run->paths.value(m_run->next)).fileName())
                                 .arg(m_run->next + 1)
                                 .arg(m_run->paths.size())
                                 .arg(done)
                                 .arg(total));
    });
    poll->start();
    m_run->dialog = dialog;
    m_merge->setEnabled(false);
    planNextFile();
    return true;
}

void CoderFileActions::cancelMerge()
{
    if (m_run)
        m_run->shared->cancel = true; // the plan in progress is dropped, whenever it arrives
}

QWidget *CoderFileActions::mergeProgress() const
{
    return m_run ? m_run->dialog.data() : nullptr;
}

void CoderFileActions::planNextFile()
{
    MergeRun &run = *m_run;
    if (run.shared->cancel) {
        run.cancelled = true;
        finishMerge();
        return;
    }
    if (run.next >= run.paths.size() || !run.project) {
        if (!run.project && run.error.isEmpty())
            run.error = tr("The project was closed.");
        finishMerge();
        return;
    }
    run.undoIndex = run.project->undoStack()->index();
    run.undoCount = run.project->undoStack()->count();
    run.shared->done = 0;
    run.shared->total = 0;
    auto *watcher = new QFutureWatcher<study::MergePlan>(this);
    run.watcher = watcher;
    connect(watcher, &QFutureWatcher<study::MergePlan>::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (!m_run)
            return;
        MergeRun &current = *m_run;
        study::MergePlan merge = watcher->future().takeResult();
        if (current.shared->cancel || merge.cancelled) {
            current.cancelled = true;
            finishMerge();
            return;
        }
        if (!merge.plan.error.isEmpty()) {
            current.error = merge.plan.error;
            finishMerge();
            return;
        }
        if (!current.project) {
            current.error = tr("The project was closed.");
            finishMerge();
            return;
        }
        if (current.project->undoStack()->index() != current.undoIndex || current.project->undoStack()->count() != current.undoCount) {
            planNextFile(); // the project changed while the file was planned: plan it again
            return;
        }
        if (!current.project->commitStudyChange(merge.plan.text, std::move(merge.plan.redo), std::move(merge.plan.undo))) {
            current.error = current.project->lastError();
            finishMerge();
            return;
        }
        current.reports.append(merge.report);
        ++current.next;
        planNextFile();
    });
    const QString master = run.project->path();
    const QString path = run.paths[run.next];
    const study::MergeOptions options = run.options;
    const std::shared_ptr<MergeRun::Shared> shared = run.shared;
    watcher->setFuture(QtConcurrent::run([master, path, options, shared] {
        return study::planMergeFile(master, path, options, [shared](qint64 done, qint64 total) {
            shared->done = done;
            shared->total = total;
            return !shared->cancel.load();
        });
    }));
}

void CoderFileActions::finishMerge()
{
    std::unique_ptr<MergeRun> run = std::move(m_run);
    // Hidden before the report opens (a window-modal dialog left up would block
    // it) and deleted later: this may run inside the dialog's own setValue(),
    // which processes events while a modal dialog shows.
    if (QProgressDialog *dialog = run->dialog.data()) {
        dialog->hide();
        dialog->deleteLater();
    }
    updateActions();
    if (m_showReports) {
        m_showReports = false;
        QString error = run->error;
        if (run->cancelled)
            error = run->reports.isEmpty()
                        ? tr("Cancelled: nothing was merged.")
                        : tr("Cancelled: %1 and the files after it were not merged; the files above were (Edit ▸ "
                             "Undo takes each back).")
                              .arg(QFileInfo(run->paths.value(run->next)).fileName());
        showReports(run->reports, error);
    }
    Q_EMIT mergeFinished(run->reports, run->error, run->cancelled);
}

QString CoderFileActions::summary(const study::MergeReport &r)
{
    // Only what happened, most important first: "2 annotations added, 1 updated; 1 conflict".
    QStringList parts;
    const auto add = [&parts](int n, const QString &what) {
        if (n > 0)
            parts << what.arg(n);
    };
    add(r.added.documents, tr("%1 articles added"));
    add(r.updated.documents, tr("%1 article texts taken"));
    add(r.added.annotations, tr("%1 annotations added"));
    add(r.updated.annotations, tr("%1 updated"));
    add(r.removed.annotations, tr("%1 removed"));
    add(r.added.variables + r.updated.variables + r.removed.variables, tr("%1 article variable sets changed"));
    add(r.added.actors + r.updated.actors, tr("%1 actors added or updated"));
    add(r.added.coders, tr("%1 coders added"));
    if (parts.isEmpty())
        parts << tr("nothing new");
    QString text = parts.join(QStringLiteral(", "));
    if (r.unchanged.annotations > 0)
        text += tr(" (%1 annotations unchanged)").arg(r.unchanged.annotations);
    if (!r.conflicts.isEmpty())
        text += tr("; %1 conflict(s)").arg(r.conflicts.size());
    return text;
}

void CoderFileActions::askAndExport()
{
    Project *project = m_project();
    if (!project)
        return;
    QStringList coders;
    for (const Coder &c : project->reader().coders()) {
        if (c.role == CoderRole::Coder && !project->reader().assignments(c.id).isEmpty())
            coders << c.name;
    }
    if (coders.isEmpty()) {
        QMessageBox::information(m_window, tr("Export Coder Package"),
                                 tr("No coder has assigned articles yet. Assign articles first (newscoder-cli assign, "
                                    "or a reliability sample)."));
        return;
    }
    bool ok = false;
    const QString coder = QInputDialog::getItem(m_window, tr("Export Coder Package"), tr("Package for:"), coders, 0,
                                                false, &ok);
    if (!ok)
        return;
    const QString suggested = QFileInfo(project->path()).absolutePath() + u'/' + coder.toLower().replace(u' ', u'-')
                              + QStringLiteral(".newscoder");
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export Coder Package"), suggested,
                                                      tr("Newscoder projects (*.newscoder)"));
    if (path.isEmpty())
        return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QString error = exportPackage(coder, path);
    QApplication::restoreOverrideCursor();
    if (error.isEmpty())
        QMessageBox::information(m_window, tr("Export Coder Package"),
                                 tr("%1 can code in %2 and send it back for File ▸ Merge Coder Files.")
                                     .arg(coder, QFileInfo(path).fileName()));
    else
        QMessageBox::warning(m_window, tr("Export Coder Package"), error);
}

void CoderFileActions::askAndMerge()
{
    Project *project = m_project();
    if (!project)
        return;
    const QStringList paths = QFileDialog::getOpenFileNames(m_window, tr("Merge Coder Files"),
                                                            QFileInfo(project->path()).absolutePath(),
                                                            tr("Newscoder projects (*.newscoder)"));
    if (paths.isEmpty())
        return;
    m_showReports = startMerge(paths);
}

QDialog *CoderFileActions::showReports(const QList<study::MergeReport> &reports, const QString &error)
{
    auto *dialog = new QDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("mergeReportDialog"));
    dialog->setWindowTitle(tr("Merge Report"));
    auto *layout = new QVBoxLayout(dialog);
    if (!error.isEmpty()) {
        auto *label = new QLabel(tr("Stopped: %1").arg(error), dialog);
        label->setWordWrap(true);
        layout->addWidget(label);
    }
    auto *tree = new QTreeWidget(dialog);
    tree->setObjectName(QStringLiteral("mergeReportTree"));
    tree->setHeaderLabels({tr("File / conflict"), tr("What happened")});
    tree->setAccessibleName(tr("Merge report"));
    for (const study::MergeReport &r : reports) {
        auto *file = new QTreeWidgetItem(tree, {QFileInfo(r.path).fileName(), summary(r)});
        file->setToolTip(1, summary(r));
        for (const study::MergeConflict &c : r.conflicts) {
            auto *item = new QTreeWidgetItem(file, {c.kind, c.detail + u' ' + c.resolution});
            item->setToolTip(1, item->text(1));
        }
        file->setExpanded(true);
    }
    tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    tree->setWordWrap(true);
    layout->addWidget(tree);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->resize(820, 420);
    dialog->show();
    return dialog;
}

} // namespace newscoder
