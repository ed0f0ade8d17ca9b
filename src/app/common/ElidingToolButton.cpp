#include "common/ElidingToolButton.h"

#include <QStyleOptionToolButton>
#include <QStylePainter>

namespace newscoder {

QSize ElidingToolButton::minimumSizeHint() const
{
    // Room for the icon and a few characters: the rest elides.
    QSize size = QToolButton::minimumSizeHint();
    const int few = iconSize().width() + fontMetrics().horizontalAdvance(QStringLiteral("Speaker…")) + 16;
    size.setWidth(qMin(size.width(), few));
    return size;
}

void ElidingToolButton::paintEvent(QPaintEvent *)
{
    QStylePainter painter(this);
    QStyleOptionToolButton option;
    initStyleOption(&option);
    const QSize full = sizeHint();
    if (width() < full.width()) {
        const int textRoom = fontMetrics().horizontalAdvance(text()) - (full.width() - width());
        option.text = fontMetrics().elidedText(text(), Qt::ElideRight, qMax(0, textRoom));
    }
    painter.drawComplexControl(QStyle::CC_ToolButton, option);
}

} // namespace newscoder
