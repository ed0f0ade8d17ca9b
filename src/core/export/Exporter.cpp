#include "export/Exporter.h"

#include "export/Writers_p.h"
#include "storage/StoreError.h"

#include <QDir>
#include <QFileInfo>

namespace newscoder::exporting {

QString formatName(Format format)
{
    switch (format) {
    case Format::Csv:
        return QStringLiteral("csv");
    case Format::Tsv:
        return QStringLiteral("tsv");
    case Format::Xlsx:
        return QStringLiteral("xlsx");
    case Format::Jsonl:
        return QStringLiteral("jsonl");
    case Format::Sav:
        return QStringLiteral("sav");
    case Format::Dta:
        return QStringLiteral("dta");
    }
    return {};
}

std::optional<Format> formatFromName(const QString &name)
{
    for (Format f : {Format::Csv, Format::Tsv, Format::Xlsx, Format::Jsonl, Format::Sav, Format::Dta}) {
        if (formatName(f) == name.toLower())
            return f;
    }
    return std::nullopt;
}

bool formatAvailable(Format format)
{
    switch (format) {
    case Format::Xlsx:
        return detail::xlsxAvailable();
    case Format::Sav:
    case Format::Dta:
        return detail::statisticsAvailable();
    default:
        return true;
    }
}

namespace detail {

bool openTarget(QSaveFile &file, const QString &path, ExportResult &result)
{
    file.setFileName(path);
    const QFileInfo info(path);
    if (!info.absoluteDir().exists()) {
        result.error = QStringLiteral("The folder %1 does not exist.").arg(QDir::toNativeSeparators(info.absolutePath()));
        return false;
    }
    if (info.isDir()) {
        result.error = QStringLiteral("%1 is a folder.").arg(QDir::toNativeSeparators(path));
        return false;
    }
    if (!file.open(QIODevice::WriteOnly)) {
        result.error = QStringLiteral("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

ExportResult finish(QSaveFile &file, ExportResult result)
{
    if (!result.error.isEmpty() || result.cancelled) {
        file.cancelWriting();
        file.commit(); // discards the temporary file; the target stays as it was
        result.ok = false;
        return result;
    }
    if (!file.commit()) {
        result.error = QStringLiteral("Cannot write %1: %2")
                           .arg(QDir::toNativeSeparators(file.fileName()), file.errorString());
        result.ok = false;
        return result;
    }
    result.ok = true;
    return result;
}

bool streamRows(const dataset::Table &table, const std::function<bool(const dataset::Row &)> &write,
                const ExportProgress &progress, ExportResult &result)
{
    bool stopped = false;
    try {
        table.forEachRow([&](const dataset::Row &row) {
            if (!write(row)) {
                stopped = true;
                return false;
            }
            ++result.rows;
            if (progress && result.rows % 2000 == 0 && !progress(result.rows)) {
                result.cancelled = true;
                stopped = true;
                return false;
            }
            return true;
        });
    } catch (const StoreError &e) {
        result.error = e.message();
        return false;
    }
    if (!stopped && progress && !progress(result.rows)) {
        result.cancelled = true;
        stopped = true;
    }
    return !stopped;
}

} // namespace detail

ExportResult exportTable(const dataset::Table &table, Format format, const QString &path,
                         const ExportOptions &options, const ExportProgress &progress)
{
    switch (format) {
    case Format::Csv:
        return detail::writeDelimited(table, path, options.delimiter, options, progress);
    case Format::Tsv:
        return detail::writeDelimited(table, path, u'\t', options, progress);
    case Format::Xlsx:
        return detail::writeXlsx({&table}, path, progress);
    case Format::Sav:
    case Format::Dta:
        return detail::writeStatistics(table, format, path, progress);
    case Format::Jsonl:
        break;
    }
    ExportResult result;
    result.error = QStringLiteral("JSON Lines export is per article: export the whole dataset, not one table.");
    return result;
}

ExportResult exportWorkbook(const QList<const dataset::Table *> &tables, const QString &path,
                            const ExportProgress &progress)
{
    return detail::writeXlsx(tables, path, progress);
}

} // namespace newscoder::exporting
