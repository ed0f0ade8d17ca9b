#include "export/Writers_p.h"

#ifdef NEWSCODER_HAVE_READSTAT

#include "dataset/FieldColumns.h"
#include "export/VariableNames.h"
#include "model/OptionLabel.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QTimeZone>

#include <readstat.h>

// SPSS .sav and Stata .dta through ReadStat, written straight into a
// QSaveFile. Two passes over the table: the first counts rows, measures
// strings and finds values outside a choice's options; the second writes.
//  - names: legal and unique per tool (VariableNames); the variable label
//    keeps the column name and its description; renamed columns are listed
//    in a warning.
//  - choice fields (and non-numeric scales) are integer codes 1, 2, … in
//    option order with the option labels as value labels; a stored value no
//    option has (an option renamed after coding) gets the next code and
//    itself as label, with a warning.
//  - numeric scales (−3 … +3), booleans and 0/1 columns keep their numbers
//    with value labels.
//  - missing cells: a field the row's code has but nobody filled (also one
//    added after coding) is declared missing "not given" — Stata's extended
//    missing .a, in SPSS a user-missing code (-9, or -99, … when -9 is a
//    value) on labelled numeric columns; a field that does not apply to the
//    row (another code's) is system-missing. Text stays an empty string.
//  - strings: SPSS up to 32,767 bytes; Stata str up to 2,045 bytes, strL
//    beyond. SPSS value labels are cut at 120 bytes, variable labels at 255
//    (Stata: 80 characters).
//  - dates: Stata %td / %tc, SPSS SDATE10 / DATETIME20.

namespace newscoder::exporting::detail {

namespace {

struct Plan
{
    QString name;
    readstat_type_t type = READSTAT_TYPE_DOUBLE;
    qsizetype width = 1;                     // strings: UTF-8 bytes
    QHash<QString, int> codes;               // categorical: value → code
    QStringList extraValues;                 // categorical values outside the options
    bool notGiven = false;                   // declares the "not given" missing value
    double spssNotGiven = -9;                // SPSS: its user-missing code (Stata: .a)
    readstat_variable_t *variable = nullptr;
};

ssize_t writeToFile(const void *data, size_t len, void *ctx)
{
    auto *file = static_cast<QSaveFile *>(ctx);
    return ssize_t(file->write(static_cast<const char *>(data), qint64(len)));
}

QByteArray cutUtf8(const QString &text, qsizetype maxBytes)
{
    QByteArray bytes = text.toUtf8();
    if (bytes.size() <= maxBytes)
        return bytes;
    qsizetype n = maxBytes;
    while (n > 0 && (uchar(bytes.at(n)) & 0xC0) == 0x80) // do not split a character
        --n;
    bytes.truncate(n);
    return bytes;
}

bool integral(const QString &value)
{
    bool ok = false;
    const double d = QString(value).replace(QChar(0x2212), u'-').toDouble(&ok);
    return ok && d == double(qint32(d));
}

} // namespace

bool statisticsAvailable()
{
    return true;
}

ExportResult writeStatistics(const dataset::Table &table, Format format, const QString &path,
                             const ExportProgress &progress)
{
    ExportResult result;
    const bool stata = format == Format::Dta;
    const QList<dataset::Column> &columns = table.columns();
    if (columns.size() > 32767) {
        result.error = QStringLiteral("The %1 table has too many columns for this format.").arg(table.name());
        return result;
    }
    QList<Plan> plan(columns.size());
    for (qsizetype c = 0; c < columns.size(); ++c) {
        const dataset::Column &col = columns[c];
        for (qsizetype o = 0; col.categorical && o < col.valueLabels.size(); ++o)
            plan[c].codes.insert(col.valueLabels[o].value, int(o + 1));
    }
    // Pass 1: rows, string widths, values outside the options.
    qint64 rows = 0;
    ExportResult scan;
    if (!streamRows(
            table,
            [&](const dataset::Row &row) {
                ++rows;
                for (qsizetype c = 0; c < row.size(); ++c) {
                    const dataset::Column &col = columns[c];
                    if (col.type != dataset::ColumnType::Text || row[c].isNull())
                        continue;
                    const QString text = row[c].toString();
                    if (col.categorical) {
                        if (!text.isEmpty() && !plan[c].codes.contains(text)) {
                            plan[c].codes.insert(text, int(plan[c].codes.size() + 1));
                            plan[c].extraValues.append(text);
                        }
                    } else {
                        plan[c].width = qMax(plan[c].width, text.toUtf8().size());
                    }
                }
                return true;
            },
            progress, scan)) {
        scan.rows = 0;
        return scan;
    }

    QSaveFile file;
    if (!openTarget(file, path, result))
        return result;
    readstat_writer_t *writer = readstat_writer_init();
    readstat_set_data_writer(writer, writeToFile);
    const QByteArray fileLabel = QStringLiteral("Newscoder: %1 (%2)").arg(table.name(), table.grain()).toUtf8();
    readstat_writer_set_file_label(writer, fileLabel.left(80).constData());
    if (stata)
        readstat_writer_set_file_format_version(writer, 118);

    VariableNames names(stata ? NameRules::Stata : NameRules::Spss);
    QStringList renamed;
    qint64 cutStrings = 0;
    for (qsizetype c = 0; c < columns.size(); ++c) {
        const dataset::Column &col = columns[c];
        Plan &p = plan[c];
        p.name = names.legal(col.name);
        if (p.name != col.name)
            renamed.append(col.name + QStringLiteral(" → ") + p.name);
        bool labelled = !col.valueLabels.isEmpty();
        switch (col.type) {
        case dataset::ColumnType::Text:
            if (col.categorical) {
                p.type = stata ? READSTAT_TYPE_INT32 : READSTAT_TYPE_DOUBLE;
            } else if (stata && p.width > 2045) {
                p.type = READSTAT_TYPE_STRING_REF;
            } else {
                p.type = READSTAT_TYPE_STRING;
                if (!stata && p.width > 32767) {
                    p.width = 32767;
                    ++cutStrings;
                }
            }
            break;
        case dataset::ColumnType::Integer:
            p.type = stata ? READSTAT_TYPE_INT32 : READSTAT_TYPE_DOUBLE;
            break;
        default:
            p.type = READSTAT_TYPE_DOUBLE;
            break;
        }
        if (stata && labelled && !col.categorical) {
            for (const FieldOption &o : col.valueLabels)
                labelled = labelled && integral(o.value);
        }
        p.variable = readstat_add_variable(writer, p.name.toLatin1().constData(), p.type,
                                           p.type == READSTAT_TYPE_STRING ? size_t(p.width) : 0);
        const QString label = col.name + QStringLiteral(": ") + col.label;
        readstat_variable_set_label(p.variable, (stata ? cutUtf8(label.left(80), 80) : cutUtf8(label, 255)).constData());
        const bool numeric = p.type != READSTAT_TYPE_STRING && p.type != READSTAT_TYPE_STRING_REF;
        p.notGiven = numeric && table.mayBeNotGiven(c) && (stata || !col.valueLabels.isEmpty());
        if (p.notGiven && !stata) {
            QSet<double> used;
            for (qsizetype o = 0; o < col.valueLabels.size(); ++o) {
                const auto value = col.categorical ? std::optional<double>(double(o + 1))
                                                   : dataset::numericValue(col.valueLabels[o].value);
                if (value)
                    used.insert(*value);
            }
            while (used.contains(p.spssNotGiven))
                p.spssNotGiven = p.spssNotGiven * 10 - 9;
            readstat_variable_add_missing_double_value(p.variable, p.spssNotGiven);
        }
        if (col.type == dataset::ColumnType::Date)
            readstat_variable_set_format(p.variable, stata ? "%td" : "SDATE10");
        else if (col.type == dataset::ColumnType::DateTime)
            readstat_variable_set_format(p.variable, stata ? "%tc" : "DATETIME20");
        if (!stata) {
            readstat_variable_set_measure(p.variable, col.categorical && !col.ordered ? READSTAT_MEASURE_NOMINAL
                                                      : col.ordered                   ? READSTAT_MEASURE_ORDINAL
                                                      : col.type == dataset::ColumnType::Text
                                                          ? READSTAT_MEASURE_NOMINAL
                                                          : READSTAT_MEASURE_SCALE);
        }
        if (!labelled || (col.type == dataset::ColumnType::Text && !col.categorical))
            continue;
        const QByteArray setName = QString(QStringLiteral("l_") + p.name).left(stata ? 32 : 64).toLatin1();
        readstat_label_set_t *set =
            readstat_add_label_set(writer, stata ? READSTAT_TYPE_INT32 : READSTAT_TYPE_DOUBLE, setName.constData());
        auto addLabel = [&](double value, const QString &text) {
            const QByteArray bytes = stata ? cutUtf8(text, 32000) : cutUtf8(text, 120);
            if (stata)
                readstat_label_int32_value(set, qint32(value), bytes.constData());
            else
                readstat_label_double_value(set, value, bytes.constData());
        };
        if (col.categorical) {
            for (qsizetype o = 0; o < col.valueLabels.size(); ++o) {
                const FieldOption &opt = col.valueLabels[o];
                addLabel(double(o + 1), optionLabel(opt));
            }
            for (const QString &extra : p.extraValues)
                addLabel(double(p.codes.value(extra)), extra);
            if (!p.extraValues.isEmpty())
                result.warnings.append(QStringLiteral("%1: values no option has (%2) got codes after the options.")
                                           .arg(col.name, p.extraValues.join(QStringLiteral(", "))));
        } else {
            for (const FieldOption &opt : col.valueLabels) {
                bool ok = false;
                const double v = QString(opt.value).replace(QChar(0x2212), u'-').toDouble(&ok);
                if (ok)
                    addLabel(v, optionLabel(opt));
            }
        }
        if (p.notGiven) {
            if (stata)
                readstat_label_tagged_value(set, 'a', "not given");
            else
                addLabel(p.spssNotGiven, QStringLiteral("not given"));
        }
        readstat_variable_set_label_set(p.variable, set);
    }
    if (cutStrings > 0)
        result.warnings.append(QStringLiteral("%1 text column(s) hold values longer than SPSS's 32,767 bytes; those "
                                              "values were cut. CSV and JSONL keep the full text.")
                                   .arg(cutStrings));

    auto check = [&](readstat_error_t error, const QString &what) {
        if (error == READSTAT_OK)
            return true;
        if (result.error.isEmpty())
            result.error = QStringLiteral("Cannot write %1 (%2): %3")
                               .arg(path, what, QString::fromUtf8(readstat_error_message(error)));
        return false;
    };
    const long rowCount = long(rows);
    bool ok = check(stata ? readstat_begin_writing_dta(writer, &file, rowCount)
                          : readstat_begin_writing_sav(writer, &file, rowCount),
                    QStringLiteral("header"));
    const QDate stataEpoch(1960, 1, 1);
    const QDateTime stataEpochTime(stataEpoch, QTime(0, 0), QTimeZone::UTC);
    const QDateTime spssEpoch(QDate(1582, 10, 14), QTime(0, 0), QTimeZone::UTC);
    qint64 written = 0;
    if (ok) {
        streamRows(
            table,
            [&](const dataset::Row &row) {
                if (written++ >= rows) {
                    result.error = QStringLiteral("The project changed during the export; try again.");
                    return false;
                }
                if (!check(readstat_begin_row(writer), QStringLiteral("row")))
                    return false;
                for (qsizetype c = 0; c < row.size(); ++c) {
                    const Plan &p = plan[c];
                    const QVariant &v = row[c];
                    const dataset::Column &col = columns[c];
                    readstat_error_t e = READSTAT_OK;
                    if (v.isNull() && p.notGiven && table.notGiven(row, c)) {
                        e = stata ? readstat_insert_tagged_missing_value(writer, p.variable, 'a')
                                  : readstat_insert_double_value(writer, p.variable, p.spssNotGiven);
                    } else if (v.isNull() || (col.categorical && v.toString().isEmpty())) {
                        e = p.type == READSTAT_TYPE_STRING ? readstat_insert_string_value(writer, p.variable, "")
                                                           : readstat_insert_missing_value(writer, p.variable);
                    } else if (col.categorical) {
                        const int code = p.codes.value(v.toString());
                        e = p.type == READSTAT_TYPE_INT32 ? readstat_insert_int32_value(writer, p.variable, code)
                                                          : readstat_insert_double_value(writer, p.variable, code);
                    } else if (p.type == READSTAT_TYPE_STRING) {
                        e = readstat_insert_string_value(writer, p.variable, cutUtf8(v.toString(), p.width).constData());
                    } else if (p.type == READSTAT_TYPE_STRING_REF) {
                        readstat_string_ref_t *ref = readstat_add_string_ref(writer, v.toString().toUtf8().constData());
                        e = readstat_insert_string_ref(writer, p.variable, ref);
                    } else if (col.type == dataset::ColumnType::Date) {
                        const QDate d = v.toDate();
                        const double value = stata ? double(stataEpoch.daysTo(d))
                                                   : double(spssEpoch.date().daysTo(d)) * 86400.0;
                        e = readstat_insert_double_value(writer, p.variable, value);
                    } else if (col.type == dataset::ColumnType::DateTime) {
                        const QDateTime t = v.toDateTime().toUTC();
                        const double value = stata ? double(stataEpochTime.msecsTo(t))
                                                   : double(spssEpoch.msecsTo(t)) / 1000.0;
                        e = readstat_insert_double_value(writer, p.variable, value);
                    } else if (p.type == READSTAT_TYPE_INT32) {
                        e = readstat_insert_int32_value(writer, p.variable, qint32(v.toLongLong()));
                    } else {
                        e = readstat_insert_double_value(writer, p.variable, v.toDouble());
                    }
                    if (!check(e, col.name))
                        return false;
                }
                return check(readstat_end_row(writer), QStringLiteral("row"));
            },
            progress, result);
    }
    if (ok && result.error.isEmpty() && !result.cancelled) {
        if (written != rows)
            result.error = QStringLiteral("The project changed during the export; try again.");
        else
            check(readstat_end_writing(writer), QStringLiteral("end"));
    }
    readstat_writer_free(writer);
    if (!renamed.isEmpty())
        result.warnings.append(QStringLiteral("%1 column name(s) changed to legal %2 names: %3")
                                   .arg(renamed.size())
                                   .arg(stata ? QStringLiteral("Stata") : QStringLiteral("SPSS"))
                                   .arg(renamed.join(QStringLiteral("; "))));
    return finish(file, result);
}

} // namespace newscoder::exporting::detail

#else

namespace newscoder::exporting::detail {

bool statisticsAvailable()
{
    return false;
}

ExportResult writeStatistics(const dataset::Table &, Format, const QString &, const ExportProgress &)
{
    ExportResult result;
    result.error = QStringLiteral("This build of Newscoder cannot write SPSS or Stata files (ReadStat was not found).");
    return result;
}

} // namespace newscoder::exporting::detail

#endif
