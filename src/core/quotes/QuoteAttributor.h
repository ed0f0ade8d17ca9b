#pragma once

#include "quotes/Attribution.h"
#include "quotes/QuoteLexicon.h"

#include <QList>
#include <QString>

namespace newscoder::quotes {

// Proposes the quotes of a news text with their cues, speakers and actors,
// by rules (no model): direct quotes by their marks and an adjacent cue and
// speaker, mixed quotes (a reported clause with quoted words), indirect ones
// (a reported clause after "X said (that)", "according to X", before ", X
// said"), floating quotes (a quoted paragraph whose speaker was named just
// before). Pronouns ("he"), short references ("the spokesman") and surnames
// ("Peskov") are resolved to the nearest earlier speaker that fits; anonymous
// sources ("a senior official") stay anonymous. Runs in time linear in the
// text (every rule looks at a bounded window of tokens).
// Results are ordered by quote start; offsets are UTF-16 code units of `text`.
QList<Attribution> attributeQuotes(const QString &text, const QuoteLexicon &lexicon);

// With the built-in lexicon of `language` ("en", "de"; empty: detected).
QList<Attribution> attributeQuotes(const QString &text, const QString &language = {});

} // namespace newscoder::quotes
