#include "text/ReviewFlags.h"

#include <QJsonDocument>

namespace newscoder {

QString annotationStatusLabel(const Annotation &annotation)
{
    if (annotation.needsReview())
        return QStringLiteral("needs-review");
    return annotation.status == AnnotationStatus::Suggested ? QStringLiteral("suggested") : QStringLiteral("coded");
}

QJsonObject reviewEditJson(const Annotation &annotation)
{
    if (annotation.reviewEdit.isEmpty())
        return {};
    return QJsonDocument::fromJson(annotation.reviewEdit.toUtf8()).object();
}

QString reviewExplanation(const Annotation &annotation)
{
    if (!annotation.needsReview())
        return {};
    const QJsonObject edit = reviewEditJson(annotation);
    const QString was = edit.value(QStringLiteral("was")).toString();
    const QString quoted = was.isEmpty() ? QString() : QStringLiteral(" (“%1”)").arg(was.left(80));
    const QString where = edit.isEmpty() ? QStringLiteral("an edit of the text")
                                         : QStringLiteral("the edit at %1").arg(edit.value(QStringLiteral("at")).toInt());
    QString inserted;
    if (!edit.value(QStringLiteral("inserted")).toString().isEmpty())
        inserted = QStringLiteral(", which inserted “%1”").arg(edit.value(QStringLiteral("inserted")).toString().left(80));
    const bool suggestion = annotation.status == AnnotationStatus::Suggested;
    if (annotation.reviewReason == u"text-changed")
        return QStringLiteral("Its text%1 was changed by %2%3: check the suggestion again before accepting it.")
            .arg(quoted, where, inserted);
    return QStringLiteral("Its whole text%1 was deleted by %2%3: %4")
        .arg(quoted, where, inserted,
             suggestion ? QStringLiteral("reject the suggestion, or check it before accepting it.")
                        : QStringLiteral("check where it belongs."));
}

} // namespace newscoder
