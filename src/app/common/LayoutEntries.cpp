#include "common/LayoutEntries.h"

#include <QLayout>
#include <QWidget>

namespace newscoder {

void removeEntriesLater(QLayout *layout, int keep)
{
    while (layout->count() > keep) {
        QLayoutItem *item = layout->takeAt(0);
        if (QWidget *w = item->widget()) {
            w->hide();
            w->deleteLater();
        }
        delete item;
    }
}

} // namespace newscoder
