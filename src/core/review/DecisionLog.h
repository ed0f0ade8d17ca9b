#pragma once

#include "dataset/DatasetTable.h"
#include "model/Study.h"

#include <QHash>
#include <QString>

#include <memory>

namespace newscoder {

class ProjectReader;

namespace review {

// The decision log as a table, one row per decision, oldest first: its id,
// the article (id and title), the review item, the item's kind, the decision,
// who decided and when, the rationale, the coders' sides as JSON, the
// consensus annotations it created, and whether a later decision about the
// same item replaced it. Exported like any dataset table (CSV, TSV, XLSX,
// SPSS, Stata) with exporting::exportTable.
std::unique_ptr<dataset::Table> makeDecisionLogTable(const ProjectReader &store);

// The decision log as JSON Lines (one decision per line, the same columns,
// sources as nested JSON). Written through QSaveFile: all or nothing.
// Returns an error message, empty on success.
QString writeDecisionLogJsonl(const ProjectReader &store, const QString &path);

} // namespace review
} // namespace newscoder
