#pragma once

#include "io/ArticleBatch.h"
#include "io/ArticleImport.h" // ImportOptions

#include <QByteArray>
#include <QString>

namespace newscoder {

// The format a file is read as, by its extension and content: "csv", "tsv", "jsonl", "xlsx" (by
// extension), "pdf" (extension or %PDF- header), "rtf" (extension or {\rtf), "docx", "odt",
// "html" (extension or content), else "text".
QString articleFileFormat(const QString &path, const QByteArray &bytes);

// Largest file of this kind the importer reads (by extension): 200 MiB for tables, 100 MiB
// for PDF, RTF, DOCX and ODT, 20 MiB for text and HTML.
qint64 maxArticleFileBytes(const QString &path);

// Reads every article in one file (pure: no I/O beyond the bytes given).
//
// Tables go through readTableArticles with `options.columnMap`. PDF, RTF, DOCX, ODT and text
// files are first read as one article (parsePdfArticle, parseRtfArticle, parseOfficeArticle,
// parseArticleText); when that text is a news-database export (detectNewsExport: Nexis Uni,
// Factiva, ProQuest) it is split into its articles instead. An HTML page with Factiva field
// codes is read as a Factiva export, any other page with parseHtmlArticle. Articles of an
// export carry the file's own format as metadata "file_format".
ArticleBatch readArticleFile(const QByteArray &bytes, const QString &path, const ImportOptions &options = {});

} // namespace newscoder
