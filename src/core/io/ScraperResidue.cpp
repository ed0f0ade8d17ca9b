#include "io/ScraperResidue.h"

#include "io/NewsDate.h"
#include "io/ScrapedLines.h"
#include "model/Document.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace newscoder::scraped {

namespace {

constexpr int kSentenceWords = 8;       // a body line has at least this many words…
constexpr int kShortLineWords = 8;      // …and shorter lines are what rules look at first
constexpr int kRepeatMaxWords = 25;     // longer repeated lines are text quoted twice, not boilerplate
constexpr qsizetype kMaxLineChars = 2000; // longer lines are cut before the rules look
constexpr qsizetype kHeadLinesWithoutBody = 8; // no sentence found: bylines only this far down

enum class Zone { Head, FirstSentence, Body, Tail };

struct Line
{
    int start = 0;
    int end = 0;
    QString s; // simplified
    int words = 0;
};

QList<Line> splitLines(const QString &text)
{
    QList<Line> lines;
    int start = 0;
    const int size = int(text.size());
    while (start <= size) {
        int end = int(text.indexOf(u'\n', start));
        if (end < 0)
            end = size;
        Line line{start, end, QStringView(text).sliced(start, end - start).left(kMaxLineChars).toString().simplified(), 0};
        if (!line.s.isEmpty()) {
            line.words = wordCount(line.s);
            lines.append(std::move(line));
        }
        start = end + 1;
    }
    return lines;
}

// A sentence of the article: enough words and a sentence's end.
bool isSentence(const Line &line)
{
    if (line.words < kSentenceWords)
        return false;
    static const QRegularExpression end(u"[.!?\u2026\"\u201D\u2019'\u00BB)\\]]$"_s);
    return end.match(line.s).hasMatch() || line.s.contains(u". "_s);
}

QString lowered(const QString &s)
{
    QString out = s.toLower();
    while (!out.isEmpty() && (out.back().isPunct() || out.back().isSpace()))
        out.chop(1);
    return out;
}

// Share buttons, log-in prompts, "read more" and their German forms; the
// first group also ends the article when it comes after its sentences.
bool isEndMarker(const QString &lower)
{
    static const QStringList markers = {
        u"more related stories"_s, u"related stories"_s, u"related articles"_s, u"related coverage"_s,
        u"read more"_s, u"read also"_s, u"you may also like"_s, u"you might also like"_s, u"most read"_s,
        u"most popular"_s, u"recommended"_s, u"recommended for you"_s, u"share this article"_s,
        u"to participate in the discussion"_s, u"mehr zum thema"_s, u"lesen sie auch"_s,
        u"das könnte sie auch interessieren"_s, u"weitere artikel"_s};
    return markers.contains(lower);
}

bool isCallToAction(const QString &lower)
{
    static const QStringList phrases = {
        u"share"_s, u"share this"_s, u"share on facebook"_s, u"share on twitter"_s, u"tweet"_s, u"email"_s,
        u"print"_s, u"comments"_s, u"leave a comment"_s, u"log in or register"_s, u"sign up"_s,
        u"subscribe"_s, u"subscribe now"_s, u"follow us"_s, u"advertisement"_s, u"advert"_s, u"main img"_s,
        u"story highlights"_s, u"go to the mediabank"_s, u"listen to this article"_s, u"skip to content"_s,
        u"teilen"_s, u"werbung"_s, u"anzeige"_s, u"kommentare"_s, u"drucken"_s};
    return phrases.contains(lower) || isEndMarker(lower);
}

// "kremlin, news, russia, ukraine, us": three or more short items, no sentence.
bool isKeywordList(const Line &line)
{
    if (line.s.endsWith(u'.') || !line.s.contains(u','))
        return false;
    const QStringList items = line.s.split(u',', Qt::SkipEmptyParts);
    if (items.size() < 3)
        return false;
    return std::all_of(items.cbegin(), items.cend(), [](const QString &item) {
        const QString t = item.trimmed();
        return !t.isEmpty() && wordCount(t) <= 3 && t.size() <= 40;
    });
}

// "1920 1080 true": sizes and flags, no words.
bool isNumbers(const QString &s)
{
    static const QRegularExpression re(u"^(?:[\\d.,:x/%-]+|true|false|px)(?: (?:[\\d.,:x/%-]+|true|false|px))*$"_s,
                                       QRegularExpression::CaseInsensitiveOption);
    return re.match(s).hasMatch();
}

bool isContact(const Line &line)
{
    static const QRegularExpression mail(u"\\S+@\\S+\\.[A-Za-z]{2,}"_s);
    static const QRegularExpression phone(u"\\+\\d[\\d ]{6,}"_s);
    return line.words < 25 && (mail.match(line.s).hasMatch() || phone.match(line.s).hasMatch());
}

// The script most of a text's letters are in.
QChar::Script mainScript(const QString &s)
{
    QHash<int, int> counts;
    for (QChar c : s) {
        if (c.isLetter())
            ++counts[c.script()];
    }
    int best = QChar::Script_Unknown, most = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > most) {
            best = it.key();
            most = it.value();
        }
    }
    return QChar::Script(best);
}

// "WION Web Team", "Reuters Staff", "PTI Desk": a team byline naming the outlet.
QString teamOutlet(const QString &s)
{
    static const QRegularExpression re(
        u"^(.{2,40}?) (?:Web Team|Web Desk|News Desk|Online Desk|Digital Desk|Desk|Staff|Newsroom|Bureau|Redaktion)$"_s);
    const auto m = re.match(s);
    return m.hasMatch() && wordCount(s) <= 6 ? m.captured(1) : QString();
}

// "Updated: Jan 27, 2022, 08:06 PM IST", "LondonUpdated: …", "Published 11 December 2021":
// captures the place glued before it, the label and the date.
const QRegularExpression &stampPattern()
{
    static const QRegularExpression stamp(
        u"^(.{0,40}?)\\s*((?:first |last )?(?:published|updated|posted)(?: on| at)?|aktualisiert(?: am)?|"
        "ver\u00F6ffentlicht(?: am)?|stand)\\s*:?\\s*(.+)$"_s,
        QRegularExpression::CaseInsensitiveOption);
    return stamp;
}

bool isStampLine(const Line &line)
{
    const auto m = stampPattern().match(line.s);
    return m.hasMatch() && line.words <= 14 && parseNewsDate(m.captured(3)).date.isValid();
}

// The rules that recognise a line wherever it stands; "" when none does.
QString strictRule(const Line &line, QChar::Script script)
{
    const QString lower = lowered(line.s);
    if (isUrlOrPath(line.s) || line.s.contains(u"/@"_s) || line.s.startsWith(u"/html"_s))
        return u"url-or-path"_s;
    if (isTimestamp(line.s) || isStampLine(line))
        return u"timestamp"_s;
    if (isCredit(line.s))
        return u"credit"_s;
    if (isContact(line))
        return u"contact"_s;
    if (isCallToAction(lower))
        return u"call-to-action"_s;
    if (isNumbers(line.s))
        return u"numbers"_s;
    if (isKeywordList(line))
        return u"tag-list"_s;
    if (line.words == 1 && line.s.size() <= 40 && !line.s.endsWith(u'.'))
        return u"tag"_s;
    const QChar::Script own = mainScript(line.s);
    if (line.words < kShortLineWords && own != script && own != QChar::Script_Unknown && script != QChar::Script_Unknown)
        return u"other-script"_s;
    return {};
}

// The rules of the article's head (before its first sentence): bylines,
// breadcrumbs and the rest.
QString headRule(const Line &line, QChar::Script script)
{
    if (parseByline(line.s) || !teamOutlet(line.s).isEmpty())
        return u"byline"_s;
    if (isBreadcrumb(line.s))
        return u"breadcrumb"_s;
    const QString strict = strictRule(line, script);
    return strict.isEmpty() ? u"head"_s : strict;
}

// What the line says about the article, in `ranked` with its trust (lower first).
void readFacts(const Line &line, Zone zone, QList<std::pair<int, TextFact>> &ranked)
{
    const QString &s = line.s;
    const bool head = zone == Zone::Head;
    if (const auto byline = parseByline(s); byline && head) {
        ranked.append({1, {u"author"_s, byline->author, s}});
        if (byline->date.isValid())
            ranked.append({1, {u"date"_s, byline->date.toString(Qt::ISODate), s}});
        return;
    }
    if (const QString team = teamOutlet(s); !team.isEmpty() && head) {
        ranked.append({3, {u"outlet"_s, team, s}});
        ranked.append({3, {u"author"_s, s, s}});
        return;
    }
    if (const auto m = stampPattern().match(s); m.hasMatch() && line.words <= 14 && head) {
        const NewsDate date = parseNewsDate(m.captured(3));
        if (date.date.isValid()) {
            const bool published = !m.captured(2).contains(u"updat"_s, Qt::CaseInsensitive)
                                   && !m.captured(2).contains(u"aktual"_s, Qt::CaseInsensitive);
            ranked.append({published ? 2 : 4, {u"date"_s, date.date.toString(Qt::ISODate), s}});
            const QString place = m.captured(1).trimmed();
            if (!place.isEmpty() && wordCount(place) <= 3 && place.front().isUpper())
                ranked.append({4, {u"place"_s, place, s}});
            return;
        }
    }
    // "- Sputnik International, 1920, 14.02.2022": a picture credit naming the outlet (and a date).
    static const QRegularExpression credit(
        u"(?:^|\\s)[-\u2013\u2014]\\s+([^,]{2,60}),\\s*\\d{3,4}(?:,\\s*(\\d{1,2}\\.\\d{1,2}\\.\\d{4}))?$"_s);
    if (const auto m = credit.match(s); m.hasMatch()) {
        ranked.append({2, {u"outlet"_s, m.captured(1), s}});
        if (const QDate d = parseLooseDate(m.captured(2)); d.isValid())
            ranked.append({3, {u"date"_s, d.toString(Qt::ISODate), s}});
        return;
    }
    // "© 2024 Harbour Gazette", "Copyright 2024 Harbour Gazette. All rights reserved."
    static const QRegularExpression copyright(
        u"^(?:\u00A9|\\(c\\)|copyright)\\s*(?:\u00A9\\s*)?(?:\\d{4}\\s*)?([A-Z][^.,|]{1,50}?)(?:[.,|].*)?$"_s,
        QRegularExpression::CaseInsensitiveOption);
    if (const auto m = copyright.match(s); m.hasMatch() && line.words <= 12 && !s.contains(u'/') && zone == Zone::Tail) {
        ranked.append({5, {u"outlet"_s, m.captured(1), s}});
        return;
    }
    // "MOSCOW (Sputnik) - Relations…": the agency of the dateline (it may not be the outlet: weak).
    static const QRegularExpression dateline(u"^([A-Z][A-Z .'\u2019-]{1,30}?),?(?: [^()]{0,30})? \\(([^)]{2,40})\\)\\s*[-\u2013\u2014]"_s);
    if (const auto m = dateline.match(s); m.hasMatch() && zone == Zone::FirstSentence) {
        ranked.append({6, {u"outlet"_s, m.captured(2), s}});
        ranked.append({5, {u"place"_s, m.captured(1).trimmed(), s}});
        return;
    }
    // A bare time stamp near the top of the article.
    if (head && isTimestamp(s)) {
        if (const NewsDate date = parseNewsDate(s); date.date.isValid())
            ranked.append({7, {u"date"_s, date.date.toString(Qt::ISODate), s}});
        return;
    }
    // "Press TV's website can also be accessed at…": the site naming itself.
    static const QRegularExpression website(u"^((?:[A-Z][\\w&.-]*\\s){0,3}[A-Z][\\w&.-]*)[\u2019']s (?:website|site)\\b"_s);
    if (const auto m = website.match(s); m.hasMatch() && zone == Zone::Tail)
        ranked.append({8, {u"outlet"_s, m.captured(1), s}});
}

void addSpan(QList<ResidueSpan> &spans, const Line &line, const QString &rule)
{
    if (!spans.isEmpty() && spans.back().rule == rule && spans.back().end + 1 >= line.start) {
        spans.back().end = line.end; // the next line of the same rule (blank lines between joined)
        return;
    }
    spans.append({line.start, line.end, rule});
}

} // namespace

ScrapedLayout analyseScrapedText(const QString &text, const QString &title)
{
    ScrapedLayout layout;
    const QList<Line> lines = splitLines(text);
    if (lines.isEmpty())
        return layout;
    const QChar::Script script = mainScript(text.left(20000));
    const QString wantedTitle = title.simplified();

    QHash<QString, int> seen;
    for (const Line &line : lines)
        ++seen[line.s];

    static const QRegularExpression header(u"^date\\s+\\d{4}-\\d{2}-\\d{2}\\s+https?://\\S+$"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    const qsizetype titleAt = [&] {
        for (qsizetype i = 0; i < lines.size() && i < 40; ++i) {
            if (!wantedTitle.isEmpty() && lines[i].s == wantedTitle)
                return i;
        }
        return qsizetype(-1);
    }();
    qsizetype bodyAt = -1;
    qsizetype lastBody = -1;
    for (qsizetype i = std::max<qsizetype>(titleAt + 1, 0); i < lines.size(); ++i) {
        if (isSentence(lines[i]) && strictRule(lines[i], script).isEmpty() && !isCredit(lines[i].s)
            && lines[i].s != wantedTitle) {
            if (bodyAt < 0)
                bodyAt = i;
            lastBody = i;
        }
    }
    // "More related stories:" after the first sentence ends the article.
    qsizetype endAt = lines.size();
    for (qsizetype i = bodyAt + 1; bodyAt >= 0 && i < lines.size(); ++i) {
        if (isEndMarker(lowered(lines[i].s)) && i > bodyAt) {
            endAt = i;
            break;
        }
    }

    QList<std::pair<int, TextFact>> ranked;
    bool titleSeen = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const Line &line = lines[i];
        // Bylines and "Updated:" lines count in the head (the first lines when no body was found),
        // credits anywhere, copyright and "X's website" after the body, a dateline on the first sentence.
        const Zone zone = (bodyAt < 0 ? i <= kHeadLinesWithoutBody : i < bodyAt) ? Zone::Head
                          : i == bodyAt                                           ? Zone::FirstSentence
                          : bodyAt >= 0 && i > lastBody                          ? Zone::Tail
                                                                                  : Zone::Body;
        readFacts(line, zone, ranked);
        QString rule;
        if (i == 0 && header.match(line.s).hasMatch()) {
            rule = u"scraper-header"_s;
        } else if (!wantedTitle.isEmpty() && line.s == wantedTitle) {
            if (titleSeen)
                rule = u"repeated-title"_s;
            titleSeen = true;
        } else if (bodyAt < 0) {
            rule = strictRule(line, script); // no body found: only what is surely not text
        } else if (i < bodyAt) {
            rule = i < titleAt ? strictRule(line, script) : headRule(line, script);
            if (rule.isEmpty() || rule == u"head"_s)
                rule = i < titleAt ? u"before-title"_s : u"head"_s;
        } else if (i >= endAt) {
            rule = i == endAt ? QString() : strictRule(line, script);
            if (rule.isEmpty())
                rule = u"related"_s;
        } else if (i > lastBody) {
            rule = strictRule(line, script);
            if (rule.isEmpty())
                rule = u"after-body"_s;
        } else if (i != bodyAt) {
            rule = strictRule(line, script);
            if (rule.isEmpty() && seen.value(line.s) > 1 && line.words < kRepeatMaxWords && !isSentence(line))
                rule = u"repeated"_s;
        }
        if (!rule.isEmpty())
            addSpan(layout.residue, line, rule);
    }
    // A caption's words again on their own line after it ("… Meet in Geneva - Outlet, 1920" then
    // "… Meet in Geneva"): the rule of the line it repeats.
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const Line &line = lines[i];
        if (isSentence(line) || line.words >= kRepeatMaxWords || i == bodyAt || insideResidue(layout.residue, line.start, line.end))
            continue;
        const Line &before = lines[i - 1];
        auto it = std::find_if(layout.residue.begin(), layout.residue.end(),
                               [&](const ResidueSpan &span) { return before.start >= span.start && before.end <= span.end; });
        if (it == layout.residue.end() || !before.s.contains(line.s))
            continue;
        const QString rule = it->rule;
        if (it->end + 1 >= line.start) {
            it->end = line.end; // joins the span it follows
        } else {
            layout.residue.insert(it + 1, {line.start, line.end, rule});
        }
    }
    if (bodyAt >= 0) {
        int at = lines[bodyAt].start;
        while (at < lines[bodyAt].end && text[at].isSpace())
            ++at;
        layout.bodyStart = at;
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &[rank, fact] : std::as_const(ranked))
        if (!fact.value.trimmed().isEmpty())
            layout.facts.append({fact.field, fact.value.trimmed(), fact.evidence});
    return layout;
}

QString residueToString(const QList<ResidueSpan> &spans)
{
    QStringList parts;
    parts.reserve(spans.size());
    for (const ResidueSpan &span : spans)
        parts << u"%1-%2:%3"_s.arg(span.start).arg(span.end).arg(span.rule);
    return parts.join(u';');
}

QList<ResidueSpan> residueFromString(const QString &value, int textLength)
{
    static const QRegularExpression piece(u"^(\\d{1,10})-(\\d{1,10}):([a-z-]{1,40})$"_s);
    QList<ResidueSpan> spans;
    for (const QString &part : value.split(u';', Qt::SkipEmptyParts)) {
        const auto m = piece.match(part.trimmed());
        if (!m.hasMatch())
            continue;
        const qint64 start = m.captured(1).toLongLong();
        const qint64 end = m.captured(2).toLongLong();
        if (start > end || end > textLength || (!spans.isEmpty() && start < spans.back().end))
            continue;
        spans.append({int(start), int(end), m.captured(3)});
    }
    return spans;
}

QList<ResidueSpan> residueOf(const Document &document)
{
    for (const MetadataEntry &entry : document.metadata) {
        if (entry.first == QLatin1String(ResidueMetadataKey))
            return residueFromString(entry.second, int(document.text.size()));
    }
    return {};
}

Document withoutResidue(Document document)
{
    document.metadata.removeIf([](const MetadataEntry &e) { return e.first == QLatin1String(ResidueMetadataKey); });
    return document;
}

Document withResidueMarked(Document document)
{
    const QList<ResidueSpan> spans = analyseScrapedText(document.text, document.title).residue;
    if (spans.isEmpty())
        return withoutResidue(std::move(document));
    const QString value = residueToString(spans);
    for (MetadataEntry &entry : document.metadata) {
        if (entry.first == QLatin1String(ResidueMetadataKey)) {
            entry.second = value; // in its place: marking an article marked as the rules would is no change
            return document;
        }
    }
    document.metadata.append({QString::fromLatin1(ResidueMetadataKey), value});
    return document;
}

bool insideResidue(const QList<ResidueSpan> &spans, int start, int end)
{
    auto it = std::upper_bound(spans.cbegin(), spans.cend(), start,
                               [](int at, const ResidueSpan &span) { return at < span.start; });
    if (it == spans.cbegin())
        return false;
    --it;
    return start >= it->start && end <= it->end;
}

QString ruleLabel(const QString &rule)
{
    static const QHash<QString, QString> labels = {
        {u"scraper-header"_s, u"scraper header"_s}, {u"repeated-title"_s, u"title repeated"_s},
        {u"before-title"_s, u"before the title"_s}, {u"head"_s, u"between title and first sentence"_s},
        {u"byline"_s, u"byline (author, date)"_s}, {u"breadcrumb"_s, u"navigation breadcrumb"_s}, {u"url-or-path"_s, u"web address or XPath"_s},
        {u"timestamp"_s, u"time stamp"_s}, {u"credit"_s, u"picture credit or caption"_s},
        {u"contact"_s, u"contact line"_s}, {u"call-to-action"_s, u"share, log-in or read-more line"_s},
        {u"numbers"_s, u"numbers only"_s}, {u"tag-list"_s, u"tag list"_s}, {u"tag"_s, u"single word (tag)"_s},
        {u"other-script"_s, u"short line in another script"_s}, {u"repeated"_s, u"repeated line"_s},
        {u"related"_s, u"related stories after the article"_s}, {u"after-body"_s, u"after the last sentence"_s}};
    return labels.value(rule, rule);
}

} // namespace newscoder::scraped
