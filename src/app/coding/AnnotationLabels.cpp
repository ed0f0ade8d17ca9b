#include "coding/AnnotationLabels.h"

#include "project/Project.h"

#include <QPainter>
#include <QPixmap>

namespace newscoder {

QString annotationExcerpt(const QString &documentText, const Annotation &annotation, int maxLength)
{
    QString words = documentText.mid(annotation.start, annotation.end - annotation.start).simplified();
    if (words.size() > maxLength)
        words = words.left(maxLength - 1).trimmed() + QStringLiteral("…");
    return words;
}

QString annotationTitle(const Project &project, const QString &documentText, const Annotation &annotation,
                        int maxLength)
{
    const auto code = project.code(annotation.codeId);
    return QStringLiteral("%1 “%2”")
        .arg(code ? code->name : QStringLiteral("?"), annotationExcerpt(documentText, annotation, maxLength));
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
