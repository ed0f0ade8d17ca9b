#pragma once

#include "text/TextSpan.h"

#include <QList>
#include <QString>

namespace newscoder {

// Sentence boundaries for news text: a simple, predictable rule rather than
// full linguistic segmentation.
//
//  * A line break (\n, \r, U+2028, U+2029) always ends a sentence.
//  * A run of terminators (. ! ? …), optionally followed by closing quotes or
//    brackets (" ' ” ’ » › ) ] }), ends a sentence when what follows is the end
//    of the text or a line break, or whitespace and then a sentence start: an
//    uppercase/titlecase or uncased letter, a digit, or an opening quote or
//    bracket (" ' “ „ « ‹ ‘ ( [).
//    So `"We will respond," Peskov said. He added` splits after "said.", and
//    `"Stop!" he said` does not split.
//  * A single "." does not end a sentence after an abbreviation: a single
//    letter ("J. Smith"), a dotted abbreviation ("U.S.", "e.g.", "i.e."), or a
//    known one (Mr, Mrs, Ms, Dr, Prof, St, Gen, Sen, Gov, Rep, Jr, Sr, No,
//    vs, etc, Inc, Ltd, Co, Corp, Jan, Feb, ...; case-insensitive). The price:
//    a sentence really ending in "U.S." or "etc." is joined with the next one.
//  * "3.5" never splits (no whitespace after the point).
//
// Sentences are trimmed: they start at their first and end after their last
// non-whitespace character; whitespace-only stretches belong to no sentence.
QList<TextSpan> sentenceSpans(const QString &text);

// The sentence containing `position`; an empty span at `position` when it is
// in whitespace between sentences or out of range.
TextSpan sentenceAt(const QString &text, int position);

} // namespace newscoder
