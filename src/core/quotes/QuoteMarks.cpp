#include "quotes/QuoteMarks.h"

#include <algorithm>

namespace newscoder::quotes {

namespace {

constexpr int maxDepth = 16;  // deeper nesting is ignored (hostile input)
constexpr int searchDepth = 8; // how far down the stack a closing mark looks for its opener

struct Frame
{
    int open;
    char16_t mark;
    int paragraphs;
};

bool isLineBreak(char16_t c)
{
    return c == u'\n' || c == u'\r' || c == 0x2028 || c == 0x2029;
}

bool isOpeningMark(char16_t c)
{
    switch (c) {
    case u'"': case u'\'': case 0x201C: case 0x2018: case 0x201E: case 0x201A: case 0x00AB: case 0x00BB:
    case 0x2039: case 0x203A: case 0x300C: case 0x300E: case 0x201D:
        return true;
    default:
        return false;
    }
}

// Whether the character before a mark lets the mark open a quotation.
bool opensAfter(const QString &text, int i)
{
    if (i == 0)
        return true;
    const QChar p = text.at(i - 1);
    if (p.isSpace())
        return true;
    const char16_t c = p.unicode();
    return c == u'(' || c == u'[' || c == u'{' || c == 0x2014 || c == 0x2013 || c == u'-' || c == u'/' || c == u':'
           || isOpeningMark(c);
}

bool contentFollows(const QString &text, int i)
{
    return i + 1 < text.size() && !text.at(i + 1).isSpace();
}

bool contentPrecedes(const QString &text, int i)
{
    return i > 0 && !text.at(i - 1).isSpace();
}

bool letterOrDigitAt(const QString &text, int i)
{
    return i >= 0 && i < text.size() && text.at(i).isLetterOrNumber();
}

// '90s, 'em, 'til: an elision, not an opening single quote.
bool isElision(const QString &text, int i)
{
    if (i + 2 < text.size() && text.at(i + 1).isDigit() && text.at(i + 2).isDigit())
        return true;
    static const char16_t *const words[] = {u"em", u"tis", u"til", u"cause", u"bout", u"n"};
    for (const char16_t *w : words) {
        const QStringView word(w);
        if (i + 1 + word.size() <= text.size()
            && QStringView(text).mid(i + 1, word.size()).compare(word, Qt::CaseInsensitive) == 0
            && !letterOrDigitAt(text, int(i + 1 + word.size())))
            return true;
    }
    return false;
}

// `10" striker`: a digit, the mark, a space and a lower-case word that is no
// attribution ("2019," said / "2019" he said stay quotes).
bool inchBeforeWord(const QString &text, int i)
{
    if (i + 2 >= text.size() || text.at(i + 1) != u' ' || !text.at(i + 2).isLower())
        return false;
    static const char16_t *const attribution[] = {u"said", u"says", u"told", u"added", u"he ", u"she ", u"they ",
                                                  u"sagte", u"so ", u"according"};
    const QStringView rest = QStringView(text).mid(i + 2, 12);
    for (const char16_t *w : attribution)
        if (rest.startsWith(QStringView(w)))
            return false;
    return true;
}

// The closing marks that end a quotation opened by `open`.
bool closes(char16_t open, char16_t close)
{
    switch (open) {
    case u'"': return close == u'"';
    case u'\'': return close == u'\'' || close == 0x2019;
    case 0x201C: return close == 0x201D || close == 0x201C;
    case 0x201D: return close == 0x201D;
    case 0x2018: return close == 0x2019 || close == u'\'';
    case 0x201E: return close == 0x201C || close == 0x201D;
    case 0x201A: return close == 0x2018 || close == 0x2019;
    case 0x00AB: return close == 0x00BB;
    case 0x00BB: return close == 0x00AB;
    case 0x2039: return close == 0x203A;
    case 0x203A: return close == 0x2039;
    case 0x300C: return close == 0x300D;
    case 0x300E: return close == 0x300F;
    default: return false;
    }
}

// A mark's possible roles at position i, given the open frames.
struct Roles
{
    bool canClose = false;
    bool canOpen = false;
};

Roles rolesAt(const QString &text, int i, bool singleOpen, bool doubleOpen)
{
    const char16_t c = text.at(i).unicode();
    Roles r;
    const bool prevLetter = letterOrDigitAt(text, i - 1);
    const bool nextLetter = letterOrDigitAt(text, i + 1);
    switch (c) {
    case u'"':
        if (prevLetter && nextLetter)
            return r; // inside a word: neither
        if (i > 0 && text.at(i - 1).isDigit() && (!doubleOpen || inchBeforeWord(text, i)))
            return r; // inch mark: a 12" record
        r.canClose = contentPrecedes(text, i) && !nextLetter;
        r.canOpen = opensAfter(text, i) && contentFollows(text, i);
        return r;
    case u'\'':
    case 0x2019:
        if (prevLetter && nextLetter)
            return r; // apostrophe: don't, Peskov's
        if (i > 0 && text.at(i - 1).isDigit() && !singleOpen)
            return r; // minute or foot mark: 5'10
        r.canClose = singleOpen && contentPrecedes(text, i) && !nextLetter;
        r.canOpen = c == u'\'' && opensAfter(text, i) && contentFollows(text, i) && !isElision(text, i);
        return r;
    case 0x2018:
        r.canOpen = opensAfter(text, i) && contentFollows(text, i) && !isElision(text, i);
        r.canClose = contentPrecedes(text, i) && !nextLetter;
        return r;
    case 0x201A:
        r.canOpen = opensAfter(text, i) && contentFollows(text, i);
        return r;
    case 0x00AB:
    case 0x00BB:
    case 0x2039:
    case 0x203A: // guillemets: French style puts a space inside
        r.canClose = i > 0 && !isLineBreak(text.at(i - 1).unicode());
        r.canOpen = i + 1 < text.size() && !isLineBreak(text.at(i + 1).unicode());
        return r;
    case 0x201C:
    case 0x201D:
        r.canClose = contentPrecedes(text, i);
        r.canOpen = contentFollows(text, i) && (c != 0x201D || opensAfter(text, i));
        return r;
    case 0x201E:
    case 0x300C:
    case 0x300E:
        r.canOpen = contentFollows(text, i);
        return r;
    case 0x300D:
    case 0x300F:
        r.canClose = true;
        return r;
    default:
        return r;
    }
}

bool isMarkCandidate(char16_t c)
{
    return c == u'"' || c == u'\'' || (c >= 0x2018 && c <= 0x201E) || c == 0x00AB || c == 0x00BB || c == 0x2039
           || c == 0x203A || (c >= 0x300C && c <= 0x300F);
}

bool isSingle(char16_t c)
{
    return c == u'\'' || c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x2039 || c == 0x203A;
}

} // namespace

QList<MarkedQuote> findMarkedQuotes(const QString &text)
{
    QList<MarkedQuote> found;
    QList<Frame> stack;
    int singles = 0; // open single-quote frames
    int doubles = 0;
    const int n = int(text.size());
    auto pop = [&]() {
        (isSingle(stack.last().mark) ? singles : doubles) -= 1;
        stack.removeLast();
    };
    for (int i = 0; i < n; ++i) {
        const char16_t c = text.at(i).unicode();
        if (isLineBreak(c)) {
            if (stack.isEmpty())
                continue;
            // Next paragraph: does it open with a mark that continues the outermost quotation?
            int j = i;
            while (j < n && text.at(j).isSpace())
                ++j;
            const Frame bottom = stack.first();
            const bool continues = j < n && j + 1 < n && !text.at(j + 1).isSpace()
                                   && (text.at(j).unicode() == bottom.mark
                                       || (bottom.mark == 0x201E && text.at(j).unicode() == 0x201E));
            while (!stack.isEmpty())
                pop();
            if (continues) {
                stack.append({bottom.open, bottom.mark, bottom.paragraphs + 1});
                (isSingle(bottom.mark) ? singles : doubles) += 1;
                i = j; // the continuation mark itself is consumed
            }
            continue;
        }
        if (!isMarkCandidate(c))
            continue;
        const Roles roles = rolesAt(text, i, singles > 0, doubles > 0);
        if (roles.canClose) {
            int match = -1;
            for (int k = int(stack.size()) - 1; k >= 0 && k >= int(stack.size()) - searchDepth; --k) {
                if (closes(stack.at(k).mark, c)) {
                    match = k;
                    break;
                }
            }
            if (match >= 0) {
                const Frame frame = stack.at(match);
                while (stack.size() > match)
                    pop();
                int from = frame.open + 1;
                int to = i;
                while (from < to && text.at(from).isSpace())
                    ++from;
                while (to > from && text.at(to - 1).isSpace())
                    --to;
                if (to > from)
                    found.append({frame.open, i, from, to, frame.paragraphs});
                continue;
            }
        }
        if (roles.canOpen && stack.size() < maxDepth) {
            stack.append({i, c, 1});
            (isSingle(c) ? singles : doubles) += 1;
        }
    }
    // Outermost quotations only, in text order.
    std::sort(found.begin(), found.end(), [](const MarkedQuote &a, const MarkedQuote &b) { return a.open < b.open; });
    QList<MarkedQuote> outer;
    int reach = -1;
    for (const MarkedQuote &q : std::as_const(found)) {
        if (q.open > reach) {
            outer.append(q);
            reach = q.close;
        }
    }
    return outer;
}

} // namespace newscoder::quotes
