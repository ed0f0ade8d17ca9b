// Typed text → the values of one field: the one set of rules the window and
// the CLI share (issue 9: the outlet dialog dropped an actor name it did not
// know while the CLI created the actor).
#pragma once

#include "model/Actor.h"
#include "model/CodeField.h"

#include <QList>
#include <QString>

#include <optional>

namespace newscoder {

class Project;

// The rules, for every kind of field:
// - blank text clears the field (no values); the text is trimmed;
// - several values (multiple choice, a link field that takes several) are
//   separated by commas; a field that takes one value takes the whole text;
// - text: as typed;
// - number: a number in C locale ("12.5", "-3"; no thousands separators);
// - yes/no: "true"/"false", "yes"/"no" or "1"/"0" (any case);
// - choice, multiple choice, scale: an option's value, or its label in any case;
// - date: YYYY-MM-DD;
// - actor link: an actor's name or alias as Project::resolveActor finds it
//   (case and punctuation do not matter). A name no actor has is an unknown
//   actor: parse() does not refuse or drop it but proposes a new actor
//   (newActors(); the value refers to its id) — the caller adds it (the CLI
//   does, as documented) or asks first or refuses (the window);
// - annotation link: an annotation's id (braces optional) of a code the
//   field may link to.
// Nothing is written. One ValueInput may parse several fields' texts: an
// unknown name given twice proposes one actor.
class ValueInput
{
public:
    explicit ValueInput(const Project &project);

    // The values `text` gives `field`; nullopt and `error` (a sentence naming
    // the field and the text, with what is allowed) when it gives none.
    std::optional<QList<FieldValue>> parse(const CodeField &field, const QString &text, QString *error);

    // The actors the parsed texts named that the registry does not have, each
    // once, not yet added (a fresh id, the name as typed).
    const QList<Actor> &newActors() const { return m_newActors; }

    // "one of: a = Alpha, b": the values a choice field takes ("" for other kinds).
    static QString allowedValues(const CodeField &field);

private:
    std::optional<FieldValue> parseOne(const CodeField &field, const QString &part, QString *error);
    QUuid actorFor(const QString &name);

    const Project &m_project;
    QList<Actor> m_newActors;
};

} // namespace newscoder
