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
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace newscoder {

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
    m_merge->setEnabled(project != nullptr && !project->isReadOnly());
}

QString CoderFileActions::exportPackage(const QString &coder, const QString &path)
{
    Project *project = m_project();
    if (!project)
        return tr("No project is open.");
    return study::writeCoderPackage(project->store(), coder, path).error;
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
        try {
            auto source = ProjectStore::open(path, ProjectStore::Access::ReadOnly);
            const study::MergeUnits master = study::readMergeUnits(project->store());
            study::MergePlan merge = study::planMerge(project->store(), master, *source);
            if (!merge.plan.error.isEmpty()) {
                *error = merge.plan.error;
                return reports;
            }
            if (!project->commitStudyChange(merge.plan.text, std::move(merge.plan.redo), std::move(merge.plan.undo))) {
                *error = project->lastError();
                return reports;
            }
            reports.append(merge.report);
        } catch (const StoreError &e) {
            *error = tr("%1: %2").arg(QFileInfo(path).fileName(), e.message());
            return reports;
        }
    }
    return reports;
}

QString CoderFileActions::summary(const study::MergeReport &r)
{
    // Only what happened, most important first: "2 annotations added, 1 updated; 1 conflict".
    QStringList parts;
    const auto add = [&parts](int n, const QString &what) {
        if (n > 0)
            parts << what.arg(n);
    };
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
    for (const Coder &c : project->store().coders()) {
        if (c.role == CoderRole::Coder && !project->store().assignments(c.id).isEmpty())
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
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QList<study::MergeReport> reports = mergeFiles(paths, &error);
    QApplication::restoreOverrideCursor();
    showReports(reports, error);
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
