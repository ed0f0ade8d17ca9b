#include "io/ArticleTextParser.h"
#include "io/ScraperResidue.h"

#include <QDir>
#include <QFile>
#include <QStringEncoder>
#include <QTest>
#include "TestPaths.h"

using namespace Qt::StringLiterals;
using newscoder::parseArticleText;

namespace {

QString sharedCorpusDir()
{
    QString shared = qEnvironmentVariable("NEWSCODER_SHARED_DIR");
    if (shared.isEmpty())
        shared = QStringLiteral(NEWSCODER_DEFAULT_SHARED_DIR);
    return shared + u"/corpus"_s;
}

QString normalisedFileText(const QByteArray &bytes)
{
    QString text = QString::fromUtf8(bytes);
    text.replace(u"\r\n"_s, u"\n"_s);
    text.replace(u'\r', u'\n');
    return text;
}

newscoder::Document parseOk(const QByteArray &bytes, const QString &fileName = u"article.txt"_s)
{
    const newscoder::ArticleParseResult r = parseArticleText(bytes, fileName);
    if (!r.document) {
        qWarning("unexpected parse error: %s", qPrintable(r.error));
        return {};
    }
    return *r.document;
}

} // namespace

class TestArticleTextParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void outletFromUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("outlet");
        QTest::newRow("www") << u"https://www.sputniknews.com/x"_s << u"sputniknews.com"_s;
        QTest::newRow("plain") << u"https://sputniknews.com/20211211/a.html"_s << u"sputniknews.com"_s;
        QTest::newRow("upper case") << u"HTTP://WWW.PressTV.IR/Detail"_s << u"presstv.ir"_s;
        QTest::newRow("mobile") << u"https://m.northlinedaily.example/a"_s << u"northlinedaily.example"_s;
        QTest::newRow("amp") << u"https://amp.kuestenbote.example/a"_s << u"kuestenbote.example"_s;
        QTest::newRow("port and query") << u"https://www.wionews.com:443/x?y=1"_s << u"wionews.com"_s;
        QTest::newRow("subdomain kept") << u"https://news.example.org/x"_s << u"news.example.org"_s;
        QTest::newRow("www only label") << u"https://www.com/"_s << u"www.com"_s;
        QTest::newRow("trailing dot") << u"https://www.example.com./"_s << u"example.com"_s;
        QTest::newRow("no host") << u"not a url"_s << QString();
        QTest::newRow("empty") << QString() << QString();
    }
    void outletFromUrl()
    {
        QFETCH(QString, url);
        QFETCH(QString, outlet);
        QCOMPARE(newscoder::outletFromUrl(QUrl(url)), outlet);
    }

    void header_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("outlet");
        const QString u1 = u"https://sputniknews.com/20211211/a-1.html"_s;
        QTest::newRow("leading space") << (u" date 2021-12-11 "_s + u1 + u"\n\nHeadline of the day\n"_s)
                                       << QDate(2021, 12, 11) << u1 << u"sputniknews.com"_s;
        QTest::newRow("no leading space, www")
            << u"date 2025-03-14 https://www.x.example/a\nA real headline\n"_s << QDate(2025, 3, 14)
            << u"https://www.x.example/a"_s << u"x.example"_s;
        QTest::newRow("blank lines and tab first")
            << u"\n\n\tdate 2020-01-02 http://m.y.example/b \nA headline\n"_s << QDate(2020, 1, 2)
            << u"http://m.y.example/b"_s << u"y.example"_s;
        QTest::newRow("not the first line") << u"A real headline\ndate 2020-01-02 https://x.example/\n"_s
                                            << QDate() << QString() << QString();
        QTest::newRow("ftp url") << u"date 2020-01-02 ftp://x.example/a\nA real headline\n"_s << QDate()
                                 << QString() << QString();
        QTest::newRow("no url") << u"date 2020-01-02\nA real headline\n"_s << QDate() << QString()
                                << QString();
        QTest::newRow("trailing words")
            << u"date 2020-01-02 https://x.example/ was when it began\nHi there you\n"_s << QDate()
            << QString() << QString();
        QTest::newRow("invalid date keeps url") << u"date 2021-13-40 https://x.example/a\nA real headline\n"_s
                                                << QDate() << u"https://x.example/a"_s << u"x.example"_s;
    }
    void header()
    {
        QFETCH(QString, input);
        QFETCH(QDate, date);
        QFETCH(QString, url);
        QFETCH(QString, outlet);
        const auto r = parseArticleText(input.toUtf8(), u"a.txt"_s);
        QVERIFY(r.document);
        QCOMPARE(r.document->date, date);
        QCOMPARE(r.document->url, url);
        QCOMPARE(r.document->outlet, outlet);
        QCOMPARE(r.document->text, input); // the header line stays in the text
        const bool hasHeader = !url.isEmpty();
        QString headerLine;
        for (const auto &entry : r.document->metadata) {
            if (entry.first == u"scraper_header"_s)
                headerLine = entry.second;
        }
        QCOMPARE(!headerLine.isEmpty(), hasHeader);
        if (hasHeader)
            QVERIFY(input.contains(headerLine + u'\n'));
        QCOMPARE(r.warnings.size(), !date.isValid() && hasHeader ? 1 : 0);
    }

    void title_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("title");
        const QString t = u"Port reopens after storm"_s;
        const auto row = [&t](const char *name, const QString &input, const QString &title = {}) {
            QTest::newRow(name) << input << (title.isEmpty() ? t : title);
        };
        row("first line", t + u"\nBody text.\n"_s);
        row("after header", u" date 2021-12-11 https://a.example/x\n\n"_s + t);
        row("banner token", u"ugc_banner\n\n"_s + t);
        row("two-word line", u"Breaking News\n"_s + t);
        row("credit, tagline",
            u"- Some Outlet, 1920\nThe latest news from the region. Stay tuned.\n\n"_s + t);
        row("breadcrumb with nbsp", u"News\u00A0 /\u00A0 Russia\n\nPort \u2018reopens\u2019\n"_s,
            u"Port \u2018reopens\u2019"_s);
        row("breadcrumb chevrons", u"Home > World > Europe\n"_s + t);
        row("slash in headline", u"Iran / US talks collapse\nBody.\n"_s, u"Iran / US talks collapse"_s);
        row("url and xpath",
            u"https://img.example/a.jpg\n/html/head/meta[@name='og:title']/@content\n"_s + t);
        row("timestamps", u"2021-12-11T12:14+0000\nJan 27, 2022, 08:06 PM IST\n14.02.2022 10:30\n"_s + t);
        row("byline first", u"By Jane Doe // 2024-09-05\n"_s + t);
        row("photo credit", u"\u00A9 Agency / Photographer Name\n"_s + t);
        row("whitespace collapsed", u"  Port \t reopens\u00A0\u00A0after   storm  \n"_s);
        row("abbreviation at end", u"Talks stall with U.S.\n"_s, u"Talks stall with U.S."_s);
        row("question", u"Will the port reopen?\n"_s, u"Will the port reopen?"_s);
        row("repeated", u"'Hard to Imagine' Allies, Aide Says\n\n'Hard to Imagine' Allies, Aide Says\n"_s,
            u"'Hard to Imagine' Allies, Aide Says"_s);
        const QString para =
            u"The port reopened on Monday after a storm that closed it for three days, "
            u"officials said, adding that ferries would run to the normal timetable again from Tuesday."_s;
        row("paragraph only: shortened", para, para.left(para.lastIndexOf(u' ', 150)) + u'\u2026');
        row("only tags: file name", u"kremlin\n\nnews\n\n2021\n"_s, u"my-article"_s);
    }
    void title()
    {
        QFETCH(QString, input);
        QFETCH(QString, title);
        const auto r = parseArticleText(input.toUtf8(), u"/some/where/my-article.txt"_s);
        QVERIFY(r.document);
        QCOMPARE(r.document->title, title);
        QCOMPARE(r.document->text, input);
        QCOMPARE(r.warnings.isEmpty(), title != u"my-article"_s);
    }

    void byline_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("author");
        QTest::addColumn<QDate>("date");
        QTest::newRow("name // date")
            << u"Relations at a low point\nBy ramontomeydw // 2024-09-05\n\u00A0\nText.\n"_s
            << u"ramontomeydw"_s << QDate(2024, 9, 5);
        QTest::newRow("name only") << u"By Jane Doe\nPort reopens after storm\n"_s << u"Jane Doe"_s
                                   << QDate();
        QTest::newRow("name | long date") << u"Port reopens after storm\nBy Jane Doe | March 5, 2024\n"_s
                                          << u"Jane Doe"_s << QDate(2024, 3, 5);
        QTest::newRow("header date wins")
            << u"date 2021-01-01 https://a.example/x\nPort reopens after storm\nBy Jane Doe // 2024-09-05\n"_s
            << u"Jane Doe"_s << QDate(2021, 1, 1);
        QTest::newRow("sentence is no byline")
            << u"Port reopens after storm\nBy the end of the week the port had reopened for all ships.\n"_s
            << QString() << QDate();
        QTest::newRow("too far down")
            << u"Port reopens after storm\n1\n2\n3\n4\n5\n6\n7\n8\nBy Jane Doe\n"_s << QString() << QDate();
    }
    void byline()
    {
        QFETCH(QString, input);
        QFETCH(QString, author);
        QFETCH(QDate, date);
        const newscoder::Document doc = parseOk(input.toUtf8());
        QCOMPARE(doc.author, author);
        QCOMPARE(doc.date, date);
        bool hasBylineEntry = false;
        for (const auto &entry : doc.metadata)
            hasBylineEntry |= entry.first == u"byline"_s;
        QCOMPARE(hasBylineEntry, !author.isEmpty());
        QCOMPARE(doc.text, input);
    }

    void encodings_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("warned");
        const QString sample = u"K\u00F6ln \u201Cport\u201D news \U0001F600 today\nBody\n"_s;
        QTest::newRow("utf-8") << sample.toUtf8() << sample << false;
        QTest::newRow("utf-8 bom") << (QByteArray("\xEF\xBB\xBF") + sample.toUtf8()) << sample << false;
        QStringEncoder le(QStringConverter::Utf16LE, QStringEncoder::Flag::WriteBom);
        QTest::newRow("utf-16 le bom") << QByteArray(le(sample)) << sample << false;
        QStringEncoder be(QStringConverter::Utf16BE, QStringEncoder::Flag::WriteBom);
        QTest::newRow("utf-16 be bom") << QByteArray(be(sample)) << sample << false;
        QTest::newRow("latin-1") << QByteArray("Caf\xE9 reopens in K\xF6ln\n")
                                 << u"Caf\u00E9 reopens in K\u00F6ln\n"_s << true;
        QTest::newRow("windows-1252 quotes") << QByteArray("\x93Quote\x94 from the mayor today\n")
                                             << u"\u201CQuote\u201D from the mayor today\n"_s << true;
    }
    // A UTF-8 file with damaged bytes keeps every correct character; each
    // invalid sequence becomes U+FFFD where it is, and the warning gives the
    // count and the lines (the whole file is not re-read as Windows-1252).
    void damagedUtf8_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("warning");
        QTest::newRow("one stray byte")
            << QByteArray("K\xC3\xB6ln \xE2\x80\x94 port news today\nline two \xFF here\n")
            << u"K\u00F6ln \u2014 port news today\nline two \uFFFD here\n"_s
            << u"The file has 1 invalid UTF-8 sequence (line 2); it was replaced with \uFFFD."_s;
        QTest::newRow("cut short at the end")
            << QByteArray("Caf\xC3\xA9 reopens in the old port\n\xE2\x80") << u"Caf\u00E9 reopens in the old port\n\uFFFD"_s
            << u"The file has 1 invalid UTF-8 sequence (line 2); it was replaced with \uFFFD."_s;
        QTest::newRow("overlong and surrogate, CR lines")
            << QByteArray("\xC3\xA9t\xC3\xA9 in the port today\r\r\xC0\xAF\r\n\xED\xA0\x80\n")
            << u"\u00E9t\u00E9 in the port today\n\n\uFFFD\uFFFD\n\uFFFD\uFFFD\uFFFD\n"_s
            << u"The file has 5 invalid UTF-8 sequences (lines 3, 4); they were replaced with \uFFFD."_s;
    }
    void damagedUtf8()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, text);
        QFETCH(QString, warning);
        const auto r = parseArticleText(bytes, u"a.txt"_s);
        QVERIFY2(r.document, qPrintable(r.error));
        QCOMPARE(r.document->text, text);
        QVERIFY2(r.warnings.contains(warning), qPrintable(r.warnings.join(u'\n')));
    }

    void manyDamagedLinesAreSummarised()
    {
        QByteArray bytes("\xC3\xB6 headline of the damaged article\n");
        for (int i = 0; i < 12; ++i)
            bytes += "bad \x80 byte\n";
        const auto r = parseArticleText(bytes, u"a.txt"_s);
        QVERIFY(r.document);
        QCOMPARE(r.document->text.count(QChar::ReplacementCharacter), 12);
        QVERIFY2(r.warnings.contains(u"The file has 12 invalid UTF-8 sequences (lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 "
                                     "and 2 more); they were replaced with \uFFFD."_s),
                 qPrintable(r.warnings.join(u'\n')));
    }

    void encodings()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, text);
        QFETCH(bool, warned);
        const auto r = parseArticleText(bytes, u"a.txt"_s);
        QVERIFY2(r.document, qPrintable(r.error));
        QCOMPARE(r.document->text, text);
        QCOMPARE(r.warnings.isEmpty(), !warned);
    }

    void lineEndings()
    {
        const QByteArray bytes("Port reopens after storm\r\nSecond\r\rThird\rFourth\n\r\n");
        const auto doc = parseOk(bytes);
        QCOMPARE(doc.text, u"Port reopens after storm\nSecond\n\nThird\nFourth\n\n"_s);
        QCOMPARE(doc.title, u"Port reopens after storm"_s);
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << QByteArray() << u"empty"_s;
        QTest::newRow("whitespace") << QByteArray("  \n\t\r\n \xC2\xA0\n") << u"whitespace"_s;
        QTest::newRow("nul byte") << QByteArray("Port reopens\0 after storm", 25) << u"not a text file"_s;
        QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16) << u"not a text file"_s;
        QTest::newRow("control characters")
            << (QByteArray(100, '\x01') + QByteArray(100, 'a')) << u"not a text file"_s;
        QStringEncoder le(QStringConverter::Utf16LE, QStringEncoder::Flag::WriteBom);
        QTest::newRow("utf-16 with nul") << QByteArray(le(u"abc\0def"_s)) << u"not a text file"_s;
        QTest::newRow("too large") << QByteArray(newscoder::kMaxArticleFileBytes + 1, 'a') << u"20 MiB"_s;
    }
    void rejects()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, error);
        const auto r = parseArticleText(bytes, u"a.txt"_s);
        QVERIFY(!r.document);
        QVERIFY2(r.error.contains(error), qPrintable(r.error));
    }

    void metadataAndImportSource()
    {
        const QString header = u" date 2021-12-11 https://www.a.example/x"_s;
        const QString input = header + u"\n\nTitle line of it\n\nTitle line of it\n\nkremlin\n"_s;
        const auto doc = parseOk(input.toUtf8(), u"/data/000_abc.txt"_s);
        QCOMPARE(doc.importSource, u"/data/000_abc.txt"_s);
        const QList<newscoder::MetadataEntry> expected{{u"source_file"_s, u"/data/000_abc.txt"_s},
                                                       {u"scraper_header"_s, header}};
        QCOMPARE(doc.metadata.mid(0, 2), expected);
        // The leftovers, marked by line (io/ScraperResidue.h): the header, the title again, a tag.
        QCOMPARE(doc.metadata.size(), 3);
        QCOMPARE(doc.metadata[2].first, u"scraper_residue"_s);
        const QList<newscoder::scraped::ResidueSpan> residue = newscoder::scraped::residueOf(doc);
        QCOMPARE(residue.size(), 3);
        QCOMPARE(residue[0], (newscoder::scraped::ResidueSpan{0, int(header.size()), u"scraper-header"_s}));
        QCOMPARE(residue[1].rule, u"repeated-title"_s);
        QCOMPARE(input.mid(residue[2].start, residue[2].end - residue[2].start), u"kremlin"_s);
        QCOMPARE(doc.text, input);
        QVERIFY(doc.id.isNull());
    }

    void samples_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("outlet");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QString>("author");
        const QDate d14(2025, 3, 14);
        QTest::newRow("01") << u"01_harbour_gazette.txt"_s
                            << u"Port authority suspends overnight Skerrin ferry after hull inspection"_s
                            << u"harbourgazette.example"_s << d14 << QString();
        QTest::newRow("02") << u"02_meridian_wire.txt"_s
                            << u"Vellmouth halts night ferry to Skerrin Island over corrosion"_s
                            << u"meridian-wire.example"_s << d14 << QString();
        QTest::newRow("03") << u"03_coastal_sentinel.txt"_s
                            << u"Islanders abandoned again as port bosses axe night ferry"_s << QString()
                            << QDate(2025, 3, 15) << u"tmarsh"_s;
        QTest::newRow("04") << u"04_northline_daily.txt"_s
                            << u"Safety first: Vellmouth port pauses night ferry for urgent repairs"_s
                            << u"northlinedaily.example"_s << QDate(2025, 3, 15) << QString();
        QTest::newRow("05")
            << u"05_kuestenbote.txt"_s
            << u"Vellmouth night ferry halted: L\u00E9a Brannigan defends \u201Eprecautionary\u201C decision"_s
            << u"kuestenbote.example"_s << QDate(2025, 3, 16) << QString();
        QTest::newRow("06")
            << u"06_pulse_feed.txt"_s
            << u"FERRY CHAOS: Islanders stranded as port bosses pull the plug on night sailings"_s
            << u"Pulse Feed"_s << QDate(2025, 3, 14) << u"Pulse Feed Web Desk"_s; // credit, "Updated:", team byline
    }
    void samples()
    {
        QFETCH(QString, file);
        QFETCH(QString, title);
        QFETCH(QString, outlet);
        QFETCH(QDate, date);
        QFETCH(QString, author);
        QFile f(QStringLiteral(NEWSCODER_SOURCE_DIR) + u"/resources/samples/"_s + file);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
        const QByteArray bytes = f.readAll();
        const auto r = parseArticleText(bytes, file);
        QVERIFY2(r.document, qPrintable(r.error));
        QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join(u'\n')));
        QCOMPARE(r.document->title, title);
        QCOMPARE(r.document->outlet, outlet);
        QCOMPARE(r.document->date, date);
        QCOMPARE(r.document->author, author);
        QCOMPARE(r.document->text, normalisedFileText(bytes));
        const int words = int(r.document->text.split(u' ', Qt::SkipEmptyParts).size());
        QVERIFY2(words >= 150 && words <= 350, qPrintable(QString::number(words)));
    }
    void samplesAreAllListed()
    {
        const QDir dir(QStringLiteral(NEWSCODER_SOURCE_DIR) + u"/resources/samples"_s);
        QCOMPARE(dir.entryList({u"*.txt"_s}, QDir::Files).size(), 6);
        // The non-ASCII sample exercises UTF-16 offsets: characters outside the BMP take two units.
        QFile f(dir.filePath(u"05_kuestenbote.txt"_s));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = parseOk(f.readAll()).text;
        const qsizetype ship = text.indexOf(u"\U0001F6A2"_s);
        QVERIFY(ship > 0);
        QVERIFY(text.at(ship).isHighSurrogate());
        QCOMPARE(text.mid(ship + 2, 6), u" back "_s);
        QVERIFY(text.contains(u"\U0001D538 ferry"_s));
    }

    void realCorpus_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("outlet");
        QTest::addColumn<QString>("author");
        if (!QDir(sharedCorpusDir()).exists())
            QSKIP("real corpus not available (set NEWSCODER_SHARED_DIR)");
        QTest::newRow("000")
            << u"000_c777aa6dd1185ce1.txt"_s
            << u"'It Would be Hard to Imagine' Russia, US as Allies Amid Current Tensions, "
               "Kremlin Spokesman Says"_s
            << QDate(2021, 12, 11)
            << u"https://sputniknews.com/20211211/it-would-be-hard-to-imagine-russia-us-become-"
               "allies-amid-current-tensions-kremlin-spokesman-says-1091439002.html"_s
            << u"sputniknews.com"_s << QString();
        QTest::newRow("001") << u"001_13ac4cbc4fd4abfe.txt"_s
                             << u"Kremlin: Moscow-Washington Relations at Lowest Level"_s << QDate(2022, 2, 14)
                             << QString() << u"Sputnik International"_s << QString(); // from the picture credits
        QTest::newRow("002") << u"002_b5f9598029ad307c.txt"_s
                             << u"Peskov: U.S.-Russia relations at an ALL-TIME LOW"_s << QDate(2024, 9, 5)
                             << QString() << QString() << u"ramontomeydw"_s;
        QTest::newRow("003")
            << u"003_e2ed0fe6235a433f.txt"_s
            << u"Amid Ukraine crisis, Kremlin says tensions between Russia and US not at lowest "
               "point yet"_s
            << QDate(2022, 1, 27) << QString() << u"WION"_s << u"WION Web Team"_s; // "Updated:" line, team byline
        QTest::newRow("004")
            << u"004_9fc9ab4bfda34981.txt"_s
            << u"Kremlin describes bilateral ties with US as \u2018deplorable\u2019 ahead of "
               "Biden-Putin summit"_s
            << QDate() << QString() << u"Press TV"_s << QString(); // "Press TV's website …" at the end
    }
    void realCorpus()
    {
        QFETCH(QString, file);
        QFETCH(QString, title);
        QFETCH(QDate, date);
        QFETCH(QString, url);
        QFETCH(QString, outlet);
        QFETCH(QString, author);
        QFile f(sharedCorpusDir() + u'/' + file);
        if (!f.exists())
            QSKIP("corpus file missing");
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        const auto r = parseArticleText(bytes, f.fileName());
        QVERIFY2(r.document, qPrintable(r.error));
        QCOMPARE(r.document->title, title);
        QCOMPARE(r.document->date, date);
        QCOMPARE(r.document->url, url);
        QCOMPARE(r.document->outlet, outlet);
        QCOMPARE(r.document->author, author);
        QCOMPARE(r.document->importSource, f.fileName());
        QCOMPARE(r.document->text, normalisedFileText(bytes)); // nothing lost
    }
};

QTEST_GUILESS_MAIN(TestArticleTextParser)
#include "tst_articletextparser.moc"
