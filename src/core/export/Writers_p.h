// The format writers behind Exporter (private).
#pragma once

#include "export/Exporter.h"

#include <QSaveFile>

namespace newscoder::exporting::detail {

// Opens `file` for writing; on failure fills `result.error`.
bool openTarget(QSaveFile &file, const QString &path, ExportResult &result);
// Commits `file` unless the export failed or was cancelled (then discards it).
ExportResult finish(QSaveFile &file, ExportResult result);

// Streams `table`, calling `write` per row and `progress` every few thousand
// rows. Catches StoreError into `result`. False when it stopped early.
bool streamRows(const dataset::Table &table, const std::function<bool(const dataset::Row &)> &write,
                const ExportProgress &progress, ExportResult &result);

ExportResult writeDelimited(const dataset::Table &table, const QString &path, QChar delimiter,
                            const ExportOptions &options, const ExportProgress &progress);
ExportResult writeXlsx(const QList<const dataset::Table *> &tables, const QString &path,
                       const ExportProgress &progress);
ExportResult writeStatistics(const dataset::Table &table, Format format, const QString &path,
                             const ExportProgress &progress);
bool xlsxAvailable();
bool statisticsAvailable();

} // namespace newscoder::exporting::detail
