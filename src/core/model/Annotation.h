#pragma once

#include <QDateTime>
#include <QString>
#include <QUuid>

namespace newscoder {

// Where an annotation stands: coded by a person; suggested by auto-coding
// (waiting for a coder to accept or reject it); or flagged for review because
// an edit of the article text deleted all of its text.
enum class AnnotationStatus { Coded, Suggested, Review };

QString annotationStatusName(AnnotationStatus status); // "coded", "suggested", "review"
AnnotationStatus annotationStatusFromName(const QString &name);

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
    AnnotationStatus status = AnnotationStatus::Coded;

    int length() const { return end - start; }
};

// A person who codes. Names are unique within a project.
struct Coder
{
    QUuid id;
    QString name;
};

} // namespace newscoder
