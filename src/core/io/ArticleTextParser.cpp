#include "io/ArticleTextParser.h"

#include "io/ScrapedLines.h"
#include "io/ScraperResidue.h"
#include "io/TextDecoding.h"

#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QStringTokenizer>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace newscoder {

using namespace scraped;

namespace {

// How far down the title and byline heuristics look (counted in non-empty lines).
constexpr int kTitleScanLines = 30;
constexpr int kHeadlineWindow = 4; // non-boilerplate lines considered for a headline
constexpr int kBylineScanLines = 8;
constexpr int kMinHeadlineWords = 3;
constexpr int kMaxHeadlineWords = 40;
constexpr qsizetype kMaxHeadlineChars = 300;
constexpr qsizetype kFallbackTitleChars = 150;
constexpr qsizetype kMaxScannedLineChars = 2000; // longer lines are cut before the heuristics look

// Headlines carry no final full stop (abbreviations such as "U.S." excepted); site
// taglines and body paragraphs do.
bool isHeadlineShaped(const QString &s)
{
    static const QRegularExpression abbreviation(u"(?:\\b[A-Z]\\.){2,}$"_s);
    const int words = wordCount(s);
    if (words < kMinHeadlineWords || words > kMaxHeadlineWords || s.size() > kMaxHeadlineChars)
        return false;
    if (s.endsWith(u':') || s.endsWith(u';') || s.endsWith(u','))
        return false;
    if (s.endsWith(u'.') && !s.endsWith(u"..."_s) && !abbreviation.match(s).hasMatch())
        return false;
    return true;
}

// Title heuristics. Scrapers put leftovers of the page around the headline, so the title is
// the first line near the top that looks like a headline, in two steps:
//  1. Boilerplate lines are never the title (they are skipped, never deleted from the text):
//     single tokens (tag words, "ugc_banner", "News"), lines that are only a URL or an
//     XPath/selector, date/time stamps, picture credits ("- Outlet Name, 1920", "© ..."),
//     navigation breadcrumbs ("News / Russia") and bylines.
//  2. Of the first kHeadlineWindow remaining lines, the first headline-shaped one wins: 3-40 words,
//     at most 300 characters, no final full stop, colon or comma (site taglines such as
//     "The latest news from Russia. Stay tuned." and body paragraphs end in a full stop).
// If no line qualifies, the first remaining line (shortened to 150 characters) is used, and
// failing that the file name. Whitespace runs (including no-break spaces) become one space.
bool isBoilerplate(const QString &s)
{
    return !s.contains(u' ') // single tokens: tag words, "ugc_banner", ids
           || isUrlOrPath(s) || isTimestamp(s) || isCredit(s) || isBreadcrumb(s) ||
           parseByline(s).has_value();
}

// The first `max` lines of `text` that are not blank.
QList<QStringView> firstNonEmptyLines(QStringView text, qsizetype max)
{
    QList<QStringView> out;
    for (QStringView line : qTokenize(text, u'\n')) {
        if (out.size() >= max)
            break;
        if (!line.trimmed().isEmpty())
            out << line;
    }
    return out;
}

QString shortened(const QString &s, qsizetype maxChars)
{
    if (s.size() <= maxChars)
        return s;
    qsizetype cut = s.lastIndexOf(u' ', maxChars);
    if (cut < maxChars / 2)
        cut = maxChars;
    return s.left(cut) + u'\u2026';
}

} // namespace

QString outletFromUrl(const QUrl &url)
{
    QString host = url.host().toLower();
    while (host.endsWith(u'.'))
        host.chop(1);
    for (bool stripped = true; stripped;) {
        stripped = false;
        for (const QString &prefix : {u"www."_s, u"m."_s, u"amp."_s}) {
            if (host.startsWith(prefix) && host.indexOf(u'.', prefix.size()) > 0) {
                host.remove(0, prefix.size());
                stripped = true;
            }
        }
    }
    return host;
}

ArticleParseResult parseArticleText(const QByteArray &bytes, const QString &fileName, const QString &encoding)
{
    ArticleParseResult result;
    if (bytes.size() > kMaxArticleFileBytes) {
        result.error = u"larger than 20 MiB (not a single news article)"_s;
        return result;
    }
    if (bytes.isEmpty()) {
        result.error = u"the file is empty"_s;
        return result;
    }
    DecodedText decoded = decodeText(bytes, encoding);
    result.warnings = decoded.warnings;
    result.encoding = decoded.encoding;
    result.encodingSource = decoded.source;
    if (!decoded.error.isEmpty()) {
        result.error = decoded.error;
        return result;
    }
    QString text = std::move(decoded.text);
    text.replace(u"\r\n"_s, u"\n"_s);
    text.replace(u'\r', u'\n');
    if (std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.isSpace(); })) {
        result.error = u"the file contains only whitespace"_s;
        return result;
    }

    Document doc;
    doc.importSource = fileName;
    doc.metadata.append({u"source_file"_s, fileName});

    // The first non-empty lines, whitespace-collapsed; the first one may be the scraper header.
    const QList<QStringView> rawLines = firstNonEmptyLines(text, kTitleScanLines + 1);
    static const QRegularExpression header(u"^\\s*date\\s+(\\d{4}-\\d{2}-\\d{2})\\s+(https?://\\S+)\\s*$"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    qsizetype first = 0;
    if (const auto m = header.matchView(rawLines.constFirst()); m.hasMatch()) {
        doc.metadata.append({u"scraper_header"_s, rawLines.constFirst().toString()});
        doc.date = QDate::fromString(m.capturedView(1), Qt::ISODate);
        if (!doc.date.isValid())
            result.warnings << u"The scraper header date \"%1\" is not a valid date."_s.arg(
                m.capturedView(1));
        doc.url = m.captured(2);
        doc.outlet = outletFromUrl(QUrl(doc.url));
        first = 1;
    }
    QStringList lines;
    for (qsizetype i = first; i < rawLines.size() && lines.size() < kTitleScanLines; ++i)
        lines << rawLines.at(i).left(kMaxScannedLineChars).toString().simplified();

    for (qsizetype i = 0; i < lines.size() && i < kBylineScanLines; ++i) {
        if (const auto byline = parseByline(lines.at(i))) {
            doc.author = byline->author;
            doc.metadata.append({u"byline"_s, lines.at(i)});
            if (!doc.date.isValid() && byline->date.isValid())
                doc.date = byline->date;
            break;
        }
    }

    QString fallback;
    int considered = 0;
    for (const QString &s : std::as_const(lines)) {
        if (isBoilerplate(s))
            continue;
        if (fallback.isEmpty())
            fallback = s;
        if (isHeadlineShaped(s)) {
            doc.title = s;
            break;
        }
        if (++considered >= kHeadlineWindow)
            break;
    }
    if (doc.title.isEmpty() && !fallback.isEmpty())
        doc.title = shortened(fallback, kFallbackTitleChars);
    if (doc.title.isEmpty()) {
        doc.title = QFileInfo(fileName).completeBaseName();
        result.warnings << u"No headline found; the file name is used as the title."_s;
    }

    // The scraper's leftovers (kept, marked) and what the text states about the article.
    const ScrapedLayout layout = analyseScrapedText(text, doc.title);
    if (!layout.residue.isEmpty())
        doc.metadata.append({QString::fromLatin1(ResidueMetadataKey), residueToString(layout.residue)});
    bool place = false;
    for (const TextFact &fact : layout.facts) {
        if (fact.field == u"date"_s && !doc.date.isValid()) {
            doc.date = QDate::fromString(fact.value, Qt::ISODate);
            doc.metadata.append({u"date_from_text"_s, fact.evidence});
        } else if (fact.field == u"outlet"_s && doc.outlet.isEmpty()) {
            doc.outlet = fact.value;
            doc.metadata.append({u"outlet_from_text"_s, fact.evidence});
        } else if (fact.field == u"author"_s && doc.author.isEmpty()) {
            doc.author = fact.value;
            doc.metadata.append({u"author_from_text"_s, fact.evidence});
        } else if (fact.field == u"place"_s && !place) {
            place = true;
            doc.metadata.append({u"dateline_place"_s, fact.value});
        }
    }

    doc.text = std::move(text);
    result.document = std::move(doc);
    return result;
}

} // namespace newscoder
