#pragma once

#include <QStringList>

namespace newscoder::cli {

// `newscoder-cli import PROJECT PATH...`: read articles from files and folders
// (every format src/core/io reads) and add them to the project as one undoable step.
int runImport(const QStringList &arguments);

} // namespace newscoder::cli
