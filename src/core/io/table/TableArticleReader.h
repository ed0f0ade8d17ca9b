#pragma once

#include "io/ArticleBatch.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace newscoder {

// Largest table file read (tables from scrapers hold many articles).
inline constexpr qint64 kMaxTableFileBytes = qint64(200) * 1024 * 1024;

// "csv", "tsv", "jsonl" or "xlsx" by the file's extension (.csv, .tsv/.tab, .jsonl/.ndjson,
// .xlsx), else empty.
QString tableFormatOf(const QString &path);

// Reads a table of articles, one per row (pure: no I/O beyond the bytes given).
//
// Decoding: decodeText (BOM, UTF-8, else detected; `encoding` overrides). CSV: the delimiter
// is sniffed from the header (',' or ';'; tab when it has only tabs); TSV: tab. JSONL: one
// object per line, its keys the columns. XLSX: the first worksheet (table::parseXlsx; no
// decoding needed). Columns map to article fields through
// table::resolveMapping with `columnMap` ((field, column) pairs, e.g. from
// `--map text=body,title=headline`) and the usual names for the rest; a table without a text
// column is an error for the file. Every other non-empty cell is kept as metadata under its
// column name; the external id also as "external_id" (with "external_id_column").
//
// Each row gives a document: text = the text cell (line endings normalised to LF, trailing
// white space removed), title = the title cell, else the text's first line (cut at 120
// characters), date = parseNewsDate of the date cell (the cell as written kept in
// "published", ISO 8601 in "published_iso"; an unreadable date is a warning and stays in
// metadata), url, outlet (else the URL's host), author. Metadata also holds "source_file",
// "format" and "row". Empty rows, rows whose text cell is empty and broken rows are listed in
// `rejected` with their row number and reason; the other rows are read.
ArticleBatch readTableArticles(const QByteArray &bytes, const QString &fileName, const QString &format,
                               const QString &encoding, const QList<QPair<QString, QString>> &columnMap);

} // namespace newscoder
