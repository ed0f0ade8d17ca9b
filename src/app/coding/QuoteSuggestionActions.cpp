#include "coding/QuoteSuggestionActions.h"

#include "articles/DocumentListDock.h"
#include "coding/AnnotationPane.h"
#include "coding/ArticleView.h"
#include "coding/CodingWorkspace.h"
#include "coding/QuoteSuggestionJob.h"
#include "quotes/QuoteSuggestionDetails.h"
#include "shell/MainWindow.h"
#include "shell/ProjectSession.h"
#include "study/BlindCoding.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QStatusBar>

namespace newscoder {

QuoteSuggestionActions::QuoteSuggestionActions(MainWindow *window) : QObject(window), m_window(window)
{
    setObjectName(QStringLiteral("quoteSuggestionActions"));
    auto *edit = window->menuBar()->findChild<QMenu *>(QStringLiteral("menuEdit"));
    QMenu *suggestMenu = edit ? edit->addMenu(tr("Suggest &Quotes")) : new QMenu(tr("Suggest &Quotes"), window);
    suggestMenu->setObjectName(QStringLiteral("menuSuggestQuotes"));
    suggestMenu->setStatusTip(tr("Propose each quote with its speaker and actor, to accept or reject one by one"));
    const struct
    {
        const char *name;
        QString text;
        Scope scope;
        QKeySequence key;
    } scopes[] = {
        {"actionSuggestQuotesArticle", tr("In &This Article"), Scope::Article, QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Q)},
        {"actionSuggestQuotesSelected", tr("In the &Selected Articles"), Scope::Selected, {}},
        {"actionSuggestQuotesCorpus", tr("In &All Articles"), Scope::Corpus, {}},
    };
    for (const auto &s : scopes) {
        QAction *a = addAction(QString::fromLatin1(s.name), s.text, s.key);
        suggestMenu->addAction(a);
        const Scope scope = s.scope;
        connect(a, &QAction::triggered, this, [this, scope] { suggest(scope); });
    }
    QAction *next = addAction(QStringLiteral("actionNextSuggestion"), tr("Next Su&ggestion"), QKeySequence(Qt::Key_F7));
    QAction *previous = addAction(QStringLiteral("actionPreviousSuggestion"), tr("Previ&ous Suggestion"),
                                  QKeySequence(Qt::SHIFT | Qt::Key_F7));
    QAction *accept = addAction(QStringLiteral("actionAcceptSuggestion"), tr("Accept Suggest&ion"),
                                QKeySequence(Qt::CTRL | Qt::Key_Return));
    QAction *reject = addAction(QStringLiteral("actionRejectSuggestion"), tr("Re&ject Suggestion"),
                                QKeySequence(Qt::CTRL | Qt::Key_Backspace));
    accept->setStatusTip(tr("Accept the selected suggestion (a quote with its speaker, link and actor) and go to the next"));
    reject->setStatusTip(tr("Reject the selected suggestion (a quote with its speaker span) and go to the next"));
    connect(next, &QAction::triggered, this, [this] { step(true); });
    connect(previous, &QAction::triggered, this, [this] { step(false); });
    connect(accept, &QAction::triggered, this, [this] { decide(true); });
    connect(reject, &QAction::triggered, this, [this] { decide(false); });
    if (edit) {
        for (QAction *a : {next, previous, accept, reject})
            edit->addAction(a);
    }
}

QAction *QuoteSuggestionActions::addAction(const QString &name, const QString &text, const QKeySequence &key)
{
    auto *action = new QAction(text, m_window);
    action->setObjectName(name);
    if (!key.isEmpty()) {
        action->setShortcut(key);
        action->setShortcutContext(Qt::WindowShortcut);
    }
    m_window->addAction(action); // the keys work with the menu bar hidden too
    return action;
}

QuoteSuggestionJob *QuoteSuggestionActions::suggest(Scope scope)
{
    ProjectSession *session = m_window->session();
    const auto say = [this](const QString &message) { m_window->statusBar()->showMessage(message, 6000); };
    if (!session) {
        say(tr("Open a project first."));
        return nullptr;
    }
    Project &project = session->project();
    if (project.isReadOnly()) {
        say(tr("The project is open read-only."));
        return nullptr;
    }
    if (m_job) {
        say(tr("Quotes are being suggested already."));
        return nullptr;
    }
    QList<QUuid> ids;
    if (scope == Scope::Article) {
        const QUuid current = m_window->workspace() ? m_window->workspace()->currentDocument() : QUuid();
        if (current.isNull()) {
            say(tr("Open an article first."));
            return nullptr;
        }
        ids = {current};
    } else if (scope == Scope::Selected) {
        ids = m_window->documentList()->selectedDocuments();
        if (ids.isEmpty()) {
            say(tr("Select articles in the list first."));
            return nullptr;
        }
    }
    if (project.coderName().isEmpty())
        m_window->ensureCoderName(); // asks for it
    if (project.coderName().isEmpty()) {
        say(tr("Set your coder name before coding."));
        return nullptr;
    }
    m_job = new QuoteSuggestionJob(project, ids, m_window);
    connect(m_job, &QuoteSuggestionJob::finished, this, [this, say](const QuoteSuggestionRun &run) {
        if (!run.error.isEmpty())
            say(tr("Suggest Quotes: %1").arg(run.error));
        else if (run.cancelled)
            say(tr("Suggest Quotes cancelled; nothing was added."));
        else
            say(tr("%L1 quotes suggested with %L2 speaker spans in %L3 articles (%L4 already coded). "
                   "F7: next suggestion, Ctrl+Return: accept, Ctrl+Backspace: reject.")
                    .arg(run.quotes)
                    .arg(run.speakers)
                    .arg(run.documents)
                    .arg(run.skipped));
        Q_EMIT suggested(run);
    });
    return m_job;
}

QuoteSuggestionActions::Position QuoteSuggestionActions::currentPosition() const
{
    ProjectSession *session = m_window->session();
    CodingWorkspace *workspace = m_window->workspace();
    const int row = session->documents.indexOf(workspace->currentDocument()).row();
    const QUuid selectedId = workspace->articleView()->selectedAnnotation();
    const Annotation *selected = session->annotations.annotation(session->annotations.rowOf(selectedId));
    return {row, selected ? selected->start : -1, selected ? selected->id.toString() : QString()};
}

bool QuoteSuggestionActions::step(bool forward)
{
    if (!m_window->session() || !m_window->workspace())
        return false;
    Position from = currentPosition();
    if (!forward && std::get<2>(from).isEmpty())
        std::get<1>(from) = INT_MAX; // from the end of the article
    return stepFrom(from, forward);
}

bool QuoteSuggestionActions::stepFrom(const Position &from, bool forward)
{
    ProjectSession *session = m_window->session();
    Project &project = session->project();
    QList<Annotation> all = project.suggestions();
    if (const std::optional<QUuid> only = study::onlyVisibleCoder(project)) // blind coding
        all.removeIf([&](const Annotation &a) { return a.coderId != *only; });
    // A quote's speaker span goes with the quote: step over it.
    QSet<QUuid> speakers;
    for (const QuoteSuggestionDetails &d : quoteSuggestionDetails(project, all)) {
        if (d.speaker)
            speakers.insert(d.speaker->id);
    }
    QList<std::pair<Position, Annotation>> order;
    for (const Annotation &a : all) {
        const int row = session->documents.indexOf(a.documentId).row();
        if (row >= 0 && !speakers.contains(a.id)) // articles the list hides are skipped
            order.append({{row, a.start, a.id.toString()}, a});
    }
    if (order.isEmpty()) {
        m_window->statusBar()->showMessage(tr("No suggestions left."), 5000);
        return false;
    }
    std::sort(order.begin(), order.end(), [](const auto &x, const auto &y) { return x.first < y.first; });
    qsizetype index = -1;
    if (forward) {
        for (qsizetype i = 0; i < order.size() && index < 0; ++i) {
            if (order[i].first > from)
                index = i;
        }
        if (index < 0)
            index = 0; // wrap around
    } else {
        for (qsizetype i = order.size() - 1; i >= 0 && index < 0; --i) {
            if (order[i].first < from)
                index = i;
        }
        if (index < 0)
            index = order.size() - 1;
    }
    const Annotation &target = order[index].second;
    m_window->documentList()->selectDocument(target.documentId);
    if (m_window->workspace()->currentDocument() != target.documentId)
        m_window->workspace()->showDocument(target.documentId);
    m_window->workspace()->annotationPane()->selectAnnotation(target.id);
    const auto info = readQuoteSuggestionMemo(target.memo);
    m_window->statusBar()->showMessage(tr("Suggestion %1 of %2%3")
                                           .arg(index + 1)
                                           .arg(order.size())
                                           .arg(info ? QStringLiteral(": ") + quoteSuggestionSummary(*info) : QString()));
    return true;
}

bool QuoteSuggestionActions::decide(bool accept)
{
    ProjectSession *session = m_window->session();
    if (!session || !m_window->workspace())
        return false;
    const QUuid id = m_window->workspace()->articleView()->selectedAnnotation();
    const Annotation *selected = session->annotations.annotation(session->annotations.rowOf(id));
    if (!selected || selected->status != AnnotationStatus::Suggested) {
        m_window->statusBar()->showMessage(tr("Select a suggestion first (F7: next suggestion)."), 5000);
        return false;
    }
    const Position from = currentPosition();
    Project &project = session->project();
    // Chosen one by one and seen: a suggestion a text edit flagged is accepted too.
    const bool done = accept ? project.acceptSuggestions({id}, Project::FlaggedSuggestions::Accept)
                             : project.rejectSuggestions({id});
    if (!done)
        return false;
    stepFrom(from, true);
    return true;
}

void installQuoteSuggestionActions(MainWindow *window)
{
    if (!window->findChild<QuoteSuggestionActions *>(QStringLiteral("quoteSuggestionActions")))
        new QuoteSuggestionActions(window);
}

} // namespace newscoder
