// Tables of articles (CSV, TSV, JSONL; fictional samples in tests/data/import/tables): the
// column mapping (explicit and by the usual names), metadata from the other columns, the
// external id kept, and every row that is not read reported with its number and reason.
#include "io/ArticleFileReader.h"
#include "io/table/ColumnMapping.h"
#include "io/table/TableArticleReader.h"
#include "io/table/TableRows.h"
#include "refi/RefiArchive.h"

#include <QFile>
#include <QRandomGenerator>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>
#include "TestPaths.h"

using namespace Qt::StringLiterals;
using namespace newscoder;

namespace {

QByteArray sample(const QString &name)
{
    QFile f(QStringLiteral(NEWSCODER_TEST_DATA_DIR "/import/tables/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(name));
    return f.readAll();
}

QString metadataValue(const Document &doc, const QString &key)
{
    for (const auto &[k, v] : doc.metadata)
        if (k == key)
            return v;
    return {};
}

// A workbook written by the test (the parts Excel writes): shared and inline strings, a
// number in a date style, a boolean, an empty row the sheet leaves out, and a cell right of the
// header.
QByteArray workbook(QTemporaryDir &dir, const QByteArray &sheetXml)
{
    const QByteArray workbookXml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/"
        "spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        "<sheets><sheet name=\"Articles\" sheetId=\"1\" r:id=\"rId3\"/><sheet name=\"Notes\" sheetId=\"2\" "
        "r:id=\"rId4\"/></sheets></workbook>";
    const QByteArray rels =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
        "2006/relationships\"><Relationship Id=\"rId4\" Type=\"worksheet\" Target=\"worksheets/notes.xml\"/>"
        "<Relationship Id=\"rId3\" Type=\"worksheet\" Target=\"worksheets/articles.xml\"/></Relationships>";
    const QByteArray shared =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/"
        "2006/main\"><si><t>id</t></si><si><t>headline</t></si><si><t>body</t></si><si><t>published</t></si>"
        "<si><t>paywall</t></si><si><r><t>Ferry adds a </t></r><r><rPr><b/></rPr><t>night crossing</t></r>"
        "<rPh><t>PHONETIC</t></rPh></si><si><t xml:space=\"preserve\">Nordsund will run a night crossing from "
        "March.\nTickets cost 18 euros.</t></si></sst>";
    const QByteArray styles =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/"
        "spreadsheetml/2006/main\"><numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"[$-409]d\\ mmmm\\ "
        "yyyy\"/></numFmts><cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"14\"/>"
        "</cellXfs></styleSheet>";
    const QString path = dir.filePath(u"articles.xlsx"_s);
    QString error;
    if (!refi::writeArchive(path,
                            {{u"xl/workbook.xml"_s, workbookXml},
                             {u"xl/_rels/workbook.xml.rels"_s, rels},
                             {u"xl/sharedStrings.xml"_s, shared},
                             {u"xl/styles.xml"_s, styles},
                             {u"xl/worksheets/notes.xml"_s, "<worksheet><sheetData/></worksheet>"},
                             {u"xl/worksheets/articles.xml"_s, sheetXml}},
                            QDateTime({2022, 2, 15}, {9, 0}, QTimeZone::UTC), &error))
        qFatal("cannot write the workbook: %s", qPrintable(error));
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

} // namespace

class TestTableArticles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void csvWithUsualColumnNames()
    {
        const ArticleBatch batch = readArticleFile(sample(u"articles.csv"_s), u"articles.csv"_s);
        QVERIFY2(batch.error.isEmpty(), qPrintable(batch.error));
        QCOMPARE(batch.format, u"csv"_s);
        QCOMPARE(batch.documents.size(), 3);
        const Document &ferry = batch.documents[0];
        QCOMPARE(ferry.title, u"Ferry adds a night crossing"_s);
        QCOMPARE(ferry.text, u"The ferry company Nordsund will run a night crossing from March.\nTickets cost 18 euros, "
                             "the director said."_s); // the quoted cell's CRLF became LF
        QCOMPARE(ferry.date, QDate(2021, 12, 11));
        QCOMPARE(ferry.url, u"https://www.northern-courier.example/ferry"_s);
        QCOMPARE(ferry.outlet, u"The Northern Courier"_s);
        QCOMPARE(ferry.author, u"Britt Aalund"_s);
        QCOMPARE(metadataValue(ferry, u"external_id"_s), u"A-101"_s);
        QCOMPARE(metadataValue(ferry, u"external_id_column"_s), u"article_id"_s);
        QCOMPARE(metadataValue(ferry, u"section"_s), u"NEWS"_s);
        QCOMPARE(metadataValue(ferry, u"published"_s), u"11 December 2021"_s);
        QCOMPARE(metadataValue(ferry, u"row"_s), u"2"_s);

        const Document &tram = batch.documents[1];
        QCOMPARE(tram.text, u"The vote ended 21 to 21, so the council will vote again; \"no one is happy\", the mayor "
                            "said."_s);
        QCOMPARE(tram.outlet, u"tidende.example"_s); // no outlet cell: the URL's host
        QCOMPARE(metadataValue(tram, u"row"_s), u"4"_s); // row 2 spans two lines

        const Document &cranes = batch.documents[2];
        QVERIFY(!cranes.date.isValid());
        QCOMPARE(metadataValue(cranes, u"published"_s), u"sometime in spring"_s);
        QVERIFY(batch.warnings.join(u' ').contains(u"row 7: the date \"sometime in spring\" was not understood"_s));

        QCOMPARE(batch.rejected, (QList<QPair<QString, QString>>{{u"row 5"_s, u"empty row"_s},
                                                                 {u"row 6"_s, u"the text column \"body\" is empty"_s}}));
    }

    void explicitMapOverridesTheUsualNames()
    {
        QString error;
        const auto map = table::parseColumnMap({u"text=headline,title=body"_s, u"external_id=section"_s}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const ArticleBatch batch = readTableArticles(sample(u"articles.csv"_s), u"a.csv"_s, u"csv"_s, {}, map);
        QVERIFY2(batch.error.isEmpty(), qPrintable(batch.error));
        QCOMPARE(batch.documents.first().text, u"Ferry adds a night crossing"_s);
        QCOMPARE(metadataValue(batch.documents.first(), u"external_id"_s), u"NEWS"_s);
        // article_id is no longer the id: it is kept as metadata under its own name.
        QCOMPARE(metadataValue(batch.documents.first(), u"article_id"_s), u"A-101"_s);
        // Row 6 has a headline now, so it is read; its empty body gives no title, the text does.
        QCOMPARE(batch.documents.size(), 4);
    }

    void mapErrors_data()
    {
        QTest::addColumn<QStringList>("specs");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown field") << QStringList{u"body=text"_s} << u"unknown field \"body\""_s;
        QTest::newRow("no column") << QStringList{u"text="_s} << u"names no column"_s;
        QTest::newRow("twice") << QStringList{u"text=a"_s, u"text=b"_s} << u"twice"_s;
    }
    void mapErrors()
    {
        QFETCH(QStringList, specs);
        QFETCH(QString, error);
        QString message;
        QVERIFY(table::parseColumnMap(specs, &message).isEmpty());
        QVERIFY2(message.contains(error), qPrintable(message));
    }

    void missingColumnsAreFileErrors()
    {
        QString error;
        const auto map = table::parseColumnMap({u"text=story"_s}, &error);
        ArticleBatch batch = readTableArticles(sample(u"articles.csv"_s), u"a.csv"_s, u"csv"_s, {}, map);
        QVERIFY(batch.documents.isEmpty());
        QVERIFY2(batch.error.startsWith(u"no column \"story\" (mapped to text); the columns are: article_id, headline"_s),
                 qPrintable(batch.error));

        batch = readTableArticles("name,city\nHolm,Halvik\n", u"people.csv"_s, u"csv"_s, {}, {});
        QVERIFY(batch.documents.isEmpty());
        QVERIFY2(batch.error.startsWith(u"no text column: name it with --map text=COLUMN (the columns are: name, city)"_s),
                 qPrintable(batch.error));
    }

    void tsvAndSemicolons()
    {
        ArticleBatch batch = readArticleFile(sample(u"articles.tsv"_s), u"articles.tsv"_s);
        QVERIFY2(batch.error.isEmpty(), qPrintable(batch.error));
        QCOMPARE(batch.documents.size(), 2);
        QCOMPARE(batch.documents[0].date, QDate(2021, 12, 11));
        QCOMPARE(metadataValue(batch.documents[0], u"published_iso"_s), u"2021-12-11T10:04:00Z"_s);
        QCOMPARE(batch.documents[1].outlet, u"Oster Sund Tidende"_s);
        QCOMPARE(metadataValue(batch.documents[1], u"external_id"_s), u"T-2"_s);

        // German column names: "Text" is found (names compare case-insensitively), the others
        // are not usual names — without --map they stay metadata, with it they fill the fields.
        batch = readArticleFile(sample(u"semicolon.csv"_s), u"semicolon.csv"_s);
        QVERIFY2(batch.error.isEmpty(), qPrintable(batch.error));
        QCOMPARE(batch.documents.size(), 1);
        QCOMPARE(batch.documents[0].text, u"Der Hafen von Halvik wird um zwei Kaimauern erweitert."_s);
        QVERIFY(!batch.documents[0].date.isValid());
        QCOMPARE(metadataValue(batch.documents[0], u"Titel"_s), u"Hafen erweitert"_s);
        QCOMPARE(metadataValue(batch.documents[0], u"Datum"_s), u"11.12.2021"_s);
        ImportOptions options;
        QString error;
        options.columnMap = table::parseColumnMap({u"date=datum,title=TITEL"_s}, &error);
        batch = readArticleFile(sample(u"semicolon.csv"_s), u"semicolon.csv"_s, options);
        QCOMPARE(batch.documents[0].date, QDate(2021, 12, 11));
        QCOMPARE(batch.documents[0].title, u"Hafen erweitert"_s);
        QCOMPARE(metadataValue(batch.documents[0], u"Datum"_s), QString());
    }

    void legacyEncodingIsDecoded()
    {
        QStringEncoder encoder("windows-1251");
        const QByteArray bytes = encoder(u"title,text\n\u041C\u043E\u0441\u0442,\u0413\u043E\u0440\u043E\u0434\u0441"
                                         u"\u043A\u043E\u0439 \u0441\u043E\u0432\u0435\u0442 \u0440\u0435\u0448\u0438"
                                         u"\u043B.\n"_s);
        const ArticleBatch batch = readArticleFile(bytes, u"ru.csv"_s);
        QVERIFY2(batch.error.isEmpty(), qPrintable(batch.error));
        QCOMPARE(batch.encoding, u"windows-1251"_s);
        QCOMPARE(batch.documents.first().title, u"\u041C\u043E\u0441\u0442"_s);
    }

    void jsonLines()
    {
        const ArticleBatch batch = readArticleFile(sample(u"articles.jsonl"_s), u"articles.jsonl"_s);
        QVERIFY2(batch.error.isEmpty(), qPrintable(batch.error));
        QCOMPARE(batch.format, u"jsonl"_s);
        QCOMPARE(batch.documents.size(), 2);
        const Document &fares = batch.documents[0];
        QCOMPARE(fares.title, u"Ferry fares frozen"_s);
        QCOMPARE(fares.date, QDate(2022, 2, 2));
        QCOMPARE(fares.outlet, u"northern-courier.example"_s);
        QCOMPARE(metadataValue(fares, u"external_id"_s), u"J-1"_s);
        QCOMPARE(metadataValue(fares, u"tags"_s), u"[\"ferry\",\"prices\"]"_s);
        QCOMPARE(metadataValue(fares, u"words"_s), u"8"_s);
        QCOMPARE(metadataValue(fares, u"line"_s), u"1"_s);
        const Document &museum = batch.documents[1];
        QCOMPARE(museum.text, u"The old pilot house will become a museum in June.\nEntry will be free."_s);
        QCOMPARE(metadataValue(museum, u"views"_s), u"1.5"_s);
        QCOMPARE(metadataValue(museum, u"paywall"_s), u"false"_s);
        QCOMPARE(batch.rejected.size(), 3);
        QCOMPARE(batch.rejected[0].first, u"line 3"_s);
        QVERIFY(batch.rejected[0].second.startsWith(u"not JSON"_s));
        QCOMPARE(batch.rejected[1], (QPair<QString, QString>{u"line 4"_s, u"not a JSON object"_s}));
        QCOMPARE(batch.rejected[2], (QPair<QString, QString>{u"line 6"_s, u"the text column \"content\" is empty"_s}));
    }

    void xlsxFirstSheet()
    {
        QTemporaryDir dir;
        const QByteArray sheet =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
            "spreadsheetml/2006/main\"><sheetData>"
            "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\">"
            "<v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c><c r=\"E1\" t=\"s\"><v>4</v></c></row>"
            "<row r=\"2\"><c r=\"A2\"><v>101</v></c><c r=\"B2\" t=\"s\"><v>5</v></c><c r=\"C2\" t=\"s\"><v>6</v></c>"
            "<c r=\"D2\" s=\"1\"><v>44541</v></c><c r=\"E2\" t=\"b\"><v>0</v></c></row>"
            "<row r=\"4\"><c r=\"A4\" t=\"str\"><f>A2+1</f><v>102</v></c><c r=\"B4\" t=\"inlineStr\"><is><t>Tram "
            "vote postponed</t></is></c><c r=\"C4\" t=\"inlineStr\"><is><t>The vote ended 21 to 21.</t></is></c>"
            "<c r=\"D4\" s=\"2\"><v>44588.5</v></c></row>"
            "<row r=\"5\"><c r=\"C5\" t=\"inlineStr\"><is><t>Stray cell</t></is></c><c r=\"G5\"><v>1</v></c></row>"
            "</sheetData></worksheet>";
        const ArticleBatch batch = readArticleFile(workbook(dir, sheet), u"articles.xlsx"_s);
        QVERIFY2(batch.error.isEmpty(), qPrintable(batch.error));
        QCOMPARE(batch.format, u"xlsx"_s);
        QCOMPARE(batch.documents.size(), 2);
        const Document &ferry = batch.documents[0];
        QCOMPARE(ferry.title, u"Ferry adds a night crossing"_s); // rich text runs joined, phonetic hint left out
        QCOMPARE(ferry.text, u"Nordsund will run a night crossing from March.\nTickets cost 18 euros."_s);
        QCOMPARE(ferry.date, QDate(2021, 12, 11)); // serial 44541 in a custom date format
        QCOMPARE(metadataValue(ferry, u"external_id"_s), u"101"_s);
        QCOMPARE(metadataValue(ferry, u"paywall"_s), u"false"_s);
        QCOMPARE(metadataValue(ferry, u"row"_s), u"2"_s);
        const Document &tram = batch.documents[1];
        QCOMPARE(metadataValue(tram, u"published"_s), u"2022-01-27T12:00:00"_s); // built-in date format 14, noon
        QCOMPARE(tram.date, QDate(2022, 1, 27));
        QCOMPARE(metadataValue(tram, u"external_id"_s), u"102"_s); // a formula's cached result
        QCOMPARE(batch.rejected,
                 (QList<QPair<QString, QString>>{{u"row 3"_s, u"empty row"_s},
                                                 {u"row 5"_s, u"has a cell in column 7, right of the header's last column"_s}}));
    }

    void xlsxRefusedWithReason()
    {
        QCOMPARE(readArticleFile(QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest", 16), u"locked.xlsx"_s).error.left(40),
                 u"not a readable XLSX file: a password-pro"_s);
        QCOMPARE(readArticleFile("PK\x03\x04 broken", u"broken.xlsx"_s).error, u"not a readable XLSX file (corrupt)"_s);
        QTemporaryDir dir;
        QCOMPARE(readArticleFile(workbook(dir, "<worksheet><sheetData/></worksheet>"), u"empty.xlsx"_s).error,
                 u"the worksheet is empty"_s);
    }

    // Fixed-seed fuzzing of the workbook: truncations and byte flips give rows or a reason.
    void xlsxFuzz()
    {
        QTemporaryDir dir;
        const QByteArray sheet =
            "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>2</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
            "</row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>6</v></c><c r=\"B2\" t=\"s\"><v>5</v></c></row>"
            "</sheetData></worksheet>";
        const QByteArray bytes = workbook(dir, sheet);
        QCOMPARE(readArticleFile(bytes, u"f.xlsx"_s).documents.size(), 1);
        QRandomGenerator random(2024);
        for (int round = 0; round < 300; ++round) {
            QByteArray fuzzed = bytes;
            if (round % 2 == 0)
                fuzzed.truncate(random.bounded(qsizetype(1), fuzzed.size()));
            else
                for (int i = 0; i < 1 + round % 5; ++i)
                    fuzzed[random.bounded(fuzzed.size())] = char(random.bounded(256));
            const ArticleBatch batch = readArticleFile(fuzzed, u"f.xlsx"_s);
            QVERIFY(!batch.error.isEmpty() || !batch.documents.isEmpty() || !batch.rejected.isEmpty());
        }
    }

    void csvRecords()
    {
        const table::TableRows rows = table::parseDelimited(u"a,b,a\n1,\"x\ny\"\n1,2,3,4\n\"open"_s, u',');
        QCOMPARE(rows.columns, QStringList({u"a"_s, u"b"_s, u"a (2)"_s}));
        QCOMPARE(rows.rows.size(), 3);
        QCOMPARE(rows.rows[0].cells, QStringList({u"1"_s, u"x\ny"_s, QString()}));
        QCOMPARE(rows.rows[1].number, 4);
        QVERIFY(rows.rows[1].error.contains(u"4 cells, the header 3"_s));
        QCOMPARE(rows.rows[2].number, 5);
        QCOMPARE(rows.rows[2].error, u"opens a quote that is never closed"_s);
    }

    void emptyAndHeaderOnlyFiles()
    {
        QCOMPARE(readArticleFile("", u"e.csv"_s).error, u"the file is empty"_s);
        QCOMPARE(readArticleFile("text,title\n", u"h.csv"_s).error, u"the table has no rows"_s);
        QCOMPARE(readArticleFile("\n\n", u"e.jsonl"_s).error, u"the file is empty"_s);
    }
};

QTEST_MAIN(TestTableArticles)
#include "tst_tablearticles.moc"
