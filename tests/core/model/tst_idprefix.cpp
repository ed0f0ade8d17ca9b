// The one resolver of ids given by hand: a whole id, a unique prefix, an
// ambiguous prefix (every candidate listed) and no match; for UUIDs and for
// ids that are text (review items).
#include "model/IdPrefix.h"

#include <QtTest>

using namespace newscoder;

class TestIdPrefix : public QObject
{
    Q_OBJECT

    const QUuid a{QStringLiteral("{abcd1234-0000-4000-8000-000000000001}")};
    const QUuid b{QStringLiteral("{abcd5678-0000-4000-8000-000000000002}")};
    const QUuid c{QStringLiteral("{12345678-0000-4000-8000-000000000003}")};

    QList<IdCandidate> candidates() const
    {
        return {{a, QStringLiteral("Talks resume")}, {b, QStringLiteral("Ports reopen")}, {c, QString()}};
    }

private Q_SLOTS:
    void exactId()
    {
        for (const QString &given : {a.toString(), a.toString(QUuid::WithoutBraces),
                                     QString(QStringLiteral("  ") + a.toString(QUuid::WithoutBraces).toUpper() + u' ')}) {
            const IdResolution r = resolveIdPrefix(given, candidates());
            QVERIFY2(r.found(), qPrintable(given));
            QCOMPARE(r.id, a);
            QVERIFY(r.message(given, QStringLiteral("document")).isEmpty());
        }
    }

    void uniquePrefix()
    {
        IdResolution r = resolveIdPrefix(QStringLiteral("abcd5"), candidates());
        QVERIFY(r.found());
        QCOMPARE(r.id, b);
        r = resolveIdPrefix(QStringLiteral("{1234"), candidates());
        QVERIFY(r.found());
        QCOMPARE(r.id, c);
        // A shorter minimum (the app's --document) accepts shorter prefixes.
        r = resolveIdPrefix(QStringLiteral("1"), candidates(), 1);
        QVERIFY(r.found());
        QCOMPARE(r.id, c);
    }

    void ambiguousPrefixListsCandidates()
    {
        const IdResolution r = resolveIdPrefix(QStringLiteral("ABCD"), candidates());
        QCOMPARE(r.outcome, IdResolution::Outcome::Ambiguous);
        QVERIFY(r.id.isNull());
        QCOMPARE(r.matches.size(), 2);
        QCOMPARE(r.matches.at(0).id, a);
        QCOMPARE(r.matches.at(1).id, b);
        const QString message = r.message(QStringLiteral("ABCD"), QStringLiteral("document"));
        QCOMPARE(message, QStringLiteral("'ABCD' matches 2 document ids; give more characters:\n"
                                         "  abcd1234-0000-4000-8000-000000000001  Talks resume\n"
                                         "  abcd5678-0000-4000-8000-000000000002  Ports reopen"));
    }

    void noMatch()
    {
        IdResolution r = resolveIdPrefix(QStringLiteral("ffff"), candidates());
        QCOMPARE(r.outcome, IdResolution::Outcome::NotFound);
        QVERIFY(r.id.isNull());
        QCOMPARE(r.message(QStringLiteral("ffff"), QStringLiteral("suggestion")),
                 QStringLiteral("no suggestion with id ffff"));
        r = resolveIdPrefix(QStringLiteral("abcd"), {});
        QCOMPARE(r.outcome, IdResolution::Outcome::NotFound);
    }

    void tooShortPrefixIsRefused()
    {
        // "abc" is a unique prefix of nothing and an ambiguous one of two ids; both are too short.
        for (const QString &given : {QStringLiteral("abc"), QStringLiteral("123"), QString(), QStringLiteral("  ")}) {
            const IdResolution r = resolveIdPrefix(given, candidates());
            QCOMPARE(r.outcome, IdResolution::Outcome::TooShort);
            QVERIFY(r.id.isNull());
            QVERIFY(r.matches.isEmpty());
        }
        QCOMPARE(resolveIdPrefix(QStringLiteral("123"), candidates()).message(QStringLiteral("123"),
                                                                              QStringLiteral("document")),
                 QStringLiteral("'123' is not a document id (give the id or at least its first 4 characters)"));
        QCOMPARE(resolveIdPrefix(QString(), candidates(), 1).outcome, IdResolution::Outcome::TooShort);
    }

    // Review items' ids are 12 hex digits of a hash, not UUIDs: the same rules, positions instead of ids.
    void textIds()
    {
        const QStringList ids{QStringLiteral("a1b2c3d4e5f6"), QStringLiteral("a1b2ffff0000"), QStringLiteral("0f0f0f0f0f0f"),
                              QStringLiteral("abc")};
        TextIdResolution r = resolveTextIdPrefix(QStringLiteral(" A1B2C "), ids);
        QVERIFY(r.found());
        QCOMPARE(r.index, 0);
        QVERIFY(r.matches.isEmpty());

        r = resolveTextIdPrefix(QStringLiteral("a1b2"), ids);
        QCOMPARE(r.outcome, IdResolution::Outcome::Ambiguous);
        QCOMPARE(r.index, -1);
        QCOMPARE(r.matches, (QList<qsizetype>{0, 1}));

        r = resolveTextIdPrefix(QStringLiteral("ffff"), ids);
        QCOMPARE(r.outcome, IdResolution::Outcome::NotFound);
        QVERIFY(r.matches.isEmpty());

        // A whole id shorter than the minimum is found; a short prefix is not.
        r = resolveTextIdPrefix(QStringLiteral("abc"), ids);
        QVERIFY(r.found());
        QCOMPARE(r.index, 3);
        r = resolveTextIdPrefix(QStringLiteral("0f0"), ids);
        QCOMPARE(r.outcome, IdResolution::Outcome::TooShort);
        QVERIFY(r.matches.isEmpty());
        QVERIFY(resolveTextIdPrefix(QStringLiteral("0f0"), ids, 3).found());

        // Braces are UUID notation: a text id in braces is not that id.
        QCOMPARE(resolveTextIdPrefix(QStringLiteral("{0f0f0f0f0f0f}"), ids).outcome, IdResolution::Outcome::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestIdPrefix)
#include "tst_idprefix.moc"
