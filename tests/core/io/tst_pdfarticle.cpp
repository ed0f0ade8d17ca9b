// PDF articles through Poppler. The PDFs are fictional and written by the test itself with
// Qt's own PDF writer (QPdfWriter + QPainter, an independent writer), so where every line
// stands is known: reading order across two columns, hyphenated line ends, repeated page
// headers and footers with page numbers, an encrypted file, and broken files.
#include "io/ArticleFileReader.h"
#include "io/pdf/PdfArticleReader.h"
#include "io/pdf/PdfLayout.h"

#include <QBuffer>
#include <QPainter>
#include <QPdfWriter>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace newscoder;

namespace {

// One line of text drawn at (x, baseline) in points, with a font size.
struct Drawn
{
    double x, y;
    QString text;
    int size = 11;
};

QByteArray writePdf(const QList<QList<Drawn>> &pages, const QString &title = {})
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(72); // painter units are points
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setTitle(title);
        writer.setCreator(u"tst_pdfarticle"_s);
        QPainter painter(&writer);
        for (qsizetype p = 0; p < pages.size(); ++p) {
            if (p > 0)
                writer.newPage();
            for (const Drawn &d : pages[p]) {
                QFont font(u"DejaVu Sans"_s);
                font.setPointSize(d.size);
                painter.setFont(font);
                painter.drawText(QPointF(d.x, d.y), d.text);
            }
        }
    }
    return bytes;
}

// A page with the running header, the footer with its page number, and body lines from y=100,
// 14 points apart; an empty string leaves a paragraph gap.
QList<Drawn> page(int number, int total, const QStringList &lines, double x = 60)
{
    QList<Drawn> out{{60, 40, u"The Halvik Harbour Gazette \u00B7 Fictional Edition"_s, 9},
                     {280, 800, u"Page %1 of %2"_s.arg(number).arg(total), 9}};
    double y = 100;
    for (const QString &line : lines) {
        if (line.isEmpty()) {
            y += 12;
            continue;
        }
        out.append({x, y, line});
        y += 14;
    }
    return out;
}

// A minimal PDF whose /Encrypt dictionary (standard handler, revision 2) does not open with the
// empty password: Poppler must report it locked.
QByteArray encryptedPdf()
{
    QList<QByteArray> objects{
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
        "<< /Length 0 >>\nstream\n\nendstream",
        "<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 "
        "/O <9d2b1a4c7e3f6a5b8c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b> "
        "/U <0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0> >>"};
    QByteArray pdf = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets.append(pdf.size());
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype offset : offsets)
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1)
           + " /Root 1 0 R /Encrypt 5 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] >>\n"
           + "startxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

QString metadataValue(const Document &doc, const QString &key)
{
    for (const auto &[k, v] : doc.metadata)
        if (k == key)
            return v;
    return {};
}

} // namespace

class TestPdfArticle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void threePageArticle()
    {
        const QList<QList<Drawn>> pages{
            page(1, 3,
                 {u"Cranes to run on shore power"_s, u""_s, u"14 February 2022"_s, u""_s,
                  u"All six container cranes in the port of Halvik will run on"_s,
                  u"power from the shore by autumn, the port authority of the pro-"_s,
                  u"vince announced on Monday."_s, u""_s,
                  u"The Anglo-"_s, u"Saxon shipping line Westhaven welcomed the plan and said its"_s,
                  u"ships would connect to the new cables as soon as they are laid"_s}),
            page(2, 3,
                 {u"along the quay, which the authority expects by October."_s, u""_s,
                  u"The work will cost four million euros."_s}),
            page(3, 3, {u"Diesel generators on the cranes will be kept for emergencies."_s}),
        };
        const QByteArray pdf = writePdf(pages, u"Cranes to run on shore power"_s);
        const ArticleParseResult parsed = parsePdfArticle(pdf, u"cranes.pdf"_s);
        QVERIFY2(parsed.document, qPrintable(parsed.error));
        const Document &doc = *parsed.document;
        QCOMPARE(doc.title, u"Cranes to run on shore power"_s);
        QCOMPARE(metadataValue(doc, u"document_title"_s), u"Cranes to run on shore power"_s);
        QCOMPARE(doc.date, QDate(2022, 2, 14));
        QCOMPARE(metadataValue(doc, u"pages"_s), u"3"_s);
        QCOMPARE(metadataValue(doc, u"format"_s), u"pdf"_s);
        const QStringList paragraphs = doc.text.trimmed().split(u"\n\n"_s);
        QCOMPARE(paragraphs,
                 QStringList({u"Cranes to run on shore power"_s, u"14 February 2022"_s,
                              u"All six container cranes in the port of Halvik will run on power from the shore by "
                              u"autumn, the port authority of the province announced on Monday."_s,
                              u"The Anglo-Saxon shipping line Westhaven welcomed the plan and said its ships would "
                              u"connect to the new cables as soon as they are laid along the quay, which the authority "
                              u"expects by October."_s,
                              u"The work will cost four million euros."_s,
                              u"Diesel generators on the cranes will be kept for emergencies."_s}));
        QVERIFY(!doc.text.contains(u"Gazette"_s));
        QVERIFY(!doc.text.contains(u"Page "_s));
    }

    void twoColumnsReadInOrder()
    {
        QList<Drawn> drawn{{60, 60, u"Night trains return to the north"_s, 16}};
        const QStringList left{u"The state railway will run a"_s, u"night train between Halvik"_s,
                               u"and Oster Sund from May."_s};
        const QStringList right{u"Tickets go on sale in"_s, u"March, and a sleeper berth"_s, u"will cost 89 euros."_s};
        for (int i = 0; i < 3; ++i) {
            drawn.append({60, 120.0 + 14 * i, left[i]});
            drawn.append({320, 120.0 + 14 * i, right[i]});
        }
        const ArticleParseResult parsed = parsePdfArticle(writePdf({drawn}), u"trains.pdf"_s);
        QVERIFY2(parsed.document, qPrintable(parsed.error));
        const QString text = parsed.document->text;
        const qsizetype first = text.indexOf(u"The state railway will run a night train between Halvik and Oster Sund from May."_s);
        const qsizetype second = text.indexOf(u"Tickets go on sale in March, and a sleeper berth will cost 89 euros."_s);
        QVERIFY2(first > 0 && second > first, qPrintable(text));
    }

    // A Nexis export saved as PDF: one paragraph per line of the export, split into articles.
    void nexisPdfSplitsIntoArticles()
    {
        const QStringList lines{u"Quay opens in Halvik"_s, u"Halvik Harbour News"_s, u"March 1, 2022"_s,
                                u"Byline: Signe Holm"_s, u"Body"_s, u"The new quay opened on Tuesday."_s,
                                u"Load-Date: March 2, 2022"_s, u"End of Document"_s,
                                u"Ferry fares frozen"_s, u"The Northern Courier"_s, u"February 2, 2022"_s,
                                u"Body"_s, u"Nordsund will not raise its fares."_s, u"End of Document"_s};
        QList<Drawn> drawn;
        for (int i = 0; i < lines.size(); ++i)
            drawn.append({60, 80.0 + 28 * i, lines[i]});
        const ArticleBatch batch = readArticleFile(writePdf({drawn}), u"nexis.pdf"_s);
        QVERIFY2(batch.error.isEmpty(), qPrintable(batch.error));
        QCOMPARE(batch.format, u"nexis"_s);
        QCOMPARE(batch.documents.size(), 2);
        QCOMPARE(batch.documents[0].title, u"Quay opens in Halvik"_s);
        QCOMPARE(batch.documents[0].author, u"Signe Holm"_s);
        QCOMPARE(batch.documents[0].date, QDate(2022, 3, 1));
        QCOMPARE(batch.documents[1].text, u"Ferry fares frozen\n\nNordsund will not raise its fares.\n"_s);
        QCOMPARE(metadataValue(batch.documents[1], u"file_format"_s), u"pdf"_s);
    }

    void pageNumberLines_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("number");
        QTest::newRow("bare") << u"12"_s << true;
        QTest::newRow("dashes") << u"- 12 -"_s << true;
        QTest::newRow("page") << u"Page 3"_s << true;
        QTest::newRow("of") << u"3 of 9"_s << true;
        QTest::newRow("slash") << u"3/9"_s << true;
        QTest::newRow("year sentence") << u"In 2021 the port grew."_s << false;
        QTest::newRow("words") << u"Page three"_s << false;
    }
    void pageNumberLines()
    {
        QFETCH(QString, line);
        QFETCH(bool, number);
        QCOMPARE(pdf::isPageNumberLine(line), number);
    }

    void singlePageHeaderIsKept()
    {
        // With one page nothing recurs: only a bare page number at the edge is dropped.
        const pdf::PdfPage page{{u"Harbour report"_s, QRectF(60, 30, 200, 12)},
                                {u"The quay is finished."_s, QRectF(60, 100, 200, 12)},
                                {u"7"_s, QRectF(290, 800, 10, 12)}};
        QCOMPARE(pdf::pdfParagraphs({page}), QStringList({u"Harbour report"_s, u"The quay is finished."_s}));
    }

    void recurringLinesAtOtherHeightsAreText()
    {
        // The header stands at y=30 on every page; "End of Document" ends an article at the
        // bottom of each page, but at a different height: it is text and stays.
        QList<pdf::PdfPage> pages;
        for (int p = 0; p < 3; ++p) {
            pages.append({{u"Halvik Gazette"_s, QRectF(60, 30, 200, 12)},
                          {u"Article %1 text."_s.arg(p + 1), QRectF(60, 100, 200, 12)},
                          {u"End of Document"_s, QRectF(60, 300.0 + 90 * p, 200, 12)}});
        }
        const QStringList paragraphs = pdf::pdfParagraphs(pages);
        QCOMPARE(paragraphs.count(u"End of Document"_s), 3);
        QVERIFY(!paragraphs.join(u' ').contains(u"Gazette"_s));
    }

    void encryptedPdfIsRefusedWithReason()
    {
        const ArticleParseResult parsed = parsePdfArticle(encryptedPdf(), u"locked.pdf"_s);
        QVERIFY(!parsed.document);
        QVERIFY2(parsed.error.startsWith(u"encrypted PDF"_s), qPrintable(parsed.error));
    }

    void brokenFilesAreRefusedWithReason_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << QByteArray() << u"empty"_s;
        QTest::newRow("not a pdf") << QByteArray("hello") << u"not a PDF"_s;
        QTest::newRow("header only") << QByteArray("%PDF-1.7\n") << u"not a readable PDF"_s;
        const QList<QList<Drawn>> blank{{}};
        QTest::newRow("no text") << writePdf(blank) << u"no text found"_s;
    }
    void brokenFilesAreRefusedWithReason()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        const ArticleParseResult parsed = parsePdfArticle(bytes, u"bad.pdf"_s);
        QVERIFY(!parsed.document);
        QVERIFY2(parsed.error.contains(reason), qPrintable(parsed.error));
    }

    // Fixed-seed fuzzing: truncated and byte-flipped PDFs give a document or a reason, never a
    // crash or a hang.
    void fuzzedPdfsNeverCrash()
    {
        const QByteArray pdf = writePdf({page(1, 2, {u"Ferry fares frozen for another year."_s}),
                                         page(2, 2, {u"Nordsund will not raise its fares."_s})});
        QRandomGenerator random(1312);
        for (int round = 0; round < 60; ++round) {
            QByteArray bytes = pdf;
            if (round % 3 == 0) {
                bytes.truncate(random.bounded(qsizetype(1), bytes.size()));
            } else {
                for (int flips = 0; flips < 1 + round % 7; ++flips)
                    bytes[random.bounded(bytes.size())] = char(random.bounded(256));
            }
            const ArticleBatch batch = readArticleFile(bytes, u"fuzz.pdf"_s);
            QVERIFY(batch.error.isEmpty() != batch.documents.isEmpty());
        }
    }
};

QTEST_MAIN(TestPdfArticle)
#include "tst_pdfarticle.moc"
