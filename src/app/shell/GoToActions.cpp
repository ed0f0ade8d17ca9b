#include "shell/GoToActions.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QTimer>

namespace newscoder::shell {

namespace {

bool takesTab(const QWidget *w)
{
    return w->isEnabled() && w->isVisibleTo(w->window()) && (w->focusPolicy() & Qt::TabFocus) == Qt::TabFocus;
}

} // namespace

bool focusArea(QWidget *area)
{
    if (!area)
        return false;
    for (QWidget *w = area; w; w = w->parentWidget()) {
        if (auto *dock = qobject_cast<QDockWidget *>(w)) {
            if (!dock->isVisible() || !area->isVisibleTo(area->window())) {
                dock->show();
                dock->raise();
                // A panel just shown (or brought to the front of its tabs) is laid out first.
                QTimer::singleShot(0, area, [area] {
                    if (area->isVisibleTo(area->window()))
                        focusArea(area);
                });
                return true;
            }
            dock->raise();
            break;
        }
    }
    QWidget *target = takesTab(area) ? area : nullptr;
    for (QWidget *next = area->nextInFocusChain(); !target && next && next != area; next = next->nextInFocusChain()) {
        if (area->isAncestorOf(next) && takesTab(next))
            target = next;
    }
    if (!target)
        return false;
    target->setFocus(Qt::ShortcutFocusReason);
    if (!target->hasFocus()) // a panel just shown is laid out first
        QTimer::singleShot(0, target, [target] { target->setFocus(Qt::ShortcutFocusReason); });
    return true;
}

QMenu *installGoToMenu(QMenu *view, QWidget *window, const QList<GoToTarget> &targets)
{
    QMenu *menu = view->addMenu(QMenu::tr("&Go To"));
    menu->setObjectName(QStringLiteral("menuGoTo"));
    for (const GoToTarget &target : targets) {
        QAction *action = menu->addAction(target.text);
        action->setObjectName(target.objectName);
        action->setShortcut(target.key);
        action->setShortcutContext(Qt::WindowShortcut);
        window->addAction(action);
        const auto widget = target.widget;
        QObject::connect(action, &QAction::triggered, menu, [widget] { focusArea(widget()); });
    }
    return menu;
}

} // namespace newscoder::shell
