// RTF articles read as plain paragraphs by the small hand-written reader (Debian has no RTF
// library): the fictional sample in tests/data/import/rtf, code pages, \u characters, skipped
// destinations, and hostile input (deep nesting, truncation) refused or read without a crash.
#include "io/rtf/RtfText.h"

#include <QFile>
#include <QRandomGenerator>
#include <QStringEncoder>
#include <QTest>
#include "TestPaths.h"

using namespace Qt::StringLiterals;
using namespace newscoder;

namespace {

QByteArray sample()
{
    QFile f(QStringLiteral(NEWSCODER_TEST_DATA_DIR "/import/rtf/article.rtf"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read the RTF sample");
    return f.readAll();
}

QString metadataValue(const Document &doc, const QString &key)
{
    for (const auto &[k, v] : doc.metadata)
        if (k == key)
            return v;
    return {};
}

} // namespace

class TestRtfText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sampleArticle()
    {
        const ArticleParseResult parsed = parseRtfArticle(sample(), u"article.rtf"_s);
        QVERIFY2(parsed.document, qPrintable(parsed.error));
        const Document &doc = *parsed.document;
        QCOMPARE(doc.title, u"Lighthouse keepers return to Skerra Point"_s);
        QCOMPARE(doc.author, u"Britt Aalund"_s);
        QCOMPARE(doc.date, QDate(2021, 12, 11));
        QCOMPARE(metadataValue(doc, u"format"_s), u"rtf"_s);
        QCOMPARE(metadataValue(doc, u"code_page"_s), u"windows-1252"_s);
        const QStringList paragraphs = doc.text.trimmed().split(u"\n\n"_s);
        QCOMPARE(paragraphs,
                 QStringList({u"Lighthouse keepers return to Skerra Point"_s, u"11 December 2021"_s,
                              u"After forty years of automatic operation, the lighthouse at Skerra Point will again "
                              u"have keepers, the coastal authority said on Friday."_s,
                              u"The authority\u2019s director, Signe Holm, said storms had damaged the lamp three "
                              u"times.\nTwo keepers will live on site from March \u2013 the first since 1981."_s,
                              u"Caf\u00E9 owner J\u00F8rn Berg said: \u201CWe are glad.\u201D Prices: 1.2 million "
                              u"crowns."_s,
                              u"The authority\u2019s page"_s,
                              u"Greek: \u03B1\u03B2 and a brace { and a backslash \\."_s}));
        for (const char *left : {"footnote", "page header", "Helvetica", "HYPERLINK", "Fictional Writer", "89504e"})
            QVERIFY2(!doc.text.contains(QString::fromLatin1(left)), left);
    }

    void codePageFromAnsicpg()
    {
        const QString russian = u"\u041C\u043E\u0441\u0442 \u0437\u0430\u043A\u0440\u044B\u0442"_s;
        QStringEncoder encoder("windows-1251");
        QByteArray escaped;
        for (const char byte : QByteArray(encoder(russian))) {
            const auto b = static_cast<unsigned char>(byte);
            escaped += b < 0x80 ? QByteArray(1, byte) : "\\'" + QByteArray::number(b, 16).rightJustified(2, '0');
        }
        const RtfText rtf = readRtfText("{\\rtf1\\ansi\\ansicpg1251 " + escaped + "\\par}");
        QVERIFY2(rtf.error.isEmpty(), qPrintable(rtf.error));
        QCOMPARE(rtf.codepage, u"windows-1251"_s);
        QCOMPARE(rtf.paragraphs, QStringList{russian});
    }

    void unicodeFallbackSkipped()
    {
        // \uc2: two fallback characters follow each \u (a \'hh counts as one).
        const RtfText rtf = readRtfText("{\\rtf1\\uc2 A\\u8364\\'80\\'80 B\\uc0\\u8364 C\\par}");
        QCOMPARE(rtf.paragraphs, QStringList{u"A\u20AC B\u20ACC"_s}); // the space after \u8364 ends the word
    }

    void refusedWithReason_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not rtf") << QByteArray("plain text") << u"not an RTF file"_s;
        QTest::newRow("no text") << QByteArray("{\\rtf1{\\fonttbl{\\f0 Arial;}}}") << u"no article text"_s;
        QTest::newRow("too deep") << (QByteArray("{\\rtf1 ") + QByteArray(100000, '{') + "x")
                                  << u"nested deeper than 256"_s;
    }
    void refusedWithReason()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        const RtfText rtf = readRtfText(bytes);
        QVERIFY2(rtf.error.contains(reason), qPrintable(rtf.error));
    }

    void truncatedFileKeepsItsText()
    {
        const QByteArray bytes = sample();
        const RtfText rtf = readRtfText(bytes.left(bytes.indexOf("Skerra Point will")));
        QVERIFY2(rtf.error.isEmpty(), qPrintable(rtf.error));
        QCOMPARE(rtf.paragraphs.last(), u"After forty years of automatic operation, the lighthouse at "_s);
    }

    void fuzzedRtfNeverCrashes()
    {
        const QByteArray bytes = sample();
        QRandomGenerator random(4711);
        static const char alphabet[] = "{}\\'*u0123456789-abcpar \n";
        for (int round = 0; round < 300; ++round) {
            QByteArray fuzzed = bytes;
            if (round % 4 == 0)
                fuzzed.truncate(random.bounded(qsizetype(5), fuzzed.size()));
            for (int flips = 0; flips < 1 + round % 9; ++flips)
                fuzzed[5 + random.bounded(fuzzed.size() - 5)] = alphabet[random.bounded(int(sizeof(alphabet) - 1))];
            const RtfText rtf = readRtfText(fuzzed);
            QVERIFY(!rtf.error.isEmpty() || !rtf.paragraphs.isEmpty());
        }
    }
};

QTEST_MAIN(TestRtfText)
#include "tst_rtftext.moc"
