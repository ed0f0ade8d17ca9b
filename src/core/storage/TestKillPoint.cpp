#include "storage/TestKillPoint.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <csignal>
#include <cstdlib>

namespace newscoder {

void testKillPoint(const char *point)
{
    // Read once: the seam costs one comparison per call when unset.
    static const QList<QByteArray> points = [] {
        const char *value = std::getenv("NEWSCODER_TEST_KILL_AT");
        return value ? QByteArray(value).split(',') : QList<QByteArray>();
    }();
    if (points.isEmpty() || !points.contains(QByteArrayView(point)))
        return;
    std::raise(SIGKILL);
    std::abort(); // not reached: SIGKILL cannot be caught
}

} // namespace newscoder
