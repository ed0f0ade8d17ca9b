#pragma once

#include <QStringList>

namespace newscoder::cli {

// `duplicates PROJECT [--threshold T] [--json]`: clusters of exact and
// near-duplicate articles (arguments[0] = "newscoder-cli duplicates").
int runDuplicates(const QStringList &arguments);

} // namespace newscoder::cli
