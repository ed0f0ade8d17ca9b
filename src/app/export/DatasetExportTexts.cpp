#include "export/DatasetExportTexts.h"

#include <QCoreApplication>

namespace newscoder {

using exporting::Format;
using Output = DatasetExportSpec::Output;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DatasetExportDialog", text);
}

} // namespace

QString exportFormatTitle(Format format)
{
    switch (format) {
    case Format::Csv:
        return tr("CSV — comma-separated values (.csv)");
    case Format::Tsv:
        return tr("TSV — tab-separated values (.tsv)");
    case Format::Xlsx:
        return tr("Excel workbook (.xlsx)");
    case Format::Jsonl:
        return tr("JSON Lines — one article per line (.jsonl)");
    case Format::Sav:
        return tr("SPSS data file (.sav)");
    case Format::Dta:
        return tr("Stata data file (.dta)");
    }
    return {};
}

QString exportTableTitle(dataset::TableKind kind)
{
    switch (kind) {
    case dataset::TableKind::Segments:
        return tr("Segments — one row per coded span");
    case dataset::TableKind::Articles:
        return tr("Articles — one row per article and coder (variables, code counts)");
    case dataset::TableKind::Links:
        return tr("Links — one row per link (quote → speaker → actor)");
    case dataset::TableKind::Actors:
        return tr("Actors — the actor registry");
    case dataset::TableKind::Outlets:
        return tr("Outlets — the outlet registry with its variables");
    case dataset::TableKind::Codebook:
        return tr("Codebook — the data dictionary (codes, fields, values, labels)");
    }
    return {};
}

QString exportFileFilter(Format format)
{
    switch (format) {
    case Format::Csv:
        return tr("CSV files (*.csv)");
    case Format::Tsv:
        return tr("TSV files (*.tsv)");
    case Format::Xlsx:
        return tr("Excel workbooks (*.xlsx)");
    case Format::Jsonl:
        return tr("JSON Lines (*.jsonl)");
    case Format::Sav:
        return tr("SPSS data files (*.sav)");
    case Format::Dta:
        return tr("Stata data files (*.dta)");
    }
    return {};
}

QString exportOutputDescription(const DatasetExportSpec &spec)
{
    switch (spec.output()) {
    case Output::TableFile:
        if (spec.format == Format::Sav || spec.format == Format::Dta)
            return tr("One %1 file. Choice fields become numbered codes with their labels as value labels; "
                      "names too long or not allowed are renamed (the original stays in the variable label).")
                .arg(spec.format == Format::Sav ? QStringLiteral("SPSS") : QStringLiteral("Stata"));
        if (spec.format == Format::Xlsx)
            return tr("One workbook with this table as a sheet: a frozen, filtered header; numbers and dates as "
                      "typed cells.");
        return tr("One file in UTF-8, RFC 4180 quoting, numbers in C locale, dates ISO 8601.");
    case Output::Workbook:
        return tr("One Excel workbook with a sheet per table: segments, articles, links, actors, outlets, codebook.");
    case Output::StudyFolder:
        return tr("A folder with every table as CSV%1, manifest.json (columns, types, filters), import.R for R and "
                  "a reliability table.")
            .arg(spec.format == Format::Sav   ? tr(" and as SPSS files")
                 : spec.format == Format::Dta ? tr(" and as Stata files")
                                              : QString());
    case Output::Jsonl:
        return tr("One line per article with its metadata, variables and annotations (every field and link) — "
                  "lossless, for pandas or jq. The table choice does not apply.");
    }
    return {};
}

QString previewNote(const DatasetExportSpec &s, dataset::TableKind shown)
{
    const QString table = dataset::tableName(shown);
    QString note;
    switch (s.output()) {
    case Output::TableFile:
        note = s.format == Format::Sav || s.format == Format::Dta
                   ? tr("Column names as %1 gets them; choice columns are stored as numbered codes labelled "
                        "with these values.")
                         .arg(s.format == Format::Sav ? QStringLiteral("SPSS") : QStringLiteral("Stata"))
                   : tr("Line breaks inside a cell show as ↵. Point at a column name for its type and values.");
        break;
    case Output::Workbook:
    case Output::StudyFolder:
        note = tr("Shown: the %1 table; the other tables are written beside it.").arg(table);
        break;
    case Output::Jsonl:
        note = tr("Shown: the segments; JSON Lines nests them in one object per article.");
        break;
    }
    return note;
}

} // namespace newscoder
