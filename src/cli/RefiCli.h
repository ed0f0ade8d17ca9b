#pragma once

#include <QStringList>

namespace newscoder::cli {

// newscoder-cli refi-export PROJECT OUT.qdpx|OUT.qdc [--coders A,B] [--json]
int runRefiExport(const QStringList &arguments);
// newscoder-cli refi-import PROJECT FILE.qdpx|FILE.qdc [--json] [--dry-run] [--coder NAME]
int runRefiImport(const QStringList &arguments);

} // namespace newscoder::cli
