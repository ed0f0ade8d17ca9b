// What a scraped plain-text article holds besides the article (issue 13 §2):
// the scraper's leftovers — its header line, the title again, bare time
// stamps, tag lists, XPath expressions, image URLs and credits, banners,
// share buttons, contact lines, "related stories" — and what the text states
// about the article (byline, date, outlet) with the line that says it.
//
// Nothing is removed from the stored text: the residue is a list of line
// ranges kept in the article's metadata (key ResidueMetadataKey), so offsets
// never move, the raw file stays whole, and the split can be undone per
// article (drop the entry) or made again. The window dims the ranges; search,
// auto-code and cue highlighting leave them out.
#pragma once

#include <QList>
#include <QString>

namespace newscoder {

struct Document;

namespace scraped {

// Lines [start, end) of the stored text (UTF-16 code units; `end` is the end
// of the last line, before its line break) and the rule that found them.
struct ResidueSpan
{
    int start = 0;
    int end = 0;
    QString rule; // see ruleLabel() for the rules

    friend bool operator==(const ResidueSpan &, const ResidueSpan &) = default;
};

// Something the text states about the article and the line that states it.
struct TextFact
{
    QString field;    // "date" (ISO 8601), "outlet", "author", "place"
    QString value;
    QString evidence; // the line, whitespace collapsed
};

struct ScrapedLayout
{
    QList<ResidueSpan> residue; // in text order, not overlapping; neighbouring lines of one rule joined
    int bodyStart = -1;         // where the article's first sentence begins (-1: no body found)
    QList<TextFact> facts;      // most trusted first: the first fact of a field is the one to use
};

// Reads the layout of a scraped article. `title` is the headline the title
// heuristics chose (its first line stays article text; a repeat is residue).
// Lines before the title and between it and the first sentence that are not
// sentences are residue; inside the body only lines a rule recognises are
// (a short subheading stays); after the last sentence, or after a "related
// stories" line, what is not a sentence is residue. Pure and linear in the
// text's length.
ScrapedLayout analyseScrapedText(const QString &text, const QString &title);

// The metadata key of the residue ranges and its value format:
// "start-end:rule;start-end:rule" (what residueFromString reads back).
inline const char ResidueMetadataKey[] = "scraper_residue";
QString residueToString(const QList<ResidueSpan> &spans);
// Drops pieces that do not parse, lie outside [0, textLength], overlap or run backwards.
QList<ResidueSpan> residueFromString(const QString &value, int textLength);
// The residue stored with `document` (empty when there is none).
QList<ResidueSpan> residueOf(const Document &document);

// `document` with its residue found again from its text and title (the entry
// replaced, or dropped when nothing is found), or with the entry dropped: the
// details to pass to Project::updateDocumentDetails (one undo step).
Document withResidueMarked(Document document);
Document withoutResidue(Document document);

// [start, end) lies wholly inside residue (spans sorted by start).
bool insideResidue(const QList<ResidueSpan> &spans, int start, int end);

// A rule's name for people: "scraper header", "time stamp", "tag list", …
QString ruleLabel(const QString &rule);

} // namespace scraped
} // namespace newscoder
