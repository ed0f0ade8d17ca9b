#include "coding/QuoteSuggestionJob.h"

#include "common/BackgroundTask.h"
#include "project/Project.h"
#include "storage/StoreError.h"

#include <QProgressDialog>

namespace newscoder {

QuoteSuggestionJob::QuoteSuggestionJob(Project &project, const QList<QUuid> &documentIds, QWidget *dialogParent)
    : QObject(nullptr), m_project(&project), m_task(new BackgroundTask(this))
{
    m_progress = new QProgressDialog(tr("Suggesting quotes…"), tr("Cancel"), 0, 0, dialogParent);
    m_progress->setObjectName(QStringLiteral("quoteSuggestionProgress"));
    m_progress->setWindowTitle(tr("Suggest Quotes"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(300);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, this, &QuoteSuggestionJob::cancel);
    m_task->setProgressInterval(120);
    m_task->setDeliversWhenCancelled(true); // finished() says it was cancelled
    connect(m_task, &BackgroundTask::progressed, m_progress, [progress = m_progress](qint64 done, qint64 total) {
        if (total > 0) {
            progress->setMaximum(int(total));
            progress->setValue(int(done));
            progress->setLabelText(tr("Suggesting quotes… %L1 of %L2 articles").arg(done).arg(total));
        }
    });
    m_progress->setValue(0);

    const ReaderSource source = project.reader().readerSource();
    const QuoteMapping mapping = quoteMapping(project);
    const QList<Code> codes = project.codes();
    const QList<Actor> actors = project.actors();
    const QString coder = project.coderName();
    m_task->start(
        [source, mapping, codes, actors, coder, documentIds](Progress &progress) {
            QuoteSuggestionRun run;
            try {
                const auto store = source.open();
                run = planQuoteSuggestions(*store, mapping, codes, actors, coder, documentIds,
                                           progress.reporterUntilCancelled());
            } catch (const StoreError &e) {
                run.error = e.message();
            }
            return run;
        },
        [this](QuoteSuggestionRun run) { onFinished(std::move(run)); });
}

QuoteSuggestionJob::~QuoteSuggestionJob()
{
    if (m_task->isRunning()) {
        m_task->cancel();
        m_task->waitForFinished(); // the worker holds no reference to this object, only its own copies
    }
    if (m_progress)
        m_progress->deleteLater();
}

void QuoteSuggestionJob::cancel()
{
    m_cancelled = true;
    m_task->cancel();
}

bool QuoteSuggestionJob::isRunning() const
{
    return m_task->isRunning();
}

void QuoteSuggestionJob::onFinished(QuoteSuggestionRun run)
{
    if (m_progress) {
        m_progress->disconnect(this); // closing it says "canceled"
        m_progress->close();
        m_progress->deleteLater();
    }
    if (m_cancelled)
        run.cancelled = true;
    if (!m_project)
        run.cancelled = true; // the project closed meanwhile
    if (run.error.isEmpty() && !run.cancelled && !commitQuoteSuggestions(*m_project, run))
        run.error = m_project->lastError();
    Q_EMIT finished(run);
    deleteLater();
}

} // namespace newscoder
