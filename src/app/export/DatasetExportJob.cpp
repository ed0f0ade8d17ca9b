#include "export/DatasetExportJob.h"

#include "export/CellText.h"
#include "export/CodebookDocument.h"
#include "export/Exporter.h"
#include "export/StudyFolder.h"
#include "export/VariableNames.h"
#include "model/OptionLabel.h"
#include "storage/ProjectReader.h"
#include "storage/StoreError.h"

#include <QCoreApplication>

#include <vector>

namespace newscoder {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DatasetExport", text);
}

} // namespace

DatasetExportSpec::Output DatasetExportSpec::output() const
{
    if (format == exporting::Format::Jsonl)
        return Output::Jsonl;
    if (table)
        return Output::TableFile;
    return format == exporting::Format::Xlsx ? Output::Workbook : Output::StudyFolder;
}

QString DatasetExportSpec::suffix() const
{
    return output() == Output::StudyFolder ? QString() : exporting::formatName(format);
}

QString DatasetExportSpec::problem() const
{
    if (!exporting::formatAvailable(format))
        return tr("This build of Newscoder cannot write %1 files.").arg(exporting::formatName(format).toUpper());
    if (!table && format == exporting::Format::Tsv)
        return tr("Every table goes into a study folder of CSV files (plus SPSS or Stata); choose CSV, SPSS or "
                  "Stata, Excel for one workbook, or a single table for TSV.");
    if (target.trimmed().isEmpty())
        return output() == Output::StudyFolder ? tr("Choose the folder to write the study folder to.")
                                               : tr("Choose the file to write.");
    return {};
}

DatasetPreview readDatasetPreview(const ReaderSource &project, const DatasetExportSpec &spec, int maxRows)
{
    DatasetPreview preview;
    preview.table = spec.previewTable();
    try {
        const auto store = project.open();
        const dataset::Dataset data(*store, spec.filter);
        const auto table = data.table(preview.table);
        const QList<dataset::Column> &columns = table->columns();
        const bool statistics = spec.output() == DatasetExportSpec::Output::TableFile
                                && (spec.format == exporting::Format::Sav || spec.format == exporting::Format::Dta);
        exporting::VariableNames names(spec.format == exporting::Format::Dta ? exporting::NameRules::Stata
                                                                             : exporting::NameRules::Spss);
        for (const dataset::Column &c : columns) {
            preview.header.append(statistics ? names.legal(c.name) : c.name);
            QString tip = c.name + QStringLiteral(" (") + dataset::columnTypeName(c.type) + u')';
            if (!c.label.isEmpty() && c.label != c.name)
                tip += QStringLiteral("\n") + c.label;
            if (!c.valueLabels.isEmpty()) {
                QStringList labels;
                for (const FieldOption &o : c.valueLabels)
                    labels.append(optionLabel(o, OptionLabelStyle::ValueAndLabel));
                tip += QStringLiteral("\n") + tr("Values: ") + labels.join(QStringLiteral(", "));
            }
            preview.headerTips.append(tip);
        }
        const bool neutralise = spec.options.neutraliseFormulas
                                && (spec.format == exporting::Format::Csv || spec.format == exporting::Format::Tsv)
                                && spec.output() == DatasetExportSpec::Output::TableFile;
        table->forEachRow([&](const dataset::Row &row) {
            if (preview.rows.size() >= maxRows) {
                preview.more = true;
                return false;
            }
            QStringList cells;
            cells.reserve(row.size());
            for (qsizetype i = 0; i < row.size(); ++i) {
                QString text = exporting::cellText(row[i]);
                if (neutralise && columns.value(i).type == dataset::ColumnType::Text)
                    text = exporting::neutraliseFormula(text);
                cells.append(text);
            }
            preview.rows.append(cells);
            return true;
        });
    } catch (const StoreError &e) {
        preview.error = e.message();
    } catch (const std::exception &e) {
        preview.error = QString::fromLocal8Bit(e.what());
    }
    return preview;
}

exporting::ExportResult runDatasetExport(const ReaderSource &project, const DatasetExportSpec &spec,
                                         const exporting::ExportProgress &progress)
{
    exporting::ExportResult result;
    if (const QString problem = spec.problem(); !problem.isEmpty()) {
        result.error = problem;
        return result;
    }
    try {
        const auto store = project.open();
        const dataset::Dataset data(*store, spec.filter);
        switch (spec.output()) {
        case DatasetExportSpec::Output::Jsonl:
            return exporting::exportJsonl(data, spec.target, progress);
        case DatasetExportSpec::Output::TableFile:
            return exporting::exportTable(*data.table(*spec.table), spec.format, spec.target, spec.options, progress);
        case DatasetExportSpec::Output::Workbook: {
            std::vector<std::unique_ptr<dataset::Table>> tables;
            QList<const dataset::Table *> sheets;
            for (dataset::TableKind kind : dataset::allTables()) {
                tables.push_back(data.table(kind));
                sheets.append(tables.back().get());
            }
            return exporting::exportWorkbook(sheets, spec.target, progress);
        }
        case DatasetExportSpec::Output::StudyFolder: {
            std::optional<exporting::Format> statistics;
            if (spec.format == exporting::Format::Sav || spec.format == exporting::Format::Dta)
                statistics = spec.format;
            return exporting::exportStudyFolder(data, spec.target, statistics, spec.options, progress);
        }
        }
    } catch (const StoreError &e) {
        result.error = e.message();
    } catch (const std::exception &e) {
        result.error = QString::fromLocal8Bit(e.what());
    }
    return result;
}

exporting::ExportResult runCodebookDocument(const ReaderSource &project, const QString &target)
{
    exporting::ExportResult result;
    try {
        const auto store = project.open();
        const dataset::Dataset data(*store, {});
        return exporting::writeCodebookDocument(data, target);
    } catch (const StoreError &e) {
        result.error = e.message();
    } catch (const std::exception &e) {
        result.error = QString::fromLocal8Bit(e.what());
    }
    return result;
}

} // namespace newscoder
