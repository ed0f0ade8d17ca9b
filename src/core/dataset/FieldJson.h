// A field's values as JSON (annotations --json and the JSONL export).
#pragma once

#include "model/CodeField.h"

#include <QJsonValue>

#include <functional>

namespace newscoder::dataset {

// choice → its value; multiple choice → list of values; number / numeric
// ordinal → number; boolean → true/false; date → "yyyy-MM-dd"; text → string;
// link to an annotation → its id (a list when the field allows several);
// link to an actor → {"actor": id, "name": …} (a list when several).
// No values → null.
QJsonValue fieldValueJson(const CodeField &field, const QList<FieldValue> &values,
                          const std::function<QString(const QUuid &)> &actorName);

} // namespace newscoder::dataset
