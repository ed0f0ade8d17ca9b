// News-database exports split into their articles with metadata: fictional samples in the
// layouts of Nexis Uni (TXT, and DOCX built here), Factiva (TXT, HTML and RTF) and ProQuest (TXT),
// in tests/data/import. Detection by content; parts that are no article reported.
#include "io/ArticleFileReader.h"
#include "io/exports/NewsExport.h"
#include "refi/RefiArchive.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include "TestPaths.h"

using namespace Qt::StringLiterals;
using namespace newscoder;

namespace {

QByteArray sample(const QString &name)
{
    QFile f(QStringLiteral(NEWSCODER_TEST_DATA_DIR "/import/") + name);
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

QStringList titles(const ArticleBatch &batch)
{
    QStringList out;
    for (const Document &d : batch.documents)
        out << d.title;
    return out;
}

// A DOCX whose paragraphs are the given lines (what Nexis Uni's Word download holds).
QByteArray docxOf(const QStringList &paragraphs, QTemporaryDir &dir)
{
    QByteArray body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats."
                      "org/wordprocessingml/2006/main\"><w:body>";
    for (const QString &p : paragraphs)
        body += "<w:p><w:r><w:t xml:space=\"preserve\">" + p.toHtmlEscaped().toUtf8() + "</w:t></w:r></w:p>";
    body += "</w:body></w:document>";
    const QString path = dir.filePath(u"export.docx"_s);
    QString error;
    if (!refi::writeArchive(path, {{u"word/document.xml"_s, body}}, QDateTime({2022, 2, 15}, {9, 0}, QTimeZone::UTC),
                            &error))
        qFatal("cannot write the DOCX: %s", qPrintable(error));
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

} // namespace

class TestNewsExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nexisTextSplitsIntoArticles()
    {
        const ArticleBatch batch = readArticleFile(sample(u"nexis/three-articles.txt"_s), u"three-articles.txt"_s);
        QVERIFY2(batch.error.isEmpty(), qPrintable(batch.error));
        QCOMPARE(batch.format, u"nexis"_s);
        QCOMPARE(titles(batch), QStringList({u"Ferry operator adds a night crossing to Skerra"_s,
                                             u"Tram vote postponed after council tie"_s,
                                             u"Harbour cranes to run on shore power"_s}));
        QVERIFY(batch.rejected.isEmpty());
        QVERIFY(batch.warnings.join(u' ').contains(u"cover page"_s));

        const Document &ferry = batch.documents[0];
        QCOMPARE(ferry.outlet, u"The Northern Courier"_s);
        QCOMPARE(ferry.date, QDate(2021, 12, 11));
        QCOMPARE(ferry.author, u"Britt Aalund"_s);
        QCOMPARE(metadataValue(ferry, u"section"_s), u"NEWS; Pg. 4"_s);
        QCOMPARE(metadataValue(ferry, u"length"_s), u"96 words"_s);
        QCOMPARE(metadataValue(ferry, u"dateline"_s), u"HALVIK"_s);
        QCOMPARE(metadataValue(ferry, u"load_date"_s), u"December 12, 2021"_s);
        QCOMPARE(metadataValue(ferry, u"edition"_s), u"First Edition"_s);
        QCOMPARE(metadataValue(ferry, u"subject"_s), u"FERRIES (90%); TRANSPORT (78%)"_s);
        QCOMPARE(metadataValue(ferry, u"article_in_file"_s), u"1"_s);
        QCOMPARE(metadataValue(ferry, u"published_iso"_s), u"2021-12-11"_s);
        QCOMPARE(ferry.text,
                 u"Ferry operator adds a night crossing to Skerra\n\n"
                 "The ferry company Nordsund will run a night crossing between Halvik and Skerra from March, its "
                 "director said on Friday.\n\n"
                 "The crossing leaves Halvik at 23:40 and reaches Skerra at half past one. A return ticket will cost 18 "
                 "euros, the same as by day.\n\n"
                 "\"Shift workers asked us for years,\" the director said.\n"_s);

        QCOMPARE(batch.documents[1].author, u"Per Lunde"_s); // "By " dropped
        QCOMPARE(batch.documents[1].outlet, u"Oster Sund Tidende"_s);
        QCOMPARE(batch.documents[2].date, QDate(2022, 2, 14)); // "14.02.2022"
        QCOMPARE(batch.documents[2].outlet, u"Halvik Harbour News"_s);
        for (const Document &d : batch.documents) {
            QVERIFY(!d.text.contains(u"Load-Date"_s));
            QVERIFY(!d.text.contains(u"Search Terms"_s));
            QVERIFY(!d.text.contains(u"End of Document"_s));
        }
    }

    void nexisDocxSplitsTheSame()
    {
        QTemporaryDir dir;
        QStringList paragraphs;
        for (const QString &line : QString::fromUtf8(sample(u"nexis/three-articles.txt"_s)).split(u'\n')) {
            if (!line.trimmed().isEmpty())
                paragraphs << line;
        }
        const ArticleBatch batch = readArticleFile(docxOf(paragraphs, dir), u"export.docx"_s);
        QVERIFY2(batch.error.isEmpty(), qPrintable(batch.error));
        QCOMPARE(batch.format, u"nexis"_s);
        QCOMPARE(batch.documents.size(), 3);
        QCOMPARE(batch.documents[0].title, u"Ferry operator adds a night crossing to Skerra"_s);
        QCOMPARE(batch.documents[0].date, QDate(2021, 12, 11));
        QCOMPARE(metadataValue(batch.documents[0], u"file_format"_s), u"docx"_s);
        QVERIFY(batch.documents[0].text.contains(u"its director said on Friday.\n\nThe crossing"_s));
    }

    void nexisRtfSplitsTheSame()
    {
        QByteArray rtf = "{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Arial;}}\n";
        for (const QString &line : QString::fromUtf8(sample(u"nexis/three-articles.txt"_s)).split(u'\n'))
            rtf += "\\pard " + line.toLatin1().replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}") + "\\par\n";
        rtf += "}";
        const ArticleBatch batch = readArticleFile(rtf, u"export.rtf"_s);
        QVERIFY2(batch.error.isEmpty(), qPrintable(batch.error));
        QCOMPARE(batch.format, u"nexis"_s);
        QCOMPARE(titles(batch), QStringList({u"Ferry operator adds a night crossing to Skerra"_s,
                                             u"Tram vote postponed after council tie"_s,
                                             u"Harbour cranes to run on shore power"_s}));
        QCOMPARE(metadataValue(batch.documents[1], u"file_format"_s), u"rtf"_s);
        QCOMPARE(batch.documents[1].author, u"Per Lunde"_s);
    }

    void nexisPartWithoutBodyIsReported()
    {
        const QString text = u"A note about the export\nSome words but no body line\nEnd of Document\n"
                             "Quay opens\nHalvik Harbour News\nMarch 1, 2022\nBody\nThe quay opened.\nLoad-Date: March 2, "
                             "2022\nEnd of Document\n"_s;
        QCOMPARE(detectNewsExport(text), NewsExportKind::Nexis);
        const ArticleBatch batch = splitNewsExport(text, NewsExportKind::Nexis, u"x.txt"_s);
        QCOMPARE(titles(batch), QStringList{u"Quay opens"_s});
        QCOMPARE(batch.rejected.size(), 1);
        QCOMPARE(batch.rejected.first().first, u"article 1"_s);
        QVERIFY(batch.rejected.first().second.contains(u"Body"_s));
    }

    void factivaTextSplitsIntoArticles()
    {
        const ArticleBatch batch = readArticleFile(sample(u"factiva/two-articles.txt"_s), u"factiva.txt"_s);
        QVERIFY2(batch.error.isEmpty(), qPrintable(batch.error));
        QCOMPARE(batch.format, u"factiva"_s);
        QCOMPARE(titles(batch), QStringList({u"Harbour cranes to run on shore power"_s,
                                             u"Night crossing to Skerra from March"_s}));
        const Document &cranes = batch.documents[0];
        QCOMPARE(cranes.author, u"Signe Holm"_s);
        QCOMPARE(cranes.outlet, u"Halvik Harbour News"_s);
        QCOMPARE(cranes.date, QDate(2022, 2, 14));
        QCOMPARE(metadataValue(cranes, u"word_count"_s), u"58 words"_s);
        QCOMPARE(metadataValue(cranes, u"source_code"_s), u"HALHN"_s);
        QCOMPARE(metadataValue(cranes, u"language"_s), u"English"_s);
        QCOMPARE(metadataValue(cranes, u"document_id"_s), u"HALHN00020220214ei2e0001x"_s);
        QCOMPARE(metadataValue(cranes, u"subjects"_s), u"genv : Environmental News"_s);
        // "IN 2023 …" is body text, not the IN (industry) field: one space after the capitals.
        QCOMPARE(cranes.text,
                 u"Harbour cranes to run on shore power\n\n"
                 "All six container cranes in the port of Halvik will run on power from the shore by autumn, the port "
                 "authority announced.\n\n"
                 "The work will cost 4 million euros. IN 2023 the authority also plans a solar roof on the ferry "
                 "terminal.\n"_s);
        QCOMPARE(metadataValue(batch.documents[1], u"document_id"_s), u"NRTHC00020211211ehcb0001y"_s);
        QCOMPARE(batch.documents[1].date, QDate(2021, 12, 11));
    }

    void factivaHtmlSplitsIntoArticles()
    {
        const ArticleBatch batch = readArticleFile(sample(u"factiva/two-articles.html"_s), u"factiva.html"_s);
        QVERIFY2(batch.error.isEmpty(), qPrintable(batch.error));
        QCOMPARE(batch.format, u"factiva"_s);
        QCOMPARE(titles(batch), QStringList({u"Lighthouse keepers return to Skerra Point"_s,
                                             u"Night trains return to the northern line"_s}));
        const Document &first = batch.documents[0];
        QCOMPARE(first.author, u"Britt Aalund"_s);
        QCOMPARE(first.date, QDate(2021, 12, 11));
        QCOMPARE(first.outlet, u"The Northern Courier"_s);
        QCOMPARE(metadataValue(first, u"file_format"_s), u"html"_s);
        QVERIFY2(first.text.endsWith(u"again have keepers.\n\nTwo keepers will live on site from March.\n\n"
                                     "The coastal authority pays for the repairs.\n"_s),
                 qPrintable(first.text));
        QCOMPARE(batch.documents[1].date, QDate(2022, 1, 27));
    }

    // Factiva's RTF download: bold field codes, a tab, the value; Windows-1252 and \\u escapes;
    // a page break between articles; the page header is no article text.
    void factivaRtfSplitsIntoArticles()
    {
        const ArticleBatch batch = readArticleFile(sample(u"factiva/two-articles.rtf"_s), u"factiva.rtf"_s);
        QVERIFY2(batch.error.isEmpty(), qPrintable(batch.error));
        QCOMPARE(batch.format, u"factiva"_s);
        QVERIFY2(batch.rejected.isEmpty(), qPrintable(batch.rejected.value(0).second));
        QCOMPARE(titles(batch), QStringList({u"Skjærgård ferry gets a second deck"_s,
                                             u"Quay café closes for the winter"_s}));
        const Document &ferry = batch.documents[0];
        QCOMPARE(ferry.author, u"Åsa Lindqvist"_s);
        QCOMPARE(ferry.outlet, u"Halvik Harbour News"_s);
        QCOMPARE(ferry.date, QDate(2022, 3, 3));
        QCOMPARE(metadataValue(ferry, u"file_format"_s), u"rtf"_s);
        QCOMPARE(metadataValue(ferry, u"word_count"_s), u"47 words"_s);
        QCOMPARE(metadataValue(ferry, u"document_id"_s), u"HALHN00020220303ei330002z"_s);
        QVERIFY2(ferry.text.contains(u"The island ferry to Skjærgård will get a second passenger deck"_s),
                 qPrintable(ferry.text));
        QVERIFY2(ferry.text.contains(u"A temporary boat will run meanwhile — twice a day."_s), qPrintable(ferry.text));
        QVERIFY(!ferry.text.contains(u"page header"_s));
        QVERIFY(!ferry.text.contains(u"Document HALHN"_s));
        const Document &cafe = batch.documents[1];
        QCOMPARE(cafe.date, QDate(2021, 12, 11));
        QCOMPARE(cafe.outlet, u"The Northern Courier"_s);
        QVERIFY(cafe.author.isEmpty());
        QCOMPARE(metadataValue(cafe, u"document_id"_s), u"NRTHC00020211211ehcb0002a"_s);
        QVERIFY(cafe.text.endsWith(u"Its owner said the heating costs had doubled.\n"_s));
    }

    void proquestSplitsIntoDocuments()
    {
        const ArticleBatch batch = readArticleFile(sample(u"proquest/two-documents.txt"_s), u"proquest.txt"_s);
        QVERIFY2(batch.error.isEmpty(), qPrintable(batch.error));
        QCOMPARE(batch.format, u"proquest"_s);
        QCOMPARE(titles(batch), QStringList{u"Tram vote postponed after council tie"_s});
        const Document &tram = batch.documents[0];
        QCOMPARE(tram.author, u"Lunde, Per"_s);
        QCOMPARE(tram.outlet, u"Oster Sund Tidende"_s);
        QCOMPARE(tram.date, QDate(2022, 1, 27));
        QCOMPARE(tram.url, u"https://example.org/docview/2620000001"_s);
        QCOMPARE(metadataValue(tram, u"proquest_document_id"_s), u"2620000001"_s);
        QCOMPARE(metadataValue(tram, u"abstract"_s), u"The council vote on the tram line ended in a tie."_s);
        QCOMPARE(metadataValue(tram, u"section"_s), u"LOCAL"_s);
        QCOMPARE(tram.text, u"Tram vote postponed after council tie\n\n"
                            "The city council could not decide on the new tram line on Wednesday: the vote ended 21 "
                            "to 21.\n\nThe mayor will put the plan to the council again in February.\n\n"
                            "Note: the council has 42 members.\n"_s);
        // The second document has no full text: reported, not dropped.
        QCOMPARE(batch.rejected.size(), 1);
        QCOMPARE(batch.rejected.first().first, u"document 2 (Ferry fares frozen for another year)"_s);
        QVERIFY(batch.rejected.first().second.contains(u"no full text"_s));
    }

    void ordinaryTextIsNoExport_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("article") << u"Harbour talks\n\nThe talks ended on Friday.\n"_s;
        QTest::newRow("prose mentions the separator")
            << u"Body language\n\nThe clerk wrote End of Document on the last page.\n"_s;
        QTest::newRow("capitals in prose") << u"HD radio\nSN  is a code\nThe end.\n"_s;
        QTest::newRow("document count") << u"Document 1 of 2 was lost.\n"_s;
    }
    void ordinaryTextIsNoExport()
    {
        QFETCH(QString, text);
        QCOMPARE(detectNewsExport(text), NewsExportKind::None);
        const ArticleBatch batch = readArticleFile(text.toUtf8(), u"plain.txt"_s);
        QCOMPARE(batch.format, u"text"_s);
        QCOMPARE(batch.documents.size(), 1);
    }
};

QTEST_MAIN(TestNewsExport)
#include "tst_newsexport.moc"
