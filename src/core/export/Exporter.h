// Writing the dataset's tables to files. Every writer goes through
// QSaveFile: a cancelled or failed export leaves no partial file and an
// existing file untouched.
#pragma once

#include "dataset/Dataset.h"
#include "export/ExportTypes.h"

namespace newscoder::exporting {

// One table as CSV, TSV, XLSX (one sheet), SPSS .sav or Stata .dta.
ExportResult exportTable(const dataset::Table &table, Format format, const QString &path,
                         const ExportOptions &options = {}, const ExportProgress &progress = {});

// Several tables as the sheets of one XLSX workbook.
ExportResult exportWorkbook(const QList<const dataset::Table *> &tables, const QString &path,
                            const ExportProgress &progress = {});

// JSON Lines: one object per article with its metadata, variables and
// nested annotations (all fields and links), lossless.
ExportResult exportJsonl(const dataset::Dataset &dataset, const QString &path, const ExportProgress &progress = {});

// Whether this build can write the format (XLSX, SPSS and Stata need
// optional libraries).
bool formatAvailable(Format format);

} // namespace newscoder::exporting
