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
// name, or CODE.FIELD when several codes have it). VALUE follows ValueInput's
// rules, the window's (fields/ValueInput.h): choices take the value or the
// label; actor links an actor's name or alias; annotation links an annotation
// id; an empty VALUE clears. The CLI's own rule for an actor name no actor
// has: it becomes a new actor (`newActors`, documented in the help). Writes
// nothing. nullopt + `error` when any option is invalid.
std::optional<PreparedValues> prepareFieldValues(Project &project, const QList<Code> &codes, const QStringList &specs,
                                                 QString *error);

// Creates `prepared.newActors` (false + project's lastError on failure).
bool createPreparedActors(Project &project, const PreparedValues &prepared);

} // namespace newscoder::cli
