#pragma once

#include <QList>
#include <QUuid>

class QWidget;

namespace newscoder {

class Project;

// What to do when annotations about to be deleted are the targets of links
// from other annotations (a Quote's Speaker, a Claim's "Attributed to").
enum class LinkedDeletionChoice {
    RemoveLinksOnly,  // delete the targets; the links to them go (undo restores them)
    DeleteLinkingToo, // delete the annotations that link to them as well
    Cancel,
};

// Annotations not in `ids` that link to one of `ids`, in no particular order.
QList<QUuid> annotationsLinkingToAny(const Project &project, const QList<QUuid> &ids);

// Deletes `ids` as one undoable step according to `choice` (with the
// annotations linking to them for DeleteLinkingToo). Returns the ids deleted
// (empty for Cancel or on failure; the project reports failures).
QList<QUuid> deleteAnnotationsWithLinks(Project &project, const QList<QUuid> &ids, LinkedDeletionChoice choice);

// Asks with a message box whether to keep or delete the `linking` annotations.
LinkedDeletionChoice askAboutLinkingAnnotations(QWidget *parent, const Project &project, const QList<QUuid> &linking);

} // namespace newscoder
