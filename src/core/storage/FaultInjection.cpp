#include "storage/FaultInjection.h"

#include <QString>

namespace newscoder::storage_fault {

namespace {

bool isWrite(QStringView sql)
{
    const QStringView s = sql.trimmed();
    for (const char *verb : {"INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "ALTER", "DROP", "COMMIT"}) {
        if (s.startsWith(QLatin1StringView(verb), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace

bool shouldFail(QStringView sql)
{
    if (!isWrite(sql))
        return false;
    if (detail::countdown.fetch_sub(1) != 1)
        return false;
    detail::countdown = 0;
    detail::fired = true;
    return true;
}

} // namespace newscoder::storage_fault
