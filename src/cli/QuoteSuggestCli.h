#pragma once

#include "model/Annotation.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QUuid>

namespace newscoder {
class Project;
}

namespace newscoder::cli {

// `autocode PROJECT --quotes [--documents ID,...] --coder NAME [--json]`: the
// quote engine's suggestions written as the window writes them (quote,
// speaker span, link, kind, actor). arguments[0] = "newscoder-cli autocode".
int runAutocodeQuotes(const QStringList &arguments);

// What `suggestions --json` adds to a quote suggestion: {"kind", "rule",
// "confidence", "speaker": {"id", "start", "end", "text"} or null, "actor":
// {"id", "name", "new"} or null}, by suggestion id (quote suggestions only).
QHash<QUuid, QJsonObject> quoteSuggestionsJson(const Project &project, const QList<Annotation> &suggestions);

} // namespace newscoder::cli
