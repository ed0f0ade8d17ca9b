// Tree helpers of the codebook: depth-first order and descendants.
#include "model/Code.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace newscoder {

QList<Code> codebookTreeOrder(QList<Code> codes)
{
    std::stable_sort(codes.begin(), codes.end(), [](const Code &a, const Code &b) {
        if (a.position != b.position)
            return a.position < b.position;
        return a.name.localeAwareCompare(b.name) < 0;
    });
    QSet<QUuid> ids;
    for (const Code &c : codes)
        ids.insert(c.id);
    QHash<QUuid, QList<qsizetype>> children; // parent (null: top level) -> indexes, sibling order
    for (qsizetype i = 0; i < codes.size(); ++i) {
        const QUuid parent = ids.contains(codes[i].parentId) ? codes[i].parentId : QUuid();
        children[parent].append(i);
    }
    QList<Code> ordered;
    ordered.reserve(codes.size());
    QList<bool> placed(codes.size(), false);
    const auto visit = [&](const auto &self, const QUuid &parent) -> void {
        for (qsizetype i : children.value(parent)) {
            if (placed[i])
                continue;
            placed[i] = true;
            ordered.append(codes[i]);
            self(self, codes[i].id);
        }
    };
    visit(visit, QUuid());
    for (qsizetype i = 0; i < codes.size(); ++i) { // parent cycles: never reached from the top
        if (!placed[i]) {
            placed[i] = true;
            ordered.append(codes[i]);
            visit(visit, codes[i].id);
        }
    }
    return ordered;
}

QList<QUuid> codeDescendants(const QList<Code> &codes, const QUuid &codeId)
{
    QList<QUuid> result;
    QList<QUuid> frontier{codeId};
    QSet<QUuid> seen{codeId};
    for (qsizetype i = 0; i < frontier.size(); ++i) {
        for (const Code &c : codes) {
            if (c.parentId == frontier[i] && !seen.contains(c.id)) {
                seen.insert(c.id);
                frontier.append(c.id);
                result.append(c.id);
            }
        }
    }
    return result;
}

} // namespace newscoder
