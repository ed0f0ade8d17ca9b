// What an import would bring in, worked out before anything is written (the
// import dialog): every file with its detected format, encoding, article count
// and how many of its articles copy an earlier one; for tables the columns, a
// few rows and which column fills each article field. Per file the encoding
// and the column mapping can be chosen (as the CLI's --encoding and --map).
// Pure apart from reading the files: runs on a worker thread, cancellable.
#pragma once

#include "dedup/ImportDuplicates.h"
#include "io/ArticleImport.h"
#include "io/table/ColumnMapping.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>

namespace newscoder {

class ProjectReader;

// The researcher's choices for one file.
struct FileImportChoice
{
    QString encoding;                          // empty: detect
    QList<QPair<QString, QString>> columnMap;  // tables: (field, column); empty: by the usual names
};

struct FilePreview
{
    QString path;
    QString format;         // as ArticleBatch::format ("text", "html", "csv", "nexis", …)
    QString encoding;       // the encoding read with
    QString encodingSource; // encodingSourceName()
    int articles = 0;
    int duplicates = 0;     // articles that copy an earlier one (project or this import)
    QString error;          // the file cannot be imported: why
    QStringList notes;      // rows or articles not read, warnings
    // Tables (csv, tsv, jsonl, xlsx):
    bool isTable = false;
    QStringList columns;
    QList<QStringList> sampleRows;  // the first rows' cells
    table::ResolvedMapping mapping; // the columns that fill text, title, … (-1: none)
};

struct ImportPreview
{
    QList<FilePreview> files;
    QList<QPair<QString, QString>> unsupported; // paths not read at all, with the reason
    QList<Document> documents;                  // every article, file by file
    QList<int> fileOfDocument;                  // index into `files`
    dedup::ImportDuplicates duplicates;         // over `documents`
    bool cancelled = false;
};

// Rows of a table shown in the preview.
inline constexpr int kPreviewRows = 5;

// Reads `paths` (files or folders) as an import would, with `choices` per file
// path, and checks the articles for copies against `store` (null: among
// themselves only). Progress: files done, files total. Throws StoreError.
ImportPreview previewImport(const QStringList &paths, const QHash<QString, FileImportChoice> &choices,
                            const ProjectReader *store, const dedup::DuplicateOptions &duplicateOptions = {},
                            const ImportProgress &progress = {}, const std::atomic_bool *cancel = nullptr);

} // namespace newscoder
