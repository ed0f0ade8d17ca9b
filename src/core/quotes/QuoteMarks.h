#pragma once

#include <QList>
#include <QString>

namespace newscoder::quotes {

// A quotation found by its marks: `open` is the position of the opening
// mark, `close` that of the closing one (UTF-16); the quoted words are
// [contentStart, contentEnd). Only outermost quotations are returned — a
// quote nested in another belongs to the outer one.
struct MarkedQuote
{
    int open = 0;
    int close = 0;
    int contentStart = 0;
    int contentEnd = 0;
    int paragraphs = 1; // > 1: runs over paragraphs (an opening mark on each, one closing at the end)
};

// Finds the quotations of `text` in linear time. Recognised pairs: "…" and
// '…' (straight), “…” and ‘…’, „…“ and ‚…‘ (German), «…», »…«, ‹…›, ›…‹,
// 「…」 and 『…』. Nesting is followed to a fixed depth. Apostrophes
// (don't, Peskov's, ’90s, players') and inch or minute marks (a 12" record,
// 5'10) are not quotation marks. A mark left open at the end of its
// paragraph is dropped (it cannot swallow the rest of the article) unless
// the next paragraph opens with a quotation mark: then the quotation goes on
// there (the convention for quotes over several paragraphs).
QList<MarkedQuote> findMarkedQuotes(const QString &text);

} // namespace newscoder::quotes
