#pragma once

#include "model/Code.h"

#include <QList>
#include <QString>

namespace newscoder {

// The largest codebook file Newscoder reads (Newscoder codebook JSON, see
// io/CodebookJson.h); anything larger is refused unread.
inline constexpr qint64 MaxCodebookFileBytes = 16 * 1024 * 1024;

// What reading a codebook file gave. Each caller words the failure for its
// users (the window's dialogs, the CLI's messages).
struct CodebookFileResult
{
    enum class Outcome {
        Read,       // `codes` holds the codebook
        Unreadable, // missing or unreadable: `error` is the system's reason
        TooLarge,   // larger than the limit
        Invalid,    // not a usable codebook: `error` says what is wrong
    };

    Outcome outcome = Outcome::Read;
    QList<Code> codes; // parents before children, ids assigned
    QString error;

    bool ok() const { return outcome == Outcome::Read; }
};

// The one reader of codebook files for the window and the CLI: reads the
// file at `path` whole, never more than `maxBytes` of it, and parses it.
CodebookFileResult readCodebookFile(const QString &path, qint64 maxBytes = MaxCodebookFileBytes);

} // namespace newscoder
