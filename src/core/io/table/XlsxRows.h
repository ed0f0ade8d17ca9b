#pragma once

#include "io/table/TableRows.h"

#include <QByteArray>

namespace newscoder::table {

// The first worksheet of an XLSX workbook as table rows (the first non-empty row is the
// header; `number` is the spreadsheet's row number).
//
// Read by hand like DOCX: the zip through refi::ArchiveReader with its checks (sizes,
// compression ratio, paths, encrypted entries) and the XML through QXmlStreamReader with
// refi::nextSafeToken (no DTD, no entity expansion) — the workbook is zip + XML, the same
// libraries already read DOCX, ODT and REFI-QDA. Cells: shared and inline strings, numbers,
// booleans, formula results; numbers in a date format (built-in formats 14–22, or a custom
// format with d/m/y) become ISO 8601 dates. A password-protected workbook (an encrypted OLE
// file, not a zip) is an error that says so.
TableRows parseXlsx(const QByteArray &bytes);

} // namespace newscoder::table
