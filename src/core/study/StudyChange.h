#pragma once

#include "model/Annotation.h"
#include "model/Study.h"
#include "storage/ProjectStore.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QUuid>

namespace newscoder {

// One edit of a study's data as rows: coders, assignments, reliability
// samples, annotations with their values, decisions and settings.
// Project::commitStudyChange applies a change and its inverse (built by the
// planner that made it) as one undoable step in one transaction; signals go
// out after the commit. Adjudication and assignment planners produce these.
struct StudyChange
{
    QList<Coder> insertCoders;
    QList<Coder> updateCoders;
    QList<QUuid> removeCoders; // applied last: only coders nothing refers to any more
    QList<ReliabilitySample> insertSamples;
    QList<QUuid> removeSamples;
    QList<Assignment> writeAssignments; // insert or replace
    QList<QPair<QUuid, QUuid>> removeAssignments; // (document, coder)
    QList<Annotation> insertAnnotations;
    QList<Annotation> removeAnnotations;
    QList<StoredValue> removeValues;
    QList<StoredValue> insertValues;
    QList<Decision> insertDecisions;
    QList<QUuid> removeDecisions;
    QList<QPair<QString, QString>> settings; // (name, value)

    bool isEmpty() const
    {
        return insertCoders.isEmpty() && updateCoders.isEmpty() && removeCoders.isEmpty()
            && insertSamples.isEmpty() && removeSamples.isEmpty() && writeAssignments.isEmpty()
            && removeAssignments.isEmpty() && insertAnnotations.isEmpty() && removeAnnotations.isEmpty()
            && removeValues.isEmpty() && insertValues.isEmpty() && insertDecisions.isEmpty()
            && removeDecisions.isEmpty() && settings.isEmpty();
    }
};

} // namespace newscoder
