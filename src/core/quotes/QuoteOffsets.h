#pragma once

#include <QList>
#include <QString>

namespace newscoder::quotes {

// Unicode code-point offsets of the UTF-16 offsets `utf16` of `text` (same
// order; any order accepted), in one pass over the text. For the "_char"
// fields of JSON output (R and Python index strings by code point).
QList<int> codePointOffsets(const QString &text, const QList<int> &utf16);

} // namespace newscoder::quotes
