#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

namespace newscoder::stats {

struct CsvTable
{
    QList<QStringList> records;
    QList<qsizetype> lines;   // 1-based line on which each record starts
};

// RFC 4180 CSV from UTF-8 bytes: an optional UTF-8 byte order mark; fields
// separated by ','; records ended by CRLF, LF or CR; a field in double quotes
// may contain ',', line breaks and "" for one quote. Lines without any
// character are skipped. Returns false with a message on invalid UTF-8, an
// unterminated quoted field or text after a closing quote.
bool parseCsv(QByteArrayView bytes, CsvTable &table, QString *error);

} // namespace newscoder::stats
