#include "reliability/ArticleAgreementLoader.h"

#include "models/DocumentListModel.h"
#include "project/Project.h"
#include "storage/ProjectReader.h"
#include "storage/StoreError.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace newscoder {

namespace {

std::function<void()> g_workerHook;

struct Result
{
    int generation = 0;
    QHash<QUuid, study::ArticleAgreement> agreements;
    QList<QUuid> only; // computed for these articles alone (empty: all)
    QString error;
};

} // namespace

ArticleAgreementLoader::ArticleAgreementLoader(DocumentListModel *model, QObject *parent)
    : QObject(parent), m_model(model), m_timer(new QTimer(this))
{
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

ArticleAgreementLoader::~ArticleAgreementLoader()
{
    if (m_cancel)
        m_cancel->store(true); // the worker's result goes nowhere (its watcher dies with us)
}

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
    if (m_cancel)
        m_cancel->store(true);
    const int generation = ++m_generation;
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
    m_cancel = std::make_shared<std::atomic_bool>(false);
    auto cancel = m_cancel;
    const ReaderSource source = m_model->project().reader().readerSource();
    m_running = true;
    m_runningOnly = only;
    auto *watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcher<Result>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Result result = watcher->result();
        if (result.generation != m_generation)
            return; // a newer run is on its way
        m_running = false;
        if (!result.error.isEmpty())
            Q_EMIT m_model->project().errorOccurred(result.error);
        else if (m_model->agreementHidden())
            m_model->setAgreements({});
        else if (result.only.isEmpty())
            m_model->setAgreements(result.agreements);
        else
            m_model->updateAgreements(result.only, result.agreements);
        Q_EMIT finished();
    });
    watcher->setFuture(QtConcurrent::run([source, generation, cancel, only, hook = g_workerHook] {
        Result result;
        result.generation = generation;
        result.only = only;
        if (hook)
            hook();
        try {
            // A store belongs to the thread that opened it: the worker has its own.
            const auto store = source.open();
            result.agreements = study::articleAgreements(*store, cancel.get(), only);
        } catch (const StoreError &e) {
            result.error = e.message();
        }
        return result;
    }));
}

} // namespace newscoder
