// Matching a speaker's name to the project's actor registry.
#pragma once

#include "model/Actor.h"

#include <QList>
#include <QString>
#include <QUuid>

namespace newscoder {

struct ActorMatch
{
    enum class How {
        None,      // nothing to match (empty name) or a surname shared by several actors
        Name,      // the actor's name or an alias, whole
        Contained, // the actor's name or an alias inside the mention as whole words
        Surname,   // the mention is the last word of the actor's name or an alias
        New,       // no actor: `proposedName` proposes a new one
    };
    How how = How::None;
    QUuid actorId;        // Name, Contained, Surname
    QString proposedName; // New: the mention as written (trimmed)

    bool isMatch() const { return !actorId.isNull(); }
};

// "name", "contained", "surname", "new", "none".
QString actorMatchHowName(ActorMatch::How how);

// Case-folded, diacritics removed, punctuation gone, words joined by one
// space: "Dmitrí  Peskóv's" → "dmitri peskov".
QString foldedActorName(const QString &name);

// The actor `mention` names: equal to a name or alias (case and diacritics
// ignored) first; else the longest name or alias contained in the mention as
// whole words ("Kremlin spokesman Dmitry Peskov" → "Dmitry Peskov"); else a
// one-word mention equal to the last word of exactly one actor's name or
// alias ("Peskov"; two actors with that surname: no match and no proposal).
// An unknown name proposes a new actor.
ActorMatch matchActor(const QList<Actor> &actors, const QString &mention);

} // namespace newscoder
