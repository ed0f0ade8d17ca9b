// DOCX and ODT articles (fictional, built by the test): paragraphs, headings, line breaks,
// metadata, and hostile or broken files refused with a reason (fixed-seed fuzzing too).
#include "io/OfficeArticleReader.h"
#include "refi/RefiArchive.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using newscoder::parseOfficeArticle;

namespace {

const QByteArray kDocxStyles =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\n"
    "<w:style w:type=\"paragraph\" w:styleId=\"Titel\"><w:name w:val=\"Title\"/></w:style>\n"
    "<w:style w:type=\"paragraph\" w:styleId=\"berschrift2\"><w:name w:val=\"heading 2\"/><w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr></w:style>\n"
    "</w:styles>";

const QByteArray kDocxBody =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\n"
    "<w:p><w:pPr><w:pStyle w:val=\"Titel\"/></w:pPr><w:r><w:t>Lighthouse keepers </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>return</w:t></w:r><w:r><w:t xml:space=\"preserve\"> to Skerra Point</w:t></w:r></w:p>\n"
    "<w:p><w:r><w:t>11 December 2021</w:t></w:r></w:p>\n"
    "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr><w:r><w:t xml:space=\"preserve\">After forty years of automatic operation, the lighthouse at Skerra Point will again have keepers, the coastal authority said on Friday.</w:t></w:r></w:p>\n"
    "<w:p><w:pPr><w:pStyle w:val=\"berschrift2\"/></w:pPr><w:r><w:t>Why now</w:t></w:r></w:p>\n"
    "<w:p><w:r><w:t>The authority's director, Signe Holm, said storms had damaged the</w:t></w:r><w:del w:id=\"1\" w:author=\"Editor\"><w:r><w:delText> old</w:delText></w:r></w:del><w:r><w:t xml:space=\"preserve\"> automatic lamp three times.</w:t></w:r><w:r><w:br/><w:t>Two keepers will live on site from March.</w:t></w:r></w:p>\n"
    "<w:p><w:r><w:t>Cost:</w:t></w:r><w:r><w:tab/><w:t>1.2 million crowns a year</w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r></w:p>\n"
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Keepers before 1981</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc></w:tr></w:tbl>\n"
    "<w:p/>\n"
    "</w:body></w:document>";

const QByteArray kDocxCore =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\">\n"
    "<dc:title>Skerra lighthouse</dc:title><dc:creator>Britt Aalund</dc:creator><cp:keywords>lighthouse, coast</cp:keywords>\n"
    "<dcterms:created>2021-12-11T09:00:00Z</dcterms:created></cp:coreProperties>";

const QByteArray kOdtContent =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\">\n"
    "<office:body><office:text>\n"
    "<text:h text:outline-level=\"1\">Night trains return to the <text:span>northern line</text:span></text:h>\n"
    "<text:p>Dec 11, 2021 10:04 GMT</text:p>\n"
    "<text:p>The state railway will run a night train between Halvik and Oster Sund again from May,<text:s text:c=\"2\"/>ten years after the last one.<text:note text:note-class=\"footnote\"><text:note-body><text:p>A footnote that is not article text.</text:p></text:note-body></text:note></text:p>\n"
    "<text:p>Tickets go on sale in March.<text:line-break/>A sleeper berth will cost 89 euros.<text:tab/>(Prices in 2021.)</text:p>\n"
    "<office:annotation><text:p>Check the price with the railway.</text:p></office:annotation>\n"
    "</office:text></office:body></office:document-content>";

const QByteArray kOdtMeta =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<office:document-meta xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
    "<office:meta><meta:initial-creator>Per Lunde</meta:initial-creator><meta:keyword>rail</meta:keyword><meta:keyword>night trains</meta:keyword></office:meta></office:document-meta>";

QString metadataValue(const newscoder::Document &doc, const QString &key)
{
    for (const auto &[k, v] : doc.metadata)
        if (k == key)
            return v;
    return {};
}

} // namespace

class TestOfficeArticle : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QByteArray zip(const QString &name, const QList<QPair<QString, QByteArray>> &entries)
    {
        const QString path = m_dir.filePath(name);
        QString error;
        if (!newscoder::refi::writeArchive(path, entries, QDateTime({2021, 12, 11}, {9, 0}, QTimeZone::UTC), &error))
            qFatal("cannot write %s: %s", qPrintable(path), qPrintable(error));
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(path));
        return f.readAll();
    }
    QByteArray docx(const QByteArray &body = kDocxBody)
    {
        return zip(u"a.docx"_s, {{u"[Content_Types].xml"_s, "<Types/>"},
                                 {u"word/document.xml"_s, body},
                                 {u"word/styles.xml"_s, kDocxStyles},
                                 {u"docProps/core.xml"_s, kDocxCore}});
    }
    QByteArray odt(const QByteArray &content = kOdtContent)
    {
        return zip(u"a.odt"_s, {{u"mimetype"_s, "application/vnd.oasis.opendocument.text"},
                                {u"content.xml"_s, content},
                                {u"meta.xml"_s, kOdtMeta}});
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void formatByExtension()
    {
        QCOMPARE(newscoder::officeFormatOf(u"/x/Story.DOCX"_s), u"docx"_s);
        QCOMPARE(newscoder::officeFormatOf(u"story.odt"_s), u"odt"_s);
        QCOMPARE(newscoder::officeFormatOf(u"story.doc"_s), QString());
    }

    void docxParagraphsHeadingsBreaks()
    {
        const auto r = parseOfficeArticle(docx(), u"/data/skerra.docx"_s, u"docx"_s);
        QVERIFY2(r.document, qPrintable(r.error));
        const newscoder::Document &d = *r.document;
        QCOMPARE(d.title, u"Lighthouse keepers return to Skerra Point"_s);
        QCOMPARE(d.text, u"Lighthouse keepers return to Skerra Point\n\n"
                         "11 December 2021\n\n"
                         "After forty years of automatic operation, the lighthouse at Skerra Point will again have "
                         "keepers, the coastal authority said on Friday.\n\n"
                         "Why now\n\n"
                         "The authority's director, Signe Holm, said storms had damaged the automatic lamp three "
                         "times.\nTwo keepers will live on site from March.\n\n"
                         "Cost:\t1.2 million crowns a year\n\n"
                         "Keepers before 1981\n\n3\n"_s);
        QCOMPARE(d.author, u"Britt Aalund"_s);
        QCOMPARE(d.date, QDate(2021, 12, 11));
        QCOMPARE(metadataValue(d, u"format"_s), u"docx"_s);
        QCOMPARE(metadataValue(d, u"published"_s), u"11 December 2021"_s);
        QCOMPARE(metadataValue(d, u"document_title"_s), u"Skerra lighthouse"_s);
        QCOMPARE(metadataValue(d, u"document_created"_s), u"2021-12-11T09:00:00Z"_s);
        QCOMPARE(metadataValue(d, u"keywords"_s), u"lighthouse, coast"_s);
        QCOMPARE(metadataValue(d, u"source_file"_s), u"/data/skerra.docx"_s);
    }

    void odtParagraphsHeadingsBreaks()
    {
        const auto r = parseOfficeArticle(odt(), u"night.odt"_s, u"odt"_s);
        QVERIFY2(r.document, qPrintable(r.error));
        const newscoder::Document &d = *r.document;
        QCOMPARE(d.title, u"Night trains return to the northern line"_s);
        QCOMPARE(d.text, u"Night trains return to the northern line\n\n"
                         "Dec 11, 2021 10:04 GMT\n\n"
                         "The state railway will run a night train between Halvik and Oster Sund again from May,  ten "
                         "years after the last one.\n\n"
                         "Tickets go on sale in March.\nA sleeper berth will cost 89 euros.\t(Prices in 2021.)\n"_s);
        QCOMPARE(d.author, u"Per Lunde"_s);
        QCOMPARE(metadataValue(d, u"published_iso"_s), u"2021-12-11T10:04:00Z"_s);
        QCOMPARE(metadataValue(d, u"keywords"_s), u"rail, night trains"_s);
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << QByteArray() << u"docx"_s << u"empty"_s;
        QTest::newRow("not a zip") << QByteArray("{\\rtf1 an old file}") << u"docx"_s << u"not a readable DOCX"_s;
        QTest::newRow("ole2 (encrypted or .doc)") << QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + QByteArray(504, '\0')
                                                  << u"docx"_s << u"not a readable DOCX"_s;
        QTest::newRow("no document.xml") << zip(u"x.docx"_s, {{u"word/other.xml"_s, "<a/>"}}) << u"docx"_s
                                         << u"word/document.xml"_s;
        QTest::newRow("entity") << docx("<!DOCTYPE d [<!ENTITY e \"x\">]><d>&e;</d>") << u"docx"_s << u"DTD"_s;
        QTest::newRow("broken xml") << odt("<office:document-content><text:p>unclosed") << u"odt"_s << u"corrupt ODT"_s;
        QTest::newRow("no text") << odt("<r xmlns:text=\"t\"><text:p>  </text:p></r>") << u"odt"_s
                                 << u"no article text found"_s;
        QTest::newRow("zip bomb") << zip(u"bomb.docx"_s, {{u"word/document.xml"_s, QByteArray(8 << 20, ' ')}}) << u"docx"_s
                                  << u"zip bomb"_s;
    }
    void refused()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, format);
        QFETCH(QString, error);
        const auto r = parseOfficeArticle(bytes, u"f."_s + format, format);
        QVERIFY(!r.document);
        QVERIFY2(r.error.contains(error), qPrintable(r.error));
    }

    // Truncations and byte flips with fixed seeds: every result is a document or a reason.
    void fuzz()
    {
        const QList<QPair<QByteArray, QString>> files{{docx(), u"docx"_s}, {odt(), u"odt"_s}};
        int read = 0, refused = 0;
        for (quint32 seed = 1; seed <= 4; ++seed) {
            QRandomGenerator random(seed);
            for (const auto &[original, format] : files) {
                for (int round = 0; round < 50; ++round) {
                    QByteArray bytes = original;
                    if (round % 2 == 0) {
                        bytes.truncate(random.bounded(int(bytes.size())));
                    } else {
                        for (int k = 0, flips = 1 + random.bounded(16); k < flips; ++k)
                            bytes[random.bounded(int(bytes.size()))] = char(random.bounded(256));
                    }
                    const auto r = parseOfficeArticle(bytes, u"fuzz."_s + format, format);
                    QVERIFY(r.document.has_value() != !r.error.isEmpty());
                    (r.document ? read : refused) += 1;
                }
            }
        }
        QCOMPARE(read + refused, 400);
        QVERIFY(refused > 0);
    }
};

QTEST_GUILESS_MAIN(TestOfficeArticle)
#include "tst_officearticle.moc"
