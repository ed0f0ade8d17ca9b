#include "model/IdPrefix.h"

#include <QStringList>

namespace newscoder {

namespace {

// Every rule of the resolver, on ids already written as text and a `wanted`
// already normalised (lower case, trimmed).
TextIdResolution matchPrefix(const QString &wanted, const QStringList &ids, int minimumLength)
{
    TextIdResolution result;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (ids[i] == wanted) {
            result.outcome = IdResolution::Outcome::Found;
            result.index = i;
            result.matches.clear();
            return result;
        }
        if (!wanted.isEmpty() && ids[i].startsWith(wanted))
            result.matches.append(i);
    }
    if (wanted.size() < minimumLength) {
        result.outcome = IdResolution::Outcome::TooShort;
        result.matches.clear();
    } else if (result.matches.size() == 1) {
        result.outcome = IdResolution::Outcome::Found;
        result.index = result.matches.first();
        result.matches.clear();
    } else {
        result.outcome = result.matches.isEmpty() ? IdResolution::Outcome::NotFound : IdResolution::Outcome::Ambiguous;
    }
    return result;
}

} // namespace

IdResolution resolveIdPrefix(const QString &idOrPrefix, const QList<IdCandidate> &candidates, int minimumLength)
{
    QStringList ids;
    ids.reserve(candidates.size());
    for (const IdCandidate &candidate : candidates)
        ids.append(candidate.id.toString(QUuid::WithoutBraces));
    const QString wanted = idOrPrefix.trimmed().toLower().remove(u'{').remove(u'}');
    const TextIdResolution match = matchPrefix(wanted, ids, minimumLength);
    IdResolution result;
    result.outcome = match.outcome;
    result.minimumLength = minimumLength;
    if (match.found())
        result.id = candidates[match.index].id;
    for (const qsizetype i : match.matches)
        result.matches.append(candidates[i]);
    return result;
}

TextIdResolution resolveTextIdPrefix(const QString &idOrPrefix, const QStringList &ids, int minimumLength)
{
    return matchPrefix(idOrPrefix.trimmed().toLower(), ids, minimumLength);
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
