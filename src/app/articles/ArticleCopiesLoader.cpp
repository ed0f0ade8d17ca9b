#include "articles/ArticleCopiesLoader.h"

#include "project/Project.h"
#include "storage/ProjectReader.h"
#include "storage/StoreError.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace newscoder {

namespace {

std::function<void()> g_workerHook;

struct Result
{
    int generation = 0;
    dedup::ArticleCopyMap copies;
    QString error;
};

} // namespace

ArticleCopiesLoader::ArticleCopiesLoader(Project &project, QObject *parent)
    : QObject(parent), m_project(project), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(800);
    connect(m_timer, &QTimer::timeout, this, &ArticleCopiesLoader::start);
    connect(&project, &Project::documentsInserted, this, &ArticleCopiesLoader::schedule);
    connect(&project, &Project::documentsRemoved, this, &ArticleCopiesLoader::schedule);
    connect(&project, &Project::documentTextChanged, this, &ArticleCopiesLoader::schedule);
    connect(&project, &Project::documentChanged, this, &ArticleCopiesLoader::schedule); // title, outlet, date, links
    start();
}

void ArticleCopiesLoader::setWorkerHook(std::function<void()> hook)
{
    g_workerHook = std::move(hook);
}

void ArticleCopiesLoader::schedule()
{
    m_timer->start();
}

void ArticleCopiesLoader::start()
{
    m_timer->stop();
    const int generation = ++m_generation;
    const ReaderSource source = m_project.reader().readerSource();
    if (source.isNull()) {
        m_running = false;
        m_copies.clear();
        Q_EMIT finished();
        return;
    }
    m_running = true;
    auto *watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcher<Result>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Result result = watcher->result();
        if (result.generation != m_generation)
            return; // a newer run is on its way
        m_running = false;
        if (!result.error.isEmpty())
            Q_EMIT m_project.errorOccurred(result.error);
        else
            m_copies = result.copies;
        Q_EMIT finished();
    });
    watcher->setFuture(QtConcurrent::run([source, generation, hook = g_workerHook] {
        Result result;
        result.generation = generation;
        if (hook)
            hook();
        try {
            // A store belongs to the thread that opened it: the worker has its own.
            const auto store = source.open();
            result.copies = dedup::findArticleCopies(*store);
        } catch (const StoreError &e) {
            result.error = e.message();
        }
        return result;
    }));
}

} // namespace newscoder
