#pragma once

#include "model/Code.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace newscoder {

// Newscoder's own codebook exchange format: versioned JSON
//   {"format": "newscoder-codebook", "version": 1, "name": …,
//    "codes": [{"name", "color", "shortcut", "description", "unit", "use_when",
//               "avoid_when", "example", "memo",
//               "fields": [{"name", "kind", "required", "multiple", "description",
//                           "options": [{"value", "label"}], "link_codes": [code names]}],
//               "children": [...]}]}
// Version 2 added units, the description parts, memos and fields; version 1
// files still read. Readers refuse newer versions.
inline constexpr int kCodebookJsonVersion = 2;

struct CodebookReadResult
{
    QList<Code> codes; // parents before children, ids assigned
    QString error;     // empty on success
};

CodebookReadResult readCodebookJson(const QByteArray &json);
// Extras for listings (the reader ignores them): each code's and field's
// "id", and each code's "annotations" count.
struct CodebookJsonWriteOptions
{
    bool includeIds = false;
    bool includeCounts = false;
    QHash<QUuid, int> annotationCounts; // by code id (includeCounts)
};

QByteArray writeCodebookJson(const QList<Code> &codes, const QString &name = {},
                             const CodebookJsonWriteOptions &options = {});

// The news codebook shipped with Newscoder (Quote, Speaker, Claim, Bias indicator; article and outlet variables).
QList<Code> defaultNewsCodebook();

} // namespace newscoder
