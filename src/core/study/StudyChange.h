#pragma once

#include "model/Actor.h"
#include "model/Annotation.h"
#include "model/Document.h"
#include "model/Outlet.h"
#include "model/Study.h"
#include "storage/ProjectReader.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace newscoder {

// A merge source's base changed in place: entries written (unit →
// fingerprint, inserted or replaced) and units dropped. A merge stores only
// what differs from the base before it, so neither the transaction nor the
// undo step carries a large study's whole base.
struct MergeBaseChange
{
    QString sourceId;
    QHash<QString, QString> write;
    QStringList remove;
};

// One edit of a study's data as rows: coders, assignments, reliability
// samples, outlets, articles (added whole, or their text replaced),
// actors, annotations with their values, decisions, settings and merge bases.
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
    QList<Outlet> insertOutlets;
    QList<Outlet> updateOutlets;
    QList<Document> insertDocuments; // with text and metadata, before their annotations
    // An article's text replaced (document, text); its annotations' new
    // anchors are in updateAnnotations.
    QList<QPair<QUuid, QString>> documentTexts;
    QList<QPair<QUuid, QUuid>> documentOutlets; // (article, outlet) re-pointed, after the articles are in
    QList<QUuid> removeDocuments; // after the annotations (what is left of them cascades)
    QList<QUuid> removeOutlets;   // after the articles
    QList<Actor> insertActors;
    QList<Actor> updateActors;
    QList<QUuid> removeActors; // applied after the values: nothing points at them then
    QList<Annotation> insertAnnotations;
    QList<QPair<Annotation, Annotation>> updateAnnotations; // (before, after)
    QList<Annotation> removeAnnotations;
    QList<StoredValue> removeValues;
    QList<StoredValue> insertValues;
    QList<Decision> insertDecisions;
    QList<QUuid> removeDecisions;
    QList<QPair<QString, QString>> settings; // (name, value)
    std::optional<MergeBaseChange> mergeBase;

    bool isEmpty() const
    {
        return insertCoders.isEmpty() && updateCoders.isEmpty() && removeCoders.isEmpty()
            && insertSamples.isEmpty() && removeSamples.isEmpty() && writeAssignments.isEmpty()
            && removeAssignments.isEmpty() && insertOutlets.isEmpty() && updateOutlets.isEmpty()
            && insertDocuments.isEmpty() && documentTexts.isEmpty() && documentOutlets.isEmpty()
            && removeDocuments.isEmpty() && removeOutlets.isEmpty() && insertActors.isEmpty() && updateActors.isEmpty()
            && removeActors.isEmpty() && insertAnnotations.isEmpty() && updateAnnotations.isEmpty()
            && removeAnnotations.isEmpty()
            && removeValues.isEmpty() && insertValues.isEmpty() && insertDecisions.isEmpty()
            && removeDecisions.isEmpty() && settings.isEmpty() && !mergeBase.has_value();
    }
};

} // namespace newscoder
