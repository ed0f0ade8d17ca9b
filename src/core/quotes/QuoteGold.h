#pragma once

#include "quotes/Attribution.h"

#include <QList>
#include <QString>

namespace newscoder::quotes {

// A hand-annotated attribution of the gold set. Stand-off format (one file
// NAME.ann next to the article NAME.txt): one attribution per line, tab
// separated, '#' lines are comments —
//   kind  quote_start  quote_end  cue_start  cue_end  speaker_start  speaker_end  actor
// with kind direct|mixed|indirect|floating, UTF-16 offsets into the article
// (end exclusive; -1 -1 for no cue or speaker) and the normalised actor name
// (empty for an anonymous source).
struct GoldAttribution
{
    QuoteKind kind = QuoteKind::Direct;
    QuoteSpan quote;
    QuoteSpan cue;
    QuoteSpan speaker;
    QString actor;
};

// Parses an .ann file's text; a line that does not parse, or a span outside
// [0, textLength], is reported in `error` (with its line number) and nothing is returned.
QList<GoldAttribution> parseGoldAnnotations(const QString &annText, int textLength, QString *error);

} // namespace newscoder::quotes
