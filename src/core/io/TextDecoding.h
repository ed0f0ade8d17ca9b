#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace newscoder {

// How the encoding of a file was chosen.
enum class EncodingSource {
    Bom,      // a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE)
    Utf8,     // no BOM; the bytes are UTF-8 (pure ASCII included), possibly damaged
    Declared, // no BOM, not UTF-8: the charset the file declares (an HTML <meta charset>)
    Detected, // no BOM, not UTF-8, nothing declared: detected with uchardet (a legacy encoding)
    Given,    // named by the user (--encoding, the import dialog); nothing detected
};

struct DecodedText
{
    QString text;       // the decoded text (BOM removed, line endings untouched)
    QString encoding;   // the encoding used, e.g. "UTF-8", "UTF-16LE", "windows-1251", "GB18030"
    EncodingSource source = EncodingSource::Utf8;
    qsizetype undecodable = 0; // bytes (sequences) that had no character and became U+FFFD
    QStringList warnings;      // e.g. the legacy encoding read, undecodable bytes with their lines
    QString error;             // set when the bytes are not text, or `given` is no known encoding
};

// Decodes a text file's bytes (pure: no I/O).
//
// Order: a BOM decides (UTF-8, UTF-16 or UTF-32, the BOM is dropped); else UTF-8 when
// the bytes are ASCII or valid UTF-8, or damaged UTF-8: at least one valid non-ASCII
// character and either fewer than 16 invalid sequences or no more invalid sequences than
// bytes in valid ones — invalid sequences in such a file become U+FFFD where they are
// and a warning names their count and lines (the rest stays exact); else `declared` (the
// charset an HTML page names, when QStringDecoder knows it); else the encoding is
// detected with uchardet (Windows-125x, ISO-8859-x, KOI8-R, GB18030, Big5, Shift_JIS,
// EUC-*, …), with a plausibility check between look-alike single-byte siblings
// (ISO-8859-2 / Windows-1250, …), and decoded with QStringDecoder. Windows-1252 is the
// fallback when nothing is detected. Reading a legacy encoding is always reported
// (a warning naming it), and so are bytes that have no character in the encoding
// (U+FFFD, counted, with their lines) — never replaced silently.
//
// `given` (non-empty) skips detection: the bytes are decoded with that encoding (any
// name QStringDecoder knows, e.g. "KOI8-R", "latin1", "Shift_JIS"); an unknown name is an
// error. NUL bytes outside UTF-16/32 and text that is mostly control characters are
// errors ("not a text file").
DecodedText decodeText(const QByteArray &bytes, const QString &given = {}, const QString &declared = {});

// True when QStringDecoder can decode `name` (for checking --encoding before reading).
bool isKnownEncoding(const QString &name);

// "BOM", "UTF-8", "declared", "detected", "given": how the encoding was chosen, for reports.
QString encodingSourceName(EncodingSource source);

} // namespace newscoder
