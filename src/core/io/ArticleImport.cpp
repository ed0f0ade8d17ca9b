#include "io/ArticleImport.h"

#include "io/ArticleFileCollector.h"
#include "io/ArticleTextParser.h"

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
            const ArticleParseResult parsed = parseArticleText(file.readAll(), candidate.path, options.encoding);
            if (parsed.document) {
                report.documents.append(*parsed.document);
                report.sources.append(
                    {QStringLiteral("text"), parsed.encoding, encodingSourceName(parsed.encodingSource)});
                for (const QString &warning : parsed.warnings)
                    report.warnings.append({candidate.path, warning});
            } else {
                report.skipped.append({candidate.path, parsed.error});
            }
        }
        ++done;
        if (progress)
            progress(done, total);
    }
    return report;
}

} // namespace newscoder
