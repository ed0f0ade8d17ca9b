#pragma once

#include <QStringList>

namespace newscoder::cli {

// newscoder-cli export PROJECT --table T --format F --out FILE [filters]
// Bad arguments or an unwritable target: message on stderr, exit 2, nothing written.
int runExport(const QStringList &arguments);

// Whether the command line asks for a PDF codebook document (the CLI then
// starts a QGuiApplication; offscreen when there is no display).
bool exportNeedsGui(int argc, char **argv);

} // namespace newscoder::cli
