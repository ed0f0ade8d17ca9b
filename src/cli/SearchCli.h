#pragma once

#include <QStringList>

namespace newscoder::cli {

// Search, auto-coding, suggestions and text edits (arguments[0] =
// "newscoder-cli SUBCOMMAND"); each returns the exit code.
int runSearch(const QStringList &arguments);
int runAutocode(const QStringList &arguments);
int runSuggestions(const QStringList &arguments);
int runEditText(const QStringList &arguments);

} // namespace newscoder::cli
