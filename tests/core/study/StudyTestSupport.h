// Shared by the study, review and adjudication tests: committing a planned
// study change and checking that undo and redo restore the whole file.
#pragma once

#include "../UndoFixture.h"
#include "study/Assignments.h"

#include <QTest>

namespace newscoder::test {

// Commits `plan` as one step; then undo gives back the file as it was before,
// redo the file as it was after (every table, every column), twice over.
inline void commitWithRoundTrip(Project &project, study::StudyPlan plan)
{
    QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
    const ProjectSnapshot before = ProjectSnapshot::take(project.path());
    const int index = project.undoStack()->index();
    QVERIFY2(project.commitStudyChange(plan.text, std::move(plan.redo), std::move(plan.undo)),
             qPrintable(project.lastError()));
    QCOMPARE(project.undoStack()->index(), index + 1);
    const ProjectSnapshot after = ProjectSnapshot::take(project.path());
    QVERIFY2(!(before == after), "the change wrote nothing");
    for (int round = 0; round < 2; ++round) {
        project.undoStack()->undo();
        QVERIFY_SNAPSHOT(before, ProjectSnapshot::take(project.path()), "after undo");
        project.undoStack()->redo();
        QVERIFY_SNAPSHOT(after, ProjectSnapshot::take(project.path()), "after redo");
    }
}

} // namespace newscoder::test
