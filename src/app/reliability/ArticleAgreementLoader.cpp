#include "reliability/ArticleAgreementLoader.h"

#include "common/BackgroundTask.h"
#include "models/DocumentListModel.h"
#include "project/Project.h"
#include "storage/ProjectReader.h"
#include "storage/StoreError.h"

#include <QTimer>

namespace newscoder {

namespace {

std::function<void()> g_workerHook;

} // namespace

ArticleAgreementLoader::ArticleAgreementLoader(DocumentListModel *model, QObject *parent)
    : QObject(parent), m_model(model), m_timer(new QTimer(this)), m_task(new BackgroundTask(this))
{
    connect(m_task, &BackgroundTask::failed, this, [this](const QString &error) {
        m_running = false;
        Q_EMIT m_model->project().errorOccurred(error);
        Q_EMIT finished();
    });
    m_timer->setSingleShot(true);
    m_timer->setInterval(400);
    connect(m_timer, &QTimer::timeout, this, &ArticleAgreementLoader::start);
    Project &project = model->project();
    const auto touched = [this](const QList<Annotation> &list) {
        QList<QUuid> ids;
        for (const Annotation &a : list)
            ids.append(a.documentId);
        scheduleArticles(ids);
    };
    connect(&project, &Project::annotationsInserted, this, touched);
    connect(&project, &Project::annotationsRemoved, this, touched);
    connect(&project, &Project::annotationChanged, this,
            [this](const Annotation &before, const Annotation &after) {
                scheduleArticles({before.documentId, after.documentId});
            });
    connect(&project, &Project::studyChanged, this, &ArticleAgreementLoader::schedule);
    connect(&project, &Project::coderNameChanged, this, &ArticleAgreementLoader::schedule);
    connect(&project, &Project::codesChanged, this, &ArticleAgreementLoader::schedule);
    connect(&project, &Project::documentsRemoved, this, &ArticleAgreementLoader::schedule);
    start();
}

// The task dies with us: the worker is cancelled and its result goes nowhere.
ArticleAgreementLoader::~ArticleAgreementLoader() = default;

void ArticleAgreementLoader::setWorkerHook(std::function<void()> hook)
{
    g_workerHook = std::move(hook);
}

void ArticleAgreementLoader::schedule()
{
    m_full = true;
    m_touched.clear();
    m_timer->start();
}

void ArticleAgreementLoader::scheduleArticles(const QList<QUuid> &documentIds)
{
    if (!m_full) {
        for (const QUuid &id : documentIds)
            m_touched.insert(id);
        if (m_touched.size() > 500) { // a big batch: everything at once is cheaper
            m_full = true;
            m_touched.clear();
        }
    }
    m_timer->start();
}

void ArticleAgreementLoader::start()
{
    m_timer->stop();
    m_task->abandon(); // a newer run wins; the older one's result goes nowhere
    if (m_model->agreementHidden() || m_model->project().path().isEmpty()) {
        m_running = false;
        m_full = true; // shown again: every article
        m_touched.clear();
        m_model->setAgreements({});
        Q_EMIT finished();
        return;
    }
    if (m_running) { // the cancelled run's articles are still to be computed
        if (m_runningOnly.isEmpty()) {
            m_full = true;
            m_touched.clear();
        } else if (!m_full) {
            for (const QUuid &id : std::as_const(m_runningOnly))
                m_touched.insert(id);
        }
    }
    const QList<QUuid> only = m_full ? QList<QUuid>() : m_touched.values();
    if (!m_full && only.isEmpty()) {
        Q_EMIT finished();
        return;
    }
    m_full = false; // from now on, coding recomputes what it touched
    m_touched.clear();
    const ReaderSource source = m_model->project().reader().readerSource();
    m_running = true;
    m_runningOnly = only;
    m_task->start(
        [source, only, hook = g_workerHook](Progress &progress) {
            if (hook)
                hook();
            // A store belongs to the thread that opened it: the worker has its own.
            const auto store = source.open();
            return study::articleAgreements(*store, progress.cancelFlag(), only);
        },
        [this, only](const QHash<QUuid, study::ArticleAgreement> &agreements) {
            m_running = false;
            if (m_model->agreementHidden())
                m_model->setAgreements({});
            else if (only.isEmpty())
                m_model->setAgreements(agreements);
            else
                m_model->updateAgreements(only, agreements);
            Q_EMIT finished();
        });
}

} // namespace newscoder
