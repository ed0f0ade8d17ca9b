// Line predicates for scraped article text (see ScrapedLines.h).
#include "io/ScrapedLines.h"

#include <QLocale>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace newscoder::scraped {

QDate parseLooseDate(const QString &raw)
{
    const QString s = raw.simplified();
    static const QRegularExpression iso(u"^(\\d{4}-\\d{2}-\\d{2})(?:[T ].*)?$"_s);
    if (const auto m = iso.match(s); m.hasMatch())
        return QDate::fromString(m.captured(1), Qt::ISODate);
    const QLocale c = QLocale::c();
    for (const QString &format :
         {u"d MMMM yyyy"_s, u"MMMM d, yyyy"_s, u"MMM d, yyyy"_s, u"d MMM yyyy"_s, u"dd.MM.yyyy"_s}) {
        const QDate d = c.toDate(s, format);
        if (d.isValid())
            return d;
    }
    return {};
}

int wordCount(const QString &simplifiedLine)
{
    return simplifiedLine.isEmpty() ? 0 : int(simplifiedLine.count(u' ')) + 1;
}

// The line is only a URL or a selector/XPath leftover ("/html/head/meta[...]").
bool isUrlOrPath(const QString &s)
{
    static const QRegularExpression re(
        u"^(?:(?:https?://|www\\.)\\S+|//?[A-Za-z][\\w-]*[/\\[]\\S*(?: \\S+)*)$"_s,
        QRegularExpression::CaseInsensitiveOption);
    return re.match(s).hasMatch();
}

// The line is only a date and/or time stamp: "2021-12-11T12:14+0000", "Jan 27, 2022, 08:06 PM IST".
bool isTimestamp(const QString &s)
{
    static const QRegularExpression words(
        u"\\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
        "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:sday)?|"
        "wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|am|pm|gmt|utc|ist|cet|cest|"
        "est|edt|bst|updated|published|posted|last|on|at)\\b"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression rest(u"^[\\d\\s\\-/.:,+TZ]*$"_s);
    int digits = 0;
    for (QChar ch : s)
        digits += ch.isDigit() ? 1 : 0;
    if (digits < 2)
        return false;
    QString stripped = s;
    stripped.remove(words);
    return rest.match(stripped).hasMatch();
}

// Picture credits: "- Sputnik International, 1920", "... - Outlet, 1920, 14.02.2022", "© ...",
// "Photograph: (...)".
bool isCredit(const QString &s)
{
    static const QRegularExpression dashCredit(
        u"(?:^|\\s)[-\u2013\u2014]\\s+[^,]{1,60},\\s*\\d{3,4}(?:,\\s*\\d{1,2}\\.\\d{1,2}\\.\\d{2,4})?$"_s);
    static const QRegularExpression label(
        u"^(?:\u00A9|\\(c\\)\\s|(?:photo|photograph|image|picture)\\s*(?:credit)?\\s*:)"_s,
        QRegularExpression::CaseInsensitiveOption);
    return dashCredit.match(s).hasMatch() || label.match(s).hasMatch();
}

// Navigation breadcrumb: 2-6 short Title-Case segments joined by " / ", " > ", " » " or " › ",
// e.g. "News / Russia".
bool isBreadcrumb(const QString &s)
{
    static const QRegularExpression sep(u" [/>\u00BB\u203A] "_s);
    if (s.size() > 60)
        return false;
    const QStringList segments = s.split(sep);
    if (segments.size() < 2 || segments.size() > 6)
        return false;
    for (const QString &segment : segments) {
        const QStringList words = segment.split(u' ', Qt::SkipEmptyParts);
        if (words.isEmpty() || words.size() > 3)
            return false;
        for (const QString &w : words) {
            if (!(w.front().isUpper() || w.front().isDigit() || w == u"&"_s || w == u"and"_s || w == u"of"_s))
                return false;
        }
    }
    return true;
}

// "By NAME", "By NAME // DATE", "By NAME | DATE", "By NAME - DATE".
std::optional<Byline> parseByline(const QString &s)
{
    static const QRegularExpression re(u"^[Bb][Yy]:?\\s+(.+?)(?:\\s+(?://|\\||[-\u2013\u2014])\\s+(.+))?$"_s);
    const QRegularExpressionMatch m = re.match(s);
    if (!m.hasMatch())
        return std::nullopt;
    const QString author = m.captured(1).trimmed();
    const int words = wordCount(author);
    if (words < 1 || words > 6 || author.size() > 80 || author.endsWith(u'.'))
        return std::nullopt;
    return Byline{author, parseLooseDate(m.captured(2))};
}

} // namespace newscoder::scraped
