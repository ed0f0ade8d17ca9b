#include "storage/ProjectStore.h"

#include "storage/StoreRows_p.h"

// Reading the memos of every kind (for the memo search).

namespace newscoder {

using namespace storage_detail;

QList<MemoRecord> ProjectStore::memos() const
{
    using K = MemoRecord::Kind;
    // kind, id, document id, owner, memo, sort keys (title or name, start)
    QSqlQuery q = prepare(QStringLiteral(
        "SELECT 0, d.id, d.id, d.title, d.memo, d.title, 0 FROM documents d WHERE d.memo <> ''"
        " UNION ALL SELECT 1, a.id, a.document_id, c.name || ' — ' || d.title, a.memo, d.title, ax.start_offset"
        " FROM annotations a JOIN annotation_anchors ax ON ax.document_id = a.document_id AND ax.id = a.id"
        " JOIN documents d ON d.id = a.document_id JOIN codes c ON c.id = a.code_id"
        " WHERE a.memo <> ''"
        " UNION ALL SELECT 2, id, NULL, name, memo, name, 0 FROM codes WHERE memo <> ''"
        " UNION ALL SELECT 3, id, NULL, name, memo, name, 0 FROM actors WHERE memo <> ''"
        " UNION ALL SELECT 4, id, NULL, name, memo, name, 0 FROM outlets WHERE memo <> ''"
        " ORDER BY 1, 6, 7"));
    return readAll(q, QStringLiteral("Cannot read the memos"), [](const QSqlQuery &row) {
        MemoRecord m;
        switch (row.value(0).toInt()) {
        case 0:
            m.kind = K::Document;
            break;
        case 1:
            m.kind = K::Annotation;
            break;
        case 2:
            m.kind = K::Code;
            break;
        case 3:
            m.kind = K::Actor;
            break;
        default:
            m.kind = K::Outlet;
            break;
        }
        m.id = idFromString(row.value(1).toString());
        m.documentId = idFromString(row.value(2).toString());
        m.owner = row.value(3).toString();
        m.memo = row.value(4).toString();
        return m;
    });
}

} // namespace newscoder
