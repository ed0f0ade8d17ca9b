#pragma once

#include <QList>
#include <QString>

namespace newscoder::quotes {

// A word or punctuation token of the analysed text (UTF-16 offsets).
struct Token
{
    int start = 0;
    int end = 0;
    bool word = false;       // starts with a letter or digit
    bool capitalised = false; // starts with an upper- or titlecase letter
    bool lineBreakBefore = false; // a line break lies between the previous token and this one
};

// Tokens and sentences of a text, from QTextBoundaryFinder (Unicode word and
// sentence boundaries), with the sentence breaks after common abbreviations
// ("Mr.", "Gen.", "U.S.") taken back. Whitespace is not a token.
struct TextTokens
{
    QList<Token> tokens;
    QList<int> sentenceOfToken;   // sentence index of each token
    QList<int> sentenceFirstToken; // first token of each sentence (size = sentence count + 1)

    static TextTokens of(const QString &text);

    // The token's text in lower case (at most 40 characters: longer words match no lexicon entry).
    static QString lower(const QString &text, const Token &token);
};

} // namespace newscoder::quotes
