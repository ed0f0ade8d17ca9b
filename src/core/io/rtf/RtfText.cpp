#include "io/rtf/RtfText.h"

#include "io/ParagraphArticle.h"

#include <QSet>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace newscoder {

namespace {

enum class Target : quint8 { Body, Skip, Title, Author };

struct GroupState
{
    Target target = Target::Body;
    int ucSkip = 1; // characters that follow a \uN as its fallback
};

const QSet<QByteArray> &skippedDestinations()
{
    static const QSet<QByteArray> words{
        "fonttbl", "colortbl", "stylesheet", "listtable", "listoverridetable", "rsidtbl", "generator",
        "pict", "object", "header", "headerl", "headerr", "headerf", "footer", "footerl", "footerr", "footerf",
        "footnote", "fldinst", "annotation", "atnid", "atnauthor", "atndate", "atnref", "xe", "tc", "template",
        "docvar", "themedata", "colorschememapping", "datastore", "latentstyles", "xmlnstbl", "mmathPr",
        "filetbl", "revtbl", "bkmkstart", "bkmkend", "nonshppict", "shpinst", "sp", "sn", "sv", "private",
        "pgdsctbl", "operator", "company", "subject", "keywords", "comment", "doccomm", "hlinkbase",
        "category", "manager", "buptim", "creatim", "revtim", "printim", "userprops", "wgrffmtfilter",
        "pnseclvl", "pntext", "pntxta", "pntxtb", "listtext", "fchars", "lchars", "objdata", "blipuid"};
    return words;
}

QString codepageName(int codepage)
{
    switch (codepage) {
    case 65001:
        return u"UTF-8"_s;
    case 936:
        return u"GB18030"_s;
    case 950:
        return u"Big5"_s;
    case 932:
        return u"Shift_JIS"_s;
    case 949:
        return u"EUC-KR"_s;
    case 20866:
        return u"KOI8-R"_s;
    case 10000:
        return u"macintosh"_s;
    default:
        if (codepage >= 1250 && codepage <= 1258)
            return u"windows-%1"_s.arg(codepage);
        if (codepage >= 28591 && codepage <= 28605)
            return u"ISO-8859-%1"_s.arg(codepage - 28590);
        return u"windows-1252"_s;
    }
}

class RtfReader
{
public:
    explicit RtfReader(const QByteArray &bytes) : m_in(bytes) {}

    RtfText run()
    {
        setCodepage(1252);
        const qsizetype n = m_in.size();
        qsizetype i = 0;
        while (i < n && m_out.error.isEmpty()) {
            const char c = m_in[i];
            if (c == '{') {
                flushBytes();
                if (m_stack.size() >= kMaxRtfNesting) {
                    m_out.error = u"RTF groups nested deeper than %1 levels"_s.arg(kMaxRtfNesting);
                    break;
                }
                m_stack.append(m_state);
                m_groupStart = true;
                ++i;
                continue;
            }
            if (c == '}') {
                flushBytes();
                if (m_stack.isEmpty())
                    break; // the end of the document group (anything after it is ignored)
                m_state = m_stack.takeLast();
                m_groupStart = false;
                ++i;
                continue;
            }
            const bool groupStart = m_groupStart;
            m_groupStart = false;
            if (c == '\\') {
                i = controlAt(i + 1, groupStart);
                continue;
            }
            if (c == '\r' || c == '\n' || c == '\0') {
                ++i;
                continue;
            }
            if (m_skipChars > 0) {
                --m_skipChars;
            } else if (m_state.target != Target::Skip) {
                m_bytes.append(c);
            }
            ++i;
        }
        flushBytes();
        endParagraph();
        if (m_out.error.isEmpty() && m_out.paragraphs.isEmpty())
            m_out.error = u"no article text found"_s;
        m_out.title = m_out.title.simplified();
        m_out.author = m_out.author.simplified();
        return std::move(m_out);
    }

private:
    void setCodepage(int codepage)
    {
        m_out.codepage = codepageName(codepage);
        m_decoder = QStringDecoder(m_out.codepage.toLatin1().constData());
        if (!m_decoder.isValid()) {
            m_out.codepage = u"windows-1252"_s;
            m_decoder = QStringDecoder("windows-1252");
        }
    }

    void flushBytes()
    {
        if (m_bytes.isEmpty())
            return;
        put(m_decoder.isValid() ? QString(m_decoder(m_bytes)) : QString::fromLatin1(m_bytes));
        m_bytes.clear();
    }

    void put(const QString &text)
    {
        switch (m_state.target) {
        case Target::Body:
            m_paragraph += text;
            break;
        case Target::Title:
            m_out.title += text;
            break;
        case Target::Author:
            m_out.author += text;
            break;
        case Target::Skip:
            break;
        }
    }

    void emitChar(QChar c)
    {
        flushBytes();
        if (m_skipChars > 0) {
            --m_skipChars;
            return;
        }
        put(QString(c));
    }

    void endParagraph()
    {
        flushBytes();
        if (m_state.target != Target::Body && !m_paragraph.isEmpty())
            return;
        QString p = m_paragraph;
        m_paragraph.clear();
        if (!p.trimmed().isEmpty())
            m_out.paragraphs.append(p);
    }

    // Reads the control word or symbol after a backslash at `i`; returns the index after it.
    qsizetype controlAt(qsizetype i, bool groupStart)
    {
        const qsizetype n = m_in.size();
        if (i >= n)
            return i;
        const char c = m_in[i];
        if (!std::isalpha(static_cast<unsigned char>(c))) {
            switch (c) {
            case '\'': {
                if (i + 2 < n) {
                    bool ok = false;
                    const int byte = m_in.mid(i + 1, 2).toInt(&ok, 16);
                    if (ok) {
                        if (m_skipChars > 0)
                            --m_skipChars;
                        else if (m_state.target != Target::Skip)
                            m_bytes.append(char(byte));
                    }
                }
                return std::min(n, i + 3);
            }
            case '*':
                if (groupStart || m_state.target == Target::Skip)
                    m_state.target = Target::Skip;
                return i + 1;
            case '~':
                emitChar(QChar(0x00A0));
                return i + 1;
            case '_':
                emitChar(u'-');
                return i + 1;
            case '-':
                return i + 1; // optional hyphen
            case '\r':
            case '\n':
                endParagraph();
                return i + 1;
            default:
                emitChar(QChar::fromLatin1(c));
                return i + 1;
            }
        }
        qsizetype j = i;
        while (j < n && j - i < 32 && std::isalpha(static_cast<unsigned char>(m_in[j])))
            ++j;
        const QByteArray word = m_in.mid(i, j - i);
        bool hasParam = false;
        int param = 0;
        qsizetype k = j;
        if (k < n && (m_in[k] == '-' || std::isdigit(static_cast<unsigned char>(m_in[k])))) {
            const qsizetype start = k;
            ++k;
            while (k < n && k - start < 11 && std::isdigit(static_cast<unsigned char>(m_in[k])))
                ++k;
            param = m_in.mid(start, k - start).toInt(&hasParam);
        }
        if (k < n && m_in[k] == ' ')
            ++k;
        control(word, hasParam, param);
        return std::min(n, k + takeBinarySkip()); // \binN: N bytes of binary data follow
    }

    void control(const QByteArray &word, bool hasParam, int param)
    {
        if (word == "par" || word == "sect" || word == "page" || word == "row") {
            endParagraph();
        } else if (word == "line") {
            emitChar(u'\n');
        } else if (word == "tab" || word == "cell") {
            emitChar(u'\t');
        } else if (word == "u" && hasParam) {
            flushBytes();
            const int code = param < 0 ? param + 65536 : param;
            if (m_state.target != Target::Skip)
                put(QString(QChar(char16_t(code))));
            m_skipChars = m_state.ucSkip;
        } else if (word == "uc" && hasParam) {
            m_state.ucSkip = std::clamp(param, 0, 8);
        } else if (word == "ansicpg" && hasParam) {
            flushBytes();
            setCodepage(param);
        } else if (word == "emdash") {
            emitChar(QChar(0x2014));
        } else if (word == "endash") {
            emitChar(QChar(0x2013));
        } else if (word == "bullet") {
            emitChar(QChar(0x2022));
        } else if (word == "lquote") {
            emitChar(QChar(0x2018));
        } else if (word == "rquote") {
            emitChar(QChar(0x2019));
        } else if (word == "ldblquote") {
            emitChar(QChar(0x201C));
        } else if (word == "rdblquote") {
            emitChar(QChar(0x201D));
        } else if (word == "info") {
            flushBytes();
            m_state.target = Target::Skip; // only its title and author are read
        } else if (word == "title" && m_stack.size() >= 2 && m_stack.last().target == Target::Skip) {
            flushBytes();
            m_state.target = Target::Title;
        } else if (word == "author" && m_stack.size() >= 2 && m_stack.last().target == Target::Skip) {
            flushBytes();
            m_state.target = Target::Author;
        } else if (word == "bin" && hasParam) {
            m_skipBinary = std::max(0, param);
        } else if (skippedDestinations().contains(word)) {
            flushBytes();
            m_state.target = Target::Skip;
        }
    }

    int takeBinarySkip()
    {
        const int skip = m_skipBinary;
        m_skipBinary = 0;
        return skip;
    }

private:
    const QByteArray m_in;
    RtfText m_out;
    GroupState m_state;
    QList<GroupState> m_stack;
    QByteArray m_bytes; // 8-bit text waiting to be decoded in the code page
    QString m_paragraph;
    QStringDecoder m_decoder;
    int m_skipChars = 0;
    int m_skipBinary = 0;
    bool m_groupStart = false;
};

} // namespace

bool looksLikeRtf(const QByteArray &bytes)
{
    return bytes.left(64).trimmed().startsWith("{\\rtf");
}

RtfText readRtfText(const QByteArray &bytes)
{
    if (bytes.size() > kMaxRtfFileBytes) {
        RtfText out;
        out.error = u"larger than %1 MiB"_s.arg(kMaxRtfFileBytes >> 20);
        return out;
    }
    if (!looksLikeRtf(bytes)) {
        RtfText out;
        out.error = u"not an RTF file (it does not begin with {\\rtf)"_s;
        return out;
    }
    const qsizetype start = bytes.indexOf('{');
    RtfReader reader(bytes.mid(start + 1));
    return reader.run();
}

ArticleParseResult parseRtfArticle(const QByteArray &bytes, const QString &fileName)
{
    const RtfText rtf = readRtfText(bytes);
    if (!rtf.error.isEmpty()) {
        ArticleParseResult result;
        result.error = rtf.error;
        return result;
    }
    ParagraphSource source;
    source.format = u"rtf"_s;
    source.titleProperty = rtf.title;
    source.author = rtf.author;
    source.metadata.append({u"code_page"_s, rtf.codepage});
    if (!rtf.title.isEmpty())
        source.metadata.append({u"document_title"_s, rtf.title});
    ArticleParseResult result = articleFromParagraphs(rtf.paragraphs, fileName, source);
    result.encoding = rtf.codepage;
    return result;
}

} // namespace newscoder
