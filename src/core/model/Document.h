#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QUuid>

namespace newscoder {

// One key/value pair of an article's free-form metadata (e.g. "keywords", "byline").
using MetadataEntry = QPair<QString, QString>;

// A news article as stored in the project.
//
// `text` is stored exactly once. Every annotation offset in the project is a
// UTF-16 code unit index into this stored text (QString indices); formats with
// other offset units convert at their border.
struct Document
{
    QUuid id;
    QString title;
    QString outlet;
    QDate date;           // invalid when unknown
    QString url;
    QString author;
    QString text;
    QList<MetadataEntry> metadata;
    QString importSource; // where it came from (file path), informational
    QUuid outletId;       // the registry outlet (null: none assigned)
    QString memo;
    QDateTime created; // when it was imported (UTC); invalid: now, when it is first stored
};

// What the document list shows: everything but the text.
struct DocumentSummary
{
    QUuid id;
    QString title;
    QString outlet;
    QDate date;
    QString url;
    int length = 0;          // UTF-16 code units of the stored text
    int annotationCount = 0;
    QUuid outletId;
};

} // namespace newscoder
