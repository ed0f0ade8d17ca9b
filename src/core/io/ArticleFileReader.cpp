#include "io/ArticleFileReader.h"

#include "io/ArticleTextParser.h"
#include "io/OfficeArticleReader.h"
#include "io/exports/NewsExport.h"
#include "io/html/HtmlArticleReader.h"
#include "io/html/HtmlTree.h"
#include "io/pdf/PdfArticleReader.h"
#include "io/rtf/RtfText.h"
#include "io/table/TableArticleReader.h"

#include <QFileInfo>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace newscoder {

namespace {

bool isHtmlFile(const QString &path, const QByteArray &bytes)
{
    static const QStringList suffixes{u"html"_s, u"htm"_s, u"xhtml"_s, u"shtml"_s};
    return suffixes.contains(QFileInfo(path).suffix().toLower()) || looksLikeHtml(bytes);
}

// A single article read; split when its text is a news-database export.
ArticleBatch fromSingle(const ArticleParseResult &parsed, const QString &format, const QString &path)
{
    ArticleBatch batch;
    batch.format = format;
    batch.encoding = parsed.encoding;
    batch.encodingSource = parsed.encodingSource;
    batch.warnings = parsed.warnings;
    if (!parsed.document) {
        batch.error = parsed.error;
        return batch;
    }
    const NewsExportKind kind = detectNewsExport(parsed.document->text);
    if (kind == NewsExportKind::None) {
        batch.documents.append(*parsed.document);
        return batch;
    }
    ArticleBatch split = splitNewsExport(parsed.document->text, kind, path);
    split.encoding = parsed.encoding;
    split.encodingSource = parsed.encodingSource;
    split.warnings = parsed.warnings + split.warnings;
    for (Document &doc : split.documents)
        doc.metadata.append({u"file_format"_s, format});
    return split;
}

// Factiva's HTML export writes its field codes as cells or bold labels ("<b>HD</b>").
bool mayBeFactivaHtml(const QByteArray &bytes)
{
    static const QRegularExpression code(uR"(>\s*(HD|TD|LP)\s*<)"_s);
    return bytes.contains(">HD") && code.match(QString::fromLatin1(bytes.left(4 * 1024 * 1024))).hasMatch();
}

} // namespace

QString articleFileFormat(const QString &path, const QByteArray &bytes)
{
    const QString table = tableFormatOf(path);
    if (!table.isEmpty())
        return table;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"pdf"_s || bytes.startsWith("%PDF-"))
        return u"pdf"_s;
    if (suffix == u"rtf"_s || looksLikeRtf(bytes))
        return u"rtf"_s;
    const QString office = officeFormatOf(path);
    if (!office.isEmpty())
        return office;
    return isHtmlFile(path, bytes) ? u"html"_s : u"text"_s;
}

qint64 maxArticleFileBytes(const QString &path)
{
    if (!tableFormatOf(path).isEmpty())
        return kMaxTableFileBytes;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"pdf"_s)
        return kMaxPdfFileBytes;
    if (suffix == u"rtf"_s)
        return kMaxRtfFileBytes;
    if (!officeFormatOf(path).isEmpty())
        return kMaxOfficeFileBytes;
    return kMaxArticleFileBytes;
}

ArticleBatch readArticleFile(const QByteArray &bytes, const QString &path, const ImportOptions &options)
{
    const QString format = articleFileFormat(path, bytes);
    if (format == u"csv"_s || format == u"tsv"_s || format == u"jsonl"_s || format == u"xlsx"_s)
        return readTableArticles(bytes, path, format, options.encoding, options.columnMap);
    if (format == u"pdf"_s)
        return fromSingle(parsePdfArticle(bytes, path), format, path);
    if (format == u"rtf"_s)
        return fromSingle(parseRtfArticle(bytes, path), format, path);
    if (format == u"docx"_s || format == u"odt"_s)
        return fromSingle(parseOfficeArticle(bytes, path, format), format, path);
    if (format == u"html"_s) {
        if (bytes.size() <= kMaxArticleFileBytes && mayBeFactivaHtml(bytes)) {
            const DecodedText decoded = decodeText(bytes, options.encoding, html::declaredCharset(bytes));
            if (decoded.error.isEmpty()) {
                const html::HtmlTree tree = html::parseHtml(decoded.text.toUtf8());
                if (tree.error.isEmpty()) {
                    // Each block (a cell, a <p>) is a paragraph of its own.
                    const QString text = html::blockLines(tree, 0).join(u"\n\n"_s);
                    if (detectNewsExport(text) == NewsExportKind::Factiva) {
                        ArticleBatch batch = splitNewsExport(text, NewsExportKind::Factiva, path);
                        batch.encoding = decoded.encoding;
                        batch.encodingSource = decoded.source;
                        batch.warnings = decoded.warnings + batch.warnings;
                        for (Document &doc : batch.documents)
                            doc.metadata.append({u"file_format"_s, format});
                        return batch;
                    }
                }
            }
        }
        ArticleBatch batch = fromSingle(parseHtmlArticle(bytes, path, options.encoding), format, path);
        return batch;
    }
    return fromSingle(parseArticleText(bytes, path, options.encoding), format, path);
}

} // namespace newscoder
