#pragma once

// Shared by the export splitters (NexisExport.cpp, FactivaExport.cpp, ProQuestExport.cpp).

#include "io/ArticleBatch.h"

#include <QStringList>

namespace newscoder::exports {

// One article as an export gives it, before it becomes a Document.
struct ExportArticle
{
    QString title, outlet, author, url;
    QString dateText;                 // as written; parsed by makeDocument
    QStringList paragraphs;           // body paragraphs, each one line
    QList<MetadataEntry> fields;      // the export's other fields, by lower-case name
};

// The text's lines, line endings normalised, trailing white space removed.
QStringList textLines(const QString &text);

// Paragraphs of `lines`: runs of non-empty lines separated by empty lines; each line of a run
// is a paragraph of its own when `linePerParagraph`, else the run is joined with spaces.
QStringList paragraphsOf(const QStringList &lines, bool linePerParagraph);

// "Load-Date" → "load_date", "Publication info" → "publication_info".
QString fieldKey(const QString &name);

// Adds the document built from `article` (the `index`-th of the file, 1-based) to `batch`.
void addDocument(ArticleBatch &batch, const ExportArticle &article, const QString &fileName, int index);

void splitNexis(const QStringList &lines, const QString &fileName, ArticleBatch &batch);
void splitFactiva(const QStringList &lines, const QString &fileName, ArticleBatch &batch);
void splitProQuest(const QStringList &lines, const QString &fileName, ArticleBatch &batch);

bool looksLikeNexis(const QStringList &lines);
bool looksLikeFactiva(const QStringList &lines);
bool looksLikeProQuest(const QStringList &lines);

} // namespace newscoder::exports
