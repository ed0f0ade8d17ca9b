#include "coding/AnnotationLabels.h"

#include <QPainter>
#include <QPixmap>

namespace newscoder {

QIcon codeChip(const QColor &color)
{
    QPixmap chip(12, 12);
    chip.fill(Qt::transparent);
    QPainter p(&chip);
    p.setPen(color.darker(140));
    p.setBrush(color);
    p.drawRoundedRect(QRectF(0.5, 0.5, 11, 11), 2, 2);
    return QIcon(chip);
}

} // namespace newscoder
