#include "coding/QuoteSuggestionJob.h"

#include "project/Project.h"
#include "storage/StoreError.h"

#include <QProgressDialog>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace newscoder {

QuoteSuggestionJob::QuoteSuggestionJob(Project &project, const QList<QUuid> &documentIds, QWidget *dialogParent)
    : QObject(nullptr), m_project(&project), m_shared(std::make_shared<Shared>())
{
    m_progress = new QProgressDialog(tr("Suggesting quotes…"), tr("Cancel"), 0, 0, dialogParent);
    m_progress->setObjectName(QStringLiteral("quoteSuggestionProgress"));
    m_progress->setWindowTitle(tr("Suggest Quotes"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(300);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, this, &QuoteSuggestionJob::cancel);
    auto *poll = new QTimer(m_progress);
    poll->setInterval(120);
    connect(poll, &QTimer::timeout, m_progress, [progress = m_progress, shared = m_shared] {
        const int total = shared->total.load();
        if (total > 0) {
            progress->setMaximum(total);
            progress->setValue(shared->done.load());
            progress->setLabelText(tr("Suggesting quotes… %L1 of %L2 articles").arg(shared->done.load()).arg(total));
        }
    });
    poll->start();
    m_progress->setValue(0);

    connect(&m_watcher, &QFutureWatcher<QuoteSuggestionRun>::finished, this, &QuoteSuggestionJob::onFinished);
    const ReaderSource source = project.reader().readerSource();
    const QuoteMapping mapping = quoteMapping(project);
    const QList<Code> codes = project.codes();
    const QList<Actor> actors = project.actors();
    const QString coder = project.coderName();
    auto shared = m_shared;
    m_watcher.setFuture(QtConcurrent::run([source, mapping, codes, actors, coder, documentIds, shared] {
        QuoteSuggestionRun run;
        try {
            const auto store = source.open();
            run = planQuoteSuggestions(*store, mapping, codes, actors, coder, documentIds,
                                       [shared](int done, int total) {
                                           shared->done = done;
                                           shared->total = total;
                                           return !shared->cancel.load();
                                       });
        } catch (const StoreError &e) {
            run.error = e.message();
        }
        return run;
    }));
}

QuoteSuggestionJob::~QuoteSuggestionJob()
{
    if (m_watcher.isRunning()) {
        m_shared->cancel = true;
        m_watcher.waitForFinished(); // the worker holds no reference to this object, only to `shared`
    }
    if (m_progress)
        m_progress->deleteLater();
}

void QuoteSuggestionJob::cancel()
{
    m_shared->cancel = true;
}

bool QuoteSuggestionJob::isRunning() const
{
    return m_watcher.isRunning();
}

void QuoteSuggestionJob::onFinished()
{
    QuoteSuggestionRun run = m_watcher.result();
    if (m_progress) {
        m_progress->disconnect(this); // closing it says "canceled"
        m_progress->close();
        m_progress->deleteLater();
    }
    if (m_shared->cancel.load())
        run.cancelled = true;
    if (!m_project)
        run.cancelled = true; // the project closed meanwhile
    if (run.error.isEmpty() && !run.cancelled && !commitQuoteSuggestions(*m_project, run))
        run.error = m_project->lastError();
    Q_EMIT finished(run);
    deleteLater();
}

} // namespace newscoder
