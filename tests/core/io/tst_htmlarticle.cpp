// Saved news pages (fictional, written for these tests in the layouts news sites use):
// main text extraction measured as token-level F1 against the expected body, the metadata,
// and fuzzing with fixed seeds (no crash, no hang, bounded input).
#include "io/html/HtmlArticleReader.h"
#include "io/html/HtmlTree.h"

#include <QFile>
#include <QHash>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>
#include "TestPaths.h"

using namespace Qt::StringLiterals;
using newscoder::parseHtmlArticle;

namespace {

QString pagePath(const QString &name)
{
    return QStringLiteral(NEWSCODER_TEST_DATA_DIR "/html/") + name;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

QStringList tokens(const QString &text)
{
    static const QRegularExpression separators(u"[^\\p{L}\\p{N}]+"_s);
    return text.toLower().split(separators, Qt::SkipEmptyParts);
}

// Token-level F1 of `found` against `expected` (multisets of words).
double tokenF1(const QString &found, const QString &expected)
{
    QHash<QString, int> want;
    const QStringList expectedTokens = tokens(expected);
    for (const QString &t : expectedTokens)
        ++want[t];
    const QStringList foundTokens = tokens(found);
    int overlap = 0;
    for (const QString &t : foundTokens) {
        auto it = want.find(t);
        if (it != want.end() && *it > 0) {
            --*it;
            ++overlap;
        }
    }
    if (foundTokens.isEmpty() || expectedTokens.isEmpty())
        return 0.0;
    const double precision = double(overlap) / double(foundTokens.size());
    const double recall = double(overlap) / double(expectedTokens.size());
    return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
}

// The stored text without its headline: the body paragraphs, one per line.
QStringList bodyLines(const QString &text)
{
    QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
    if (!lines.isEmpty())
        lines.removeFirst();
    return lines;
}

QString metadataValue(const newscoder::Document &doc, const QString &key)
{
    for (const auto &[k, v] : doc.metadata)
        if (k == key)
            return v;
    return {};
}

} // namespace

class TestHtmlArticle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pages_data()
    {
        QTest::addColumn<QString>("page");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("publishedIso");
        QTest::addColumn<QString>("outlet");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("author");
        QTest::newRow("WordPress") << u"wordpress"_s << u"Harbour dredging plan splits Vellmouth council"_s
                                   << u"2021-12-11T10:04:00Z"_s << u"The Vellmouth Courier"_s
                                   << u"https://vellmouthcourier.example/2021/12/11/harbour-dredging-plan-splits-council/"_s
                                   << u"Mira Tollan"_s;
        QTest::newRow("news site: nav, cookie banner, related, comments")
            << u"newssite"_s << u"Rail strike halts freight at Kestrel Junction"_s << u"2022-01-27T20:06:00+05:30"_s
            << u"Northline Daily"_s << u"https://www.northlinedaily.example/business/rail-strike-kestrel-junction-4411"_s
            << u"Tomas Reyvik"_s;
        QTest::newRow("JSON-LD only (script-rendered page)")
            << u"jsonld"_s << u"Ferry operator orders two battery ships"_s << u"2023-03-03T14:20:00+01:00"_s
            << u"Kuestenbote"_s << u"https://kuestenbote.example/wirtschaft/ferry-battery-ships-2291"_s
            << u"Lena Harms, Ole Brandt"_s;
        QTest::newRow("AMP") << u"amp"_s << u"Glacier survey finds faster melt on Mount Osric"_s
                             << u"2020-09-09T09:30:00-04:00"_s << u"Alpine Herald"_s
                             << u"https://www.alpineherald.example/science/glacier-survey-osric"_s << u"Ansel Brugg"_s;
        QTest::newRow("nested divs, no <article>, windows-1252")
            << u"nested-divs"_s << u"Water tariffs to rise by 12 percent in Dornberg"_s << u"2021-12-11"_s
            << QString() << QString() << QString();
        QTest::newRow("live blog") << u"liveblog"_s << u"Live: Storm Ivara makes landfall"_s
                                   << u"2021-12-11T06:00:00Z"_s << u"Coastwatch News"_s
                                   << u"https://coastwatch.example/live/storm-ivara"_s << u"Coastwatch News"_s;
    }
    void pages()
    {
        QFETCH(QString, page);
        QFETCH(QString, title);
        QFETCH(QString, publishedIso);
        QFETCH(QString, outlet);
        QFETCH(QString, url);
        QFETCH(QString, author);
        const QString file = pagePath(page + u".html"_s);
        const auto r = parseHtmlArticle(readAll(file), file);
        QVERIFY2(r.document, qPrintable(r.error));
        const newscoder::Document &doc = *r.document;
        const QString expected = QString::fromUtf8(readAll(pagePath(page + u".body.txt"_s)));
        const QStringList lines = bodyLines(doc.text);
        const double f1 = tokenF1(lines.join(u'\n'), expected);
        qInfo("%s: token F1 %.3f (%lld lines, %lld expected)", qPrintable(page), f1, qlonglong(lines.size()),
              qlonglong(expected.split(u'\n', Qt::SkipEmptyParts).size()));
        QVERIFY2(f1 >= 0.95, qPrintable(u"F1 %1; extracted:\n%2"_s.arg(f1).arg(lines.join(u'\n'))));
        // Paragraphs are kept as lines: every expected paragraph is one line of the text.
        qsizetype whole = 0;
        const QStringList expectedLines = expected.split(u'\n', Qt::SkipEmptyParts);
        for (const QString &line : expectedLines)
            whole += lines.contains(line) ? 1 : 0;
        QVERIFY2(whole * 10 >= expectedLines.size() * 9, qPrintable(lines.join(u'\n')));

        QCOMPARE(doc.title, title);
        QVERIFY(doc.text.startsWith(title + u"\n\n"_s));
        QCOMPARE(metadataValue(doc, u"published_iso"_s), publishedIso);
        QCOMPARE(doc.date, QDate::fromString(publishedIso.left(10), Qt::ISODate));
        QCOMPARE(doc.outlet, outlet);
        QCOMPARE(doc.url, url);
        QCOMPARE(doc.author, author);
        QCOMPARE(metadataValue(doc, u"format"_s), u"html"_s);
        QCOMPARE(metadataValue(doc, u"source_file"_s), file);
        QCOMPARE(doc.importSource, file);
    }

    void metadataDetails()
    {
        const QString file = pagePath(u"jsonld.html"_s);
        const auto r = parseHtmlArticle(readAll(file), file);
        QVERIFY(r.document);
        QCOMPARE(metadataValue(*r.document, u"published"_s), u"2023-03-03T14:20:00+01:00"_s); // as written
        QCOMPARE(metadataValue(*r.document, u"modified"_s), u"2023-03-03T16:05:00+01:00"_s);
        QCOMPARE(metadataValue(*r.document, u"keywords"_s), u"ferries, shipping, energy"_s);
        QCOMPARE(metadataValue(*r.document, u"section"_s), u"Business"_s);
        QCOMPARE(metadataValue(*r.document, u"schema_type"_s), u"NewsArticle"_s);
        QCOMPARE(metadataValue(*r.document, u"body_source"_s), u"articleBody"_s);
        QCOMPARE(metadataValue(*r.document, u"description"_s),
                 u"The island ferry line will replace its diesel ships by 2026."_s);

        const QString news = pagePath(u"newssite.html"_s);
        const auto n = parseHtmlArticle(readAll(news), news);
        QVERIFY(n.document);
        QCOMPARE(metadataValue(*n.document, u"html_title"_s),
                 u"Rail strike halts freight at Kestrel Junction | Northline Daily"_s);
        QCOMPARE(metadataValue(*n.document, u"keywords"_s), u"rail, strike, freight, Kestrel Junction"_s);
        QCOMPARE(n.encoding, u"UTF-8"_s);

        const QString legacy = pagePath(u"nested-divs.html"_s);
        const auto l = parseHtmlArticle(readAll(legacy), legacy);
        QVERIFY(l.document);
        QCOMPARE(l.encoding, u"windows-1252"_s);
        QCOMPARE(l.encodingSource, newscoder::EncodingSource::Declared);
        QCOMPARE(metadataValue(*l.document, u"published"_s), u"11.12.2021"_s);
    }

    void titleFallbacks()
    {
        // No og/JSON-LD title: <title> without the site's suffix; entities decoded by the parser.
        const QByteArray page = "<html><head><title>Fish &amp; chips shop wins award - Bay Gazette</title></head>"
                                "<body><div><p>A small fish and chips shop on the promenade has won the regional "
                                "prize for the third year running, the judges said on Monday.</p></div></body></html>";
        const auto r = parseHtmlArticle(page, u"p.html"_s);
        QVERIFY2(r.document, qPrintable(r.error));
        QCOMPARE(r.document->title, u"Fish & chips shop wins award"_s);
        QCOMPARE(bodyLines(r.document->text).size(), 1);
    }

    void noArticleText()
    {
        for (const QByteArray &page :
             {QByteArray("<html><head><title>Nothing</title></head><body><nav><a href='/'>Home</a></nav></body></html>"),
              QByteArray("<!doctype html><html><body><script>var a = 'a long text that is only code';</script>"
                         "</body></html>")}) {
            const auto r = parseHtmlArticle(page, u"empty.html"_s);
            QVERIFY(!r.document);
            QCOMPARE(r.error, u"no article text found"_s);
        }
    }

    void sniffing_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("html");
        QTest::newRow("doctype") << QByteArray("\n  <!DOCTYPE html><html>") << true;
        QTest::newRow("html") << QByteArray("<HTML lang=en>") << true;
        QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF<html>") << true;
        QTest::newRow("comment first") << QByteArray("<!-- saved from url=(0014)about:internet -->\n<html>") << true;
        QTest::newRow("utf-16") << QByteArray("\xFF\xFE<\0h\0t\0m\0l\0>\0", 14) << true;
        QTest::newRow("plain text") << QByteArray("date 2021-12-11 https://a.example/x\nHeadline\n") << false;
        QTest::newRow("text about html") << QByteArray("How to write <html> by hand, a guide\n") << false;
    }
    void sniffing()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, html);
        QCOMPARE(newscoder::looksLikeHtml(bytes), html);
    }

    // Hostile input: every mutation either reads or is refused with a reason; none crashes or hangs.
    void fuzzMutations()
    {
        const QStringList pages{u"wordpress"_s, u"newssite"_s, u"jsonld"_s, u"amp"_s, u"nested-divs"_s,
                                u"liveblog"_s};
        int read = 0, refused = 0;
        for (quint32 seed = 1; seed <= 6; ++seed) {
            QRandomGenerator random(seed);
            const QByteArray original = readAll(pagePath(pages.at(int(seed - 1)) + u".html"_s));
            for (int round = 0; round < 40; ++round) {
                QByteArray bytes = original;
                if (round % 2 == 0) {
                    bytes.truncate(random.bounded(int(bytes.size())));
                } else {
                    const int flips = 1 + random.bounded(64);
                    for (int k = 0; k < flips; ++k)
                        bytes[random.bounded(int(bytes.size()))] = char(random.bounded(256));
                }
                const auto r = parseHtmlArticle(bytes, u"fuzz.html"_s);
                QVERIFY(r.document.has_value() != !r.error.isEmpty());
                (r.document ? read : refused) += 1;
            }
        }
        QCOMPARE(read + refused, 240);
        QVERIFY(read > 0);
    }

    void deepNestingIsRefused_data()
    {
        QTest::addColumn<QByteArray>("open");
        QTest::addColumn<QByteArray>("close");
        QTest::newRow("div") << QByteArray("<div>") << QByteArray("</div>");
        QTest::newRow("b") << QByteArray("<b>") << QByteArray("</b>");
        QTest::newRow("table") << QByteArray("<table><tr><td>") << QByteArray("</td></tr></table>");
        QTest::newRow("unclosed span") << QByteArray("<span class=x>") << QByteArray();
    }
    void deepNestingIsRefused()
    {
        QFETCH(QByteArray, open);
        QFETCH(QByteArray, close);
        const int levels = 100000;
        const QByteArray page = "<html><body>" + open.repeated(levels)
                                + "A paragraph of text deep inside the page, long enough to count." + close.repeated(levels)
                                + "</body></html>";
        const auto r = parseHtmlArticle(page, u"deep.html"_s);
        QVERIFY(!r.document);
        QVERIFY2(r.error.contains(u"nested too deeply"_s), qPrintable(r.error));
    }

    // Element and attribute counts are bounded before parsing (each costs the parser memory and time).
    void tooManyElementsOrAttributes()
    {
        const QByteArray elements =
            "<html><body>" + QByteArray("<p>a</p>").repeated(newscoder::html::kMaxHtmlElements + 1) + "</body></html>";
        const auto many = parseHtmlArticle(elements, u"many.html"_s);
        QVERIFY(!many.document);
        QVERIFY2(many.error.contains(u"too many elements"_s), qPrintable(many.error));

        QByteArray tag = "<div";
        for (int k = 0; k <= newscoder::html::kMaxHtmlAttributes; ++k)
            tag += " a" + QByteArray::number(k);
        const QByteArray attributes = "<html><body>" + tag + ">Text of a paragraph, long enough.</div></body></html>";
        const auto wide = parseHtmlArticle(attributes, u"wide.html"_s);
        QVERIFY(!wide.document);
        QVERIFY2(wide.error.contains(u"too many attributes"_s), qPrintable(wide.error));
    }

    // Just under the cap the page is read (iteratively: no recursion depth to exhaust).
    void nestingUnderTheCapIsRead()
    {
        const int levels = newscoder::html::kMaxHtmlNesting - 10;
        const QByteArray page = "<html><body>" + QByteArray("<div>").repeated(levels)
                                + "<p>A paragraph of text deep inside the page, long enough to count, with commas.</p>"
                                + QByteArray("</div>").repeated(levels) + "</body></html>";
        const auto r = parseHtmlArticle(page, u"deep.html"_s);
        QVERIFY2(r.document, qPrintable(r.error));
        QVERIFY(r.document->text.contains(u"deep inside the page"_s));
    }

    void hugeInput()
    {
        // 50 MB on one line: refused by size before anything is parsed.
        const QByteArray huge = "<html><body><p>" + QByteArray(50 * 1024 * 1024, 'a') + "</p></body></html>";
        const auto big = parseHtmlArticle(huge, u"huge.html"_s);
        QVERIFY(!big.document);
        QVERIFY(big.error.contains(u"20 MiB"_s));
        // 16 MB on one line, under the cap: read in one pass.
        const QByteArray line = "<html><body><p>" + QByteArray("word, ").repeated(16 * 1024 * 1024 / 6)
                                + "</p></body></html>";
        const auto r = parseHtmlArticle(line, u"line.html"_s);
        QVERIFY2(r.document, qPrintable(r.error));
        QVERIFY(r.document->text.size() > 15 * 1024 * 1024);
    }
};

QTEST_GUILESS_MAIN(TestHtmlArticle)
#include "tst_htmlarticle.moc"
