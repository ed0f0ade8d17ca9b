#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <vector>

namespace newscoder::refi {

// A source text as the peer wrote it and as Newscoder stores it: the stored
// text drops a byte-order mark and turns CRLF / CR into LF (the project's
// import rule); nothing else changes.
struct SourceText
{
    QString raw;     // decoded UTF-8, BOM removed
    bool hadBom = false;
    QString stored;  // raw with CRLF / CR → LF
};

SourceText decodeSourceText(const QByteArray &utf8);
SourceText sourceTextFromString(const QString &text);

// How a peer counted positions in a text source. The standard counts
// characters (Unicode code points) of the plain text file; NVivo counts
// UTF-16 units (characters above U+FFFF as two); tools differ on whether a
// CRLF is one position or two and on whether a BOM is counted.
struct Counting
{
    bool utf16 = false;
    bool crlfAsTwo = true;
    bool bomCounted = false;
    QString describe() const;
    friend bool operator==(const Counting &, const Counting &) = default;
};

// Maps positions of one counting over a source's raw text to stored UTF-16
// offsets.
class PositionMap
{
public:
    PositionMap(const SourceText &text, const Counting &counting);
    qint64 length() const { return qint64(m_toStored.size()) - 1; }
    // -1 when beyond the text.
    int toStored(qint64 position) const;

private:
    std::vector<int> m_toStored;
};

// UTF-16 offset of the stored text → code point position (export).
qint64 codePointPosition(const QString &text, int utf16Offset);

// The countings worth trying for this text (only those that differ), the
// preferred one first: NVivo's UTF-16 first when `preferUtf16`.
QList<Counting> candidateCountings(const SourceText &text, bool preferUtf16);

} // namespace newscoder::refi
