// A study folder: every table as CSV (plus SPSS or Stata when asked), a
// manifest.json describing each file (grain, columns with types and value
// labels, filters, project, versions), an import.R that reads the CSVs with
// readr types and factors, and a reliability table (one row per article ×
// coder, per code and per article variable).
#pragma once

#include "dataset/Dataset.h"
#include "export/ExportTypes.h"

namespace newscoder::exporting {

inline constexpr int StudyFormatVersion = 1;

// Writes into a new folder next to `folder`, then moves it into place: a
// failed or cancelled export leaves `folder` as it was. An existing `folder`
// is replaced only when it is empty or an earlier study folder (it has a
// manifest.json).
ExportResult exportStudyFolder(const dataset::Dataset &dataset, const QString &folder,
                               std::optional<Format> statistics, const ExportOptions &options = {},
                               const ExportProgress &progress = {});

// R code reading `csvFile` (a table with these columns) with readr column
// types; choices become factors, ordinal scales ordered factors, with the
// codebook's labels.
QString rImportCode(const QString &variable, const QString &csvFile, const QList<dataset::Column> &columns);

} // namespace newscoder::exporting
