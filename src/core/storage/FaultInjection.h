// A test-only seam of the store: makes the Nth write from now fail as a full
// disk would (StoreError, Kind::Io), so tests can prove that every change is
// all or nothing. Writes are INSERT, UPDATE, DELETE, REPLACE, schema
// statements (CREATE, ALTER, DROP) and COMMIT. One fault per arming; it
// disarms itself when it fires. Unarmed it costs one atomic load per write.
#pragma once

#include <QStringView>

#include <atomic>

namespace newscoder::storage_fault {

namespace detail {
inline std::atomic<int> countdown{0}; // > 0: armed, writes left until the failing one
inline std::atomic<bool> fired{false};
} // namespace detail

// Arms the seam: the `n`th write from now (n ≥ 1) fails. 0 disarms.
inline void failNthWrite(int n)
{
    detail::fired = false;
    detail::countdown = n > 0 ? n : 0;
}
inline void disarm()
{
    failNthWrite(0);
}
// Whether the fault armed last has fired.
inline bool fired()
{
    return detail::fired;
}
inline bool armed()
{
    return detail::countdown.load(std::memory_order_relaxed) > 0;
}

// Called by the store before a statement that may write; true when this one
// must fail. Only called while armed().
bool shouldFail(QStringView sql);

} // namespace newscoder::storage_fault
