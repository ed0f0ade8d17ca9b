// What File ▸ Export ▸ Dataset… writes, and the work itself: run on a worker
// thread through its own read-only connection to the project file (a store
// belongs to the thread that opened it), so the window stays responsive.
#pragma once

#include "dataset/Dataset.h"
#include "export/ExportTypes.h"

#include "storage/ProjectReader.h"

#include <QStringList>

#include <optional>

namespace newscoder {

struct DatasetExportSpec
{
    // What a choice of table and format writes.
    enum class Output {
        TableFile,   // one table as csv, tsv, xlsx, sav or dta
        Workbook,    // every table as a sheet of one xlsx
        StudyFolder, // every table as csv (+ sav or dta), manifest.json, import.R
        Jsonl,       // one object per article with its annotations nested
    };

    std::optional<dataset::TableKind> table = dataset::TableKind::Segments; // nullopt: every table
    exporting::Format format = exporting::Format::Csv;
    QString target; // a file, or a folder for a study folder
    dataset::Filter filter;
    exporting::ExportOptions options;

    Output output() const;
    // The table the preview shows (segments for every table and JSON Lines).
    dataset::TableKind previewTable() const { return table.value_or(dataset::TableKind::Segments); }
    // Why this cannot be exported as it stands (empty when it can).
    QString problem() const;
    // The file suffix the target gets ("" for a study folder).
    QString suffix() const;
};

// The first rows of the chosen table as the writer will write them: column
// names (legal SPSS/Stata names for .sav/.dta) and cells as text.
struct DatasetPreview
{
    dataset::TableKind table = dataset::TableKind::Segments;
    QStringList header;
    QStringList headerTips; // original column name, type and label
    QList<QStringList> rows;
    bool more = false; // the table has more rows than shown
    QString error;
};

// Both run on any thread: they open their own reader of `project` there.
DatasetPreview readDatasetPreview(const ReaderSource &project, const DatasetExportSpec &spec, int maxRows);
exporting::ExportResult runDatasetExport(const ReaderSource &project, const DatasetExportSpec &spec,
                                         const exporting::ExportProgress &progress);
// The codebook document (.html, .md or .pdf by suffix).
exporting::ExportResult runCodebookDocument(const ReaderSource &project, const QString &target);

} // namespace newscoder
