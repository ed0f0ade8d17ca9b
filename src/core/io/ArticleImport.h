#pragma once

#include "model/Document.h"

#include <QPair>
#include <QStringList>

#include <atomic>
#include <functional>

namespace newscoder {

// What reading a set of files produced: the documents to add, and for every
// file that was not read the reason — nothing is dropped silently.
// How one imported document was read (parallel to ImportReport::documents).
struct DocumentSource
{
    QString format;   // "text", "html", "docx", "odt", "pdf", "rtf", "csv", "tsv", "jsonl",
                      // "nexis", "factiva" or "proquest" (ArticleBatch::format)
    QString encoding; // "UTF-8", "windows-1251", …
    QString encodingSource; // encodingSourceName(): "BOM", "UTF-8", "declared", "detected", "given"
};

struct ImportOptions
{
    QString encoding; // non-empty: read every file with this encoding (no detection)
    // Tables: (field, column) pairs naming the columns of text, title, date, url, outlet,
    // author and id (table::parseColumnMap; `--map text=body,title=headline`).
    QList<QPair<QString, QString>> columnMap;
};

struct ImportReport
{
    QList<Document> documents;
    QList<DocumentSource> sources;           // how each document was read, same order
    QList<QPair<QString, QString>> skipped;  // path, reason
    QList<QPair<QString, QString>> warnings; // path, note (read, but look at it)
    bool cancelled = false;
};

// Progress callback: files done, files total. Runs on the calling thread.
using ImportProgress = std::function<void(int done, int total)>;

// Reads articles from files and folders (recursively): plain text (parseArticleText)
// saved web pages (parseHtmlArticle; by extension or content) and .docx / .odt
// (parseOfficeArticle), PDF, RTF, tables (CSV, TSV, JSONL) and news-database exports
// (readArticleFile, io/ArticleFileReader.h). Each file is read
// on its own: one that fails is listed in `skipped` with its reason and the others
// are still read. A part of a file that is not read (a table row, an article of an export)
// is listed in `skipped` with the file's path and "row 5: reason". Pure: it
// writes nothing, so it can run on a worker thread; the caller adds
// `documents` to the project in one undoable step (Project::importDocuments).
// Setting `*cancel` stops after the current file (report.cancelled is set).
ImportReport readArticles(const QStringList &paths, const ImportProgress &progress = {},
                          const std::atomic_bool *cancel = nullptr, const ImportOptions &options = {});

} // namespace newscoder
