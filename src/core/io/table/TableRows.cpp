#include "io/table/TableRows.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace newscoder::table {

QStringList headerNames(QStringList names)
{
    QHash<QString, int> seen;
    for (int i = 0; i < names.size(); ++i) {
        QString name = names[i].trimmed();
        if (i == 0 && name.startsWith(QChar(0xFEFF)))
            name.remove(0, 1);
        if (name.isEmpty())
            name = u"column %1"_s.arg(i + 1);
        const int n = ++seen[name.toLower()];
        names[i] = n == 1 ? name : u"%1 (%2)"_s.arg(name).arg(n);
    }
    return names;
}

QChar sniffDelimiter(const QString &text)
{
    int commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == u'"')
            quoted = !quoted;
        else if (!quoted && (c == u'\n' || c == u'\r'))
            break;
        else if (!quoted && c == u',')
            ++commas;
        else if (!quoted && c == u';')
            ++semicolons;
        else if (!quoted && c == u'\t')
            ++tabs;
    }
    if (tabs > 0 && commas == 0 && semicolons == 0)
        return u'\t';
    return semicolons > commas ? u';' : u',';
}

TableRows parseDelimited(const QString &text, QChar delimiter)
{
    TableRows out;
    QStringList record;
    QString field;
    bool quoted = false;     // inside a quoted field
    bool wasQuoted = false;  // the current field began with a quote
    int line = 1;            // physical line where the current record began
    int currentLine = 1;
    bool header = true;
    const auto endRecord = [&](bool atEnd) {
        record.append(field);
        field.clear();
        wasQuoted = false;
        const bool blank = record.size() == 1 && record.first().isEmpty();
        if (header) {
            if (!blank || atEnd) {
                if (record.size() > kMaxTableColumns) {
                    out.error = u"more than %1 columns"_s.arg(kMaxTableColumns);
                } else {
                    out.columns = headerNames(record);
                }
                header = false;
            }
        } else if (!(blank && atEnd)) {
            TableRow row;
            row.number = line;
            row.blankLine = blank;
            if (record.size() > out.columns.size() && !(blank && out.columns.size() == 1)) {
                row.error = u"has %1 cells, the header %2 (is the delimiter right?)"_s.arg(record.size()).arg(
                    out.columns.size());
            } else {
                while (record.size() < out.columns.size())
                    record.append(QString());
                row.cells = record;
            }
            out.rows.append(row);
        }
        record.clear();
        line = currentLine;
    };
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n && out.error.isEmpty(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < n && text[i + 1] == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == u'\n' || (c == u'\r' && !(i + 1 < n && text[i + 1] == u'\n')))
                    ++currentLine;
                field += c;
            }
        } else if (c == u'"' && field.isEmpty() && !wasQuoted) {
            quoted = true;
            wasQuoted = true;
        } else if (c == delimiter) {
            record.append(field);
            field.clear();
            wasQuoted = false;
            if (record.size() > kMaxTableColumns + 1)
                out.error = u"more than %1 cells in row %2"_s.arg(kMaxTableColumns).arg(line);
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < n && text[i + 1] == u'\n')
                ++i;
            ++currentLine;
            endRecord(false);
        } else {
            field += c;
        }
    }
    if (!out.error.isEmpty())
        return out;
    if (quoted) {
        // The quote opened at `line` never closed: that record is broken, the rest was read.
        if (header) {
            out.error = u"the header row opens a quote that is never closed"_s;
            return out;
        }
        out.rows.append({line, {}, u"opens a quote that is never closed"_s});
        return out;
    }
    if (!field.isEmpty() || !record.isEmpty() || header)
        endRecord(true);
    while (!out.rows.isEmpty() && out.rows.last().blankLine)
        out.rows.removeLast(); // empty lines at the end of the file are no rows
    if (out.columns.isEmpty() || (out.columns.size() == 1 && out.columns.first().startsWith(u"column "_s)))
        out.error = u"no header row"_s;
    return out;
}

TableRows parseJsonLines(const QString &text)
{
    TableRows out;
    QHash<QString, int> index;
    QList<QHash<int, QString>> values;
    int number = 0;
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype end = text.indexOf(u'\n', start);
        if (end < 0)
            end = text.size();
        ++number;
        const QString line = text.mid(start, end - start).trimmed();
        start = end + 1;
        if (line.isEmpty() || (number == 1 && line == QString(QChar(0xFEFF))))
            continue;
        TableRow row;
        row.number = number;
        QHash<int, QString> cells;
        if (line.size() > kMaxJsonLineBytes) {
            row.error = u"line longer than %1 MiB"_s.arg(kMaxJsonLineBytes >> 20);
        } else {
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8(), &error);
            if (error.error != QJsonParseError::NoError) {
                row.error = u"not JSON: %1 at character %2"_s.arg(error.errorString()).arg(error.offset);
            } else if (!doc.isObject()) {
                row.error = u"not a JSON object"_s;
            } else {
                const QJsonObject object = doc.object();
                for (auto it = object.begin(); it != object.end(); ++it) {
                    int column = index.value(it.key(), -1);
                    if (column < 0) {
                        if (index.size() >= kMaxTableColumns) {
                            row.error = u"more than %1 distinct keys"_s.arg(kMaxTableColumns);
                            break;
                        }
                        column = int(index.size());
                        index.insert(it.key(), column);
                        out.columns.append(it.key());
                    }
                    const QJsonValue v = it.value();
                    QString cell;
                    if (v.isString())
                        cell = v.toString();
                    else if (v.isDouble())
                        cell = QString::number(v.toDouble(), 'g', QLocale::FloatingPointShortest);
                    else if (v.isBool())
                        cell = v.toBool() ? u"true"_s : u"false"_s;
                    else if (v.isArray())
                        cell = QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
                    else if (v.isObject())
                        cell = QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
                    cells.insert(column, cell);
                }
            }
        }
        out.rows.append(row);
        values.append(row.error.isEmpty() ? cells : QHash<int, QString>());
    }
    for (qsizetype r = 0; r < out.rows.size(); ++r) {
        if (!out.rows[r].error.isEmpty())
            continue;
        QStringList cells;
        cells.reserve(out.columns.size());
        for (int c = 0; c < out.columns.size(); ++c)
            cells.append(values[r].value(c));
        out.rows[r].cells = cells;
    }
    if (out.rows.isEmpty())
        out.error = u"no JSON lines found"_s;
    return out;
}

} // namespace newscoder::table
