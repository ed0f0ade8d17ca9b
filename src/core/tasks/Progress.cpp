#include "tasks/Progress.h"

#include <QMutexLocker>

namespace newscoder {

void Progress::setMessage(const QString &message)
{
    const QMutexLocker lock(&m_messageLock);
    m_message = message;
}

QString Progress::message() const
{
    const QMutexLocker lock(&m_messageLock);
    return m_message;
}

} // namespace newscoder
