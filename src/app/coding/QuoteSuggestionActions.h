// Edit ▸ Suggest Quotes (in this article, the selected articles or all
// articles; src/app/coding/QuoteSuggestionJob off the UI thread) and the keys
// that work through suggestions: Next / Previous Suggestion (F7 / Shift+F7),
// Accept Suggestion (Ctrl+Return), Reject Suggestion (Ctrl+Backspace). A
// quote suggestion's speaker span is reached through its quote and accepted
// or rejected with it (quotes/QuoteSuggestions.h). Installed by MainWindow.
#pragma once

#include "coding/QuoteSuggestionJob.h"
#include "quotes/QuoteSuggestions.h"

#include <QObject>
#include <QPointer>
#include <QUuid>

#include <tuple>

class QAction;

namespace newscoder {

class MainWindow;

class QuoteSuggestionActions final : public QObject
{
    Q_OBJECT

public:
    enum class Scope { Article, Selected, Corpus };

    explicit QuoteSuggestionActions(MainWindow *window);

    // Starts suggesting (nullptr when there is nothing to do: no project, no
    // article, no coder name; the status bar says why).
    QuoteSuggestionJob *suggest(Scope scope);
    QuoteSuggestionJob *job() const { return m_job; }
    // Selects the next (previous) suggestion across articles, wrapping.
    // False when there is none.
    bool step(bool forward);
    // Accepts (rejects) the selected suggestion in one undo step and moves
    // on to the next one. False when no suggestion is selected.
    bool decide(bool accept);

Q_SIGNALS:
    void suggested(const newscoder::QuoteSuggestionRun &run);

private:
    using Position = std::tuple<int, int, QString>; // article row, start, id
    bool stepFrom(const Position &from, bool forward);
    Position currentPosition() const;
    QAction *addAction(const QString &name, const QString &text, const QKeySequence &key);

    MainWindow *m_window;
    QPointer<QuoteSuggestionJob> m_job;
};

// Creates the actions (once) in the window's Edit menu.
void installQuoteSuggestionActions(MainWindow *window);

} // namespace newscoder
