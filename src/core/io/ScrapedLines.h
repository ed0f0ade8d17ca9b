// Line predicates for the text form scrapers write: what a single line of a
// scraped article is when it is not article text (a URL, a time stamp, a
// picture credit, a breadcrumb, a byline). Each takes one line with its
// whitespace collapsed (QString::simplified()). Used by the title heuristics
// (ArticleTextParser) and the residue analysis (ScraperResidue).
#pragma once

#include <QDate>
#include <QString>

#include <optional>

namespace newscoder::scraped {

// "2021-12-11", "2021-12-11T10:04…", "11 December 2021", "Dec 11, 2021", "11.12.2021".
QDate parseLooseDate(const QString &raw);

int wordCount(const QString &simplifiedLine);

// Only a URL, or a selector/XPath leftover ("/html/head/meta[...]").
bool isUrlOrPath(const QString &s);

// Only a date and/or time stamp: "2021-12-11T12:14+0000", "Jan 27, 2022, 08:06 PM IST".
bool isTimestamp(const QString &s);

// Picture credits: "- Sputnik International, 1920", "... - Outlet, 1920, 14.02.2022", "© ...",
// "Photograph: (...)".
bool isCredit(const QString &s);

// Navigation breadcrumb: 2-6 short Title-Case segments joined by " / ", " > ", " » " or " › ".
bool isBreadcrumb(const QString &s);

struct Byline
{
    QString author;
    QDate date;
};

// "By NAME", "By NAME // DATE", "By NAME | DATE", "By NAME - DATE".
std::optional<Byline> parseByline(const QString &s);

} // namespace newscoder::scraped
