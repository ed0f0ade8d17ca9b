// CSV reading for the reliability engine (RFC 4180 dialect, reliability
// matrices and unitizing spans). No statistics here, so no published values.

#include "stats/Csv.h"
#include "stats/ReliabilityCsv.h"

#include <QTest>

using namespace newscoder::stats;
using namespace Qt::StringLiterals;

class TestStatsCsv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfc4180();
    void csvErrors();
    void reliabilityLabels();
    void reliabilityDefaultOrder();
    void reliabilityNumbers();
    void reliabilityErrors();
    void unitizingSpans();
    void unitizingErrors();
    void unitizingArticles();
};

void TestStatsCsv::rfc4180()
{
    CsvTable t;
    QString error;
    const QByteArray bytes = "\xEF\xBB\xBF"
                             "a,\"b, c\",\"say \"\"hi\"\"\"\r\n"
                             "\r\n"
                             "1,\"two\r\nlines\",\r\n"
                             "\"\",x,y";
    QVERIFY2(parseCsv(bytes, t, &error), qPrintable(error));
    QCOMPARE(t.records.size(), 3);
    QCOMPARE(t.records[0], (QStringList{u"a"_s, u"b, c"_s, u"say \"hi\""_s}));
    QCOMPARE(t.records[1], (QStringList{u"1"_s, u"two\r\nlines"_s, QString()}));
    QCOMPARE(t.records[2], (QStringList{QString(), u"x"_s, u"y"_s}));
    QCOMPARE(t.lines, (QList<qsizetype>{1, 3, 5}));
    // LF and CR line ends, UTF-8 text.
    QVERIFY(parseCsv("\xC3\xA4,b\nc,d\re,f\n", t, &error));
    QCOMPARE(t.records.size(), 3);
    QCOMPARE(t.records[0][0], u"ä"_s);
}

void TestStatsCsv::csvErrors()
{
    CsvTable t;
    QString error;
    QVERIFY(!parseCsv("a,\"b\nc,d\n", t, &error));
    QVERIFY(error.contains(u"not closed"_s));
    QVERIFY(!parseCsv("a,\"b\"x,c\n", t, &error));
    QVERIFY(error.contains(u"after a closing quote"_s));
    QVERIFY(!parseCsv("a,\xFF\xFE\n", t, &error));
    QVERIFY(error.contains(u"UTF-8"_s));
    QVERIFY(parseCsv("", t, &error));
    QVERIFY(t.records.isEmpty());
}

void TestStatsCsv::reliabilityLabels()
{
    const QByteArray bytes = "Anna,Ben,\"Cleo\"\nlow,low,\nhigh,,mid\n, ,\n";
    ReliabilityCsvOptions options;
    options.categories = {u"low"_s, u"mid"_s, u"high"_s};
    const ReliabilityCsvResult r = readReliabilityCsv(bytes, options);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.data.coders(), (QStringList{u"Anna"_s, u"Ben"_s, u"Cleo"_s}));
    QCOMPARE(r.data.unitCount(), 3);
    QCOMPARE(r.data.categories(), options.categories);
    QCOMPARE(r.data.category(0, 0), std::optional<int>(0));
    QCOMPARE(r.data.category(1, 0), std::optional<int>(2));
    QCOMPARE(r.data.category(1, 2), std::optional<int>(1));
    QVERIFY(r.data.isMissing(0, 2));
    QVERIFY(r.data.isMissing(2, 1)); // blank after trimming
}

void TestStatsCsv::reliabilityDefaultOrder()
{
    // All numeric: numeric order, not lexical ("10" after "9").
    ReliabilityCsvResult r = readReliabilityCsv("a,b\n10,9\n2,10\n", {});
    QCOMPARE(r.data.categories(), (QStringList{u"2"_s, u"9"_s, u"10"_s}));
    QCOMPARE(r.data.category(0, 0), std::optional<int>(2));
    QCOMPARE(r.data.category(1, 0), std::optional<int>(0));
    // One-character labels (looked up by their character) renumbered, and left as they are when
    // first seen in numeric order already.
    r = readReliabilityCsv("a,b\n3,1\n2,\n\"1\",3\n", {});
    QCOMPARE(r.data.categories(), (QStringList{u"1"_s, u"2"_s, u"3"_s}));
    QCOMPARE(r.data.category(0, 0), std::optional<int>(2));
    QCOMPARE(r.data.category(0, 1), std::optional<int>(0));
    QCOMPARE(r.data.category(1, 0), std::optional<int>(1));
    QVERIFY(r.data.isMissing(1, 1));
    QCOMPARE(r.data.category(2, 0), std::optional<int>(0)); // quoted "1" is the same label
    r = readReliabilityCsv("a,b\n1,2\n2,3\n", {});
    QCOMPARE(r.data.categories(), (QStringList{u"1"_s, u"2"_s, u"3"_s}));
    QCOMPARE(r.data.category(1, 1), std::optional<int>(2));
    ReliabilityCsvOptions yesNo;
    yesNo.categories = {u"y"_s, u"n"_s};
    r = readReliabilityCsv("a,b\nn,y\n", yesNo);
    QCOMPARE(r.data.category(0, 0), std::optional<int>(1));
    QCOMPARE(r.data.category(0, 1), std::optional<int>(0));
    QVERIFY(readReliabilityCsv("a,b\nn,x\n", yesNo).error.contains(u"\"x\""_s));
    // Otherwise first-seen order.
    r = readReliabilityCsv("a,b\nzeta,alpha\nalpha,mu\n", {});
    QCOMPARE(r.data.categories(), (QStringList{u"zeta"_s, u"alpha"_s, u"mu"_s}));
}

void TestStatsCsv::reliabilityNumbers()
{
    ReliabilityCsvOptions options;
    options.values = ReliabilityCsvOptions::Values::Numbers;
    ReliabilityCsvResult r = readReliabilityCsv("a,b\n1.5,2\n-3e2,\n", options);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.data.value(0, 0), std::optional<double>(1.5));
    QCOMPARE(r.data.value(1, 0), std::optional<double>(-300));
    QCOMPARE(r.data.categories(), (QStringList{u"-300"_s, u"1.5"_s, u"2"_s}));
    QCOMPARE(r.distinctValues, 3);
    options.categories = {u"1"_s, u"2"_s, u"3"_s};
    r = readReliabilityCsv("a,b\n1,2.0\n3,\n", options);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    r = readReliabilityCsv("a,b\n1,4\n", options);
    QVERIFY(r.error.contains(u"declared categories"_s));
}

void TestStatsCsv::reliabilityErrors()
{
    ReliabilityCsvOptions numbers;
    numbers.values = ReliabilityCsvOptions::Values::Numbers;
    QVERIFY(readReliabilityCsv("", {}).error.contains(u"empty"_s));
    QVERIFY(readReliabilityCsv("a,b\n1,2,3\n", {}).error.contains(u"line 2"_s));
    QVERIFY(readReliabilityCsv("a,a\n1,2\n", {}).error.contains(u"twice"_s));
    QVERIFY(readReliabilityCsv("a,\n1,2\n", {}).error.contains(u"empty"_s));
    QVERIFY(readReliabilityCsv("a,b\n1,x\n", numbers).error.contains(u"not a number"_s));
    QVERIFY(readReliabilityCsv("a,b\n1,inf\n", numbers).error.contains(u"not a number"_s));
    ReliabilityCsvOptions declared;
    declared.categories = {u"x"_s, u"y"_s};
    const QString e = readReliabilityCsv("a,b\nx,z\n", declared).error;
    QVERIFY(e.contains(u"line 2"_s) && e.contains(u"\"z\""_s));
    // A header without units is valid: no units.
    const ReliabilityCsvResult headerOnly = readReliabilityCsv("a,b\r\n", {});
    QVERIFY(headerOnly.error.isEmpty());
    QCOMPARE(headerOnly.data.unitCount(), 0);
}

void TestStatsCsv::unitizingSpans()
{
    const QByteArray bytes = "begin,coder,length,category,extra\n0,Anna,5,a,\n10,Ben,3,b,x\n";
    UnitizingCsvOptions options{0, 20, {u"Ben"_s, u"Anna"_s, u"Cleo"_s}};
    UnitizingCsvResult r = readUnitizingCsv(bytes, options);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.data.coders, options.coders);
    QCOMPARE(r.data.documents.size(), 1);
    const UnitizingDocument &doc = r.data.documents[0];
    QCOMPARE(doc.length, 20);
    QCOMPARE(doc.spansByCoder.size(), 3);
    QCOMPARE(doc.spansByCoder[1].size(), 1);
    QCOMPARE(doc.spansByCoder[1][0].category, u"a"_s);
    QCOMPARE(doc.spansByCoder[0][0].begin, 10);
    QVERIFY(doc.spansByCoder[2].isEmpty());
    // Without named coders: those in the file, in order of appearance.
    r = readUnitizingCsv(bytes, {0, 20, {}});
    QCOMPARE(r.data.coders, (QStringList{u"Anna"_s, u"Ben"_s}));
    // A unit of length 0 is a unit, also at the very end of the continuum.
    r = readUnitizingCsv("coder,category,begin,length\nA,a,4,0\nB,a,20,0\n", {0, 20, {}});
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.data.documents[0].spansByCoder[0][0].length, 0);
    QCOMPARE(r.data.documents[0].spansByCoder[1][0].begin, 20);
}

void TestStatsCsv::unitizingArticles()
{
    // Two articles pooled end to end (as `agreement --units-csv` writes them),
    // rows in any order: the article rows may come after the spans.
    const QByteArray bytes = "coder,category,article,begin,length\n"
                             "Ben,Quote,second,15,0\n"
                             "Ana,,first,0,10\nBen,,first,0,10\n"
                             "Ana,Quote,first,2,5\n"
                             "Ana,,second,10,30\nBen,,second,10,30\n"
                             "Ana,\"Quote, direct\",second,12,3\n";
    UnitizingCsvResult r = readUnitizingCsv(bytes, {});
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.data.coders, (QStringList{u"Ben"_s, u"Ana"_s}));
    QCOMPARE(r.articles, (QStringList{u"first"_s, u"second"_s}));
    QCOMPARE(r.data.documents.size(), 2);
    QCOMPARE(r.data.documents[0].begin, 0);
    QCOMPARE(r.data.documents[0].length, 10);
    QCOMPARE(r.data.documents[1].begin, 10);
    QCOMPARE(r.data.documents[1].length, 30);
    QCOMPARE(r.data.documents[0].spansByCoder[1].size(), 1); // Ana's quote in the first article
    QCOMPARE(r.data.documents[0].spansByCoder[0].size(), 0);
    QCOMPARE(r.data.documents[1].spansByCoder[0][0].length, 0); // Ben's point unit
    QCOMPARE(r.data.documents[1].spansByCoder[1][0].category, u"Quote, direct"_s);
    // A given continuum must be covered exactly.
    QVERIFY(readUnitizingCsv(bytes, {0, 40, {}}).error.isEmpty());
    QVERIFY(readUnitizingCsv(bytes, {0, 41, {}}).error.contains(u"cover"_s));
    QVERIFY(readUnitizingCsv(bytes, {5, 40, {}}).error.contains(u"cover"_s));
    // A named coder must have coded every article too.
    QVERIFY(readUnitizingCsv(bytes, {-1, -1, {u"Ana"_s, u"Ben"_s, u"Cy"_s}}).error.contains(u"\"Cy\""_s));

    const QByteArray head = "coder,category,article,begin,length\n";
    auto error = [&](const QByteArray &rows) { return readUnitizingCsv(QByteArray(head + rows), {}).error; };
    // Ben did not code article b.
    QVERIFY(error("A,,a,0,5\nB,,a,0,5\nA,,b,5,5\n").contains(u"\"B\" has no row"_s));
    // An article without its extent.
    QVERIFY(error("A,,a,0,5\nB,,a,0,5\nA,x,b,6,1\n").contains(u"line 4"_s));
    // Two extents for one article, overlapping articles, a span outside its article.
    QVERIFY(error("A,,a,0,5\nB,,a,0,6\n").contains(u"line 3"_s));
    QVERIFY(error("A,,a,0,5\nB,,a,0,5\nA,,b,4,5\nB,,b,4,5\n").contains(u"overlap"_s));
    QVERIFY(error("A,,a,0,5\nB,,a,0,5\nA,,b,5,5\nB,,b,5,5\nA,x,a,3,3\n").contains(u"line 6"_s));
    QVERIFY(error("A,,,0,5\n").contains(u"article"_s));
    QVERIFY(error(",,a,0,5\n").contains(u"coder"_s));
}

void TestStatsCsv::unitizingErrors()
{
    const UnitizingCsvOptions options{0, 20, {}};
    QVERIFY(!readUnitizingCsv("", options).error.isEmpty());
    QVERIFY(readUnitizingCsv("coder,begin,length\n", options).error.contains(u"header"_s));
    QVERIFY(
        readUnitizingCsv("coder,category,begin,length\nA,a,15,6\n", options).error.contains(u"outside"_s));
    QVERIFY(
        readUnitizingCsv("coder,category,begin,length\nA,a,-1,2\n", options).error.contains(u"outside"_s));
    QVERIFY(
        readUnitizingCsv("coder,category,begin,length\nA,a,1.5,2\n", options).error.contains(u"integers"_s));
    QVERIFY(readUnitizingCsv("coder,category,begin,length\nA,a,1,-1\n", options)
                .error.contains(u"must not be negative"_s));
    QVERIFY(readUnitizingCsv("coder,category,begin,length\nA,,1,2\n", options).error.contains(u"category"_s));
    // No continuum and no article column: the caller must give the continuum.
    const UnitizingCsvResult noContinuum = readUnitizingCsv("coder,category,begin,length\nA,a,1,2\n", {});
    QVERIFY(noContinuum.needsContinuum);
    QVERIFY(!noContinuum.error.isEmpty());
    QVERIFY(readUnitizingCsv("coder,category,begin,length\nA,a,1\n", options).error.contains(u"line 2"_s));
    const UnitizingCsvOptions named{0, 20, {u"A"_s, u"B"_s}};
    QVERIFY(readUnitizingCsv("coder,category,begin,length\nC,a,1,2\n", named).error.contains(u"\"C\""_s));
}

QTEST_GUILESS_MAIN(TestStatsCsv)
#include "tst_stats_csv.moc"
