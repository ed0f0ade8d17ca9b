#include "io/TextDecoding.h"

#include <QStringEncoder>
#include <QTest>

using namespace Qt::StringLiterals;
using newscoder::decodeText;
using newscoder::EncodingSource;

namespace {

// Fictional news sentences (written for these tests) in the languages whose legacy
// encodings researchers meet most.
const QString kFrench = u"Le conseil municipal de Port-V\u00E9rel a vot\u00E9 jeudi soir la r\u00E9ouverture du "
                        "march\u00E9 couvert. \u00AB C\u2019est une d\u00E9cision attendue depuis des ann\u00E9es "
                        "\u00BB, a d\u00E9clar\u00E9 la maire, H\u00E9l\u00E8ne Dupr\u00E9s, devant une salle "
                        "comble.\nLes commer\u00E7ants esp\u00E8rent que les travaux seront achev\u00E9s avant "
                        "l\u2019\u00E9t\u00E9.\n"_s;
const QString kGerman = u"Der Stadtrat von K\u00FChlingen hat am Donnerstag beschlossen, die alte Br\u00FCcke "
                        "\u00FCber die S\u00FCderau f\u00FCr den Verkehr zu schlie\u00DFen. \u201EDie Sicherheit der "
                        "B\u00FCrger geht vor\u201C, sagte B\u00FCrgermeisterin J\u00F6rdis N\u00E4ther.\n"_s;
const QString kPolish = u"Rada miejska w \u017B\u00F3\u0142towie zdecydowa\u0142a w czwartek o zamkni\u0119ciu "
                        "starego mostu. 'Bezpiecze\u0144stwo mieszka\u0144c\u00F3w jest najwa\u017Cniejsze' - "
                        "powiedzia\u0142a burmistrz Jolanta W\u0105sik. Prace remontowe maj\u0105 potrwa\u0107 do "
                        "jesieni.\n"_s;
const QString kRussian = u"\u0413\u043E\u0440\u043E\u0434\u0441\u043A\u043E\u0439 \u0441\u043E\u0432\u0435\u0442 "
                         "\u0421\u0435\u0432\u0435\u0440\u043E\u0433\u043E\u0440\u0441\u043A\u0430 \u0432 "
                         "\u0447\u0435\u0442\u0432\u0435\u0440\u0433 \u043F\u0440\u043E\u0433\u043E\u043B\u043E"
                         "\u0441\u043E\u0432\u0430\u043B \u0437\u0430 \u0437\u0430\u043A\u0440\u044B\u0442\u0438"
                         "\u0435 \u0441\u0442\u0430\u0440\u043E\u0433\u043E \u043C\u043E\u0441\u0442\u0430 "
                         "\u0447\u0435\u0440\u0435\u0437 \u0440\u0435\u043A\u0443. \"\u0411\u0435\u0437\u043E"
                         "\u043F\u0430\u0441\u043D\u043E\u0441\u0442\u044C \u0436\u0438\u0442\u0435\u043B\u0435"
                         "\u0439 \u0432\u0430\u0436\u043D\u0435\u0435 \u0432\u0441\u0435\u0433\u043E\", - "
                         "\u0437\u0430\u044F\u0432\u0438\u043B\u0430 \u043C\u044D\u0440 \u0433\u043E\u0440\u043E"
                         "\u0434\u0430 \u0410\u043D\u043D\u0430 \u0411\u0435\u043B\u043E\u0437\u0451\u0440\u043E"
                         "\u0432\u0430. \u0420\u0435\u043C\u043E\u043D\u0442 \u043F\u0440\u043E\u0434\u043B\u0438"
                         "\u0442\u0441\u044F \u0434\u043E \u043E\u0441\u0435\u043D\u0438.\n"_s;
const QString kChinese = u"\u5317\u5CAD\u5E02\u8BAE\u4F1A\u5468\u56DB\u6295\u7968\u51B3\u5B9A\u5173\u95ED\u6A2A"
                         "\u8DE8\u6CB3\u6D41\u7684\u65E7\u6865\u3002\u5E02\u957F\u6797\u6D77\u71D5\u8868\u793A\uFF1A"
                         "\u201C\u5C45\u6C11\u7684\u5B89\u5168\u9AD8\u4E8E\u4E00\u5207\u3002\u201D\u7EF4\u4FEE\u5DE5"
                         "\u7A0B\u9884\u8BA1\u5C06\u6301\u7EED\u5230\u79CB\u5B63\uFF0C\u5E02\u653F\u5E9C\u5C06\u5728"
                         "\u6865\u7684\u4E24\u4FA7\u8BBE\u7F6E\u4E34\u65F6\u6E21\u8239\u3002\n"_s;
const QString kGreek = u"\u03A4\u03BF \u03B4\u03B7\u03BC\u03BF\u03C4\u03B9\u03BA\u03CC \u03C3\u03C5\u03BC\u03B2"
                       "\u03BF\u03CD\u03BB\u03B9\u03BF \u03C4\u03B7\u03C2 \u0392\u03BF\u03C1\u03B5\u03B9\u03BF"
                       "\u03CD\u03C0\u03BF\u03BB\u03B7\u03C2 \u03B1\u03C0\u03BF\u03C6\u03AC\u03C3\u03B9\u03C3\u03B5 "
                       "\u03C4\u03B7\u03BD \u03A0\u03AD\u03BC\u03C0\u03C4\u03B7 \u03BD\u03B1 \u03BA\u03BB\u03B5"
                       "\u03AF\u03C3\u03B5\u03B9 \u03C4\u03B7\u03BD \u03C0\u03B1\u03BB\u03B9\u03AC \u03B3\u03AD"
                       "\u03C6\u03C5\u03C1\u03B1. \u00AB\u0397 \u03B1\u03C3\u03C6\u03AC\u03BB\u03B5\u03B9\u03B1 "
                       "\u03C4\u03C9\u03BD \u03BA\u03B1\u03C4\u03BF\u03AF\u03BA\u03C9\u03BD \u03B5\u03AF\u03BD"
                       "\u03B1\u03B9 \u03C0\u03AC\u03BD\u03C9 \u03B1\u03C0\u03CC \u03CC\u03BB\u03B1\u00BB, "
                       "\u03B4\u03AE\u03BB\u03C9\u03C3\u03B5 \u03B7 \u03B4\u03AE\u03BC\u03B1\u03C1\u03C7\u03BF"
                       "\u03C2 \u0395\u03BB\u03AD\u03BD\u03B7 \u03A0\u03B1\u03C0\u03C0\u03AC.\n"_s;
const QString kJapanese = u"\u5317\u6D5C\u5E02\u8B70\u4F1A\u306F\u6728\u66DC\u65E5\u3001\u5DDD\u306B\u67B6\u304B"
                          "\u308B\u53E4\u3044\u6A4B\u3092\u9589\u9396\u3059\u308B\u3053\u3068\u3092\u6C7A\u3081\u305F"
                          "\u3002\u5E02\u9577\u306E\u6797\u6D77\u5B50\u6C0F\u306F\u300C\u4F4F\u6C11\u306E\u5B89\u5168"
                          "\u304C\u4F55\u3088\u308A\u3082\u5927\u5207\u3060\u300D\u3068\u8FF0\u3079\u305F\u3002\u5DE5"
                          "\u4E8B\u306F\u79CB\u307E\u3067\u7D9A\u304F\u898B\u901A\u3057\u3060\u3002\n"_s;

QByteArray encoded(const QString &text, const char *encoding)
{
    QStringEncoder encoder(encoding);
    if (!encoder.isValid())
        qFatal("no encoder for %s", encoding);
    QByteArray bytes = encoder(text);
    if (encoder.hasError())
        qFatal("%s cannot encode the sample", encoding);
    return bytes;
}

} // namespace

class TestTextDecoding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Each sample is encoded by the test, detected without a hint and decoded back exactly.
    void legacyEncodingsRoundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("encoding");
        QTest::addColumn<QStringList>("accepted"); // names that decode these bytes to the same text
        QTest::newRow("windows-1252 French") << kFrench << QByteArray("windows-1252")
                                             << QStringList{u"windows-1252"_s};
        QTest::newRow("windows-1252 German") << kGerman << QByteArray("windows-1252")
                                             << QStringList{u"windows-1252"_s};
        QTest::newRow("ISO-8859-2 Polish") << kPolish << QByteArray("ISO-8859-2") << QStringList{u"ISO-8859-2"_s};
        QTest::newRow("windows-1250 Polish") << kPolish << QByteArray("windows-1250")
                                             << QStringList{u"windows-1250"_s};
        QTest::newRow("KOI8-R Russian") << kRussian << QByteArray("KOI8-R") << QStringList{u"KOI8-R"_s};
        QTest::newRow("windows-1251 Russian") << kRussian << QByteArray("windows-1251")
                                              << QStringList{u"windows-1251"_s};
        QTest::newRow("ISO-8859-5 Russian") << kRussian << QByteArray("ISO-8859-5") << QStringList{u"ISO-8859-5"_s};
        QTest::newRow("GB18030 Chinese") << kChinese << QByteArray("GB18030") << QStringList{u"GB18030"_s};
        QTest::newRow("ISO-8859-7 Greek") << kGreek << QByteArray("ISO-8859-7")
                                          << QStringList{u"ISO-8859-7"_s, u"windows-1253"_s}; // same bytes here
        QTest::newRow("Shift_JIS Japanese") << kJapanese << QByteArray("Shift_JIS")
                                            << QStringList{u"SHIFT_JIS"_s, u"Shift_JIS"_s};
    }
    void legacyEncodingsRoundTrip()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, encoding);
        QFETCH(QStringList, accepted);
        const QByteArray bytes = encoded(text, encoding.constData());
        QVERIFY(bytes != text.toUtf8()); // really a legacy encoding
        const newscoder::DecodedText d = decodeText(bytes);
        QVERIFY2(d.error.isEmpty(), qPrintable(d.error));
        QVERIFY2(accepted.contains(d.encoding), qPrintable(d.encoding));
        QCOMPARE(d.source, EncodingSource::Detected);
        QCOMPARE(d.text, text);
        QCOMPARE(d.undecodable, 0);
        // Reading a legacy encoding is never silent: the warning names it.
        QVERIFY(!d.warnings.isEmpty());
        QVERIFY2(d.warnings.first().contains(d.encoding), qPrintable(d.warnings.first()));
    }

    void byteOrderMarks_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("encoding");
        const QString sample = u"K\u00F6ln \u201Cport\u201D \u0421\u0435\u0432\u0435\u0440 \U0001F600\n"_s;
        QTest::newRow("utf-8") << (QByteArray("\xEF\xBB\xBF") + sample.toUtf8()) << u"UTF-8"_s;
        for (const auto encoding : {QStringConverter::Utf16LE, QStringConverter::Utf16BE, QStringConverter::Utf32LE,
                                    QStringConverter::Utf32BE}) {
            QStringEncoder encoder(encoding, QStringEncoder::Flag::WriteBom);
            const QString name = QString::fromLatin1(QStringConverter::nameForEncoding(encoding));
            QTest::newRow(qPrintable(name)) << QByteArray(encoder(sample)) << name;
        }
    }
    void byteOrderMarks()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, encoding);
        const newscoder::DecodedText d = decodeText(bytes);
        QCOMPARE(d.encoding, encoding);
        QCOMPARE(d.source, EncodingSource::Bom);
        QCOMPARE(d.text, u"K\u00F6ln \u201Cport\u201D \u0421\u0435\u0432\u0435\u0440 \U0001F600\n"_s);
        QVERIFY(d.warnings.isEmpty());
    }

    void utf8AndAsciiAreNotDetected()
    {
        const auto utf8 = decodeText(kRussian.toUtf8());
        QCOMPARE(utf8.encoding, u"UTF-8"_s);
        QCOMPARE(utf8.source, EncodingSource::Utf8);
        QCOMPARE(utf8.text, kRussian);
        QVERIFY(utf8.warnings.isEmpty());
        const auto ascii = decodeText("Plain headline\nPlain body.\n");
        QCOMPARE(ascii.encoding, u"UTF-8"_s);
        QVERIFY(ascii.warnings.isEmpty());
    }

    // --encoding: no detection; the bytes are read as named.
    void givenEncodingOverridesDetection()
    {
        const QByteArray bytes = encoded(kRussian, "KOI8-R");
        const auto asKoi = decodeText(bytes, u"koi8-r"_s);
        QCOMPARE(asKoi.source, EncodingSource::Given);
        QCOMPARE(asKoi.text, kRussian);
        QVERIFY(asKoi.warnings.isEmpty());
        const auto asCp1251 = decodeText(bytes, u"windows-1251"_s);
        QCOMPARE(asCp1251.encoding, u"windows-1251"_s);
        QVERIFY(asCp1251.text != kRussian); // what the user asked for, even when wrong
        // A given encoding also overrides valid UTF-8.
        const auto latin = decodeText(u"Caf\u00E9"_s.toUtf8(), u"ISO-8859-1"_s);
        QCOMPARE(latin.text, u"Caf\u00C3\u00A9"_s);
    }

    void unknownGivenEncodingIsAnError()
    {
        const auto d = decodeText("text", u"no-such-encoding"_s);
        QVERIFY(d.error.contains(u"unknown encoding \"no-such-encoding\""_s));
        QVERIFY(d.text.isEmpty());
        QVERIFY(!newscoder::isKnownEncoding(u"no-such-encoding"_s));
        QVERIFY(newscoder::isKnownEncoding(u"GB18030"_s));
    }

    // Bytes with no character in the encoding become U+FFFD, counted and placed by line.
    void undecodableBytesAreReported()
    {
        QByteArray bytes = encoded(kChinese, "GB18030");
        bytes += "second line\nthird \x81\x20 line\n"; // 0x81 0x20: a lead byte without its trail
        const auto d = decodeText(bytes, u"GB18030"_s);
        QCOMPARE(d.undecodable, 1);
        QCOMPARE(d.text.count(QChar::ReplacementCharacter), 1);
        QVERIFY(d.text.startsWith(kChinese));
        QVERIFY2(d.warnings.contains(u"The file has 1 byte that is not valid GB18030 (line 3); it was replaced "
                                     "with \uFFFD."_s),
                 qPrintable(d.warnings.join(u'\n')));
    }

    void damagedUtf8KeepsItsCharacters()
    {
        const QByteArray bytes = kRussian.toUtf8() + "bad \xFF byte\n";
        const auto d = decodeText(bytes);
        QCOMPARE(d.encoding, u"UTF-8"_s);
        QCOMPARE(d.undecodable, 1);
        QCOMPARE(d.text, kRussian + u"bad \uFFFD byte\n"_s);
        QVERIFY2(d.warnings.contains(u"The file has 1 invalid UTF-8 sequence (line 2); it was replaced with "
                                     "\uFFFD."_s),
                 qPrintable(d.warnings.join(u'\n')));
    }

    // An HTML page's <meta charset> is used when the bytes are not UTF-8.
    void declaredEncoding()
    {
        const QByteArray bytes = encoded(kRussian, "windows-1251");
        const auto d = decodeText(bytes, {}, u"windows-1251"_s);
        QCOMPARE(d.source, EncodingSource::Declared);
        QCOMPARE(d.text, kRussian);
        // Labels as browsers read them: ISO-8859-1 is Windows-1252 (its quotes in 0x80-0x9F).
        const QByteArray quotes = encoded(u"\u201CWe will reopen the market,\u201D the mayor said.\n"_s,
                                          "windows-1252");
        const auto latin1 = decodeText(quotes, {}, u"ISO-8859-1"_s);
        QCOMPARE(latin1.encoding, u"windows-1252"_s);
        QCOMPARE(latin1.text, u"\u201CWe will reopen the market,\u201D the mayor said.\n"_s);
        // A declared UTF-8 that the bytes contradict is ignored: detected instead.
        const auto wrong = decodeText(encoded(kRussian, "KOI8-R"), {}, u"utf-8"_s);
        QCOMPARE(wrong.source, EncodingSource::Detected);
        QCOMPARE(wrong.text, kRussian);
        // ... but valid UTF-8 wins over a stale declaration (browsers save pages as UTF-8).
        const auto utf8 = decodeText(kRussian.toUtf8(), {}, u"windows-1251"_s);
        QCOMPARE(utf8.source, EncodingSource::Utf8);
        QCOMPARE(utf8.text, kRussian);
    }

    void binaryIsRejected()
    {
        QVERIFY(decodeText(QByteArray("ab\0cd", 5)).error.contains(u"not a text file"_s));
        QVERIFY(decodeText(QByteArray(100, '\x01') + QByteArray(100, 'a')).error.contains(u"not a text file"_s));
    }
};

QTEST_GUILESS_MAIN(TestTextDecoding)
#include "tst_textdecoding.moc"
