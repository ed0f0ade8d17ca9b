#pragma once

#include "io/ArticleTextParser.h" // ArticleParseResult

#include <QByteArray>
#include <QString>

namespace newscoder {

// Largest .docx / .odt read (pictures make them larger than text files; the archive's own
// caps on what it unpacks apply as well).
inline constexpr qint64 kMaxOfficeFileBytes = qint64(100) * 1024 * 1024;

// "docx" or "odt" when the file is a Word (Office Open XML) or OpenDocument text by its
// extension, else empty.
QString officeFormatOf(const QString &path);

// Reads one article from a .docx or .odt file (pure: no I/O beyond the bytes given).
//
// The zip goes through refi::ArchiveReader with its checks (paths escaping the archive,
// symbolic links, encrypted entries, more than 256 MiB unpacked or 128 MiB in one entry,
// compression above 200:1 for entries over 1 MiB, corrupt entries); the XML through
// QXmlStreamReader with refi::nextSafeToken (a DTD or entity reference is refused, so no
// entity is ever expanded).
//
// DOCX: word/document.xml, paragraphs (w:p, table cells included) with their runs' text,
// tabs, line breaks (w:br, w:cr: a new line within the paragraph), non-breaking hyphens;
// deleted revisions (w:delText) and field codes (w:instrText) are left out. Headings are
// the paragraphs whose style (word/styles.xml) is named "Title" or "heading N", or has an
// outline level. Metadata from docProps/core.xml.
// ODT: content.xml, text:p and text:h (headings), text:s (spaces), text:tab,
// text:line-break; notes and annotations are left out. Metadata from meta.xml.
//
// The stored text is every paragraph, one line each (a line break inside a paragraph
// starts a new line), with an empty line between paragraphs. Title: the first "Title" or
// level-1 heading among the first paragraphs, else the document's title property, else a
// short first paragraph, else the file name. Date: a paragraph among the first five that
// is only a date (parseNewsDate). Author: the creator property. Metadata: "source_file",
// "format" (docx/odt), "document_title", "document_created", "description", "keywords"
// when given; the date's original text as "published" with "published_iso".
ArticleParseResult parseOfficeArticle(const QByteArray &bytes, const QString &fileName, const QString &format);

} // namespace newscoder
