#pragma once

#include "text/TextSpan.h"

#include <QList>
#include <QRegularExpression>
#include <QString>

namespace newscoder {

enum class SearchMode { Plain, Regex };

struct SearchOptions
{
    QString pattern;
    SearchMode mode = SearchMode::Plain;
    bool wholeWord = false;     // no letter, digit, mark or "_" directly before or after the hit
    bool caseSensitive = false; // case-insensitive matching folds Unicode case (Песков = песков)
    bool expandToSentence = false; // each hit becomes the sentence(s) it touches (see Sentences.h)
    int captureGroup = 0;       // Regex mode: the hit is this group of each match (0 = whole match)
    int contextChars = 40;      // snippet context on each side of the hit
    bool includeLeftovers = false; // corpus search: also hits inside scraper leftovers (io/ScraperResidue.h)
};

// One hit in a text. Offsets are UTF-16 code units of the searched text.
struct SearchHit
{
    int start = 0;
    int end = 0;
    QString text;    // the hit's text (the whole sentence with expandToSentence)
    QString snippet; // the hit with up to contextChars on each side; line breaks
                     // shown as spaces, "…" where it was cut
    int snippetHitStart = 0; // the hit within `snippet`: [snippetHitStart, snippetHitEnd)
    int snippetHitEnd = 0;

    TextSpan span() const { return {start, end}; }
};

// Matching rules:
//  * Plain: the pattern is matched literally, except that the apostrophes
//    ' ’ ‘ match one another (news text mixes them).
//  * Regex: Perl-compatible (QRegularExpression) with Unicode properties
//    (\w, \b, \d and case folding know every script); ^ and $ match at line
//    breaks. An invalid expression is reported with its position.
//  * Matches are found left to right without overlapping. Zero-length matches
//    (e.g. "a*" between letters) are skipped, never reported.
//  * With expandToSentence, hits in the same sentence collapse into one hit;
//    hits in whitespace between sentences are dropped.
//
// Compile once, search many texts (the corpus search, find-next in the editor).
// A searcher is immutable after construction and may be shared between threads.
class TextSearcher
{
public:
    explicit TextSearcher(const SearchOptions &options);

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; } // for the user; empty when valid
    const SearchOptions &options() const { return m_options; }

    // Hit spans only (cheap: no snippets). Empty when invalid.
    QList<TextSpan> findSpans(const QString &text) const;
    // Full hits, at most maxHits of them (maxHits <= 0: all).
    QList<SearchHit> find(const QString &text, int maxHits = 0) const;
    // The hit for `span` of `text`, with its snippet.
    SearchHit makeHit(const QString &text, const TextSpan &span) const;

private:
    SearchOptions m_options;
    QRegularExpression m_expression;
    QString m_error;
};

// One-shot search of one text. An invalid or empty pattern yields no hits and
// a message in *error (when given); on success *error is cleared.
QList<SearchHit> findInText(const QString &text, const SearchOptions &options, QString *error = nullptr);

} // namespace newscoder
