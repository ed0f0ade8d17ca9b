#pragma once

#include "io/ArticleBatch.h"

#include <QString>

namespace newscoder {

// The news-database export layouts Newscoder splits into articles.
enum class NewsExportKind { None, Nexis, Factiva, ProQuest };

// "nexis", "factiva", "proquest" (the format name in reports and metadata); "" for None.
QString newsExportName(NewsExportKind kind);

// Recognises an export by its content (the text of a TXT file, or of a DOCX/RTF/HTML file
// read as paragraphs, one per line):
//  - Nexis Uni / LexisNexis: "End of Document" lines, and a "Body" line or "Load-Date:" field;
//  - Factiva: field-code lines (a code of two or three capitals alone, or followed by a tab
//    or two spaces) HD, SN and LP or TD, at the start of a line;
//  - ProQuest: "Document N of M" lines with "Full text:" or "ProQuest document ID:".
// Looks at the whole text once; anything else is None.
NewsExportKind detectNewsExport(const QString &text);

// Splits an export into its articles (pure). Each document: title, outlet, date (ISO kept in
// "published_iso", the date as written in "published"), author, and the body paragraphs; the
// stored text is the title, an empty line, then the paragraphs separated by empty lines.
// Metadata: "source_file", "format" (the export's name), "article_in_file" (1-based), and the
// export's fields by lower-case name (Nexis: byline, section, length, dateline, load_date,
// copyright, …; Factiva: word_count, source_code, language, document_id, …; ProQuest:
// publication_info, abstract, subject, proquest_document_id, …). A part that is no article
// (no body) is listed in `rejected` ("article 3: …"); an export's cover page or report header
// is left out with a warning. Caps: kMaxArticlesPerFile.
ArticleBatch splitNewsExport(const QString &text, NewsExportKind kind, const QString &fileName);

} // namespace newscoder
