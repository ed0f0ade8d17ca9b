#include "coding/AnnotationDeletion.h"
#include "common/Prompt.h"

#include "project/AnnotationLabels.h"
#include "project/Project.h"
#include "storage/StoreError.h"

#include <QMessageBox>
#include <QPushButton>

namespace newscoder {

LinkedDeletionChoice askAboutLinkingAnnotations(QWidget *parent, const Project &project, const QList<QUuid> &linking)
{
    QStringList names;
    for (const QUuid &id : linking.mid(0, 6)) {
        try {
            if (const auto a = project.reader().annotation(id))
                names << QStringLiteral("• ")
                             + annotationTitle(project, project.reader().documentText(a->documentId), *a, 60);
        } catch (const StoreError &) {
        }
    }
    if (linking.size() > names.size())
        names << QObject::tr("… and %n more", nullptr, int(linking.size() - names.size()));
    const int answer = Prompt::current().choose(
        parent, QObject::tr("Delete Annotation"),
        QObject::tr("%n other annotation(s) link to what you are deleting:", nullptr, int(linking.size()))
            + QStringLiteral("\n\n") + names.join(u'\n') + QStringLiteral("\n\n")
            + QObject::tr("Undo restores whatever you delete, links included."),
        {QObject::tr("Remove the Links Only"), QObject::tr("Delete the Linking Annotations Too")});
    if (answer == 0)
        return LinkedDeletionChoice::RemoveLinksOnly;
    if (answer == 1)
        return LinkedDeletionChoice::DeleteLinkingToo;
    return LinkedDeletionChoice::Cancel;
}

} // namespace newscoder
