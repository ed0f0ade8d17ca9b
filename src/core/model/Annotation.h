#pragma once

#include <QDateTime>
#include <QString>
#include <QUuid>

namespace newscoder {

// A coded span [start, end) of a document's stored text. Offsets are UTF-16
// code units (QString indices) into Document::text.
struct Annotation
{
    QUuid id;
    QUuid documentId;
    QUuid codeId;
    int start = 0;
    int end = 0;
    QUuid coderId;
    QString memo;
    QDateTime created;  // UTC
    QDateTime modified; // UTC

    int length() const { return end - start; }
};

// A person who codes. Names are unique within a project.
struct Coder
{
    QUuid id;
    QString name;
};

} // namespace newscoder
