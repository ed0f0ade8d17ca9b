#include "coding/AnnotationLabels.h"

#include <QPainter>
#include <QPixmap>

namespace newscoder {

QString optionDisplayText(const FieldOption &option, bool ordinal)
{
    if (option.label.isEmpty())
        return option.value;
    auto normalized = [](QString text) {
        text.replace(QChar(0x2212), u'-'); // − → -
        if (text.startsWith(u'+'))
            text.remove(0, 1);
        return text.trimmed();
    };
    const QString label = normalized(option.label);
    const QString value = normalized(option.value);
    if (!ordinal || label == value || label.startsWith(value + u' ') || label.contains(value))
        return option.label;
    return QStringLiteral("%1  %2").arg(option.value, option.label);
}

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
