#pragma once

class QLayout;

namespace newscoder {

// Takes the first entries out of `layout` until `keep` items are left (the
// last ones: a button below a list, say). Their widgets are hidden now and
// deleted later: a click on one of them may be what led here.
void removeEntriesLater(QLayout *layout, int keep = 0);

} // namespace newscoder
