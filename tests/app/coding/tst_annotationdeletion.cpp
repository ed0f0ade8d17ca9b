// Deleting annotations other annotations link to: remove the links only,
// delete the linking annotations too, or cancel — one undo step each, no
// dangling link rows, undo restores everything.
#include "../../core/project/LinkedAnnotations.h"
#include "coding/AnnotationDeletion.h"
#include "io/CodebookJson.h"
#include "project/Project.h"
#include "project/ProjectInternals.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;

namespace {

struct Fixture : LinkedAnnotations
{
    // Link rows pointing at `id`, counted in the database itself.
    int linkRowsTo(const QUuid &id)
    {
        QSqlQuery q(ProjectInternals::store(*project).database());
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM annotation_values WHERE target_id = ?"));
        q.addBindValue(idString(id));
        if (!q.exec() || !q.next())
            return -1;
        return q.value(0).toInt();
    }
};

QList<QUuid> sorted(const QList<QUuid> &ids)
{
    return sortedIds(ids);
}

} // namespace

class TestAnnotationDeletion : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsLinkingAnnotations()
    {
        Fixture f;
        QCOMPARE(sorted(annotationsLinkingToAny(*f.project, {f.speaker})), sorted({f.quote, f.claim}));
        // Annotations deleted together do not count as linking.
        QCOMPARE(annotationsLinkingToAny(*f.project, {f.speaker, f.quote}), QList<QUuid>{f.claim});
        QVERIFY(annotationsLinkingToAny(*f.project, {f.other}).isEmpty());
    }

    void removeLinksOnly()
    {
        Fixture f;
        QCOMPARE(deleteAnnotationsWithLinks(*f.project, {f.speaker}, LinkedDeletionChoice::RemoveLinksOnly),
                 QList<QUuid>{f.speaker});
        QVERIFY(!f.exists(f.speaker));
        QVERIFY(f.exists(f.quote) && f.exists(f.claim));
        QVERIFY(f.project->reader().annotationsLinkingTo(f.speaker).isEmpty());
        QCOMPARE(f.linkRowsTo(f.speaker), 0);
        QCOMPARE(f.project->undoStack()->count(), 1);
        // The claim keeps its other link.
        QCOMPARE(f.project->reader().annotationsLinkingTo(f.quote), QList<QUuid>{f.claim});

        f.project->undoStack()->undo();
        QVERIFY(f.exists(f.speaker));
        QCOMPARE(f.linkRowsTo(f.speaker), 2);
        QCOMPARE(sorted(f.project->reader().annotationsLinkingTo(f.speaker)), sorted({f.quote, f.claim}));
    }

    void deleteLinkingToo()
    {
        Fixture f;
        QCOMPARE(sorted(deleteAnnotationsWithLinks(*f.project, {f.speaker}, LinkedDeletionChoice::DeleteLinkingToo)),
                 sorted({f.speaker, f.quote, f.claim}));
        QVERIFY(!f.exists(f.speaker) && !f.exists(f.quote) && !f.exists(f.claim));
        QVERIFY(f.exists(f.other));
        QVERIFY(f.project->reader().annotationsLinkingTo(f.speaker).isEmpty());
        QVERIFY(f.project->reader().annotationsLinkingTo(f.quote).isEmpty());
        QCOMPARE(f.linkRowsTo(f.speaker), 0);
        QCOMPARE(f.linkRowsTo(f.quote), 0);
        QCOMPARE(f.project->reader().annotationCount(), 1);
        QCOMPARE(f.project->undoStack()->count(), 1); // one step

        f.project->undoStack()->undo();
        QCOMPARE(f.project->reader().annotationCount(), 4);
        QCOMPARE(sorted(f.project->reader().annotationsLinkingTo(f.speaker)), sorted({f.quote, f.claim}));
        QCOMPARE(f.project->reader().annotationsLinkingTo(f.quote), QList<QUuid>{f.claim});
        f.project->undoStack()->redo();
        QCOMPARE(f.project->reader().annotationCount(), 1);
    }

    void cancelChangesNothing()
    {
        Fixture f;
        QVERIFY(deleteAnnotationsWithLinks(*f.project, {f.speaker}, LinkedDeletionChoice::Cancel).isEmpty());
        QVERIFY(f.exists(f.speaker));
        QCOMPARE(f.project->undoStack()->count(), 0);
        QCOMPARE(sorted(f.project->reader().annotationsLinkingTo(f.speaker)), sorted({f.quote, f.claim}));
    }
};

QTEST_MAIN(TestAnnotationDeletion)
#include "tst_annotationdeletion.moc"
