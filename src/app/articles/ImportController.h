#pragma once

#include "io/ArticleImport.h"

#include <QObject>
#include <QPointer>
#include <QUuid>

class QWidget;

namespace newscoder {

class BackgroundTask;
class ImportDialog;
class Project;

// Imports articles off the UI thread: files are read and parsed on a worker
// with a cancellable progress dialog; then everything is added in one
// undoable step (all or nothing). Skipped files are listed in a report.
class ImportController final : public QObject
{
    Q_OBJECT

public:
    explicit ImportController(QWidget *window);

    // Asks for files (or a folder) and imports them: through the import dialog
    // (review first) when interactive, else at once.
    void chooseAndImport(Project &project, bool folder);
    // Opens the import dialog (window-modal, deletes itself) on `paths`.
    ImportDialog *reviewAndImport(Project &project, const QStringList &paths);
    void importPaths(Project &project, const QStringList &paths);
    bool isRunning() const { return m_running; }
    const ImportReport &lastReport() const { return m_report; }
    // Show the skipped-files report in a dialog (off in tests).
    void setInteractive(bool interactive) { m_interactive = interactive; }
    // How long an import runs before its progress dialog shows (0: at once).
    void setProgressDelay(int milliseconds) { m_progressDelayMs = milliseconds; }

Q_SIGNALS:
    void finished(const QList<QUuid> &importedIds);
    void statusMessage(const QString &message);

private:
    void complete(Project *project, ImportReport report);
    void showReport(const QList<QUuid> &ids);

    QWidget *m_window;
    BackgroundTask *m_task;
    ImportReport m_report;
    bool m_running = false;
    bool m_interactive = true;
    int m_progressDelayMs = 300;
};

} // namespace newscoder
