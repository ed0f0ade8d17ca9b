#pragma once

#include "io/TextDecoding.h"
#include "model/Document.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace newscoder {

// What one file gave when it may hold many articles (a news-database export, a table, a PDF):
// the articles read, and for each part that was not read the reason — nothing is dropped
// silently. A file that could not be read at all has `error` set and no documents.
struct ArticleBatch
{
    QList<Document> documents;
    QString format;   // "pdf", "rtf", "nexis", "factiva", "proquest", "csv", "tsv", "jsonl", …
    QString encoding; // the encoding the bytes were read with ("UTF-8" for binary formats)
    EncodingSource encodingSource = EncodingSource::Utf8;
    QStringList warnings;                    // non-fatal remarks about the file
    QList<QPair<QString, QString>> rejected; // part of the file ("row 5", "article 3") → reason
    QString error;                           // the whole file failed: why
};

// Most articles one file may give (a Nexis export holds at most a few hundred, a table a few
// hundred thousand rows).
inline constexpr int kMaxArticlesPerFile = 500000;

} // namespace newscoder
