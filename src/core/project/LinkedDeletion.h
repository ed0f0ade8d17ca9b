// Deleting annotations that others link to (a Quote's Speaker, a Claim's
// "Attributed to"): which annotations link into them, and the deletion as
// one undoable step that either removes only the links or the linking
// annotations too. The window asks the researcher which (coding/AnnotationDeletion.h).
#pragma once

#include <QList>
#include <QUuid>

namespace newscoder {

class Project;
class ProjectReader;

// What to do when annotations about to be deleted are the targets of links
// from other annotations.
enum class LinkedDeletionChoice {
    RemoveLinksOnly,  // delete the targets; the links to them go (undo restores them)
    DeleteLinkingToo, // delete the annotations that link to them as well
    Cancel,
};

// Annotations not in `ids` that link to one of `ids`, each once, in no
// particular order. A store that cannot be read gives none (the deletion
// that follows reports the failure).
QList<QUuid> annotationsLinkingToAny(const ProjectReader &reader, const QList<QUuid> &ids);
QList<QUuid> annotationsLinkingToAny(const Project &project, const QList<QUuid> &ids);

// Deletes `ids` as one undoable step according to `choice` (with the
// annotations linking to them for DeleteLinkingToo). Returns the ids deleted
// (empty for Cancel or on failure; the project reports failures).
QList<QUuid> deleteAnnotationsWithLinks(Project &project, const QList<QUuid> &ids, LinkedDeletionChoice choice);

} // namespace newscoder
