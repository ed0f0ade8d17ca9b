#pragma once

#include <QString>

#include <stdexcept>

namespace newscoder {

// Raised by the storage layer; `message()` is written for the user.
class StoreError : public std::runtime_error
{
public:
    enum class Kind {
        Io,            // cannot read/write the file
        NotAProject,   // not SQLite, or SQLite without Newscoder tables
        Corrupt,       // SQLite reports damage
        NewerVersion,  // written by a newer Newscoder
        Locked,        // another process has it open for writing
        Exists,        // create() on an existing file
        Query,         // a statement failed
        Invalid,       // the caller asked for something impossible
    };

    StoreError(Kind kind, const QString &message)
        : std::runtime_error(message.toStdString()), m_kind(kind), m_message(message)
    {
    }

    Kind kind() const { return m_kind; }
    QString message() const { return m_message; }

private:
    Kind m_kind;
    QString m_message;
};

} // namespace newscoder
