// What the store streams for the dataset export: one article at a time, then
// its annotations with their field values (links resolved to their targets).
#pragma once

#include "model/Annotation.h"
#include "model/Document.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace newscoder {

// Which rows a dataset stream delivers. Empty lists mean "all".
struct DatasetQuery
{
    QList<QUuid> coderIds;
    QList<QUuid> codeIds;     // annotations of these codes (sub-codes already expanded)
    QList<QUuid> documentIds;
    bool includeSuggestions = false; // annotations still waiting to be accepted
    bool everyArticle = false;       // also articles without a matching annotation
    bool annotationValues = true;    // deliver each annotation's field values
    bool bodies = true;              // deliver each article's text
    QList<QUuid> outletIds;   // articles of these registry outlets …
    QStringList outletNames;  // … or with one of these imported outlet names (either selects)
    QDate from, to;           // publication date range, inclusive (invalid: open)
    bool codedOnly = false;   // only articles with a matching annotation (not only variables)
};

// One stored field value as the export needs it: links carry what they point at.
struct DatasetValue
{
    QUuid fieldId;
    QUuid coderId; // article variables: whose value it is
    int position = 0;
    QString text;
    QUuid actorId;
    QString actorName;
    QUuid targetId;     // an annotation link's target
    QUuid targetCodeId;
    QString targetText; // the target's coded text (UTF-16 slice of its article)
};

// An article with its header, metadata and variable values (every coder in
// the query) — everything but the annotations, which follow it.
struct DatasetArticle
{
    QUuid id;
    QString title;
    QString outlet;
    QDate date;
    QString url;
    QString author;
    int length = 0; // UTF-16 code units
    QUuid outletId;
    QString memo;
    QString body; // empty unless DatasetQuery::bodies
    QList<MetadataEntry> metadata;
    QList<DatasetValue> variables; // document values, by coder then field
};

// One annotation of the article last delivered.
struct DatasetSegment
{
    Annotation annotation;
    QList<DatasetValue> values; // by field, then position
};

} // namespace newscoder
