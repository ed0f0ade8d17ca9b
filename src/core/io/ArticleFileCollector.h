#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace newscoder {

struct ImportCandidate
{
    QString path; // absolute, cleaned path (as first reached; symlinks not resolved)
    qint64 size = 0;
};

struct CollectedFiles
{
    QList<ImportCandidate> files;           // sorted by path, one entry per canonical file
    QList<QPair<QString, QString>> skipped; // (path, human-readable reason), sorted by path
};

// Expands the paths the user picked (files and folders) into the article files to import.
//
// Folders are walked recursively (following symbolic links, loops detected). Inside folders
// only .txt, .text, .md, saved pages (.html, .htm, .xhtml, .shtml), .docx, .odt, .pdf,
// .rtf, tables (.csv, .tsv, .tab, .jsonl, .ndjson, .xlsx) and extension-less files
// are taken (the reader tells HTML from text by its content); every other entry is listed in
// `skipped` with its reason - nothing is dropped silently: other extensions ("not a
// plain-text article (.pdf)"), hidden files and folders, unreadable entries, special files,
// symbolic link loops and files larger than maxArticleFileBytes (20 MiB for text and
// HTML, 100 MiB for .docx, .odt, .pdf and .rtf, 200 MiB for tables).
// A file named explicitly is always attempted whatever its extension or visibility (the size
// limit and readability still apply). Missing paths are reported as skipped.
// Files reached twice (same canonical path) are listed once.
CollectedFiles collectArticleFiles(const QStringList &paths);

} // namespace newscoder
