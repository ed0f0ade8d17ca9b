// Fictional news texts for the duplicate tests (written for these tests; the
// towns, people and agencies do not exist). One wire story and what outlets
// typically make of it, plus an independent article on the same event.
#pragma once

#include <QString>
#include <QStringList>

namespace newscoder::test::dedup {

// The wire story as the agency sent it (about 430 words).
inline QString wireStory()
{
    return QStringLiteral(
        "HARSTAD FALLS (Northline Wire) - The regional water board of Harstad Falls voted on Tuesday to raise "
        "household water charges by eleven percent from the first of March, the steepest increase in two decades.\n\n"
        "Board chair Miriam Oduya said the money would pay for a new filtration plant on the eastern bank of the "
        "Corven river, which inspectors had criticised last spring for repeated breakdowns. \"We have patched the old "
        "plant for fifteen years and we cannot patch it any longer,\" Oduya told reporters after the four-hour "
        "session.\n\n"
        "The vote passed by seven votes to four. Two members who opposed the plan argued that the board should "
        "first sell the disused reservoir site at Pellham Ridge, which an independent valuer put at roughly nine "
        "million crowns. Board member Tomas Greve called the increase a burden on pensioners and young families and "
        "said he would ask the county auditor to review the plant's budget.\n\n"
        "Under the approved schedule, a typical household of three will pay about forty crowns more each quarter. "
        "Businesses that use more than two thousand cubic metres a year face a separate surcharge, which the board "
        "will set in April after consulting the local chamber of commerce.\n\n"
        "Construction of the filtration plant is expected to begin in the summer and to take three years. The "
        "board said that contractors from outside the region would be allowed to bid, a change from earlier "
        "tenders that had been limited to local firms. Critics of that decision warned it could cost jobs in the "
        "valley, while supporters said open bidding would lower the final price.\n\n"
        "Residents who attended the meeting were divided. A retired teacher, Ilse Marrow, said she understood the "
        "need for a new plant but could not see why charges had to rise so quickly. A café owner on the market "
        "square said clean water mattered more to her customers than a few crowns.\n\n"
        "The board also approved a hardship fund of half a million crowns for households that cannot pay the "
        "higher charges. Applications will open in February through the municipal office and the public library. "
        "Oduya said the fund would be reviewed after one year and enlarged if demand exceeded expectations.\n\n"
        "The county environment office, which monitors drinking water quality, welcomed the decision in a short "
        "statement and said it would publish quarterly test results from the new plant once it opens. Harstad "
        "Falls last raised its water charges four years ago, by three percent.");
}

// Word for word the same story.
inline QString exactCopy()
{
    return wireStory();
}

// An outlet's copy with a handful of words changed (house style, a typo fixed, one number spelled out).
inline QString lightEdit()
{
    QString text = wireStory();
    text.replace(QStringLiteral("(Northline Wire) -"), QStringLiteral("(Northline) —"));
    text.replace(QStringLiteral("told reporters"), QStringLiteral("said"));
    text.replace(QStringLiteral("seven votes to four"), QStringLiteral("7 votes to 4"));
    text.replace(QStringLiteral("A café owner"), QStringLiteral("One café owner"));
    return text;
}

// The wire story under an outlet's own opening paragraph (its first paragraph replaced).
inline QString differentIntro()
{
    QString text = wireStory();
    const qsizetype firstBreak = text.indexOf(QStringLiteral("\n\n"));
    text.replace(0, firstBreak,
                 QStringLiteral("Water bills in Harstad Falls are going up sharply this spring. After a long and "
                                "heated debate, the water board agreed this week to an eleven percent rise."));
    return text;
}

// An independent report on the same meeting: same names and numbers, own words.
inline QString sameTopic()
{
    return QStringLiteral(
        "Harstad Falls residents will pay eleven percent more for water from March. The water board approved the "
        "rise on Tuesday evening after a session that ran past midnight, with seven members in favour.\n\n"
        "The extra revenue is earmarked for a filtration plant on the Corven river. Chair Miriam Oduya has argued "
        "for months that the existing plant, built in the nineteen-seventies, breaks down too often to be kept "
        "running. Inspectors reported four breakdowns last spring alone.\n\n"
        "Opponents on the board, led by Tomas Greve, wanted the reservoir land at Pellham Ridge sold first. Greve "
        "said pensioners would feel the rise most and promised to involve the county auditor.\n\n"
        "For a household of three the change means roughly forty crowns a quarter. Large commercial users will be "
        "charged a surcharge to be decided in April. A hardship fund of half a million crowns is meant to help "
        "those who struggle to pay; the municipal office will take applications from February.\n\n"
        "Building work should start this summer. For the first time, firms from outside the valley may bid for "
        "the contract.");
}

// Another article of the same day on something else.
inline QString unrelated()
{
    return QStringLiteral(
        "The Harstad Falls library will extend its opening hours on weekdays from next month, the head librarian "
        "announced. The reading room will stay open until nine in the evening, and a new study area with twenty "
        "desks is being built in the former map room. Volunteers are sought to run a homework club for children "
        "on Wednesday afternoons. The library lends about sixty thousand books a year and has recently added a "
        "collection of local newspapers going back to the eighteen-nineties, which visitors can read on microfilm.");
}

} // namespace newscoder::test::dedup
