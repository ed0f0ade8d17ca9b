// File ▸ Export Coder Package… and File ▸ Merge Coder Files…: the window side
// of study/CoderPackage.h and study/MergePlan.h. The dialogs only ask for a
// coder and files; exportPackage() and mergeFiles() do the work and are what
// the tests drive.
#pragma once

#include "study/MergePlan.h"

#include <QObject>

#include <functional>

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

    void updateActions();

    // Writes `coder`'s package to `path`; "" on success, else the reason.
    QString exportPackage(const QString &coder, const QString &path);
    // Merges each file as one undoable step, in order; stops at the first
    // file that cannot be merged (its reason in `error`; nothing of it written).
    QList<study::MergeReport> mergeFiles(const QStringList &paths, QString *error);

    QAction *packageAction() const { return m_package; }
    QAction *mergeAction() const { return m_merge; }

    // The report dialog's text for one merge (also shown in the dialog's tree).
    static QString summary(const study::MergeReport &report);

    // The merge report dialog (non-modal, deletes itself on close).
    QDialog *showReports(const QList<study::MergeReport> &reports, const QString &error);

private:
    void askAndExport();
    void askAndMerge();

    QWidget *m_window;
    std::function<Project *()> m_project;
    QAction *m_package = nullptr;
    QAction *m_merge = nullptr;
};

} // namespace newscoder
