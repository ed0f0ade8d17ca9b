#include "common/Prompt.h"

#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>

namespace newscoder {

namespace {

Prompt *g_installed = nullptr;

} // namespace

Prompt &Prompt::current()
{
    static DialogPrompt dialogs;
    return g_installed ? *g_installed : dialogs;
}

void Prompt::install(Prompt *prompt)
{
    g_installed = prompt;
}

QString Prompt::chooseFile(QWidget *parent, FileMode mode, const QString &title, const QString &start,
                           const QString &filter)
{
    const QStringList paths = chooseFiles(parent, mode, title, start, filter);
    return paths.isEmpty() ? QString() : paths.first();
}

// ---- DialogPrompt

void DialogPrompt::inform(QWidget *parent, const QString &title, const QString &text, Tone tone,
                          const QString &details)
{
    if (tone == Tone::About) {
        QMessageBox::about(parent, title, text);
        return;
    }
    QMessageBox box(tone == Tone::Warning ? QMessageBox::Warning : QMessageBox::Information, title, text,
                    QMessageBox::Ok, parent);
    if (!details.isEmpty())
        box.setDetailedText(details);
    box.exec();
}

bool DialogPrompt::confirm(QWidget *parent, const QString &title, const QString &text)
{
    return QMessageBox::question(parent, title, text) == QMessageBox::Yes;
}

int DialogPrompt::choose(QWidget *parent, const QString &title, const QString &text, const QStringList &options,
                         int defaultIndex, ChoiceStyle style)
{
    if (style == ChoiceStyle::List) {
        bool ok = false;
        const QString chosen = QInputDialog::getItem(parent, title, text, options, defaultIndex, false, &ok);
        return ok ? int(options.indexOf(chosen)) : -1;
    }
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Cancel, parent);
    QList<QPushButton *> buttons;
    for (const QString &option : options)
        buttons.append(box.addButton(option, QMessageBox::AcceptRole));
    if (defaultIndex >= 0 && defaultIndex < buttons.size())
        box.setDefaultButton(buttons[defaultIndex]);
    box.exec();
    return int(buttons.indexOf(qobject_cast<QPushButton *>(box.clickedButton())));
}

std::optional<QString> DialogPrompt::askText(QWidget *parent, const QString &title, const QString &label,
                                             const QString &initial)
{
    bool ok = false;
    QString text = QInputDialog::getText(parent, title, label, QLineEdit::Normal, initial, &ok);
    if (!ok)
        return std::nullopt;
    return text;
}

QStringList DialogPrompt::chooseFiles(QWidget *parent, FileMode mode, const QString &title, const QString &start,
                                      const QString &filter)
{
    QString one;
    switch (mode) {
    case FileMode::Open:
        one = QFileDialog::getOpenFileName(parent, title, start, filter);
        break;
    case FileMode::OpenMany:
        return QFileDialog::getOpenFileNames(parent, title, start, filter);
    case FileMode::Save:
        one = QFileDialog::getSaveFileName(parent, title, start, filter);
        break;
    case FileMode::Folder:
        one = QFileDialog::getExistingDirectory(parent, title, start);
        break;
    }
    return one.isEmpty() ? QStringList() : QStringList{one};
}

// ---- ScriptedPrompt

ScriptedPrompt::ScriptedPrompt() : m_previous(g_installed)
{
    install(this);
}

ScriptedPrompt::~ScriptedPrompt()
{
    install(m_previous);
}

ScriptedPrompt &ScriptedPrompt::confirmWith(bool yes)
{
    Answer a;
    a.kind = QStringLiteral("confirm");
    a.yes = yes;
    m_answers.append(a);
    return *this;
}

ScriptedPrompt &ScriptedPrompt::chooseOption(int index)
{
    Answer a;
    a.kind = QStringLiteral("choose");
    a.index = index;
    m_answers.append(a);
    return *this;
}

ScriptedPrompt &ScriptedPrompt::answerText(std::optional<QString> text)
{
    Answer a;
    a.kind = QStringLiteral("askText");
    a.text = std::move(text);
    m_answers.append(a);
    return *this;
}

ScriptedPrompt &ScriptedPrompt::answerFiles(QStringList paths)
{
    Answer a;
    a.kind = QStringLiteral("chooseFiles");
    a.paths = std::move(paths);
    m_answers.append(a);
    return *this;
}

std::optional<ScriptedPrompt::Answer> ScriptedPrompt::take(const QString &kind, const QString &title)
{
    if (m_answers.isEmpty() || m_answers.first().kind != kind) {
        unexpected.append(kind + QStringLiteral(": ") + title);
        return std::nullopt;
    }
    return m_answers.takeFirst();
}

void ScriptedPrompt::inform(QWidget *, const QString &title, const QString &text, Tone, const QString &details)
{
    // Messages need no answer; they are only recorded.
    asked.append({QStringLiteral("inform"), title, details.isEmpty() ? text : text + u'\n' + details, {}});
}

bool ScriptedPrompt::confirm(QWidget *, const QString &title, const QString &text)
{
    asked.append({QStringLiteral("confirm"), title, text, {}});
    const auto a = take(QStringLiteral("confirm"), title);
    return a && a->yes;
}

int ScriptedPrompt::choose(QWidget *, const QString &title, const QString &text, const QStringList &options, int,
                           ChoiceStyle)
{
    asked.append({QStringLiteral("choose"), title, text, options});
    const auto a = take(QStringLiteral("choose"), title);
    return a && a->index >= 0 && a->index < options.size() ? a->index : -1;
}

std::optional<QString> ScriptedPrompt::askText(QWidget *, const QString &title, const QString &label,
                                               const QString &)
{
    asked.append({QStringLiteral("askText"), title, label, {}});
    const auto a = take(QStringLiteral("askText"), title);
    return a ? a->text : std::nullopt;
}

QStringList ScriptedPrompt::chooseFiles(QWidget *, FileMode, const QString &title, const QString &,
                                        const QString &)
{
    asked.append({QStringLiteral("chooseFiles"), title, {}, {}});
    const auto a = take(QStringLiteral("chooseFiles"), title);
    return a ? a->paths : QStringList();
}

} // namespace newscoder
