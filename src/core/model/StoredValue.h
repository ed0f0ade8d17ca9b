// A stored field value with its owner, and a memo with what it belongs to:
// the rows that removals capture so undo can restore them, and that memo
// search lists. Plain values, no storage types.
#pragma once

#include "model/CodeField.h"

#include <QString>
#include <QUuid>

namespace newscoder {

// One stored field value with its owner: an annotation, an article (per
// coder) or an outlet. Removals capture these rows so undo can restore them.
struct StoredValue
{
    enum class Owner { Annotation, Document, Outlet };
    Owner owner = Owner::Annotation;
    QUuid ownerId;
    QUuid coderId; // Document values only
    int position = 0;
    FieldValue value;
    friend bool operator==(const StoredValue &, const StoredValue &) = default;
};

// A non-empty memo of an annotation, an article, a code, an actor or an outlet.
struct MemoRecord
{
    enum class Kind { Annotation, Document, Code, Actor, Outlet };
    Kind kind = Kind::Annotation;
    QUuid id;         // the annotation, article, code, actor or outlet
    QUuid documentId; // the article (Annotation and Document memos)
    QString owner;    // article title; code name; actor or outlet name; for an
                      // annotation "code — article title"
    QString memo;
};

QString memoKindName(MemoRecord::Kind kind); // "annotation", "article", "code", "actor", "outlet"

} // namespace newscoder
