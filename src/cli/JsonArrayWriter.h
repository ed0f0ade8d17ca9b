#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace newscoder::cli {

// Writes a JSON array of objects to stdout one object at a time, in the same
// indented form as printJson, so a listing of 500,000 rows never holds them
// all: memory stays at one buffer (flushed every 64 KiB).
class JsonArrayWriter
{
public:
    JsonArrayWriter() = default;
    ~JsonArrayWriter();
    JsonArrayWriter(const JsonArrayWriter &) = delete;
    JsonArrayWriter &operator=(const JsonArrayWriter &) = delete;

    void append(const QJsonObject &object);
    // Closes the array ("[]" when nothing was appended) and flushes.
    void finish();

private:
    void flush();

    QByteArray m_buffer;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace newscoder::cli
