#include "io/NewsDate.h"

#include <QTest>

using namespace Qt::StringLiterals;

// Each row: a date as news carries it and the ISO 8601 reading (empty: not a date).
class TestNewsDate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("iso");
        const auto row = [](const char *text, const char *iso) {
            QTest::newRow(text) << QString::fromUtf8(text) << QString::fromUtf8(iso);
        };
        // The forms the issue names.
        row("11 December 2021", "2021-12-11");
        row("Dec 11, 2021 10:04 GMT", "2021-12-11T10:04:00Z");
        row("2021-12-11T10:04:00+03:00", "2021-12-11T10:04:00+03:00");
        row("11.12.2021", "2021-12-11");
        row("Updated: Jan 27, 2022, 08:06 PM IST", "2022-01-27T20:06:00+05:30");
        // ISO variants
        row("2021-12-11", "2021-12-11");
        row("2021-12-11T12:14+0000", "2021-12-11T12:14:00Z");
        row("2021-12-11T10:04:00.123Z", "2021-12-11T10:04:00Z");
        row("2021-12-11 10:04", "2021-12-11T10:04:00");
        row("2021-12-11T10:04:00-05:00", "2021-12-11T10:04:00-05:00");
        row("2021/12/11", "2021-12-11");
        // Words and labels around them
        row("Saturday, 11 December 2021", "2021-12-11");
        row("11th Dec. 2021", "2021-12-11");
        row("December 1, 2021", "2021-12-01");
        row("Sept 9, 2020, 9:30 a.m. EDT", "2020-09-09T09:30:00-04:00");
        row("Published on 3 March 2023 14:20 CET", "2023-03-03T14:20:00+01:00");
        row("Last updated: 12 Jan 2022 00:15 UTC+3", "2022-01-12T00:15:00+03:00");
        row("Sat, 11 Dec 2021 10:04:00 +0000", "2021-12-11T10:04:00Z");
        row("11.12.2021 18:45", "2021-12-11T18:45:00");
        row("Jan 27, 2022, 12:06 AM IST", "2022-01-27T00:06:00+05:30");
        row("posted 5 May 2019 at 7:05 pm", "2019-05-05T19:05:00");
        // Not dates, or impossible ones
        row("31 February 2021", "");
        row("11/12/2021", ""); // day or month first? not guessed
        row("yesterday", "");
        row("", "");
        row("Smarch 11, 2021", "");
        row("2021-13-01", "");
        row("Jan 27, 2022, 13:06 PM IST", "2022-01-27"); // a bad time keeps the date only
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(QString, iso);
        const newscoder::NewsDate d = newscoder::parseNewsDate(text);
        QCOMPARE(d.toIso(), iso);
        QCOMPARE(d.isValid(), !iso.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestNewsDate)
#include "tst_newsdate.moc"
