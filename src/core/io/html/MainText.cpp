#include "io/html/MainText.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace newscoder::html {

namespace {

constexpr int kMinParagraphChars = 25;
constexpr int kMinBodyChars = 100; // an itemprop=articleBody with less text is ignored
constexpr int kScoredAncestors = 5;

const QRegularExpression &unlikelyHints()
{
    static const QRegularExpression re(
        u"banner|breadcrumb|combx|comment|community|disqus|extra|footer|gdpr|header|legends|menu|related|"
        "remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|"
        "pagination|pager|popup|cookie|consent|newsletter|subscribe|share|promo|outbrain|taboola|recommend|"
        "paywall|signup|modal|most-read|trending|byline|toolbar|masthead"_s);
    return re;
}

// Hints that keep a container even when it also matches unlikelyHints().
const QRegularExpression &maybeHints()
{
    static const QRegularExpression re(u"article|body|column|content|main|story|entry|post-text"_s);
    return re;
}

// Unlikely hints so strong that "article" or "content" beside them does not save the block.
const QRegularExpression &strongNegativeHints()
{
    static const QRegularExpression re(
        u"comment|cookie|consent|gdpr|newsletter|subscribe|share|social|related|recommend|outbrain|taboola|"
        "promo|advert|paywall|most-read|trending|signup|byline|\\bads?\\b"_s);
    return re;
}

const QRegularExpression &positiveHints()
{
    static const QRegularExpression re(u"article|body|content|entry|hentry|main|page|post|text|blog|story"_s);
    return re;
}

const QRegularExpression &negativeHints()
{
    static const QRegularExpression re(
        u"hidden|banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|"
        "promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|cookie|"
        "consent|newsletter|subscribe|social|recommend|advert|byline|caption"_s);
    return re;
}

bool isStructural(const QByteArray &tag)
{
    return tag == "html" || tag == "body" || tag == "main" || tag == "article" || tag.isEmpty();
}

int hintWeight(const QString &hints)
{
    if (hints.isEmpty())
        return 0;
    int weight = 0;
    if (negativeHints().match(hints).hasMatch())
        weight -= 25;
    if (positiveHints().match(hints).hasMatch())
        weight += 25;
    return weight;
}

double tagWeight(const QByteArray &tag)
{
    if (tag == "div")
        return 5;
    if (tag == "article")
        return 10;
    if (tag == "pre" || tag == "td" || tag == "blockquote" || tag == "section" || tag == "main")
        return 3;
    if (tag == "address" || tag == "ol" || tag == "ul" || tag == "dl" || tag == "dd" || tag == "dt"
        || tag == "li" || tag == "form")
        return -3;
    if ((tag.size() == 2 && tag.at(0) == 'h' && tag.at(1) >= '1' && tag.at(1) <= '6') || tag == "th")
        return -5;
    return 0;
}

int commas(const QString &s)
{
    int n = 0;
    for (QChar c : s)
        n += (c == u',' || c == u'\uFF0C' || c == u'\u3001' || c == u'\u060C') ? 1 : 0;
    return n;
}

struct Stats
{
    qsizetype text = 0;  // characters of visible text (whitespace collapsed)
    qsizetype links = 0; // of which inside links
    int commas = 0;
    bool blockChild = false; // has a Block child
    bool skipped = false;    // Dropped, or left out by its hints
};

class Extractor
{
public:
    explicit Extractor(const HtmlTree &tree) : m_tree(tree), m_stats(tree.nodes.size()) {}

    QStringList run()
    {
        markAndMeasure();
        int top = articleBodyElement();
        if (top < 0)
            top = bestCandidate();
        if (top < 0)
            return {};
        QList<int> parts{top};
        if (!isMarkedBody(top))
            parts = withSiblings(top);
        cleanInside(parts);
        // The serialiser skips what scoring or cleaning left out.
        HtmlTree view;
        view.nodes = m_tree.nodes;
        for (qsizetype i = 0; i < view.nodes.size(); ++i) {
            if (m_stats[i].skipped)
                view.nodes[i].kind = Kind::Dropped;
        }
        QStringList lines;
        for (int part : std::as_const(parts))
            lines += blockLines(view, part);
        return lines;
    }

private:
    const Node &node(int i) const { return m_tree.nodes.at(i); }
    double linkDensity(int i) const
    {
        const Stats &s = m_stats.at(i);
        return s.text > 0 ? double(s.links) / double(s.text) : 0.0;
    }

    // Skip flags top-down, then text, link text and commas bottom-up (children follow parents).
    void markAndMeasure()
    {
        const qsizetype n = m_tree.nodes.size();
        QList<bool> inLink(n, false);
        for (qsizetype i = 0; i < n; ++i) {
            const Node &nd = node(int(i));
            const bool parentSkipped = nd.parent >= 0 && m_stats[nd.parent].skipped;
            inLink[i] = nd.isLink || (nd.parent >= 0 && inLink[nd.parent]);
            bool skip = parentSkipped || nd.kind == Kind::Dropped;
            if (!skip && nd.kind == Kind::Block && !isStructural(nd.tag) && !nd.hints.isEmpty()) {
                if (strongNegativeHints().match(nd.hints).hasMatch()
                    || (unlikelyHints().match(nd.hints).hasMatch() && !maybeHints().match(nd.hints).hasMatch()))
                    skip = true;
            }
            m_stats[i].skipped = skip;
        }
        for (qsizetype i = n; i-- > 0;) {
            const Node &nd = node(int(i));
            Stats &s = m_stats[i];
            if (s.skipped)
                continue;
            if (nd.kind == Kind::Text) {
                const QString t = nd.text.simplified();
                s.text = t.size();
                s.commas = commas(t);
                if (inLink[i])
                    s.links = s.text;
            }
            if (nd.parent >= 0) {
                Stats &p = m_stats[nd.parent];
                p.text += s.text;
                p.links += s.links;
                p.commas += s.commas;
                p.blockChild |= nd.kind == Kind::Block;
            }
        }
    }

    // The largest itemprop="articleBody" element with text, or -1.
    int articleBodyElement() const
    {
        int best = -1;
        for (qsizetype i = 0; i < m_tree.nodes.size(); ++i) {
            if (m_stats[i].skipped || node(int(i)).itemprop != u"articlebody"_s)
                continue;
            if (m_stats[i].text >= kMinBodyChars && (best < 0 || m_stats[i].text > m_stats[best].text))
                best = int(i);
        }
        return best;
    }
    bool isMarkedBody(int i) const { return node(i).itemprop == u"articlebody"_s; }

    bool isParagraph(int i) const
    {
        const Node &nd = node(i);
        if (nd.kind != Kind::Block || m_stats[i].skipped)
            return false;
        if (nd.tag == "p" || nd.tag == "pre" || nd.tag == "td" || nd.tag == "blockquote")
            return true;
        // A block that holds only inline content reads as a paragraph (<div>text<br>text</div>).
        return !m_stats[i].blockChild && !isStructural(nd.tag) && nd.tag != "li"
               && !(nd.tag.size() == 2 && nd.tag.at(0) == 'h');
    }

    void initialise(int i)
    {
        if (m_scored.contains(i))
            return;
        m_scored.insert(i);
        m_score[i] = tagWeight(node(i).tag) + hintWeight(node(i).hints);
    }

    int bestCandidate()
    {
        for (qsizetype i = 0; i < m_tree.nodes.size(); ++i) {
            const int idx = int(i);
            if (!isParagraph(idx) || m_stats[i].text < kMinParagraphChars)
                continue;
            const double score =
                1.0 + m_stats[i].commas + std::min(3.0, double(m_stats[i].text / 100));
            int ancestor = node(idx).parent;
            for (int level = 0; ancestor >= 0 && level < kScoredAncestors; ++level) {
                if (node(ancestor).tag.isEmpty()) // the document node
                    break;
                initialise(ancestor);
                const double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
                m_score[ancestor] += score / divider;
                ancestor = node(ancestor).parent;
            }
        }
        int best = -1;
        double bestScore = 0;
        for (int i : std::as_const(m_scored)) {
            const double scaled = m_score[i] * (1.0 - linkDensity(i));
            m_score[i] = scaled;
            if (best < 0 || scaled > bestScore || (scaled == bestScore && i < best)) {
                best = i;
                bestScore = scaled;
            }
        }
        return best;
    }

    // The top candidate and those of its siblings that belong to the article too.
    QList<int> withSiblings(int top) const
    {
        const int parent = node(top).parent;
        if (parent < 0)
            return {top};
        const double topScore = m_score.value(top);
        const double threshold = std::max(10.0, topScore * 0.2);
        QList<int> parts;
        for (int sibling : node(parent).children) {
            if (sibling == top) {
                parts << sibling;
                continue;
            }
            if (m_stats[sibling].skipped || node(sibling).kind != Kind::Block)
                continue;
            double score = m_scored.contains(sibling) ? m_score.value(sibling) : 0.0;
            if (!node(top).hints.isEmpty() && node(sibling).hints == node(top).hints)
                score += topScore * 0.2;
            const bool linkPoorParagraph =
                node(sibling).tag == "p" && m_stats[sibling].text > 80 && linkDensity(sibling) < 0.25;
            if (score >= threshold || linkPoorParagraph)
                parts << sibling;
        }
        return parts;
    }

    // Leaves out link lists, blocks with negative hints and the headline inside the body.
    void cleanInside(const QList<int> &parts)
    {
        QList<int> stack = parts;
        while (!stack.isEmpty()) {
            const int i = stack.takeLast();
            const Node &nd = node(i);
            if (m_stats[i].skipped)
                continue;
            if (!parts.contains(i) && nd.kind == Kind::Block && shouldClean(i)) {
                m_stats[i].skipped = true;
                continue;
            }
            for (int child : nd.children)
                stack.append(child);
        }
    }

    bool shouldClean(int i) const
    {
        const Node &nd = node(i);
        if (nd.tag == "h1")
            return true;
        if (m_stats[i].text == 0)
            return false;
        if (hintWeight(nd.hints) < 0)
            return true;
        const double density = linkDensity(i);
        if ((nd.tag == "ul" || nd.tag == "ol") && density > 0.3)
            return true;
        if (density > 0.5 && m_stats[i].text < 1000)
            return true;
        return false;
    }

    const HtmlTree &m_tree;
    QList<Stats> m_stats;
    QSet<int> m_scored;
    QHash<int, double> m_score;
};

} // namespace

QStringList mainTextLines(const HtmlTree &tree)
{
    if (tree.nodes.isEmpty())
        return {};
    return Extractor(tree).run();
}

} // namespace newscoder::html
