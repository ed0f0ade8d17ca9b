#pragma once

#include <QList>
#include <QString>

namespace newscoder::quotes {

// A half-open range [start, end) of UTF-16 code units of the analysed text;
// empty (start == end == -1) when absent.
struct QuoteSpan
{
    int start = -1;
    int end = -1;

    bool isValid() const { return start >= 0 && end > start; }
    int length() const { return isValid() ? end - start : 0; }
    bool operator==(const QuoteSpan &) const = default;
};

enum class QuoteKind { Direct, Mixed, Indirect, Floating };

// What the speaker phrase is: a name, an organisation, a pronoun or short
// reference resolved to an earlier speaker, or an anonymous source.
enum class SpeakerKind { None, Person, Organisation, Pronoun, Reference, Anonymous };

// One proposed quote with its cue, speaker and actor.
struct Attribution
{
    QuoteKind kind = QuoteKind::Direct;
    QuoteSpan quote;   // the quoted words (inside the marks for direct quotes),
                       // or the reported clause for mixed and indirect ones
    QuoteSpan cue;     // the reporting verb or phrase; invalid for floating quotes
    QuoteSpan speaker; // the speaker phrase as written ("he", "Kremlin spokesman Dmitry Peskov")
    SpeakerKind speakerKind = SpeakerKind::None;
    QString actor;     // normalised name ("Dmitry Peskov", "Kremlin"); empty when anonymous or unknown
    double confidence = 0.0;
    QString rule;      // the rule that fired, shown to the coder
};

// "direct", "mixed", "indirect", "floating".
QString quoteKindName(QuoteKind kind);
// The kind as the CLI contract names it: a floating quote is "direct".
QString quoteKindContractName(QuoteKind kind);
QString speakerKindName(SpeakerKind kind);

} // namespace newscoder::quotes
