#pragma once

#include <QObject>
#include <QSet>
#include <QUuid>

#include <functional>
#include <memory>

class QTimer;

namespace newscoder {

class BackgroundTask;
class DocumentListModel;

// Fills the article list's Agreement column (study/ArticleAgreement.h) off the
// UI thread: a worker with its own read-only connection computes every
// article's agreement, and the result is handed to the model when ready.
// Coding recomputes the articles it touched, study changes every article,
// coalesced; a newer run wins (an older one is cancelled). Nothing is computed while blind coding hides
// other coders.
class ArticleAgreementLoader final : public QObject
{
    Q_OBJECT

public:
    explicit ArticleAgreementLoader(DocumentListModel *model, QObject *parent = nullptr);
    ~ArticleAgreementLoader() override;

    // Computes every article again after a short pause (changes come in batches).
    void schedule();
    // Computes these articles again after a short pause (coding touched them).
    void scheduleArticles(const QList<QUuid> &documentIds);
    // Starts a computation now (of every article, or of the touched ones only).
    void start();
    bool isRunning() const { return m_running; }

    // Tests: called on the worker thread before it computes.
    static void setWorkerHook(std::function<void()> hook);

Q_SIGNALS:
    void finished();

private:
    DocumentListModel *m_model;
    QTimer *m_timer;
    bool m_running = false;
    bool m_full = true;       // every article next time (else m_touched only)
    QSet<QUuid> m_touched;
    QList<QUuid> m_runningOnly; // what the running computation covers (empty: every article)
    BackgroundTask *m_task;
};

} // namespace newscoder
