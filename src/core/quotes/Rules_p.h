#pragma once

// Internal: the attribution rules of the quote engine, each filling a Draft
// when its construction is found.

#include "quotes/AttributionContext_p.h"

namespace newscoder::quotes::detail {

// A quotation with its marks as token indexes.
struct QuoteTokens
{
    MarkedQuote marks;
    int openTok = -1;  // the opening mark
    int closeTok = -1; // the closing mark
};

// "…," Peskov said. / "…," said the spokesman. / „…“, sagte Peskov.
bool trailingCue(const Context &c, const QuoteTokens &q, Draft &draft);
// Peskov said: "…" / Peskov told reporters, "…" (also across a paragraph after a colon).
bool leadingCue(const Context &c, const QuoteTokens &q, Draft &draft);
// Peskov said the plan was "dead on arrival": the clause after the cue, quoted words inside.
bool mixedQuote(const Context &c, const QuoteTokens &q, Draft &draft);
// A reported clause without quotation marks in sentence `sentence`.
bool indirectQuote(const Context &c, int sentence, Draft &draft);

// The content clause after a cue ending at token `cueLast`: past a statement
// phrase, an addressee and "that"; -1 when no clause follows.
int contentStartAfterCue(const Context &c, int cueFirst, int cueLast, int limit, bool needThat);
// Past a live-blog time stamp ("23:15") at the start of a sentence.
int skipTimestamp(const Context &c, int first, int end);
// The last token of a clause ending at `end` (exclusive) without final punctuation.
int clauseLast(const Context &c, int from, int end);

} // namespace newscoder::quotes::detail
