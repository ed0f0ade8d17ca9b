#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace newscoder::table {

// One record of a table file: its cells in column order, or why it could not be read.
struct TableRow
{
    int number = 0;    // as a user finds it: the CSV/TSV row (the header is row 1), the JSONL line
    QStringList cells; // one per column (missing cells are empty strings)
    QString error;     // set when the record is broken (too many cells, not a JSON object, …)
    bool blankLine = false; // the record was an empty line
};

struct TableRows
{
    QStringList columns; // header names (JSONL: the keys in the order first seen)
    QList<TableRow> rows;
    QString error;       // the whole file is unreadable
};

// Caps: a table this wide is not an article table; a cell this long is not an article.
inline constexpr int kMaxTableColumns = 4096;
inline constexpr int kMaxJsonLineBytes = 32 * 1024 * 1024;

// Header names as the readers use them: trimmed (a leading BOM dropped), an empty name becomes
// "column N", a repeated one gets " (2)", " (3)" (compared case-insensitively).
QStringList headerNames(QStringList names);

// ',' or ';' (whichever occurs more often outside quotes in the header line), '\t' for a
// header with tabs and neither.
QChar sniffDelimiter(const QString &text);

// RFC 4180 records: fields separated by `delimiter`, optionally in double quotes ("" is a
// quote; quoted fields may span lines). CRLF, LF and CR end records. The first record is the
// header (empty names become "column N", repeated names get " (2)"). A record with more cells
// than the header is an error row; fewer cells are padded with empty ones. A quote left open
// at the end of the file is an error for the record it opened. One linear pass.
TableRows parseDelimited(const QString &text, QChar delimiter);

// JSON Lines: one JSON object per non-empty line. Strings, numbers and booleans become cell
// text, null an empty cell, arrays and objects their compact JSON. A line that is not a JSON
// object is an error row with the parser's reason.
TableRows parseJsonLines(const QString &text);

} // namespace newscoder::table
