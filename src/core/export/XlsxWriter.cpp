#include "export/Writers_p.h"

#ifdef NEWSCODER_HAVE_XLSXWRITER

#include "export/CellText.h"

#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <xlsxwriter.h>

// XLSX through libxlsxwriter in constant-memory mode: one sheet per table,
// typed cells (numbers as numbers, dates as dates), a bold, frozen header
// row with an autofilter. The workbook is written to a temporary folder and
// then copied into a QSaveFile, so a failed or cancelled export leaves the
// target untouched. Excel's limits are reported, never silently applied:
// longer cells are cut with a warning naming them; a sheet over 1,048,576
// rows fails the export.

namespace newscoder::exporting::detail {

namespace {

constexpr qsizetype MaxCellCharacters = 32767;
constexpr qint64 MaxSheetRows = 1048576; // header included

lxw_datetime toExcel(const QDate &d, const QTime &t = QTime(0, 0))
{
    return lxw_datetime{d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second() + t.msec() / 1000.0};
}

struct Workbook
{
    lxw_workbook *book = nullptr;
    ~Workbook()
    {
        if (book)
            workbook_close(book); // only on failure paths: closes the half-written temp workbook
    }
};

} // namespace

bool xlsxAvailable()
{
    return true;
}

ExportResult writeXlsx(const QList<const dataset::Table *> &tables, const QString &path,
                       const ExportProgress &progress)
{
    ExportResult result;
    QSaveFile target;
    if (!openTarget(target, path, result))
        return result;
    QTemporaryDir scratch;
    if (!scratch.isValid()) {
        result.error = QStringLiteral("Cannot create a temporary folder: %1").arg(scratch.errorString());
        return finish(target, result);
    }
    const QByteArray tempBook = QFile::encodeName(scratch.filePath(QStringLiteral("export.xlsx")));
    const QByteArray tempDir = QFile::encodeName(scratch.path());
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = tempDir.constData();
    options.use_zip64 = LXW_TRUE;
    Workbook wb;
    wb.book = workbook_new_opt(tempBook.constData(), &options);
    if (!wb.book) {
        result.error = QStringLiteral("Cannot start the XLSX workbook.");
        return finish(target, result);
    }
    lxw_format *header = workbook_add_format(wb.book);
    format_set_bold(header);
    lxw_format *date = workbook_add_format(wb.book);
    format_set_num_format(date, "yyyy-mm-dd");
    lxw_format *dateTime = workbook_add_format(wb.book);
    format_set_num_format(dateTime, "yyyy-mm-dd hh:mm:ss");

    qint64 cutCells = 0;
    QString firstCut;
    for (const dataset::Table *table : tables) {
        const QByteArray sheetName = table->name().left(31).toUtf8();
        lxw_worksheet *sheet = workbook_add_worksheet(wb.book, sheetName.constData());
        const QList<dataset::Column> &columns = table->columns();
        if (!sheet || columns.size() > 16384) {
            result.error = QStringLiteral("The %1 table has more columns than a worksheet holds.").arg(table->name());
            return finish(target, result);
        }
        worksheet_freeze_panes(sheet, 1, 0);
        for (qsizetype c = 0; c < columns.size(); ++c)
            worksheet_write_string(sheet, 0, lxw_col_t(c), columns[c].name.toUtf8().constData(), header);
        qint64 row = 0;
        bool ok = streamRows(
            *table,
            [&](const dataset::Row &cells) {
                ++row;
                if (row >= MaxSheetRows) {
                    result.error = QStringLiteral("The %1 table has more than %2 rows, the most an Excel sheet holds. "
                                                  "Export it as CSV, or filter it (coders, codes, articles).")
                                       .arg(table->name())
                                       .arg(MaxSheetRows - 1);
                    return false;
                }
                for (qsizetype c = 0; c < cells.size(); ++c) {
                    const QVariant &v = cells[c];
                    if (v.isNull())
                        continue;
                    const auto r = lxw_row_t(row);
                    const auto col = lxw_col_t(c);
                    switch (columns[c].type) {
                    case dataset::ColumnType::Integer:
                    case dataset::ColumnType::Number:
                        worksheet_write_number(sheet, r, col, v.toDouble(), nullptr);
                        break;
                    case dataset::ColumnType::Date: {
                        lxw_datetime d = toExcel(v.toDate());
                        worksheet_write_datetime(sheet, r, col, &d, date);
                        break;
                    }
                    case dataset::ColumnType::DateTime: {
                        const QDateTime t = v.toDateTime().toUTC();
                        lxw_datetime d = toExcel(t.date(), t.time());
                        worksheet_write_datetime(sheet, r, col, &d, dateTime);
                        break;
                    }
                    case dataset::ColumnType::Text: {
                        QString text = v.toString();
                        if (text.isEmpty())
                            break;
                        if (text.size() > MaxCellCharacters) {
                            qsizetype keep = MaxCellCharacters;
                            if (text.at(keep - 1).isHighSurrogate())
                                --keep;
                            text.truncate(keep);
                            if (cutCells++ == 0)
                                firstCut = QStringLiteral("%1, row %2, column %3")
                                               .arg(table->name())
                                               .arg(row + 1)
                                               .arg(columns[c].name);
                        }
                        if (worksheet_write_string(sheet, r, col, text.toUtf8().constData(), nullptr)
                            != LXW_NO_ERROR) {
                            result.error = QStringLiteral("Cannot write a cell (%1, row %2, column %3).")
                                               .arg(table->name())
                                               .arg(row + 1)
                                               .arg(columns[c].name);
                            return false;
                        }
                        break;
                    }
                    }
                }
                return true;
            },
            progress, result);
        if (!ok)
            return finish(target, result);
        worksheet_autofilter(sheet, 0, 0, lxw_row_t(row), lxw_col_t(qMax<qsizetype>(0, columns.size() - 1)));
    }
    const lxw_error closed = workbook_close(wb.book);
    wb.book = nullptr;
    if (closed != LXW_NO_ERROR) {
        result.error = QStringLiteral("Cannot write the XLSX workbook: %1").arg(QString::fromUtf8(lxw_strerror(closed)));
        return finish(target, result);
    }
    if (cutCells > 0)
        result.warnings.append(QStringLiteral("%1 cell(s) were longer than Excel's limit of 32,767 characters and were "
                                              "cut in the XLSX file (first: %2). CSV and JSONL keep the full text.")
                                   .arg(cutCells)
                                   .arg(firstCut));
    QFile book(QString::fromLocal8Bit(tempBook));
    if (!book.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("Cannot read the written workbook back: %1").arg(book.errorString());
        return finish(target, result);
    }
    while (!book.atEnd()) {
        const QByteArray chunk = book.read(1 << 20);
        if (target.write(chunk) != chunk.size()) {
            result.error = QStringLiteral("Cannot write %1: %2").arg(path, target.errorString());
            break;
        }
    }
    return finish(target, result);
}

} // namespace newscoder::exporting::detail

#else

namespace newscoder::exporting::detail {

bool xlsxAvailable()
{
    return false;
}

ExportResult writeXlsx(const QList<const dataset::Table *> &, const QString &, const ExportProgress &)
{
    ExportResult result;
    result.error = QStringLiteral("This build of Newscoder cannot write XLSX (libxlsxwriter was not found).");
    return result;
}

} // namespace newscoder::exporting::detail

#endif
