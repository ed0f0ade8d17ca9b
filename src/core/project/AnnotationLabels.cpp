#include "project/AnnotationLabels.h"

#include "project/Project.h"
#include "text/Sentences.h"

#include <QObject>
#include <QStringList>

namespace newscoder {

namespace {

constexpr int SentenceContext = 56; // characters of the sentence shown

QString sentenceExcerpt(const QString &text, const Annotation &target)
{
    TextSpan sentence = sentenceAt(text, target.start);
    if (sentence.isEmpty())
        sentence = {target.start, target.end};
    sentence.end = qMax(sentence.end, target.end);
    QString words = text.mid(sentence.start, sentence.length()).simplified();
    if (words.size() <= SentenceContext)
        return words;
    // Keep the target's words in view: centre the excerpt on them.
    const QString targetWords = text.mid(target.start, target.length()).simplified();
    const int at = qMax(0, int(words.indexOf(targetWords)));
    int from = qBound(0, at + int(targetWords.size()) / 2 - SentenceContext / 2, int(words.size()) - SentenceContext);
    QString excerpt = words.mid(from, SentenceContext).trimmed();
    if (from > 0)
        excerpt.prepend(u'…');
    if (from + SentenceContext < words.size())
        excerpt.append(u'…');
    return excerpt;
}

} // namespace

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

QString linkCandidateLabel(const Project &project, const QString &documentText, const Annotation &source,
                           const Annotation &target)
{
    QString label = annotationTitle(project, documentText, target, 32);
    for (const FieldValue &v : project.annotationValues(target.id)) {
        if (v.actorId.isNull())
            continue;
        if (const auto actor = project.actor(v.actorId)) {
            label += QStringLiteral(" → %1").arg(actor->name);
            break;
        }
    }
    const int line = int(QStringView(documentText).left(target.start).count(u'\n')) + 1;
    const QString where = target.end <= source.start ? QObject::tr("before")
                          : target.start >= source.end ? QObject::tr("after")
                                                       : QObject::tr("overlapping");
    QStringList parts{label, QObject::tr("line %1, %2").arg(line).arg(where)};
    const QString coder = project.coderNameFor(target.coderId);
    if (!coder.isEmpty())
        parts << coder;
    parts << QStringLiteral("“%1”").arg(sentenceExcerpt(documentText, target));
    return parts.join(QStringLiteral(" · "));
}

} // namespace newscoder
