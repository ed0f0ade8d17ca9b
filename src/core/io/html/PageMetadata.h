#pragma once

#include "io/html/HtmlTree.h"

#include <QString>
#include <QStringList>

namespace newscoder::html {

// What a news page says about its article, from <meta>, <link rel=canonical>, <title>,
// <time> and JSON-LD (schema.org NewsArticle and its kin).
struct PageMetadata
{
    QString title;       // JSON-LD headline, og:title, twitter:title, else <title> without the site suffix
    QString siteName;    // og:site_name, else JSON-LD publisher name
    QString published;   // the publication date as the page writes it (first that parses wins)
    QString modified;    // article:modified_time / dateModified
    QString author;      // JSON-LD author name(s), else author meta tags (", "-joined)
    QString description; // description / og:description / JSON-LD description
    QString url;         // <link rel=canonical>, og:url, JSON-LD url / mainEntityOfPage
    QString section;     // article:section / JSON-LD articleSection
    QString keywords;    // keywords / news_keywords / article:tag / JSON-LD keywords (", "-joined)
    QString articleBody; // JSON-LD articleBody (plain text), when given
    QString schemaType;  // the JSON-LD @type that was read ("NewsArticle", …)
};

PageMetadata readPageMetadata(const HeadData &head);

} // namespace newscoder::html
