#include "study/MergeTexts.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace newscoder::study {

namespace {

const QString TextDeleted = QStringLiteral("text-deleted");
const QString TextChanged = QStringLiteral("text-changed");
// Past this many differing code units, one edit over the whole changed
// middle (the search keeps one row per edit: memory grows with its square).
constexpr int MaxEdits = 2000;

enum class Op { Keep, Remove, Insert };

// The shortest edit script from a to b (Myers, "An O(ND) difference
// algorithm", 1986): per code unit, Keep / Remove (a unit of a) / Insert (a
// unit of b), in order; nullopt when it needs more than MaxEdits.
std::optional<std::vector<Op>> shortestEditScript(QStringView a, QStringView b)
{
    const int n = int(a.size());
    const int m = int(b.size());
    const int offset = MaxEdits + 1;
    std::vector<int> v(size_t(2 * MaxEdits + 3), 0); // furthest x on diagonal k = x - y
    std::vector<std::vector<int>> trace;              // v[-d-1 .. d+1] before step d
    for (int d = 0; d <= MaxEdits; ++d) {
        trace.emplace_back(v.begin() + (offset - d - 1), v.begin() + (offset + d + 2));
        for (int k = -d; k <= d; k += 2) {
            int x = (k == -d || (k != d && v[size_t(offset + k - 1)] < v[size_t(offset + k + 1)]))
                        ? v[size_t(offset + k + 1)]      // down: insert
                        : v[size_t(offset + k - 1)] + 1; // right: remove
            int y = x - k;
            while (x < n && y < m && a[x] == b[y]) {
                ++x;
                ++y;
            }
            v[size_t(offset + k)] = x;
            if (x < n || y < m)
                continue;
            // Back from the end along the recorded rows.
            std::vector<Op> ops;
            for (int e = d; e > 0; --e) {
                const std::vector<int> &row = trace[size_t(e)];
                const auto at = [&](int kk) { return row[size_t(kk + e + 1)]; };
                const int kk = x - y;
                const bool down = kk == -e || (kk != e && at(kk - 1) < at(kk + 1));
                const int previousK = down ? kk + 1 : kk - 1;
                const int previousX = at(previousK);
                const int previousY = previousX - previousK;
                while (x > previousX + (down ? 0 : 1) && y > previousY + (down ? 1 : 0)) {
                    ops.push_back(Op::Keep);
                    --x;
                    --y;
                }
                ops.push_back(down ? Op::Insert : Op::Remove);
                x = previousX;
                y = previousY;
            }
            while (x > 0 && y > 0) {
                ops.push_back(Op::Keep);
                --x;
                --y;
            }
            std::reverse(ops.begin(), ops.end());
            return ops;
        }
    }
    return std::nullopt;
}

// The edits turning `from` into `to`, each on the text the ones before it
// produced (positions in that text), left to right.
QList<TextEdit> editScript(const QString &from, const QString &to)
{
    qsizetype prefix = 0;
    const qsizetype shorter = std::min(from.size(), to.size());
    while (prefix < shorter && from[prefix] == to[prefix])
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < shorter - prefix && from[from.size() - 1 - suffix] == to[to.size() - 1 - suffix])
        ++suffix;
    const QStringView a = QStringView(from).mid(prefix, from.size() - prefix - suffix);
    const QStringView b = QStringView(to).mid(prefix, to.size() - prefix - suffix);
    if (a.isEmpty() && b.isEmpty())
        return {};
    std::optional<std::vector<Op>> ops;
    if (!a.isEmpty() && !b.isEmpty())
        ops = shortestEditScript(a, b);
    if (!ops)
        return {TextEdit{int(prefix), int(a.size()), b.toString()}};
    // Changes fewer than three units apart are one edit ("Mondya" → "Monday"
    // replaces "ya", so a span over the word keeps its last letter).
    QList<TextEdit> edits;
    int position = int(prefix); // in the text the edits so far produced
    qsizetype inB = 0;
    std::optional<TextEdit> open;
    QString kept; // units kept since the open edit's last change
    for (const Op op : *ops) {
        if (op == Op::Keep) {
            const QChar unit = b[inB++];
            if (!open) {
                ++position;
                continue;
            }
            kept.append(unit);
            if (kept.size() >= 3) {
                edits.append(*open);
                position = open->position + open->insertedLength() + int(kept.size());
                open.reset();
                kept.clear();
            }
            continue;
        }
        if (!open) {
            open = TextEdit{position, 0, {}};
        } else if (!kept.isEmpty()) {
            open->removed += int(kept.size());
            open->inserted += kept;
            kept.clear();
        }
        if (op == Op::Remove)
            ++open->removed;
        else
            open->inserted.append(b[inB++]);
    }
    if (open)
        edits.append(*open);
    return edits;
}

} // namespace

TextTranslation::TextTranslation(const QString &from, const QString &to)
{
    QString text = from;
    for (const TextEdit &edit : editScript(from, to)) {
        m_steps.emplace_back(text, widenToGraphemes(text, edit));
        text = m_steps.back().after();
    }
}

std::optional<Annotation> TextTranslation::apply(const Annotation &annotation) const
{
    Annotation next = annotation;
    TextSpan span{annotation.start, annotation.end};
    bool resized = false;
    for (const EditStep &step : m_steps) {
        const ShiftedSpan r = step.apply(span);
        if (!r.isOrphaned()) {
            resized = resized || r.status == AnchorStatus::Resized;
            span = r.span;
            continue;
        }
        const TextSpan shown = step.reviewSpan(r);
        if (shown.isEmpty())
            return std::nullopt;
        if (next.status == AnnotationStatus::Coded)
            next.status = AnnotationStatus::Review;
        if (next.reviewReason != TextDeleted) {
            // What the merge's edit did, for review (no time: the same texts give the same row).
            const TextEdit &e = step.edit();
            const QJsonObject json{{QStringLiteral("at"), e.position},
                                   {QStringLiteral("removed"), step.before().mid(e.position, e.removed)},
                                   {QStringLiteral("inserted"), e.inserted},
                                   {QStringLiteral("was"), step.before().mid(span.start, span.length())},
                                   {QStringLiteral("merged"), true}};
            next.reviewReason = TextDeleted;
            next.reviewEdit = QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
        }
        span = shown;
    }
    next.start = span.start;
    next.end = span.end;
    if (resized && next.status == AnnotationStatus::Suggested && next.reviewReason.isEmpty())
        next.reviewReason = TextChanged; // checked again before it can be accepted
    return next;
}

} // namespace newscoder::study
