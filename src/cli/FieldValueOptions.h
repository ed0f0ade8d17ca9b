// --field NAME=VALUE options (annotate, set-variable): checked against the
// codebook before anything is written.
#pragma once

#include "model/Actor.h"
#include "model/Code.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace newscoder {
class Project;
}

namespace newscoder::cli {

// Values for one field, checked but not yet written.
struct FieldAssignment
{
    CodeField field;
    QList<FieldValue> values;
};

// What NAME=VALUE options amount to: the values per field, and the actors to
// create first (actor-link values that name no registered actor; the values
// already refer to their ids).
struct PreparedValues
{
    QList<FieldAssignment> assignments;
    QList<Actor> newActors;
};

// Parses NAME=VALUE options against the fields of `codes` (NAME is a field
// name, or CODE.FIELD when several codes have it). Choices take the value or
// the label; actor links an actor's name or alias (an unknown name becomes a
// new actor); annotation links an annotation id; an empty VALUE clears.
// Writes nothing. nullopt + `error` when any option is invalid.
std::optional<PreparedValues> prepareFieldValues(Project &project, const QList<Code> &codes, const QStringList &specs,
                                                 QString *error);

// Creates `prepared.newActors` (false + project's lastError on failure).
bool createPreparedActors(Project &project, const PreparedValues &prepared);

} // namespace newscoder::cli
