#include "io/NewsDate.h"

#include <QHash>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace newscoder {

namespace {

int monthFromName(const QString &word)
{
    static const QStringList months{u"jan"_s, u"feb"_s, u"mar"_s, u"apr"_s, u"may"_s, u"jun"_s,
                                    u"jul"_s, u"aug"_s, u"sep"_s, u"oct"_s, u"nov"_s, u"dec"_s};
    static const QStringList full{u"january"_s, u"february"_s, u"march"_s,     u"april"_s,   u"may"_s,      u"june"_s,
                                  u"july"_s,    u"august"_s,   u"september"_s, u"october"_s, u"november"_s, u"december"_s};
    const QString w = word.toLower();
    for (int m = 0; m < 12; ++m) {
        if (w == months[m] || w == full[m] || (m == 8 && w == u"sept"_s))
            return m + 1;
    }
    return 0;
}

std::optional<int> zoneOffset(const QString &abbreviation)
{
    static const QHash<QString, int> zones{
        {u"GMT"_s, 0},          {u"UTC"_s, 0},          {u"Z"_s, 0},           {u"BST"_s, 3600},
        {u"CET"_s, 3600},       {u"CEST"_s, 7200},      {u"EET"_s, 7200},      {u"EEST"_s, 10800},
        {u"MSK"_s, 10800},      {u"IST"_s, 19800},      {u"EST"_s, -18000},    {u"EDT"_s, -14400},
        {u"CST"_s, -21600},     {u"CDT"_s, -18000},     {u"MST"_s, -25200},    {u"MDT"_s, -21600},
        {u"PST"_s, -28800},     {u"PDT"_s, -25200},     {u"JST"_s, 32400},     {u"KST"_s, 32400},
        {u"HKT"_s, 28800},      {u"SGT"_s, 28800},      {u"AEST"_s, 36000},    {u"AEDT"_s, 39600},
    };
    const auto it = zones.constFind(abbreviation.toUpper());
    if (it == zones.cend())
        return std::nullopt;
    return *it;
}

// "+03:00", "+0300", "+3", "-05" -> seconds.
std::optional<int> numericOffset(const QString &sign, const QString &hours, const QString &minutes)
{
    const int h = hours.toInt();
    const int m = minutes.isEmpty() ? 0 : minutes.toInt();
    if (h > 14 || m > 59)
        return std::nullopt;
    return (sign == u"-"_s ? -1 : 1) * (h * 3600 + m * 60);
}

// Reads a time of day and zone from `rest` (whatever follows the date).
void readTime(const QString &rest, NewsDate &out)
{
    static const QRegularExpression time(
        u"(?:^|[\\sT,])(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:[.,]\\d+)?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?"
        "\\s*(?:(Z)\\b|([A-Z]{2,4})\\b(?:\\s*([+-])(\\d{1,2})(?::?(\\d{2}))?)?|([+-])(\\d{2}):?(\\d{2})?)?"_s,
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = time.match(rest);
    if (!m.hasMatch())
        return;
    int hour = m.captured(1).toInt();
    const int minute = m.captured(2).toInt();
    const int second = m.captured(3).isEmpty() ? 0 : m.captured(3).toInt();
    const QString half = m.captured(4).toLower().remove(u'.');
    if (!half.isEmpty()) {
        if (hour < 1 || hour > 12)
            return;
        hour = hour % 12 + (half == u"pm"_s ? 12 : 0);
    }
    const QTime t(hour, minute, second);
    if (!t.isValid())
        return;
    out.time = t;
    if (!m.captured(5).isEmpty()) {
        out.offsetSeconds = 0;
    } else if (!m.captured(6).isEmpty()) {
        // A zone word; "GMT+3" / "UTC+05:30" add an offset to it.
        if (const auto base = zoneOffset(m.captured(6))) {
            out.offsetSeconds = *base;
            if (!m.captured(7).isEmpty()) {
                if (const auto extra = numericOffset(m.captured(7), m.captured(8), m.captured(9)))
                    out.offsetSeconds = *base + *extra;
            }
        }
    } else if (!m.captured(10).isEmpty()) {
        out.offsetSeconds = numericOffset(m.captured(10), m.captured(11), m.captured(12));
    }
}

} // namespace

QString NewsDate::toIso() const
{
    if (!date.isValid())
        return {};
    QString iso = date.toString(Qt::ISODate);
    if (!time.isValid())
        return iso;
    iso += u'T' + time.toString(u"HH:mm:ss"_s);
    if (offsetSeconds) {
        const int off = *offsetSeconds;
        if (off == 0)
            return iso + u'Z';
        const int abs = off < 0 ? -off : off;
        iso += u"%1%2:%3"_s.arg(off < 0 ? u"-"_s : u"+"_s)
                   .arg(abs / 3600, 2, 10, QChar(u'0'))
                   .arg((abs % 3600) / 60, 2, 10, QChar(u'0'));
    }
    return iso;
}

NewsDate parseNewsDate(const QString &text)
{
    NewsDate out;
    QString s = text.simplified();
    if (s.isEmpty() || s.size() > 200)
        return out;
    // Leading labels and weekday names carry no date.
    static const QRegularExpression label(
        u"^(?:(?:last\\s+)?(?:updated|modified|published|posted|first published|date)(?:\\s+on)?\\s*:?\\s*|"
        "on\\s+)"_s,
        QRegularExpression::CaseInsensitiveOption);
    s.remove(label);
    static const QRegularExpression weekday(
        u"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\\.?,?\\s+"_s,
        QRegularExpression::CaseInsensitiveOption);
    s.remove(weekday);

    // ISO 8601 and year-first forms: 2021-12-11, 2021/12/11, with an optional time.
    static const QRegularExpression iso(u"^(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?=$|[T\\s,])(.*)$"_s);
    // Day-first dotted: 11.12.2021
    static const QRegularExpression dotted(u"^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?=$|[\\s,])(.*)$"_s);
    // 11 December 2021 / 11th Dec. 2021
    static const QRegularExpression dayMonth(
        u"^(\\d{1,2})(?:st|nd|rd|th)?\\s+([A-Za-z]{3,9})\\.?,?\\s+(\\d{4})(?=$|[\\s,])(.*)$"_s);
    // December 11, 2021 / Dec 11 2021
    static const QRegularExpression monthDay(
        u"^([A-Za-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?=$|[\\s,])(.*)$"_s);
    int y = 0, mo = 0, d = 0;
    QString rest;
    if (const auto m = iso.match(s); m.hasMatch()) {
        y = m.captured(1).toInt(), mo = m.captured(2).toInt(), d = m.captured(3).toInt(), rest = m.captured(4);
    } else if (const auto m2 = dotted.match(s); m2.hasMatch()) {
        d = m2.captured(1).toInt(), mo = m2.captured(2).toInt(), y = m2.captured(3).toInt(), rest = m2.captured(4);
    } else if (const auto m3 = dayMonth.match(s); m3.hasMatch()) {
        d = m3.captured(1).toInt(), mo = monthFromName(m3.captured(2)), y = m3.captured(3).toInt();
        rest = m3.captured(4);
    } else if (const auto m4 = monthDay.match(s); m4.hasMatch()) {
        mo = monthFromName(m4.captured(1)), d = m4.captured(2).toInt(), y = m4.captured(3).toInt();
        rest = m4.captured(4);
    } else {
        return out;
    }
    if (y < 1800 || y > 2200)
        return out;
    const QDate date(y, mo, d);
    if (!date.isValid())
        return out;
    out.date = date;
    readTime(rest, out);
    return out;
}

} // namespace newscoder
