#pragma once

namespace newscoder {

// A test-only seam for crash tests: when the environment variable
// NEWSCODER_TEST_KILL_AT names `point` (one name or a comma-separated list),
// the process raises SIGKILL right here — no destructors, no unlock, no
// cleanup, exactly like `kill -9` at that moment. Without the variable it does
// nothing. Points: create-in-transaction, create-before-rename,
// create-after-rename (ProjectStore::create), lock-after-create
// (file created, not yet locked), lock-after-write (ProjectLock::acquire),
// migrate-in-transaction (ProjectStore::migrate, every statement run, not committed),
// before-commit (any write, e.g. a whole import, done but not yet committed).
void testKillPoint(const char *point);

} // namespace newscoder
