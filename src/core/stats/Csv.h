#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <functional>

namespace newscoder::stats {

// RFC 4180 CSV from UTF-8 bytes: an optional UTF-8 byte order mark; fields
// separated by ','; records ended by CRLF, LF or CR; a field in double quotes
// may contain ',', line breaks and "" for one quote (a quote inside an
// unquoted field is taken literally). Lines without any character are
// skipped.

// Streaming form: calls `onRecord` with the fields of each record and the
// 1-based line on which it starts; the views are valid only during the call.
// If `onRecord` returns false parsing stops and parseCsv returns false
// (leaving `error` to the handler). Returns false with a message in `error`
// on invalid UTF-8, an unterminated quoted field or text after a closing quote.
using CsvRecordHandler = std::function<bool(const QList<QStringView> &fields, qsizetype line)>;
bool parseCsv(QByteArrayView bytes, const CsvRecordHandler &onRecord, QString *error);

struct CsvTable
{
    QList<QStringList> records;
    QList<qsizetype> lines; // 1-based line on which each record starts
};

// Collecting form.
bool parseCsv(QByteArrayView bytes, CsvTable &table, QString *error);

} // namespace newscoder::stats
