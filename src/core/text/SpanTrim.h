#pragma once

#include "text/TextSpan.h"

#include <QStringView>

namespace newscoder {

// Clean span boundaries for coding (UTF-16 offsets of the stored text).
//
// trimSpanWhitespace: the span without leading and trailing white space
// (spaces, tabs, line breaks, no-break spaces). A span of white space only
// comes back empty at its start.
TextSpan trimSpanWhitespace(QStringView text, TextSpan span);

// snapSpanToWords: a start or end that falls inside a word moves outward to
// that word's boundary (Unicode word boundaries, so "l'homme", "co-op" and
// digits follow the text's rules), then white space is trimmed. A selection
// that already sits on boundaries only loses its outer white space.
TextSpan snapSpanToWords(QStringView text, TextSpan span);

} // namespace newscoder
