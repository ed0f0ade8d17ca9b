#include "cli/JsonArrayWriter.h"

#include <QJsonArray>
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
    // Qt indents an object inside an array: "[\n    {…}\n]\n" minus the brackets.
    const QByteArray json = QJsonDocument(QJsonArray{object}).toJson(QJsonDocument::Indented);
    m_buffer.append(json.constData() + 2, json.size() - 5);
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
