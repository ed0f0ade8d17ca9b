#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace newscoder::quotes {

// The words the quote-attribution engine recognises for one language: the
// reporting verbs with their inflections, cue phrases, and the words that
// make up (or never begin) a speaker phrase. Read from a plain-text lexicon
// (see lexicons/en.txt for the format); all words are stored lower-case.
struct QuoteLexicon
{
    QString language;
    QSet<QString> verbs;        // strong cues: a cue on their own
    QSet<QString> weakVerbs;    // cues only next to quotation marks, "that" or ':'
    QSet<QString> objectVerbs;  // take an addressee before the content
    QList<QStringList> passives;       // "was quoted as saying"
    QList<QStringList> sourceBefore;   // "according to" SPEAKER
    QList<QStringList> sourceAfter;    // SPEAKER "zufolge"
    QList<QStringList> statements;     // "in a statement", skipped around cues
    QSet<QString> that;
    QSet<QString> pronouns;
    QSet<QString> determiners;
    QSet<QString> indefinites;
    QSet<QString> anonymous;
    QSet<QString> roles;
    QSet<QString> organisations;
    QSet<QString> skip;
    QSet<QString> stop;
    QSet<QString> function;
    QSet<QString> particles;  // German separable-verb particles ("teilte ... mit")
    QStringList roleSuffixes; // German compounds: "Verkehrsministerin", "Bahnchef"

    bool isRole(const QString &lower) const
    {
        if (roles.contains(lower))
            return true;
        for (const QString &s : roleSuffixes)
            if (lower.size() > s.size() + 2 && lower.endsWith(s))
                return true;
        return false;
    } // end a speaker phrase after an article ("a farmer whose ...")

    bool isCueVerb(const QString &lower) const { return verbs.contains(lower) || weakVerbs.contains(lower); }

    // Parses lexicon text; unknown sections are ignored, so files stay forward-compatible.
    static QuoteLexicon parse(const QString &language, const QString &text);
    // The lexicon shipped for `language` ("en" or "de"), read once from the
    // resources compiled into newscoder_core; unknown languages get English.
    static const QuoteLexicon &builtIn(const QString &language);
    // `base` with the words of `extraText` (same format) added — for words a
    // project adds to the shipped lexicon.
    static QuoteLexicon extended(const QuoteLexicon &base, const QString &extraText);
};

// "en" or "de", from the share of common function words of each language in
// the first few thousand characters of `text`. English when undecided.
QString detectQuoteLanguage(const QString &text);

} // namespace newscoder::quotes
