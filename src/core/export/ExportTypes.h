// Formats, options and results of the dataset export.
#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace newscoder::exporting {

enum class Format { Csv, Tsv, Xlsx, Jsonl, Sav, Dta };

QString formatName(Format format); // "csv", "tsv", …
std::optional<Format> formatFromName(const QString &name);

struct ExportOptions
{
    QChar delimiter = u',';          // CSV only (';' for Excel in comma-decimal locales)
    bool byteOrderMark = false;      // CSV/TSV: a UTF-8 BOM so Excel reads UTF-8
    bool neutraliseFormulas = false; // text cells starting with = + - @ get a leading '
};

// Called every few thousand rows with the rows written so far; returning
// false cancels the export (nothing is written).
using ExportProgress = std::function<bool(qint64 rows)>;

struct ExportResult
{
    bool ok = false;
    bool cancelled = false;
    QString error;          // why it failed (nothing was written)
    qint64 rows = 0;        // data rows written (all tables)
    QStringList warnings;   // e.g. names that had to change
};

} // namespace newscoder::exporting
