#include "io/TextDecoding.h"

#include <QList>
#include <QStringDecoder>
#include <algorithm>
#include <limits>
#include <memory>
#include <type_traits>

#include <uchardet/uchardet.h>

using namespace Qt::StringLiterals;

namespace newscoder {

namespace {

// A file with fewer invalid UTF-8 sequences than this, and at least one valid
// non-ASCII character, is damaged UTF-8 (the damage is marked where it is).
constexpr qsizetype kMinLegacyInvalid = 16;

bool isTextControl(char16_t c)
{
    return c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f' || c == u'\v';
}

// NUL characters or more than 2 % other control characters mean "not text".
bool looksBinary(const QString &text)
{
    qsizetype controls = 0;
    for (QChar ch : text) {
        const char16_t c = ch.unicode();
        if (c == 0)
            return true;
        if ((c < 0x20 && !isTextControl(c)) || c == 0x7f)
            ++controls;
    }
    return controls * 50 > text.size();
}

// Length of the valid UTF-8 sequence at `i` (RFC 3629: no overlongs, no
// surrogates, nothing above U+10FFFF), or 0 when it is invalid; `prefix` then
// gets how many bytes form the start of a sequence cut short (at least 1).
int utf8SequenceAt(const QByteArray &bytes, qsizetype i, int &prefix)
{
    const auto byte = [&](qsizetype k) { return k < bytes.size() ? uchar(bytes.at(k)) : uchar(0); };
    const uchar b0 = byte(i);
    prefix = 1;
    if (b0 < 0x80)
        return 1;
    int length = 0;
    uchar low = 0x80, high = 0xBF; // allowed range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        length = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        length = 3;
        low = b0 == 0xE0 ? 0xA0 : 0x80;
        high = b0 == 0xED ? 0x9F : 0xBF;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        length = 4;
        low = b0 == 0xF0 ? 0x90 : 0x80;
        high = b0 == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    for (int k = 1; k < length; ++k) {
        const uchar b = byte(i + k);
        const bool ok = i + k < bytes.size() && (k == 1 ? (b >= low && b <= high) : (b >= 0x80 && b <= 0xBF));
        if (!ok)
            return 0;
        prefix = k + 1;
    }
    return length;
}

// UTF-8 with the invalid sequences replaced by U+FFFD where they are (one per
// invalid byte, or per sequence cut short). `badLines` gets the 1-based line
// of each replacement; `multibyte` counts the valid non-ASCII characters,
// `multibyteBytes` their bytes.
QString decodeUtf8Replacing(const QByteArray &bytes, QList<int> &badLines, qsizetype &multibyte,
                           qsizetype &multibyteBytes)
{
    QString text;
    text.reserve(bytes.size());
    qsizetype i = bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    qsizetype chunkStart = i;
    int line = 1;
    multibyte = 0;
    multibyteBytes = 0;
    while (i < bytes.size()) {
        const char c = bytes.at(i);
        if (c == '\n' || (c == '\r' && (i + 1 >= bytes.size() || bytes.at(i + 1) != '\n')))
            ++line;
        int prefix = 1;
        const int length = utf8SequenceAt(bytes, i, prefix);
        if (length > 0) {
            multibyte += length > 1 ? 1 : 0;
            multibyteBytes += length > 1 ? length : 0;
            i += length;
            continue;
        }
        text += QString::fromUtf8(bytes.constData() + chunkStart, i - chunkStart);
        text += QChar::ReplacementCharacter;
        badLines.append(line);
        i += prefix;
        chunkStart = i;
    }
    text += QString::fromUtf8(bytes.constData() + chunkStart, i - chunkStart);
    return text;
}

// The 1-based lines of the U+FFFD characters in decoded text (CRLF, CR and LF end a line).
QList<int> replacementLines(const QString &text)
{
    QList<int> lines;
    int line = 1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\n' || (c == u'\r' && (i + 1 >= text.size() || text.at(i + 1) != u'\n')))
            ++line;
        else if (c == QChar::ReplacementCharacter)
            lines.append(line);
    }
    return lines;
}

QString lineList(QList<int> lines)
{
    lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
    constexpr qsizetype kShown = 10;
    QStringList shown;
    for (qsizetype k = 0; k < std::min(lines.size(), kShown); ++k)
        shown << QString::number(lines[k]);
    QString list = shown.join(u", "_s);
    if (lines.size() > kShown)
        list += u" and %1 more"_s.arg(lines.size() - kShown);
    return (lines.size() == 1 ? u"line "_s : u"lines "_s) + list;
}

// "The file has 3 bytes that are not valid KOI8-R (lines 2, 5); they were replaced with U+FFFD."
QString undecodableWarning(const QList<int> &lines, const QString &what)
{
    return u"The file has %1 %2 (%3); %4 replaced with \uFFFD."_s.arg(
        QString::number(lines.size()), what, lineList(lines), lines.size() == 1 ? u"it was"_s : u"they were"_s);
}

// uchardet's name as people write it ("WINDOWS-1251" -> "windows-1251").
QString displayName(const QByteArray &detected)
{
    QString name = QString::fromLatin1(detected);
    if (name.startsWith(u"WINDOWS-"_s))
        name.replace(0, 7, u"windows"_s);
    return name;
}

QString detectWithUchardet(const QByteArray &bytes)
{
    const std::unique_ptr<std::remove_pointer_t<uchardet_t>, void (*)(uchardet_t)> detector(uchardet_new(),
                                                                                            &uchardet_delete);
    if (!detector)
        return {};
    if (uchardet_handle_data(detector.get(), bytes.constData(), size_t(bytes.size())) != 0)
        return {};
    uchardet_data_end(detector.get());
    const char *charset = uchardet_get_charset(detector.get());
    return charset ? displayName(QByteArray(charset)) : QString();
}

// Single-byte encodings that detection confuses with the one it named: the same
// script, the same letters on most bytes. The most plausible decoding wins.
QStringList lookAlikes(const QString &detected)
{
    static const QList<QStringList> families{
        {u"windows-1250"_s, u"ISO-8859-2"_s},
        {u"windows-1251"_s, u"ISO-8859-5"_s},
        {u"windows-1253"_s, u"ISO-8859-7"_s},
        {u"windows-1254"_s, u"ISO-8859-9"_s},
        {u"windows-1255"_s, u"ISO-8859-8"_s},
    };
    for (const QStringList &family : families)
        if (family.contains(detected, Qt::CaseInsensitive))
            return family;
    // Latin-1 look-alikes are read as Windows-1252 too (its quotes and dashes
    // sit where ISO-8859-x has invisible C1 controls).
    static const QStringList latin{u"ISO-8859-1"_s, u"ISO-8859-3"_s, u"ISO-8859-15"_s};
    if (latin.contains(detected, Qt::CaseInsensitive))
        return {detected, u"windows-1252"_s};
    return {detected};
}

// How much a decoding looks like text: letters and typographic punctuation
// count for it, symbols (±, ¤, ¦ …) against it, C1 controls and U+FFFD strongly.
int plausibility(const QString &text)
{
    int score = 0;
    for (QChar ch : text) {
        const char16_t c = ch.unicode();
        if (c < 0x80)
            continue;
        if (c < 0xA0 || c == QChar::ReplacementCharacter)
            score -= 5;
        else if (ch.isLetter() || ch.isMark())
            score += 1;
        else if (ch.isPunct() || ch.isSpace() || c == 0x20AC /* € */ || c == 0xA7 /* § */ || c == 0xB0 /* ° */)
            score += 1;
        else
            score -= 2;
    }
    return score;
}

struct Decoding
{
    QString text;
    bool error = false;
};

Decoding decodeWith(const QString &name, const QByteArray &bytes)
{
    QStringDecoder decoder(name);
    Decoding out;
    out.text = decoder(bytes);
    out.error = decoder.hasError();
    return out;
}

// Decodes with a named (given, declared or detected) encoding; reports bytes without a character.
void decodeNamed(DecodedText &out, const QString &name, const QByteArray &bytes)
{
    const Decoding decoded = decodeWith(name, bytes);
    out.text = decoded.text;
    out.encoding = name;
    if (decoded.error) {
        const QList<int> lines = replacementLines(out.text);
        out.undecodable = lines.size();
        out.warnings << undecodableWarning(lines, (lines.size() == 1 ? u"byte that is not valid %1"_s
                                                                     : u"bytes that are not valid %1"_s)
                                                      .arg(name));
    }
}

// A declared charset as browsers read it (the WHATWG Encoding Standard): Latin-1 labels
// mean Windows-1252, ISO-8859-9 means Windows-1254, GB2312/GBK are read as their superset
// GB18030. A declared UTF-8 (or UTF-16, impossible in a byte-oriented declaration) that
// the bytes contradict is ignored: the encoding is detected instead.
QString browserEncoding(const QString &declared)
{
    const QString label = declared.trimmed().toLower();
    static const QStringList latin1{u"iso-8859-1"_s, u"iso8859-1"_s, u"latin1"_s, u"l1"_s, u"cp819"_s,
                                    u"us-ascii"_s, u"ascii"_s, u"iso_8859-1"_s, u"cp1252"_s, u"x-cp1252"_s};
    if (latin1.contains(label))
        return u"windows-1252"_s;
    if (label == u"iso-8859-9"_s || label == u"latin5"_s)
        return u"windows-1254"_s;
    if (label == u"gb2312"_s || label == u"gbk"_s || label == u"x-gbk"_s)
        return u"GB18030"_s;
    if (label.startsWith(u"utf"_s) || label.startsWith(u"unicode"_s))
        return {};
    return declared.trimmed();
}

void decodeLegacy(DecodedText &out, const QByteArray &bytes, const QString &declaredLabel)
{
    const QString declared = browserEncoding(declaredLabel);
    if (!declared.isEmpty() && isKnownEncoding(declared)) {
        out.source = EncodingSource::Declared;
        decodeNamed(out, declared, bytes);
        out.warnings.prepend(u"The file is not UTF-8; it was read as %1, the encoding it declares."_s.arg(declared));
        return;
    }
    out.source = EncodingSource::Detected;
    const QString detected = detectWithUchardet(bytes);
    QString chosen = u"windows-1252"_s;
    QString note;
    if (detected.isEmpty() || detected.compare(u"ASCII"_s, Qt::CaseInsensitive) == 0
        || detected.startsWith(u"UTF-"_s, Qt::CaseInsensitive)) {
        note = u"The file is not UTF-8 and its encoding could not be detected; it was read as windows-1252."_s;
    } else if (!isKnownEncoding(detected)) {
        note = u"The file is not UTF-8; its encoding looks like %1, which cannot be decoded here; it was read as "
               "windows-1252."_s.arg(detected);
    } else {
        int best = std::numeric_limits<int>::min();
        for (const QString &candidate : lookAlikes(detected)) {
            if (!isKnownEncoding(candidate))
                continue;
            const int score = plausibility(decodeWith(candidate, bytes).text);
            if (score > best) { // ties keep the earlier (detected) one
                best = score;
                chosen = candidate;
            }
        }
        note = u"The file is not UTF-8; it was read as %1 (detected)."_s.arg(chosen);
    }
    decodeNamed(out, chosen, bytes);
    out.warnings.prepend(note + u" Check accented letters and quotation marks; newscoder-cli import --encoding "
                                "NAME reads it with another encoding."_s);
}

} // namespace

bool isKnownEncoding(const QString &name)
{
    return !name.trimmed().isEmpty() && QStringDecoder(name).isValid();
}

QString encodingSourceName(EncodingSource source)
{
    switch (source) {
    case EncodingSource::Bom:
        return u"BOM"_s;
    case EncodingSource::Utf8:
        return u"UTF-8"_s;
    case EncodingSource::Declared:
        return u"declared"_s;
    case EncodingSource::Detected:
        return u"detected"_s;
    case EncodingSource::Given:
        return u"given"_s;
    }
    return {};
}

DecodedText decodeText(const QByteArray &bytes, const QString &given, const QString &declared)
{
    DecodedText out;
    if (!given.trimmed().isEmpty()) {
        if (!isKnownEncoding(given)) {
            out.error = u"unknown encoding \"%1\""_s.arg(given);
            return out;
        }
        out.source = EncodingSource::Given;
        decodeNamed(out, given.trimmed(), bytes);
    } else if (const auto bom = QStringConverter::encodingForData(bytes); bom && *bom != QStringConverter::Utf8) {
        // UTF-16 / UTF-32 with a BOM (the decoder drops it)
        out.source = EncodingSource::Bom;
        decodeNamed(out, QString::fromLatin1(QStringConverter::nameForEncoding(*bom)), bytes);
    } else if (bytes.contains('\0')) {
        out.error = u"not a text file"_s;
        return out;
    } else {
        out.source = bytes.startsWith("\xEF\xBB\xBF") ? EncodingSource::Bom : EncodingSource::Utf8;
        QList<int> badLines;
        qsizetype multibyte = 0, multibyteBytes = 0;
        out.text = decodeUtf8Replacing(bytes, badLines, multibyte, multibyteBytes);
        out.encoding = u"UTF-8"_s;
        if (!badLines.isEmpty() && out.source != EncodingSource::Bom
            && (multibyte == 0 || (badLines.size() >= kMinLegacyInvalid && badLines.size() > multibyteBytes))) {
            // Not one valid non-ASCII UTF-8 character, or invalid sequences all over the file and
            // more of them than bytes in valid ones (legacy Cyrillic or CJK text holds a few
            // valid UTF-8 pairs by accident): a legacy file, not a damaged UTF-8 one.
            out.text.clear();
            decodeLegacy(out, bytes, declared);
        } else if (!badLines.isEmpty()) {
            // UTF-8 with damage: keep every correct character, mark the bad bytes where they are.
            out.undecodable = badLines.size();
            out.warnings << undecodableWarning(badLines, badLines.size() == 1 ? u"invalid UTF-8 sequence"_s
                                                                              : u"invalid UTF-8 sequences"_s);
        }
    }
    if (looksBinary(out.text)) {
        out.error = u"not a text file"_s;
        out.text.clear();
    }
    return out;
}

} // namespace newscoder
