#include "study/ArticleAgreement.h"

#include "storage/ProjectReader.h"

#include <QList>

#include <algorithm>
#include <map>

namespace newscoder::study {

namespace {

struct Span
{
    QUuid codeId;
    int start = 0;
    int end = 0;
};

// One pair of coders: greedy one-to-one pairing by greatest overlap.
void pairCoders(const QList<Span> &a, const QList<Span> &b, ArticleAgreement &result)
{
    result.spans += int(a.size() + b.size());
    struct Candidate
    {
        int overlap;
        int i;
        int j;
    };
    QList<Candidate> candidates;
    for (int i = 0; i < a.size(); ++i) {
        for (int j = 0; j < b.size(); ++j) {
            if (a[i].codeId != b[j].codeId)
                continue;
            const int overlap = std::min(a[i].end, b[j].end) - std::max(a[i].start, b[j].start);
            if (overlap > 0)
                candidates.append({overlap, i, j});
        }
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate &x, const Candidate &y) { return x.overlap > y.overlap; });
    QList<bool> usedA(a.size(), false);
    QList<bool> usedB(b.size(), false);
    for (const Candidate &c : std::as_const(candidates)) {
        if (usedA[c.i] || usedB[c.j])
            continue;
        usedA[c.i] = usedB[c.j] = true;
        ++result.paired;
        if (a[c.i].start == b[c.j].start && a[c.i].end == b[c.j].end)
            ++result.exact;
    }
}

ArticleAgreement measure(const std::map<QUuid, QList<Span>> &byCoder)
{
    ArticleAgreement result;
    result.coders = int(byCoder.size());
    for (auto first = byCoder.cbegin(); first != byCoder.cend(); ++first) {
        for (auto second = std::next(first); second != byCoder.cend(); ++second)
            pairCoders(first->second, second->second, result);
    }
    return result;
}

} // namespace

QHash<QUuid, ArticleAgreement> articleAgreements(const ProjectReader &store, const std::atomic_bool *cancel,
                                                 const QList<QUuid> &documentIds)
{
    QHash<QUuid, ArticleAgreement> result;
    QUuid current;
    std::map<QUuid, QList<Span>> byCoder; // sorted: the same pairs in the same order every time
    const auto flush = [&] {
        if (byCoder.size() >= 2)
            result.insert(current, measure(byCoder));
        byCoder.clear();
    };
    store.forEachSharedSpan([&](const CodedSpan &row) {
        if (row.documentId != current) {
            flush();
            current = row.documentId;
            if (cancel && cancel->load())
                return false;
        }
        QList<Span> &spans = byCoder[row.coderId]; // a "done" row alone makes the coder count
        if (!row.codeId.isNull())
            spans.append({row.codeId, row.start, row.end});
        return true;
    }, documentIds);
    if (cancel && cancel->load())
        return {};
    flush();
    return result;
}

} // namespace newscoder::study
