#include "storage/DocumentTextStream.h"

#include "storage/ProjectStore.h"
#include "storage/StoreRows_p.h"

namespace newscoder {

using namespace storage_detail;

void streamDocumentTexts(const ProjectStore &store, const std::function<bool(const DocumentTextRow &)> &visit)
{
    // The store hands out its connection non-const; this only reads.
    QSqlQuery q(const_cast<ProjectStore &>(store).database());
    q.setForwardOnly(true);
    const QString context = QStringLiteral("Cannot read the articles' texts");
    if (!q.prepare(QStringLiteral("SELECT id, title, outlet, published, body FROM documents"
                                  " ORDER BY published, title, id")))
        fail(q.lastError(), context);
    exec(q, context);
    DocumentTextRow row;
    while (q.next()) {
        row.id = idFromString(q.value(0).toString());
        row.title = q.value(1).toString();
        row.outlet = q.value(2).toString();
        row.date = QDate::fromString(q.value(3).toString(), Qt::ISODate);
        row.text = q.value(4).toString();
        if (!visit(row))
            return;
    }
    if (q.lastError().isValid())
        fail(q.lastError(), context);
}

} // namespace newscoder
