// File ▸ Export Coder Package… and File ▸ Merge Coder Files…: the window side
// of study/CoderPackage.h and study/MergePlan.h. The dialogs only ask for a
// coder and files; exportPackage(), mergeFiles() and startMerge() do the work
// and are what the tests drive. startMerge() plans each file on a worker
// thread (its own read-only connections to the master and the file) behind a
// progress dialog with Cancel, and commits each plan on the window's project
// as one undoable step.
#pragma once

#include "study/MergePlan.h"

#include <QObject>

#include <functional>
#include <memory>

class QAction;
class QDialog;
class QMenu;
class QWidget;

namespace newscoder {

class Project;

class CoderFileActions final : public QObject
{
    Q_OBJECT

public:
    CoderFileActions(QWidget *window, QMenu *fileMenu, std::function<Project *()> project);
    ~CoderFileActions() override;

    void updateActions();

    // Writes `coder`'s package to `path`; "" on success, else the reason.
    QString exportPackage(const QString &coder, const QString &path);
    // Merges each file as one undoable step, in order; stops at the first
    // file that cannot be merged (its reason in `error`; nothing of it written).
    QList<study::MergeReport> mergeFiles(const QStringList &paths, QString *error);
    // The same off the UI thread: each file planned on a worker while a
    // progress dialog (units done of total, Cancel) shows, then committed
    // here; mergeFinished() when done. Cancel stops before the file being
    // planned is written (files merged before it stay, each one undo step).
    // False when a merge is already running or no project is open.
    bool startMerge(const QStringList &paths, const study::MergeOptions &options = {});
    void cancelMerge();
    bool isMerging() const { return m_run != nullptr; }
    // The progress dialog while a merge runs (for tests), else nullptr.
    QWidget *mergeProgress() const;

    QAction *packageAction() const { return m_package; }
    QAction *mergeAction() const { return m_merge; }

    // The report dialog's text for one merge (also shown in the dialog's tree).
    static QString summary(const study::MergeReport &report);

    // The merge report dialog (non-modal, deletes itself on close).
    QDialog *showReports(const QList<study::MergeReport> &reports, const QString &error);

Q_SIGNALS:
    void mergeFinished(const QList<study::MergeReport> &reports, const QString &error, bool cancelled);

private:
    struct MergeRun;
    void askAndExport();
    void askAndMerge();
    void planNextFile();
    void finishMerge();

    QWidget *m_window;
    std::function<Project *()> m_project;
    QAction *m_package = nullptr;
    QAction *m_merge = nullptr;
    std::unique_ptr<MergeRun> m_run;
    bool m_showReports = false; // askAndMerge shows the report when the run ends
};

} // namespace newscoder
