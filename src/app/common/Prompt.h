#pragma once

#include <QString>
#include <QStringList>

#include <optional>

class QWidget;

namespace newscoder {

// Every question the app asks with a standard dialog (message, confirmation,
// choice, text, file) goes through the current Prompt, so tests can answer it
// (ScriptedPrompt) instead of a person (DialogPrompt, the default).
class Prompt
{
public:
    enum class Tone { Information, Warning, About };
    enum class ChoiceStyle { Buttons, List }; // message-box buttons or a drop-down list
    enum class FileMode { Open, OpenMany, Save, Folder };

    virtual ~Prompt() = default;

    // A message; returns when dismissed. `details` go in an expandable section.
    virtual void inform(QWidget *parent, const QString &title, const QString &text, Tone tone = Tone::Information,
                        const QString &details = {}) = 0;
    // A yes/no question; true when confirmed.
    virtual bool confirm(QWidget *parent, const QString &title, const QString &text) = 0;
    // One of `options`; its index, or -1 when cancelled.
    virtual int choose(QWidget *parent, const QString &title, const QString &text, const QStringList &options,
                       int defaultIndex = 0, ChoiceStyle style = ChoiceStyle::Buttons) = 0;
    // A line of text; nullopt when cancelled.
    virtual std::optional<QString> askText(QWidget *parent, const QString &title, const QString &label,
                                           const QString &initial = {}) = 0;
    // Chosen paths (one at most unless OpenMany); empty when cancelled.
    virtual QStringList chooseFiles(QWidget *parent, FileMode mode, const QString &title, const QString &start = {},
                                    const QString &filter = {}) = 0;

    // Convenience for the single-file modes.
    QString chooseFile(QWidget *parent, FileMode mode, const QString &title, const QString &start = {},
                       const QString &filter = {});

    // The prompt the app uses (a DialogPrompt unless one was installed).
    static Prompt &current();
    // Installs `prompt` (not owned; nullptr restores the dialogs).
    static void install(Prompt *prompt);
};

// Real Qt dialogs (QMessageBox, QInputDialog, QFileDialog).
class DialogPrompt : public Prompt
{
public:
    void inform(QWidget *parent, const QString &title, const QString &text, Tone tone,
                const QString &details) override;
    bool confirm(QWidget *parent, const QString &title, const QString &text) override;
    int choose(QWidget *parent, const QString &title, const QString &text, const QStringList &options,
               int defaultIndex, ChoiceStyle style) override;
    std::optional<QString> askText(QWidget *parent, const QString &title, const QString &label,
                                   const QString &initial) override;
    QStringList chooseFiles(QWidget *parent, FileMode mode, const QString &title, const QString &start,
                            const QString &filter) override;
};

// Answers from a script, for tests: installs itself while it lives, records
// every question in `asked` and answers them in order from the queued answers.
// A question with no answer queued (or one of another kind) is recorded in
// `unexpected` and answered as cancelled.
class ScriptedPrompt : public Prompt
{
public:
    struct Question
    {
        QString kind; // "inform", "confirm", "choose", "askText", "chooseFiles"
        QString title;
        QString text;
        QStringList options; // choose: the options
    };

    ScriptedPrompt();
    ~ScriptedPrompt() override;
    ScriptedPrompt(const ScriptedPrompt &) = delete;
    ScriptedPrompt &operator=(const ScriptedPrompt &) = delete;

    ScriptedPrompt &confirmWith(bool yes);
    ScriptedPrompt &chooseOption(int index); // -1: cancel
    ScriptedPrompt &answerText(std::optional<QString> text);
    ScriptedPrompt &answerFiles(QStringList paths);

    QList<Question> asked;
    QStringList unexpected;
    int pendingAnswers() const { return int(m_answers.size()); }

    void inform(QWidget *parent, const QString &title, const QString &text, Tone tone,
                const QString &details) override;
    bool confirm(QWidget *parent, const QString &title, const QString &text) override;
    int choose(QWidget *parent, const QString &title, const QString &text, const QStringList &options,
               int defaultIndex, ChoiceStyle style) override;
    std::optional<QString> askText(QWidget *parent, const QString &title, const QString &label,
                                   const QString &initial) override;
    QStringList chooseFiles(QWidget *parent, FileMode mode, const QString &title, const QString &start,
                            const QString &filter) override;

private:
    struct Answer
    {
        QString kind;
        bool yes = false;
        int index = -1;
        std::optional<QString> text;
        QStringList paths;
    };
    std::optional<Answer> take(const QString &kind, const QString &title);

    QList<Answer> m_answers;
    Prompt *m_previous = nullptr;
};

} // namespace newscoder
