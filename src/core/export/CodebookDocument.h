// The codebook as a document for a paper's appendix: every code with its
// colour, definition, use when / do not use when, example, its fields with
// kinds, levels of measurement and value labels, and counts per coder.
// HTML, Markdown, or PDF (QTextDocument printed to a QPdfWriter; needs a
// QGuiApplication).
#pragma once

#include "dataset/Dataset.h"
#include "export/ExportTypes.h"

namespace newscoder::exporting {

enum class DocumentFormat { Html, Markdown, Pdf };

std::optional<DocumentFormat> documentFormatForFile(const QString &path); // by suffix

// Annotation counts per code and coder (one pass over the annotations).
QHash<QUuid, QHash<QString, int>> countsPerCoder(const dataset::Dataset &dataset);

QString codebookHtml(const dataset::Dataset &dataset, const QHash<QUuid, QHash<QString, int>> &counts);
QString codebookMarkdown(const dataset::Dataset &dataset, const QHash<QUuid, QHash<QString, int>> &counts);

// Writes the document (through QSaveFile); the format follows the suffix.
ExportResult writeCodebookDocument(const dataset::Dataset &dataset, const QString &path);

} // namespace newscoder::exporting
