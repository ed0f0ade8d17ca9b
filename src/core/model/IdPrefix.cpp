#include "model/IdPrefix.h"

#include <QStringList>

namespace newscoder {

IdResolution resolveIdPrefix(const QString &idOrPrefix, const QList<IdCandidate> &candidates, int minimumLength)
{
    IdResolution result;
    result.minimumLength = minimumLength;
    const QString wanted = idOrPrefix.trimmed().toLower().remove(u'{').remove(u'}');
    for (const IdCandidate &candidate : candidates) {
        const QString id = candidate.id.toString(QUuid::WithoutBraces);
        if (id == wanted) {
            result.outcome = IdResolution::Outcome::Found;
            result.id = candidate.id;
            result.matches.clear();
            return result;
        }
        if (!wanted.isEmpty() && id.startsWith(wanted))
            result.matches.append(candidate);
    }
    if (wanted.size() < minimumLength) {
        result.outcome = IdResolution::Outcome::TooShort;
        result.matches.clear();
    } else if (result.matches.size() == 1) {
        result.outcome = IdResolution::Outcome::Found;
        result.id = result.matches.first().id;
        result.matches.clear();
    } else {
        result.outcome = result.matches.isEmpty() ? IdResolution::Outcome::NotFound : IdResolution::Outcome::Ambiguous;
    }
    return result;
}

QString IdResolution::message(const QString &idOrPrefix, const QString &what) const
{
    switch (outcome) {
    case Outcome::Found:
        return {};
    case Outcome::TooShort:
        return QStringLiteral("'%1' is not a %2 id (give the id or at least its first %3 characters)")
            .arg(idOrPrefix, what)
            .arg(minimumLength);
    case Outcome::NotFound:
        return QStringLiteral("no %1 with id %2").arg(what, idOrPrefix);
    case Outcome::Ambiguous:
        break;
    }
    QStringList lines;
    for (const IdCandidate &m : matches) {
        const QString shown = m.id.toString(QUuid::WithoutBraces);
        lines << (m.label.isEmpty() ? QStringLiteral("  %1").arg(shown) : QStringLiteral("  %1  %2").arg(shown, m.label));
    }
    return QStringLiteral("'%1' matches %2 %3 ids; give more characters:\n%4")
        .arg(idOrPrefix)
        .arg(matches.size())
        .arg(what, lines.join(u'\n'));
}

} // namespace newscoder
