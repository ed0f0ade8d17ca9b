#include "cli/JsonArrayWriter.h"

#include <QJsonDocument>

#include <cstdio>

namespace newscoder::cli {

namespace {

constexpr qsizetype FlushAt = 64 * 1024;

} // namespace

JsonArrayWriter::~JsonArrayWriter()
{
    flush(); // an unfinished array (an error on the way) is left visibly open
}

void JsonArrayWriter::append(const QJsonObject &object)
{
    m_buffer += m_started ? ",\n" : "[\n";
    m_started = true;
    const QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Indented);
    // Each line one level deeper, as inside an indented array.
    qsizetype from = 0;
    while (from < json.size()) {
        qsizetype end = json.indexOf('\n', from);
        if (end < 0)
            end = json.size();
        if (end > from) {
            if (from > 0)
                m_buffer += '\n';
            m_buffer += "    ";
            m_buffer += json.mid(from, end - from);
        }
        from = end + 1;
    }
    if (m_buffer.size() >= FlushAt)
        flush();
}

void JsonArrayWriter::finish()
{
    if (m_finished)
        return;
    m_buffer += m_started ? "\n]\n" : "[\n]\n";
    m_finished = true;
    flush();
}

void JsonArrayWriter::flush()
{
    if (m_buffer.isEmpty())
        return;
    std::fwrite(m_buffer.constData(), 1, size_t(m_buffer.size()), stdout);
    std::fflush(stdout);
    m_buffer.clear();
}

} // namespace newscoder::cli
