#include "io/ArticleImport.h"

#include "io/ArticleFileCollector.h"
#include "io/ArticleTextParser.h"
#include "io/OfficeArticleReader.h"
#include "io/html/HtmlArticleReader.h"

#include <QFile>
#include <QFileInfo>

namespace newscoder {

namespace {

// Saved pages by their extension; any other file by its content (an HTML page saved without
// an extension, or as .txt by a scraper).
bool isHtmlFile(const QString &path, const QByteArray &bytes)
{
    static const QStringList suffixes{QStringLiteral("html"), QStringLiteral("htm"), QStringLiteral("xhtml"),
                                      QStringLiteral("shtml")};
    return suffixes.contains(QFileInfo(path).suffix().toLower()) || looksLikeHtml(bytes);
}

} // namespace

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
            const QString office = officeFormatOf(candidate.path);
            const bool html = office.isEmpty() && isHtmlFile(candidate.path, bytes);
            const ArticleParseResult parsed = !office.isEmpty() ? parseOfficeArticle(bytes, candidate.path, office)
                                              : html ? parseHtmlArticle(bytes, candidate.path, options.encoding)
                                                     : parseArticleText(bytes, candidate.path, options.encoding);
            if (parsed.document) {
                report.documents.append(*parsed.document);
                const QString format = !office.isEmpty() ? office : html ? QStringLiteral("html") : QStringLiteral("text");
                report.sources.append({format, parsed.encoding, encodingSourceName(parsed.encodingSource)});
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
