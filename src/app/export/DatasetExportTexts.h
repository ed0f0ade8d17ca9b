// The words of File ▸ Export ▸ Dataset…: what each table, format and output
// is, in the researcher's terms.
#pragma once

#include "export/DatasetExportJob.h"

namespace newscoder {

QString exportTableTitle(dataset::TableKind kind);        // "Segments — one row per coded span"
QString exportFormatTitle(exporting::Format format);      // "SPSS data file (.sav)"
QString exportFileFilter(exporting::Format format);       // for the file dialog
QString exportOutputDescription(const DatasetExportSpec &spec); // what will be written
// Under the preview: how the shown rows relate to the file.
QString previewNote(const DatasetExportSpec &spec, dataset::TableKind shown);

} // namespace newscoder
