// View ▸ Go To: a key for each part of the coding path, so a coder who does
// not use the mouse moves between them — Ctrl+1 the article list, Ctrl+2 the
// article, Ctrl+3 the annotations, Ctrl+4 the codebook, Ctrl+5 the article
// variables. A hidden panel is shown and raised, then its first control that
// takes the keyboard gets the focus.
#pragma once

#include <QKeySequence>
#include <QList>
#include <QString>

#include <functional>

class QMenu;
class QWidget;

namespace newscoder::shell {

struct GoToTarget
{
    QString text;       // the menu entry, with its mnemonic
    QString objectName; // of the action
    QKeySequence key;
    std::function<QWidget *()> widget; // nullptr: nothing to go to now (no project)
};

// Adds a Go To submenu to `view` and its actions to `window` too (the keys
// work with the menu bar hidden).
QMenu *installGoToMenu(QMenu *view, QWidget *window, const QList<GoToTarget> &targets);

// Gives the keyboard focus to `area` or its first child that takes it from
// the Tab key, showing and raising the dock it sits in; false when none can.
bool focusArea(QWidget *area);

} // namespace newscoder::shell
