#include "refi/RefiOffsets.h"

#include <QStringDecoder>

namespace newscoder::refi {

SourceText sourceTextFromString(const QString &text)
{
    SourceText t;
    t.raw = text;
    if (t.raw.startsWith(QChar(0xFEFF))) {
        t.raw.remove(0, 1);
        t.hadBom = true;
    }
    t.stored = t.raw;
    t.stored.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    t.stored.replace(u'\r', u'\n');
    return t;
}

SourceText decodeSourceText(const QByteArray &utf8)
{
    return sourceTextFromString(QString::fromUtf8(utf8));
}

QString Counting::describe() const
{
    QStringList parts;
    parts << (utf16 ? QStringLiteral("UTF-16 units") : QStringLiteral("characters"));
    parts << (crlfAsTwo ? QStringLiteral("CRLF as two") : QStringLiteral("CRLF as one"));
    if (bomCounted)
        parts << QStringLiteral("BOM counted");
    return parts.join(QStringLiteral(", "));
}

PositionMap::PositionMap(const SourceText &text, const Counting &counting)
{
    const QString &raw = text.raw;
    m_toStored.reserve(size_t(raw.size()) + 2);
    int stored = 0;
    if (text.hadBom && counting.bomCounted)
        m_toStored.push_back(0);
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QChar c = raw.at(i);
        if (c == u'\r' && i + 1 < raw.size() && raw.at(i + 1) == u'\n') {
            m_toStored.push_back(stored); // the CR
            if (counting.crlfAsTwo)
                m_toStored.push_back(stored); // the LF
            ++i;
            ++stored;
        } else if (c.isHighSurrogate() && i + 1 < raw.size() && raw.at(i + 1).isLowSurrogate()) {
            m_toStored.push_back(stored);
            if (counting.utf16)
                m_toStored.push_back(stored + 2); // inside the pair: round forward
            ++i;
            stored += 2;
        } else {
            m_toStored.push_back(stored);
            ++stored;
        }
    }
    m_toStored.push_back(stored);
}

int PositionMap::toStored(qint64 position) const
{
    if (position < 0 || position >= qint64(m_toStored.size()))
        return -1;
    return m_toStored[size_t(position)];
}

qint64 codePointPosition(const QString &text, int utf16Offset)
{
    qint64 points = 0;
    const int end = qMin(utf16Offset, int(text.size()));
    for (int i = 0; i < end; ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        ++points;
    }
    return points;
}

QList<Counting> candidateCountings(const SourceText &text, bool preferUtf16)
{
    bool hasPairs = false;
    for (const QChar c : text.raw) {
        if (c.isHighSurrogate()) {
            hasPairs = true;
            break;
        }
    }
    const bool hasCrlf = text.raw.contains(QLatin1String("\r\n"));
    QList<bool> units = {preferUtf16};
    if (hasPairs)
        units << !preferUtf16;
    QList<bool> crlf = {true};
    if (hasCrlf)
        crlf << false;
    QList<bool> bom = {false};
    if (text.hadBom)
        bom << true;
    QList<Counting> out;
    for (const bool b : bom)
        for (const bool u : units)
            for (const bool c : crlf)
                out.append(Counting{u, c, b});
    return out;
}

} // namespace newscoder::refi
