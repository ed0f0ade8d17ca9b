#pragma once

#include "dedup/ArticleCopies.h"

#include <QObject>

#include <functional>

class QTimer;

namespace newscoder {

class BackgroundTask;
class Project;

// Finds every article's copies (dedup/ArticleCopies.h) off the UI thread: a
// worker with its own read-only connection fingerprints the whole project and
// hands the result back when ready. Imports, removals and text edits start it
// again after a short pause (coalesced); a newer run wins.
class ArticleCopiesLoader final : public QObject
{
    Q_OBJECT

public:
    explicit ArticleCopiesLoader(Project &project, QObject *parent = nullptr);

    void schedule();
    void start();
    bool isRunning() const { return m_running; }
    const dedup::ArticleCopyMap &copies() const { return m_copies; }

    // Tests: called on the worker thread before it computes.
    static void setWorkerHook(std::function<void()> hook);

Q_SIGNALS:
    void finished();

private:
    Project &m_project;
    QTimer *m_timer;
    BackgroundTask *m_task;
    bool m_running = false;
    dedup::ArticleCopyMap m_copies;
};

} // namespace newscoder
