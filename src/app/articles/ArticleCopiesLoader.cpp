#include "articles/ArticleCopiesLoader.h"

#include "common/BackgroundTask.h"
#include "project/Project.h"
#include "storage/ProjectReader.h"
#include "storage/StoreError.h"

#include <QPointer>
#include <QTimer>

namespace newscoder {

namespace {

std::function<void()> g_workerHook;

} // namespace

ArticleCopiesLoader::ArticleCopiesLoader(Project &project, QObject *parent)
    : QObject(parent), m_project(project), m_timer(new QTimer(this)), m_task(new BackgroundTask(this))
{
    connect(m_task, &BackgroundTask::failed, this, [this](const QString &error) {
        m_running = false;
        Q_EMIT m_project.errorOccurred(error);
        Q_EMIT finished();
    });
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
    m_task->abandon(); // a newer run wins; the older one's result goes nowhere
    const ReaderSource source = m_project.reader().readerSource();
    if (source.isNull()) {
        m_running = false;
        m_copies.clear();
        Q_EMIT finished();
        return;
    }
    m_running = true;
    m_task->start(
        [source, hook = g_workerHook](Progress &) {
            if (hook)
                hook();
            // A store belongs to the thread that opened it: the worker has its own.
            const auto store = source.open();
            return dedup::findArticleCopies(*store);
        },
        [this](const dedup::ArticleCopyMap &copies) {
            m_running = false;
            m_copies = copies;
            Q_EMIT finished();
        });
}

} // namespace newscoder
