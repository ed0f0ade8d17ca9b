#pragma once

#include "model/Code.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace newscoder::cli {

// `codebook PROJECT [--json]`: the codebook as an indented tree, or as
// Newscoder codebook JSON with ids and annotation counts added.
int runCodebook(const QStringList &arguments);
// `codebook-import PROJECT FILE.json`: adds a codebook to a project (merge
// by name, see Project::importCodebook) as one step; writes nothing when the
// file is unreadable, too large or not a valid codebook (exit 2).
int runCodebookImport(const QStringList &arguments);

// A codebook file named on the command line (codebook-import, new
// --codebook), read by io/CodebookFile.h; nullopt when it cannot be used,
// with the reason on stderr as bad input.
std::optional<QList<Code>> readCodebookArgument(const QString &path);

} // namespace newscoder::cli
