#include "export/CellText.h"
#include "export/Writers_p.h"

// CSV and TSV after RFC 4180: UTF-8 (optionally with a byte-order mark),
// CRLF between records, a field quoted when it holds the delimiter, a quote,
// CR or LF, quotes doubled. Numbers in the C locale, dates ISO 8601,
// missing values empty.

namespace newscoder::exporting::detail {

namespace {

void appendField(QByteArray &out, const QString &text, QChar delimiter)
{
    bool quote = false;
    for (const QChar c : text) {
        if (c == delimiter || c == u'"' || c == u'\n' || c == u'\r') {
            quote = true;
            break;
        }
    }
    if (!quote) {
        out += text.toUtf8();
        return;
    }
    out += '"';
    out += QString(text).replace(u'"', QStringLiteral("\"\"")).toUtf8();
    out += '"';
}

} // namespace

ExportResult writeDelimited(const dataset::Table &table, const QString &path, QChar delimiter,
                            const ExportOptions &options, const ExportProgress &progress)
{
    ExportResult result;
    QSaveFile file;
    if (!openTarget(file, path, result))
        return result;
    const QList<dataset::Column> &columns = table.columns();
    const char separator = char(delimiter.unicode());
    QByteArray buffer;
    buffer.reserve(1 << 20);
    if (options.byteOrderMark)
        buffer += "\xEF\xBB\xBF";
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (i > 0)
            buffer += separator;
        appendField(buffer, columns[i].name, delimiter);
    }
    buffer += "\r\n";
    auto flush = [&]() {
        if (file.write(buffer) != buffer.size()) {
            result.error = QStringLiteral("Cannot write %1: %2").arg(path, file.errorString());
            return false;
        }
        buffer.clear();
        return true;
    };
    streamRows(
        table,
        [&](const dataset::Row &row) {
            for (qsizetype i = 0; i < row.size(); ++i) {
                if (i > 0)
                    buffer += separator;
                QString text = cellText(row[i]);
                if (options.neutraliseFormulas && columns[i].type == dataset::ColumnType::Text)
                    text = neutraliseFormula(text);
                appendField(buffer, text, delimiter);
            }
            buffer += "\r\n";
            return buffer.size() < (1 << 20) || flush();
        },
        progress, result);
    if (result.error.isEmpty() && !result.cancelled)
        flush();
    return finish(file, result);
}

} // namespace newscoder::exporting::detail
