// Coding a benchmark project in bulk (tests/bench): what the project and
// window benchmarks both need before they measure. Not a test.
#pragma once

#include "project/Project.h"
#include "project/ProjectInternals.h"
#include "storage/ProjectStore.h"

#include <QDateTime>
#include <QList>
#include <QRandomGenerator>
#include <QUuid>

namespace newscoder::bench {

// `perDocument` annotations on each of `documents` (imported as `ids`), codes
// in codebook order and coders A, B and C in turn, at random spans of 5–94
// code units, written through the store in one transaction (as a merge
// would), not one undo step each.
inline void insertCodedSpans(Project &project, const QList<QUuid> &ids, const QList<Document> &documents,
                             int perDocument, QRandomGenerator &random)
{
    const QList<Code> codes = project.codes();
    ProjectStore &store = ProjectInternals::store(project);
    const QUuid coders[3] = {store.ensureCoder(QStringLiteral("A")), store.ensureCoder(QStringLiteral("B")),
                             store.ensureCoder(QStringLiteral("C"))};
    WriteTransaction tx(store);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const int length = int(documents[i].text.size());
        for (int k = 0; k < perDocument; ++k) {
            Annotation a;
            a.id = QUuid::createUuid();
            a.documentId = ids[i];
            a.codeId = codes[k % codes.size()].id;
            a.start = random.bounded(length - 100);
            a.end = a.start + 5 + random.bounded(90);
            a.coderId = coders[k % 3];
            a.created = a.modified = now;
            store.insertAnnotation(a);
        }
    }
    tx.commit();
}

} // namespace newscoder::bench
