#include "io/table/XlsxRows.h"

#include "refi/RefiArchive.h"
#include "refi/RefiXml.h"

#include <QDate>
#include <QHash>
#include <QMap>
#include <QSet>
#include <QXmlStreamReader>

#include <cmath>

using namespace Qt::StringLiterals;

namespace newscoder::table {

namespace {

constexpr int kMaxSharedStrings = 5000000;
constexpr int kMaxRows = 2000000;

refi::ArchiveLimits xlsxLimits()
{
    refi::ArchiveLimits limits;
    limits.maxTotalBytes = qint64(1) << 30;
    limits.maxEntryBytes = qint64(512) << 20;
    limits.maxEntries = 10000;
    return limits;
}

// "BC12" → 54 (0-based column), -1 when not a cell reference.
int columnOf(QStringView ref)
{
    int column = 0;
    qsizetype i = 0;
    for (; i < ref.size() && ref[i].isLetter(); ++i) {
        column = column * 26 + (ref[i].toUpper().unicode() - u'A' + 1);
        if (column > kMaxTableColumns + 1)
            return kMaxTableColumns + 1;
    }
    return i == 0 ? -1 : column - 1;
}

QStringList readSharedStrings(const QByteArray &xml, QString *error)
{
    QStringList strings;
    QXmlStreamReader r(xml);
    QString current;
    bool inItem = false;
    int phonetic = 0; // rPh: phonetic hints, not text
    while (!r.atEnd()) {
        if (!refi::nextSafeToken(r, error))
            return {};
        const auto name = r.name();
        if (r.isStartElement()) {
            if (name == "si"_L1) {
                inItem = true;
                current.clear();
            } else if (name == "rPh"_L1) {
                ++phonetic;
            } else if (name == "t"_L1 && inItem && phonetic == 0) {
                current += r.readElementText();
            }
        } else if (r.isEndElement()) {
            if (name == "si"_L1) {
                if (strings.size() >= kMaxSharedStrings) {
                    *error = u"more than %1 shared strings"_s.arg(kMaxSharedStrings);
                    return {};
                }
                strings.append(current);
                inItem = false;
            } else if (name == "rPh"_L1) {
                --phonetic;
            }
        }
    }
    return strings;
}

// Which cell styles (index into cellXfs) show numbers as dates.
QSet<int> readDateStyles(const QByteArray &xml)
{
    QSet<int> dates;
    QXmlStreamReader r(xml);
    QString ignored;
    QSet<int> customDateFormats;
    bool inCellXfs = false;
    int xf = 0;
    while (!r.atEnd()) {
        if (!refi::nextSafeToken(r, &ignored))
            return dates;
        const auto name = r.name();
        if (r.isStartElement()) {
            if (name == "numFmt"_L1) {
                QString code = r.attributes().value("formatCode"_L1).toString().toLower();
                // Quoted literals and [colour] parts are no date letters.
                QString bare;
                bool quoted = false, bracket = false;
                for (const QChar c : code) {
                    if (c == u'"')
                        quoted = !quoted;
                    else if (c == u'[')
                        bracket = true;
                    else if (c == u']')
                        bracket = false;
                    else if (!quoted && !bracket)
                        bare += c;
                }
                if (bare.contains(u'y') || bare.contains(u'd') || (bare.contains(u'm') && !bare.contains(u'0')))
                    customDateFormats.insert(r.attributes().value("numFmtId"_L1).toInt());
            } else if (name == "cellXfs"_L1) {
                inCellXfs = true;
            } else if (name == "xf"_L1 && inCellXfs) {
                const int id = r.attributes().value("numFmtId"_L1).toInt();
                if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47) || customDateFormats.contains(id))
                    dates.insert(xf);
                ++xf;
            }
        } else if (r.isEndElement() && name == "cellXfs"_L1) {
            inCellXfs = false;
        }
    }
    return dates;
}

QString excelDate(double serial)
{
    if (!std::isfinite(serial) || serial < 0 || serial > 2958465) // 9999-12-31
        return QString::number(serial, 'g', QLocale::FloatingPointShortest);
    const double days = std::floor(serial);
    const QDate date = QDate(1899, 12, 30).addDays(qint64(days));
    const int seconds = int(std::lround((serial - days) * 86400.0));
    if (seconds == 0 || seconds >= 86400)
        return date.toString(Qt::ISODate);
    return date.toString(Qt::ISODate) + u'T' + QTime(0, 0).addSecs(seconds).toString(Qt::ISODate);
}

// xl/worksheets/…: the path of the workbook's first sheet.
QString firstSheetPath(refi::ArchiveReader &archive)
{
    QString relationId;
    if (const auto workbook = archive.read(u"xl/workbook.xml"_s)) {
        QXmlStreamReader r(*workbook);
        QString ignored;
        while (!r.atEnd() && relationId.isEmpty() && refi::nextSafeToken(r, &ignored)) {
            if (r.isStartElement() && r.name() == "sheet"_L1) {
                for (const QXmlStreamAttribute &a : r.attributes()) {
                    if (a.name() == "id"_L1)
                        relationId = a.value().toString();
                }
            }
        }
    }
    if (const auto rels = archive.read(u"xl/_rels/workbook.xml.rels"_s); rels && !relationId.isEmpty()) {
        QXmlStreamReader r(*rels);
        QString ignored;
        while (!r.atEnd() && refi::nextSafeToken(r, &ignored)) {
            if (r.isStartElement() && r.name() == "Relationship"_L1
                && r.attributes().value("Id"_L1) == relationId) {
                QString target = r.attributes().value("Target"_L1).toString();
                if (target.startsWith(u'/'))
                    return target.mid(1);
                return u"xl/"_s + target;
            }
        }
    }
    return u"xl/worksheets/sheet1.xml"_s;
}

} // namespace

TableRows parseXlsx(const QByteArray &bytes)
{
    TableRows out;
    if (bytes.startsWith("\xD0\xCF\x11\xE0")) {
        out.error = u"not a readable XLSX file: a password-protected workbook or an old binary .xls; save it as .xlsx "
                    "without a password, or as CSV"_s;
        return out;
    }
    refi::ArchiveReader archive;
    if (!archive.openData(bytes, xlsxLimits())) {
        const QString why = archive.error();
        out.error = why.startsWith(u"Not a readable zip archive"_s) ? u"not a readable XLSX file (corrupt)"_s : why;
        return out;
    }
    QString error;
    QStringList shared;
    if (const auto xml = archive.read(u"xl/sharedStrings.xml"_s)) {
        shared = readSharedStrings(*xml, &error);
        if (!error.isEmpty()) {
            out.error = u"corrupt XLSX file: %1"_s.arg(error);
            return out;
        }
    }
    QSet<int> dateStyles;
    if (const auto xml = archive.read(u"xl/styles.xml"_s))
        dateStyles = readDateStyles(*xml);
    const QString sheetPath = firstSheetPath(archive);
    const auto sheet = archive.read(sheetPath);
    if (!sheet) {
        out.error = u"not an XLSX workbook: %1"_s.arg(archive.error());
        return out;
    }

    QXmlStreamReader r(*sheet);
    QMap<int, QString> row;
    int rowNumber = 0, nextRow = 1;
    int column = -1, nextColumn = 0, style = 0;
    QString type, value;
    bool header = true;
    const auto finishRow = [&] {
        bool empty = true;
        for (const QString &v : std::as_const(row))
            empty = empty && v.trimmed().isEmpty();
        if (header) {
            if (empty)
                return;
            const int width = row.isEmpty() ? 0 : row.lastKey() + 1;
            for (int c = 0; c < width; ++c)
                out.columns.append(row.value(c));
            // Same naming rules as CSV headers (empty → "column N", repeated → " (2)").
            out.columns = headerNames(out.columns);
            header = false;
            return;
        }
        TableRow tableRow;
        tableRow.number = rowNumber;
        if (!row.isEmpty() && row.lastKey() >= out.columns.size() && !row.value(row.lastKey()).trimmed().isEmpty()) {
            tableRow.error = u"has a cell in column %1, right of the header's last column"_s.arg(row.lastKey() + 1);
        } else {
            for (int c = 0; c < out.columns.size(); ++c)
                tableRow.cells.append(row.value(c));
        }
        tableRow.blankLine = empty;
        out.rows.append(tableRow);
    };
    while (!r.atEnd()) {
        if (!refi::nextSafeToken(r, &error)) {
            out.error = u"corrupt XLSX worksheet: %1"_s.arg(error);
            return out;
        }
        const auto name = r.name();
        if (r.isStartElement()) {
            if (name == "row"_L1) {
                row.clear();
                const int given = r.attributes().value("r"_L1).toInt();
                rowNumber = given > 0 ? given : nextRow;
                if (!header && rowNumber > nextRow) {
                    // Rows the sheet leaves out between data rows are empty rows: reported.
                    const int gap = rowNumber - nextRow;
                    out.rows.append({nextRow, {}, gap == 1 ? u"empty row"_s
                                                           : u"empty row (and the %1 empty rows after it)"_s.arg(gap - 1),
                                     true});
                }
                nextRow = rowNumber + 1;
                nextColumn = 0;
                if (out.rows.size() >= kMaxRows) {
                    out.error = u"more than %1 rows"_s.arg(kMaxRows);
                    return out;
                }
            } else if (name == "c"_L1) {
                const int given = columnOf(r.attributes().value("r"_L1));
                column = given >= 0 ? given : nextColumn;
                nextColumn = column + 1;
                if (column >= kMaxTableColumns) {
                    out.error = u"more than %1 columns"_s.arg(kMaxTableColumns);
                    return out;
                }
                type = r.attributes().value("t"_L1).toString();
                style = r.attributes().value("s"_L1).toInt();
                value.clear();
            } else if (name == "v"_L1 && column >= 0) {
                value = r.readElementText();
            } else if (name == "t"_L1 && column >= 0 && type == u"inlineStr"_s) {
                value += r.readElementText();
            }
        } else if (r.isEndElement()) {
            if (name == "c"_L1 && column >= 0) {
                QString cell = value;
                if (type == u"s"_s) {
                    bool ok = false;
                    const int index = value.toInt(&ok);
                    cell = ok && index >= 0 && index < shared.size() ? shared[index] : QString();
                } else if (type == u"b"_s) {
                    cell = value == u"1"_s ? u"true"_s : u"false"_s;
                } else if ((type.isEmpty() || type == u"n"_s) && dateStyles.contains(style) && !value.isEmpty()) {
                    bool ok = false;
                    const double serial = value.toDouble(&ok);
                    if (ok)
                        cell = excelDate(serial);
                }
                if (!cell.isEmpty())
                    row.insert(column, cell);
                column = -1;
            } else if (name == "row"_L1) {
                finishRow();
            }
        }
    }
    while (!out.rows.isEmpty() && out.rows.last().blankLine)
        out.rows.removeLast();
    if (out.columns.isEmpty())
        out.error = u"the worksheet is empty"_s;
    return out;
}

} // namespace newscoder::table
