#include "project/LinkedDeletion.h"

#include "project/Project.h"
#include "storage/ProjectReader.h"
#include "storage/StoreError.h"

namespace newscoder {

QList<QUuid> annotationsLinkingToAny(const ProjectReader &reader, const QList<QUuid> &ids)
{
    QList<QUuid> linking;
    try {
        for (const QUuid &id : ids) {
            for (const QUuid &source : reader.annotationsLinkingTo(id)) {
                if (!ids.contains(source) && !linking.contains(source))
                    linking.append(source);
            }
        }
    } catch (const StoreError &) {
        return {};
    }
    return linking;
}

QList<QUuid> annotationsLinkingToAny(const Project &project, const QList<QUuid> &ids)
{
    return annotationsLinkingToAny(project.reader(), ids);
}

QList<QUuid> deleteAnnotationsWithLinks(Project &project, const QList<QUuid> &ids, LinkedDeletionChoice choice)
{
    if (ids.isEmpty() || choice == LinkedDeletionChoice::Cancel)
        return {};
    QList<QUuid> doomed = ids;
    if (choice == LinkedDeletionChoice::DeleteLinkingToo)
        doomed += annotationsLinkingToAny(project, ids);
    // One command: undo brings back the annotations, their values and the links to them.
    return project.removeAnnotations(doomed) ? doomed : QList<QUuid>{};
}

} // namespace newscoder
