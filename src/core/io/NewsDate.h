#pragma once

#include <QDate>
#include <QString>
#include <QTime>

#include <optional>

namespace newscoder {

// A publication date as a news page or text states it, read into its parts.
struct NewsDate
{
    QDate date;                      // invalid: nothing recognised
    QTime time;                      // invalid: no time of day given
    std::optional<int> offsetSeconds; // the zone's offset from UTC when given (GMT/UTC: 0)

    bool isValid() const { return date.isValid(); }
    // ISO 8601: "2021-12-11", "2021-12-11T10:04:00", "2021-12-11T10:04:00Z", "2021-12-11T10:04:00+03:00".
    QString toIso() const;
};

// Reads the date forms news carries (pure; English month names, C locale):
//   "2021-12-11", "2021-12-11T10:04:00+03:00", "2021-12-11T12:14+0000", "2021-12-11 10:04:00Z",
//   "11 December 2021", "Saturday, 11 Dec 2021 10:04", "11th December 2021",
//   "Dec 11, 2021 10:04 GMT", "December 11, 2021", "Updated: Jan 27, 2022, 08:06 PM IST",
//   "Sat, 11 Dec 2021 10:04:00 +0000" (RFC 2822), "11.12.2021", "11.12.2021 10:04", "2021/12/11".
// Leading words such as "Updated:", "Published", "Posted on", "Last updated" and weekday names
// are skipped. Zone abbreviations known to news sites (GMT, UTC, BST, CET, CEST, EET, EEST, MSK,
// IST = India, EST, EDT, CST, CDT, MST, MDT, PST, PDT, JST, KST, HKT, SGT, AEST, AEDT) give the
// offset; numeric offsets (+03:00, +0300, GMT+3) too. Slashed day/month orders other than
// year-first ("11/12/2021") are ambiguous and not read. Returns an invalid NewsDate otherwise.
NewsDate parseNewsDate(const QString &text);

} // namespace newscoder
