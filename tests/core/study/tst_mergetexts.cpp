// Moving annotations between two versions of an article's text
// (study/MergeTexts.h): edits far apart are separate edits, a span whose
// text survives keeps exactly that text, one whose text went is flagged for
// review, no span splits a character, and the same texts give the same moves.
#include "study/MergeTexts.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

using namespace newscoder;
using namespace newscoder::study;

namespace {

Annotation span(int start, int end)
{
    Annotation a;
    a.id = QUuid::createUuid();
    a.start = start;
    a.end = end;
    return a;
}

QString textOf(const QString &text, const Annotation &a)
{
    return text.mid(a.start, a.end - a.start);
}

} // namespace

class TestMergeTexts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameTextMovesNothing()
    {
        const TextTranslation same(QStringLiteral("The ferry ran."), QStringLiteral("The ferry ran."));
        QVERIFY(same.isIdentity());
        const Annotation a = span(4, 9);
        QCOMPARE(same.apply(a)->start, 4);
        QCOMPARE(same.apply(a)->end, 9);
    }

    void typosFarApartAreTwoEdits()
    {
        const QString before = QStringLiteral("Teh harbour authority said the ferry would run again on Mondya.");
        const QString after = QStringLiteral("The harbour authority said the ferry would run again on Monday.");
        const TextTranslation t(before, after);
        QVERIFY(t.editCount() >= 2); // per typo, not one edit over everything between
        const Annotation ferry = span(int(before.indexOf(u"the ferry")), int(before.indexOf(u"the ferry")) + 9);
        const Annotation moved = *t.apply(ferry);
        QCOMPARE(textOf(after, moved), QStringLiteral("the ferry"));
        QCOMPARE(moved.status, AnnotationStatus::Coded);
        QVERIFY(moved.reviewReason.isEmpty());
        // A span over a fixed word stays on the word.
        const Annotation monday = *t.apply(span(int(before.indexOf(u"Mondya")), int(before.size()) - 1));
        QCOMPARE(textOf(after, monday), QStringLiteral("Monday"));
    }

    void aDeletedSpanIsFlaggedForReview()
    {
        const QString before = QStringLiteral("Critics called it reckless. The mayor disagreed.");
        const QString after = QStringLiteral("The mayor disagreed.");
        const TextTranslation t(before, after);
        const Annotation gone = *t.apply(span(0, 26));
        QCOMPARE(gone.status, AnnotationStatus::Review);
        QCOMPARE(gone.reviewReason, QStringLiteral("text-deleted"));
        QVERIFY(gone.reviewEdit.contains(QStringLiteral("reckless")));
        QCOMPARE(gone.end - gone.start, 1); // one character where its text was
        const Annotation kept = *t.apply(span(32, 37));
        QCOMPARE(textOf(after, kept), QStringLiteral("mayor"));
        QCOMPARE(kept.status, AnnotationStatus::Coded);
        // Nothing to anchor on in an empty text.
        QVERIFY(!TextTranslation(before, QString()).apply(span(0, 7)));
    }

    void noSpanSplitsACharacter()
    {
        // One half of a surrogate pair changes: the edit covers the whole character.
        const QString before = QStringLiteral("Fans sang \U0001D11E loudly.");
        const QString after = QStringLiteral("Fans sang \U0001D11F loudly.");
        const TextTranslation t(before, after);
        const Annotation note = *t.apply(span(10, 12));
        QCOMPARE(note.start, 10);
        QCOMPARE(note.end, 12);
        QVERIFY(!after.at(note.start).isLowSurrogate());
        const Annotation loudly = *t.apply(span(13, 19));
        QCOMPARE(textOf(after, loudly), QStringLiteral("loudly"));
    }

    // Random insertions of digits (absent from the text), at least four units
    // apart (closer changes are one edit by design): every span keeps its
    // exact text, and translating twice gives the same result.
    void insertedTextKeepsEverySpansText_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed = 11; seed < 31; ++seed)
            QTest::addRow("seed %u", seed) << seed;
    }

    void insertedTextKeepsEverySpansText()
    {
        QFETCH(quint32, seed);
        QRandomGenerator random(seed);
        const QStringList words = {QStringLiteral("port"), QStringLiteral("ferry"), QStringLiteral("island"),
                                   QStringLiteral("talks"), QStringLiteral("the"), QStringLiteral("said")};
        QString before;
        for (int i = 0; i < 200; ++i)
            before += words[random.bounded(int(words.size()))] + u' ';
        QList<Annotation> spans;
        for (int i = 0; i < 40; ++i) {
            const int start = random.bounded(int(before.size()) - 20);
            spans.append(span(start, start + 1 + random.bounded(15)));
        }
        QString after = before;
        QList<int> at;
        while (at.size() < 12) {
            const int position = random.bounded(int(before.size()));
            if (std::none_of(at.cbegin(), at.cend(), [&](int other) { return std::abs(other - position) < 4; }))
                at.append(position);
        }
        std::sort(at.begin(), at.end(), std::greater<>());
        for (int position : at)
            after.insert(position, QString::number(random.bounded(1000)));
        const TextTranslation t(before, after);
        const TextTranslation again(before, after);
        for (const Annotation &a : spans) {
            const Annotation moved = *t.apply(a);
            QCOMPARE(moved.start, again.apply(a)->start);
            QCOMPARE(moved.end, again.apply(a)->end);
            QString expected = textOf(before, a);
            // Digits inserted strictly inside a span are part of it now.
            QString got = textOf(after, moved);
            got.remove(QRegularExpression(QStringLiteral("[0-9]")));
            QCOMPARE(got, expected);
            QVERIFY(!moved.start || !after.at(moved.start - 1).isDigit() || !after.at(moved.start).isDigit());
        }
    }
};

QTEST_GUILESS_MAIN(TestMergeTexts)
#include "tst_mergetexts.moc"
