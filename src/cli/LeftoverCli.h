#pragma once

#include <QStringList>

namespace newscoder::cli {

// `leftovers PROJECT --document ID [--mark|--unmark] [--json]`: an article's
// scraper leftovers (io/ScraperResidue.h) — each line range with its rule and
// text — and the facts its text states; --unmark takes the split back,
// --mark finds the leftovers again (one undo step each).
int runLeftovers(const QStringList &arguments);

} // namespace newscoder::cli
