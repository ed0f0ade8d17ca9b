#pragma once

#include <QStringList>

namespace newscoder::cli {

// `newscoder-cli reliability ...`: reliability coefficients of a CSV file.
// arguments[0] is the program name ("newscoder-cli reliability"), the rest are
// the options and the file. Prints the result (JSON with --json) to stdout and
// messages to stderr. Returns 0 on success, 1 on a usage error (unknown or
// malformed option, missing file argument), 2 on bad input (unreadable file,
// malformed CSV, values that do not fit the measure, fewer than two coders...).
int runReliability(const QStringList &arguments);

} // namespace newscoder::cli
