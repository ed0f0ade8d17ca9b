// MainWindow's Help menu: the keyboard shortcuts as HTML and About (the
// Keyboard Shortcuts dialog is shell/ShortcutsDialog). Split from
// MainWindow.cpp to keep files small.
#include "shell/MainWindow.h"

#include "common/Prompt.h"
#include "search/SearchDock.h"
#include "shell/ProjectSession.h"

#include <QAction>
#include <QKeySequence>

namespace newscoder {

QString MainWindow::shortcutsHtml() const
{
    QString text = tr("<h3>Coding</h3><p>Select text in the article, then press a code's key or click the code."
                      "</p><table>");
    if (m_session) {
        for (const Code &code : m_session->project().codes())
            text += QStringLiteral("<tr><td><b>%1</b></td><td>&nbsp;%2</td></tr>")
                        .arg(QKeySequence(code.shortcut).toString(QKeySequence::NativeText).toHtmlEscaped(),
                             code.name.toHtmlEscaped());
    }
    text += tr("</table><h3>Editing</h3><p><b>%1</b> undo, <b>%2</b> redo, <b>Del</b> delete the selected "
               "annotation. Double-click a memo, code or detail to edit it in place.</p>")
                .arg(QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText),
                     QKeySequence(QKeySequence::Redo).toString(QKeySequence::NativeText));
    text += tr("<h3>Panels</h3><table>");
    for (const QAction *action : {m_searchDock->toggleViewAction(), m_cueHighlighting, m_reliabilityAction}) {
        text += QStringLiteral("<tr><td><b>%1</b></td><td>&nbsp;%2</td></tr>")
                    .arg(action->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped(),
                         action->text().remove(u'&').toHtmlEscaped());
    }
    text += QStringLiteral("</table>");
    return text;
}

void MainWindow::showAbout()
{
    Prompt::current().inform(this, tr("About Newscoder"),
                       tr("<h3>Newscoder %1</h3><p>Manual content analysis of news: quotes, speakers, claims and "
                          "source bias.</p><p>Every change is saved the moment you make it.</p>")
                           .arg(QStringLiteral(NEWSCODER_VERSION)),
                       Prompt::Tone::About);
}

} // namespace newscoder
