// The choices of File ▸ Export ▸ Dataset… that outlive the dialog (QSettings):
// table, format, file options, context, suggestions, uncoded articles,
// sub-codes and the folder last written to. The coders, codes and articles
// come from the window each time.
#pragma once

#include "export/DatasetExportJob.h"

namespace newscoder {

// Fills `spec` from the settings (leaves what was never saved as it is);
// returns the folder last exported to (empty when none).
QString loadDatasetExportChoices(DatasetExportSpec &spec);
void saveDatasetExportChoices(const DatasetExportSpec &spec);

// The file (or study folder) a new export suggests: `folder`/<project>-<table>.<suffix>.
QString suggestedExportTarget(const QString &folder, const QString &projectPath, const DatasetExportSpec &spec);

} // namespace newscoder
