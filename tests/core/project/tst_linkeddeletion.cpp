// Link-aware deletion in the core: which annotations link into those being
// deleted (through the project or any reader, a worker's included), and the
// deletion as one undo step that removes only the links or the linking
// annotations too.
#include "LinkedAnnotations.h"
#include "project/LinkedDeletion.h"

using namespace newscoder;

namespace {

using Fixture = LinkedAnnotations;

} // namespace

class TestLinkedDeletion : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void linkingAnnotationsOnceEach()
    {
        Fixture f;
        // The claim links to both: named once.
        QCOMPARE(sortedIds(annotationsLinkingToAny(f.project->reader(), {f.speaker, f.other})), sortedIds({f.quote, f.claim}));
        // Those being deleted are not "others".
        QCOMPARE(annotationsLinkingToAny(f.project->reader(), {f.speaker, f.quote}), QList<QUuid>{f.claim});
        QVERIFY(annotationsLinkingToAny(f.project->reader(), {f.claim, f.other}).isEmpty());
        QVERIFY(annotationsLinkingToAny(f.project->reader(), {}).isEmpty());
    }

    // A worker's own reader of the same file sees the same links.
    void aWorkersReaderSeesTheSame()
    {
        Fixture f;
        const auto reader = f.project->reader().readerSource().open();
        QCOMPARE(sortedIds(annotationsLinkingToAny(*reader, {f.speaker})), sortedIds({f.quote, f.claim}));
        QCOMPARE(sortedIds(annotationsLinkingToAny(*f.project, {f.speaker})), sortedIds({f.quote, f.claim}));
    }

    void removeLinksOnlyKeepsTheLinkingAnnotations()
    {
        Fixture f;
        QCOMPARE(deleteAnnotationsWithLinks(*f.project, {f.speaker}, LinkedDeletionChoice::RemoveLinksOnly),
                 QList<QUuid>{f.speaker});
        QVERIFY(!f.exists(f.speaker));
        QVERIFY(f.exists(f.quote) && f.exists(f.claim));
        QVERIFY(annotationsLinkingToAny(f.project->reader(), {f.quote}) == QList<QUuid>{f.claim});
        QCOMPARE(f.project->undoStack()->count(), 1);
        f.project->undoStack()->undo();
        QVERIFY(f.exists(f.speaker));
        QCOMPARE(sortedIds(annotationsLinkingToAny(f.project->reader(), {f.speaker})), sortedIds({f.quote, f.claim}));
    }

    void deleteLinkingTooIsOneStep()
    {
        Fixture f;
        QCOMPARE(sortedIds(deleteAnnotationsWithLinks(*f.project, {f.speaker}, LinkedDeletionChoice::DeleteLinkingToo)),
                 sortedIds({f.speaker, f.quote, f.claim}));
        QVERIFY(!f.exists(f.speaker) && !f.exists(f.quote) && !f.exists(f.claim));
        QVERIFY(f.exists(f.other));
        QCOMPARE(f.project->undoStack()->count(), 1);
        f.project->undoStack()->undo();
        QVERIFY(f.exists(f.speaker) && f.exists(f.quote) && f.exists(f.claim));
        QCOMPARE(annotationsLinkingToAny(f.project->reader(), {f.quote}), QList<QUuid>{f.claim});
    }

    void cancelAndNothingDeleteNothing()
    {
        Fixture f;
        QVERIFY(deleteAnnotationsWithLinks(*f.project, {f.speaker}, LinkedDeletionChoice::Cancel).isEmpty());
        QVERIFY(deleteAnnotationsWithLinks(*f.project, {}, LinkedDeletionChoice::DeleteLinkingToo).isEmpty());
        QVERIFY(f.exists(f.speaker));
        QCOMPARE(f.project->undoStack()->count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLinkedDeletion)
#include "tst_linkeddeletion.moc"
