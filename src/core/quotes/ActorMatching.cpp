#include "quotes/ActorMatching.h"

#include <QRegularExpression>
#include <QSet>

namespace newscoder {

QString actorMatchHowName(ActorMatch::How how)
{
    switch (how) {
    case ActorMatch::How::Name:
        return QStringLiteral("name");
    case ActorMatch::How::Contained:
        return QStringLiteral("contained");
    case ActorMatch::How::Surname:
        return QStringLiteral("surname");
    case ActorMatch::How::New:
        return QStringLiteral("new");
    case ActorMatch::How::None:
        break;
    }
    return QStringLiteral("none");
}

QString foldedActorName(const QString &name)
{
    static const QRegularExpression nonWord(QStringLiteral("[^\\w]+"), QRegularExpression::UseUnicodePropertiesOption);
    QString text = name;
    text.replace(u'’', u'\'');
    text.replace(QStringLiteral("'s"), QStringLiteral(" "));
    text.replace(u'ß', QStringLiteral("ss"));
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString bare;
    bare.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        const auto category = c.category();
        if (category != QChar::Mark_NonSpacing && category != QChar::Mark_SpacingCombining
            && category != QChar::Mark_Enclosing)
            bare.append(c);
    }
    return bare.toCaseFolded().split(nonWord, Qt::SkipEmptyParts).join(u' ');
}

ActorMatch matchActor(const QList<Actor> &actors, const QString &mention)
{
    ActorMatch result;
    const QString wanted = foldedActorName(mention);
    if (wanted.isEmpty())
        return result;
    const QString padded = u' ' + wanted + u' ';
    const bool oneWord = !wanted.contains(u' ');
    const Actor *contained = nullptr;
    qsizetype containedLength = 0;
    QSet<QUuid> bySurname;
    for (const Actor &a : actors) {
        for (const QString &name : QStringList{a.name} + a.aliases) {
            const QString n = foldedActorName(name);
            if (n.isEmpty())
                continue;
            if (n == wanted) {
                result.how = ActorMatch::How::Name;
                result.actorId = a.id;
                return result;
            }
            if (n.size() > containedLength && padded.contains(u' ' + n + u' ')) {
                contained = &a;
                containedLength = n.size();
            }
            if (oneWord && n.contains(u' ') && n.section(u' ', -1) == wanted)
                bySurname.insert(a.id);
        }
    }
    if (contained) {
        result.how = ActorMatch::How::Contained;
        result.actorId = contained->id;
        return result;
    }
    if (bySurname.size() == 1) {
        result.how = ActorMatch::How::Surname;
        result.actorId = *bySurname.cbegin();
        return result;
    }
    if (bySurname.size() > 1)
        return result; // ambiguous: the coder picks
    result.how = ActorMatch::How::New;
    result.proposedName = mention.simplified();
    return result;
}

} // namespace newscoder
