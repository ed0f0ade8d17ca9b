#include "io/pdf/PdfLayout.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace newscoder::pdf {

namespace {

constexpr int kEdgeLines = 2; // lines at the top and at the bottom of a page checked as header/footer
constexpr double kSameHeight = 4.0; // points: a running header stands at the same height on every page

QString recurrenceKey(const QString &line)
{
    QString key = line.simplified().toLower();
    for (QChar &c : key) {
        if (c.isDigit())
            c = u'#';
    }
    return key;
}

// Indices of the lines of `page` at its top and bottom edge.
QList<int> edgeLines(const PdfPage &page)
{
    QList<int> order(page.size());
    for (int i = 0; i < page.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&page](int a, int b) { return page[a].box.top() < page[b].box.top(); });
    QList<int> edges;
    for (int i = 0; i < order.size(); ++i) {
        if (i < kEdgeLines || i >= order.size() - kEdgeLines)
            edges.append(order[i]);
    }
    return edges;
}

double medianHeight(const PdfPage &page)
{
    QList<double> heights;
    for (const PdfLine &line : page) {
        if (line.box.height() > 0)
            heights.append(line.box.height());
    }
    if (heights.isEmpty())
        return 10.0;
    std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
    return heights[heights.size() / 2];
}

bool endsSentence(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return true;
    static const QString enders = u".!?:\u201D\"\u2019)"_s;
    return enders.contains(t.back());
}

void appendLine(QString &paragraph, const QString &line)
{
    if (paragraph.isEmpty()) {
        paragraph = line;
        return;
    }
    if (paragraph.endsWith(QChar(0x00AD))) {
        paragraph.chop(1);
        paragraph += line;
        return;
    }
    const bool hyphen = (paragraph.endsWith(u'-') || paragraph.endsWith(QChar(0x2010))) && paragraph.size() >= 2
                        && paragraph[paragraph.size() - 2].isLetter();
    if (hyphen && !line.isEmpty() && line.front().isLower()) {
        paragraph.chop(1);
        paragraph += line;
    } else if (hyphen) {
        paragraph += line;
    } else {
        paragraph += u' ' + line;
    }
}

} // namespace

bool isPageNumberLine(const QString &line)
{
    static const QRegularExpression number(
        uR"(^(?:page|p\.|seite|side|sida|pagina|página|стр\.?)?\s*[-\x{2013}\x{2014}\s]*\d{1,5}[-\x{2013}\x{2014}\s]*(?:(?:of|/|von|из)\s*\d{1,5})?$)"_s,
        QRegularExpression::CaseInsensitiveOption);
    const QString t = line.simplified();
    return !t.isEmpty() && number.match(t).hasMatch();
}

QStringList pdfParagraphs(const QList<PdfPage> &pages)
{
    // Header and footer lines: the same text (digits ignored) at the same height of the page
    // edge on half the pages. The height matters: a line such as "End of Document" that recurs
    // at different places is text, not a running header.
    QHash<QString, QList<QPair<int, double>>> seenAt; // key → (page, top)
    QList<QList<int>> edges;
    for (int p = 0; p < pages.size(); ++p) {
        edges.append(edgeLines(pages[p]));
        for (int i : std::as_const(edges.last()))
            seenAt[recurrenceKey(pages[p][i].text)].append({p, pages[p][i].box.top()});
    }
    const auto recurrence = [&seenAt](const PdfLine &line) {
        QSet<int> pagesAt;
        for (const auto &[page, top] : seenAt.value(recurrenceKey(line.text))) {
            if (std::abs(top - line.box.top()) <= kSameHeight)
                pagesAt.insert(page);
        }
        return int(pagesAt.size());
    };
    const int pagesWithText = int(std::count_if(pages.begin(), pages.end(), [](const PdfPage &p) { return !p.isEmpty(); }));
    const int needed = std::max(2, (pagesWithText + 1) / 2);

    QStringList paragraphs;
    QString current;
    for (qsizetype p = 0; p < pages.size(); ++p) {
        const PdfPage &page = pages[p];
        QSet<int> dropped;
        for (int i : std::as_const(edges[p])) {
            const QString &text = page[i].text;
            if (isPageNumberLine(text) || (pagesWithText >= 2 && recurrence(page[i]) >= needed))
                dropped.insert(i);
        }
        const double height = medianHeight(page);
        const PdfLine *previous = nullptr;
        for (int i = 0; i < page.size(); ++i) {
            if (dropped.contains(i))
                continue;
            const PdfLine &line = page[i];
            const QString text = line.text.simplified();
            if (text.isEmpty())
                continue;
            bool breakBefore = false;
            if (previous) {
                const double gap = line.box.top() - previous->box.bottom();
                breakBefore = gap > 0.6 * height || line.box.top() < previous->box.top() - 0.5 * height
                              || line.box.left() > previous->box.left() + 1.5 * height;
            } else if (!current.isEmpty()) {
                // First line of a page: the paragraph runs on only mid-sentence into lower case.
                breakBefore = endsSentence(current) || !text.front().isLower();
            }
            if (breakBefore && !current.isEmpty()) {
                paragraphs.append(current);
                current.clear();
            }
            appendLine(current, text);
            previous = &line;
        }
    }
    if (!current.isEmpty())
        paragraphs.append(current);
    return paragraphs;
}

} // namespace newscoder::pdf
