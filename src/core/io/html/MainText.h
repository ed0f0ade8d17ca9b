#pragma once

#include "io/html/HtmlTree.h"

#include <QStringList>

namespace newscoder::html {

// The main text of a news page as paragraphs (one line each), boilerplate left out.
//
// 1. An element marked itemprop="articleBody" (schema.org microdata) with text is the body.
// 2. Otherwise readability-style scoring: containers that cannot be the article by their
//    class or id (comments, cookie/consent banners, related/recommended, share/social,
//    newsletter/subscribe, promo, ads, sidebar, menu, breadcrumbs, pagination …) are left out
//    unless they also say article/body/content/main/story; every paragraph (p, pre, td,
//    and blocks holding only inline text) of 25 characters or more scores 1 + its commas
//    + one per 100 characters (at most 3) for its parent, half for its grandparent and a
//    third per level above; containers start from their tag (div +5, article +10, lists and
//    headings less) and class/id hints (article/content/story/body/main +25, negative
//    hints −25); the score is scaled by 1 − link density. The best container and those of
//    its siblings that score at least a fifth of it (or are link-poor paragraphs of more
//    than 80 characters) are the body.
// 3. Inside it, blocks with negative hints, link lists (link density over 0.5, lists over
//    0.3) and the h1 headline are left out; script, style, nav, aside, header, footer,
//    form, figure and hidden elements never count.
// Returns no lines when the page has no paragraph of text.
QStringList mainTextLines(const HtmlTree &tree);

} // namespace newscoder::html
