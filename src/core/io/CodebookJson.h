#pragma once

#include "model/Code.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace newscoder {

// Newscoder's own codebook exchange format: versioned JSON
//   {"format": "newscoder-codebook", "version": 1, "name": …,
//    "codes": [{"name", "color", "shortcut", "description", "children": [...]}]}
// Readers accept versions up to kCodebookJsonVersion and refuse newer ones.
inline constexpr int kCodebookJsonVersion = 1;

struct CodebookReadResult
{
    QList<Code> codes; // parents before children, ids assigned
    QString error;     // empty on success
};

CodebookReadResult readCodebookJson(const QByteArray &json);
QByteArray writeCodebookJson(const QList<Code> &codes, const QString &name = {});

// The news codebook shipped with Newscoder (Quote, Speaker, Claim, Source bias).
QList<Code> defaultNewsCodebook();

} // namespace newscoder
