#pragma once

#include <QToolButton>

namespace newscoder {

// A tool button whose text is elided ("Speaker “authority spok…”") when the
// pane is narrower than the text, instead of widening the pane; text() keeps
// the full text and the tooltip says it in full.
class ElidingToolButton final : public QToolButton
{
    Q_OBJECT

public:
    using QToolButton::QToolButton;

    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace newscoder
