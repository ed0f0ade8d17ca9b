#include "io/ArticleImport.h"

#include "io/ArticleFileCollector.h"
#include "io/ArticleFileReader.h"

#include <QFile>

namespace newscoder {

ImportReport readArticles(const QStringList &paths, const ImportProgress &progress, const std::atomic_bool *cancel,
                          const ImportOptions &options)
{
    ImportReport report;
    CollectedFiles collected = collectArticleFiles(paths);
    report.skipped = collected.skipped;
    const int total = int(collected.files.size());
    int done = 0;
    if (progress)
        progress(0, total);
    for (const ImportCandidate &candidate : std::as_const(collected.files)) {
        if (cancel && cancel->load()) {
            report.cancelled = true;
            break;
        }
        QFile file(candidate.path);
        if (!file.open(QIODevice::ReadOnly)) {
            report.skipped.append({candidate.path, QStringLiteral("cannot be read: %1").arg(file.errorString())});
        } else {
            const QByteArray bytes = file.readAll();
            const ArticleBatch batch = readArticleFile(bytes, candidate.path, options);
            if (batch.error.isEmpty()) {
                for (const Document &doc : batch.documents) {
                    report.documents.append(doc);
                    report.sources.append({batch.format, batch.encoding, encodingSourceName(batch.encodingSource)});
                }
                for (const auto &[part, reason] : batch.rejected)
                    report.skipped.append({candidate.path, QStringLiteral("%1: %2").arg(part, reason)});
                for (const QString &warning : batch.warnings)
                    report.warnings.append({candidate.path, warning});
            } else {
                report.skipped.append({candidate.path, batch.error});
            }
        }
        ++done;
        if (progress)
            progress(done, total);
    }
    return report;
}

} // namespace newscoder
