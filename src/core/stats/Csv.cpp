#include "stats/Csv.h"

#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace newscoder::stats {

bool parseCsv(QByteArrayView bytes, CsvTable &table, QString *error)
{
    table = {};
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

    const qsizetype size = text.size();
    const QChar *p = text.constData();
    qsizetype i = 0;
    qsizetype line = 1;
    QStringList record;
    QString field;
    qsizetype recordLine = 1;
    bool recordHasText = false;   // distinguishes an empty line from a record
    auto endRecord = [&]() {
        if (recordHasText) {
            record << field;
            table.records << record;
            table.lines << recordLine;
        }
        record.clear();
        field.clear();
        recordHasText = false;
    };
    while (i < size) {
        const QChar ch = p[i];
        if (!recordHasText)
            recordLine = line;
        if (ch == u'"' && field.isEmpty()) {
            // Quoted field.
            const qsizetype openLine = line;
            recordHasText = true;
            ++i;
            bool closed = false;
            while (i < size) {
                const QChar q = p[i];
                if (q == u'"') {
                    if (i + 1 < size && p[i + 1] == u'"') {
                        field += u'"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                if (q == u'\n' || (q == u'\r' && !(i + 1 < size && p[i + 1] == u'\n')))
                    ++line;
                field += q;
                ++i;
            }
            if (!closed)
                return fail(u"line %1: a quoted field is not closed"_s.arg(openLine));
            if (i < size && p[i] != u',' && p[i] != u'\n' && p[i] != u'\r')
                return fail(u"line %1: unexpected text after a closing quote"_s.arg(line));
            continue;
        }
        if (ch == u',') {
            recordHasText = true;
            record << field;
            field.clear();
            ++i;
            continue;
        }
        if (ch == u'\r' || ch == u'\n') {
            endRecord();
            i += (ch == u'\r' && i + 1 < size && p[i + 1] == u'\n') ? 2 : 1;
            ++line;
            continue;
        }
        recordHasText = true;
        field += ch;
        ++i;
    }
    endRecord();
    return true;
}

} // namespace newscoder::stats
