// Accessible names on the widgets of the coding path — article list,
// codebook, article, annotations, fields, variables, registries, search — so
// a screen reader says what each is. A name a widget already has is kept.
#pragma once

#include <QList>

class QWidget;

namespace newscoder {
class MainWindow;
}

namespace newscoder::shell {

// Names the window's coding-path widgets (call again after a project opens:
// the article and annotation panes are made per project). Returns them.
QList<QWidget *> nameCodingPath(MainWindow &window);

} // namespace newscoder::shell
