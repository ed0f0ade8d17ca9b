// Suggest Quotes off the UI thread: the engine reads the articles through
// its own read-only connection to the project file (a store belongs to the
// thread that opened it) and plans the suggestions; the window commits the
// plan as one undo step when the worker is done. Progress and Cancel through
// a modal progress dialog.
#pragma once

#include "project/Project.h"
#include "quotes/QuoteSuggestions.h"

#include <QObject>
#include <QPointer>
#include <QProgressDialog>


class QWidget;

namespace newscoder {

class BackgroundTask;

class QuoteSuggestionJob final : public QObject
{
    Q_OBJECT

public:
    // Starts at once on `documentIds` (empty: every article).
    QuoteSuggestionJob(Project &project, const QList<QUuid> &documentIds, QWidget *dialogParent);
    ~QuoteSuggestionJob() override;

    void cancel();
    bool isRunning() const;
    QProgressDialog *progressDialog() const { return m_progress; }

Q_SIGNALS:
    // The run as committed (error set when planning or writing failed;
    // cancelled: nothing was written). The job deletes itself afterwards.
    void finished(const newscoder::QuoteSuggestionRun &run);

private:
    void onFinished(QuoteSuggestionRun run);

    QPointer<Project> m_project; // null once the project closed: nothing is written
    BackgroundTask *m_task;
    bool m_cancelled = false;
    QPointer<QProgressDialog> m_progress;
};

} // namespace newscoder
