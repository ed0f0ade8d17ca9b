#include "stats/Csv.h"

#include <QStringDecoder>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace newscoder::stats {

bool parseCsv(QByteArrayView bytes, const CsvRecordHandler &onRecord, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes = bytes.sliced(3);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(bytes);
    if (decoder.hasError())
        return fail(u"the file is not valid UTF-8"_s);

    // The fields of the current record. An unquoted field is a view of the
    // decoded text itself (no copy); a quoted one is unescaped into `buffer`
    // (no allocation per field once it has grown). A span is (offset, length),
    // the offset into the text, or into the buffer when `quoted`.
    struct Span
    {
        qsizetype offset;
        qsizetype length;
        bool quoted;
    };
    QString buffer;
    std::vector<Span> spans;
    QList<QStringView> fields;
    bool fieldOpen = false;     // the current field has text (or a quote) already
    bool recordHasText = false; // distinguishes an empty line from a record
    qsizetype line = 1;
    qsizetype recordLine = 1;
    auto endField = [&]() {
        if (!fieldOpen)
            spans.push_back({0, 0, false});
        fieldOpen = false;
    };
    auto endRecord = [&]() {
        bool ok = true;
        if (recordHasText) {
            endField();
            fields.clear();
            for (const Span &s : spans)
                fields.append(s.quoted ? QStringView(buffer).sliced(s.offset, s.length)
                                       : QStringView(text).sliced(s.offset, s.length));
            ok = onRecord(fields, recordLine);
        }
        buffer.resize(0);
        spans.clear();
        fieldOpen = false;
        recordHasText = false;
        return ok;
    };

    const qsizetype size = text.size();
    const QChar *p = text.constData();
    qsizetype i = 0;
    while (i < size) {
        const QChar ch = p[i];
        if (!recordHasText)
            recordLine = line;
        if (ch == u'"' && !fieldOpen) {
            // Quoted field.
            const qsizetype openLine = line;
            recordHasText = true;
            fieldOpen = true;
            const qsizetype start = buffer.size();
            ++i;
            bool closed = false;
            while (i < size) {
                qsizetype j = i;
                while (j < size && p[j] != u'"' && p[j] != u'\n' && p[j] != u'\r')
                    ++j;
                buffer.append(p + i, j - i);
                i = j;
                if (i == size)
                    break;
                if (p[i] == u'"') {
                    if (i + 1 < size && p[i + 1] == u'"') {
                        buffer.append(u'"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                if (p[i] == u'\n' || (p[i] == u'\r' && !(i + 1 < size && p[i + 1] == u'\n')))
                    ++line;
                buffer.append(p[i]);
                ++i;
            }
            if (!closed)
                return fail(u"line %1: a quoted field is not closed"_s.arg(openLine));
            if (i < size && p[i] != u',' && p[i] != u'\n' && p[i] != u'\r')
                return fail(u"line %1: unexpected text after a closing quote"_s.arg(line));
            spans.push_back({start, buffer.size() - start, true});
            continue;
        }
        if (ch == u',') {
            recordHasText = true;
            endField();
            ++i;
            continue;
        }
        if (ch == u'\r' || ch == u'\n') {
            if (!endRecord())
                return false;
            i += (ch == u'\r' && i + 1 < size && p[i + 1] == u'\n') ? 2 : 1;
            ++line;
            continue;
        }
        // A run of ordinary characters: the whole unquoted field (a quote
        // inside it is text, as before).
        recordHasText = true;
        qsizetype j = i + 1;
        while (j < size && p[j] != u',' && p[j] != u'\r' && p[j] != u'\n')
            ++j;
        spans.push_back({i, j - i, false});
        fieldOpen = true;
        i = j;
    }
    return endRecord();
}

bool parseCsv(QByteArrayView bytes, CsvTable &table, QString *error)
{
    table = {};
    return parseCsv(
        bytes,
        [&table](const QList<QStringView> &fields, qsizetype line) {
            QStringList record;
            record.reserve(fields.size());
            for (QStringView f : fields)
                record << f.toString();
            table.records << record;
            table.lines << line;
            return true;
        },
        error);
}

} // namespace newscoder::stats
