#include "io/ImportPreview.h"

#include "io/ArticleFileCollector.h"
#include "io/ArticleFileReader.h"
#include "io/TextDecoding.h"
#include "io/table/TableArticleReader.h"
#include "io/table/TableRows.h"
#include "io/table/XlsxRows.h"

#include <QFile>

namespace newscoder {

namespace {

// The head of a delimited or JSONL table: enough for the header and the preview rows.
constexpr qsizetype kPreviewBytes = 256 * 1024;

void readTableHead(const QByteArray &bytes, const QString &format, const FileImportChoice &choice, FilePreview &file)
{
    file.isTable = true;
    table::TableRows rows;
    if (format == QLatin1String("xlsx")) {
        rows = table::parseXlsx(bytes);
    } else {
        QByteArray head = bytes.left(kPreviewBytes);
        if (head.size() < bytes.size()) {
            const qsizetype lastLine = head.lastIndexOf('\n');
            if (lastLine > 0)
                head.truncate(lastLine + 1);
        }
        const DecodedText decoded = decodeText(head, choice.encoding);
        if (!decoded.error.isEmpty())
            return;
        if (format == QLatin1String("jsonl"))
            rows = table::parseJsonLines(decoded.text);
        else
            rows = table::parseDelimited(decoded.text, format == QLatin1String("tsv")
                                                           ? QChar(u'\t')
                                                           : table::sniffDelimiter(decoded.text));
    }
    file.columns = rows.columns;
    for (const table::TableRow &row : std::as_const(rows.rows)) {
        if (file.sampleRows.size() >= kPreviewRows)
            break;
        if (row.error.isEmpty() && !row.blankLine)
            file.sampleRows.append(row.cells);
    }
    file.mapping = table::resolveMapping(rows.columns, choice.columnMap);
}

} // namespace

ImportPreview previewImport(const QStringList &paths, const QHash<QString, FileImportChoice> &choices,
                            const ProjectReader *store, const dedup::DuplicateOptions &duplicateOptions,
                            const ImportProgress &progress, const std::atomic_bool *cancel)
{
    ImportPreview preview;
    const CollectedFiles collected = collectArticleFiles(paths);
    preview.unsupported = collected.skipped;
    const int total = int(collected.files.size());
    if (progress)
        progress(0, total);
    int done = 0;
    for (const ImportCandidate &candidate : collected.files) {
        if (cancel && cancel->load()) {
            preview.cancelled = true;
            return preview;
        }
        FilePreview file;
        file.path = candidate.path;
        const FileImportChoice choice = choices.value(candidate.path);
        QFile f(candidate.path);
        if (!f.open(QIODevice::ReadOnly)) {
            file.error = QStringLiteral("cannot be read: %1").arg(f.errorString());
        } else {
            const QByteArray bytes = f.readAll();
            ImportOptions options;
            options.encoding = choice.encoding;
            options.columnMap = choice.columnMap;
            const ArticleBatch batch = readArticleFile(bytes, candidate.path, options);
            file.format = batch.format.isEmpty() ? articleFileFormat(candidate.path, bytes) : batch.format;
            file.encoding = batch.encoding;
            file.encodingSource = encodingSourceName(batch.encodingSource);
            file.error = batch.error;
            const QString tableFormat = tableFormatOf(candidate.path);
            if (!tableFormat.isEmpty())
                readTableHead(bytes, tableFormat, choice, file);
            for (const auto &[part, reason] : batch.rejected)
                file.notes.append(QStringLiteral("%1: %2").arg(part, reason));
            file.notes.append(batch.warnings);
            if (batch.error.isEmpty()) {
                file.articles = int(batch.documents.size());
                for (const Document &d : batch.documents) {
                    preview.documents.append(d);
                    preview.fileOfDocument.append(int(preview.files.size()));
                }
            }
        }
        preview.files.append(file);
        ++done;
        if (progress)
            progress(done, total);
    }
    if (cancel && cancel->load()) {
        preview.cancelled = true;
        return preview;
    }
    if (store) {
        preview.duplicates = dedup::findImportDuplicates(*store, preview.documents, duplicateOptions);
    } else {
        preview.duplicates = dedup::findImportDuplicates({}, {}, preview.documents, duplicateOptions);
    }
    for (const dedup::ImportMatch &m : std::as_const(preview.duplicates.matches))
        ++preview.files[preview.fileOfDocument[m.incoming]].duplicates;
    return preview;
}

} // namespace newscoder
