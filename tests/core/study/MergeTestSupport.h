// What the merge tests share (tst_merge, tst_mergeorder): a master with two
// coders, coder packages, a merge committed with its whole-file undo/redo
// round trip, and comparisons of the files themselves.
#pragma once

#include "StudyTestSupport.h"

#include "study/CoderPackage.h"
#include "study/MergePlan.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

namespace newscoder::test {

// Runs `sql` on the file with a connection of its own; the first column of the first row.
inline QVariant fileValue(const QString &path, const QString &sql)
{
    QVariant result;
    const QString name = QStringLiteral("merge-check-%1").arg(QUuid::createUuid().toString());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                result = q.value(0);
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

// A copy of the master saved to `path` and opened there: each merge order
// (or batch size) merges into a master of its own.
inline std::unique_ptr<Project> masterCopy(Project &master, const QString &path)
{
    master.saveCopy(path);
    return Project::open(path);
}

// Plans merging `source` into the project and commits it with the whole-file
// undo/redo round trip. Returns the report.
inline study::MergeReport merge(Project &project, const QString &source, study::MergeOptions options = {},
                                bool expectChange = true)
{
    auto store = ProjectStore::open(source, ProjectAccess::ReadOnly);
    study::MergePlan plan = study::planMerge(project.reader(), *store, options);
    const study::MergeReport report = plan.report;
    if (!expectChange) {
        // A failure of the calling test, not a warning: every "nothing to do" is asserted.
        if (!plan.plan.redo.isEmpty())
            QTest::qFail("a merge that should change nothing planned a change", __FILE__, __LINE__);
        return report;
    }
    commitWithRoundTrip(project, std::move(plan.plan));
    return report;
}

inline QStringList conflictKinds(const study::MergeReport &report)
{
    QStringList kinds;
    for (const study::MergeConflict &c : report.conflicts)
        kinds << c.kind;
    kinds.sort();
    return kinds;
}

// The data tables of a project, for comparing two merged masters
// (merge bases are bookkeeping of each master's own history).
inline QString dataDiff(const QString &a, const QString &b)
{
    const ProjectSnapshot x = ProjectSnapshot::take(a);
    const ProjectSnapshot y = ProjectSnapshot::take(b);
    for (const QString &table : x.tables()) {
        if (table == QLatin1String("merge_bases"))
            continue;
        QStringList rx = x.rows(table), ry = y.rows(table);
        rx.sort();
        ry.sort();
        if (rx != ry)
            return table;
    }
    return {};
}

// A master with coders Ana and Ben, both articles assigned to both.
inline std::unique_ptr<ProjectFixture> master(QTemporaryDir &dir)
{
    auto fx = std::make_unique<ProjectFixture>(dir.path());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QString &coder : {QStringLiteral("Ana"), QStringLiteral("Ben")}) {
        study::StudyPlan plan = study::planAssignment(fx->project->reader(), coder, {fx->plainDoc, fx->nonBmpDoc}, now);
        fx->project->commitStudyChange(plan.text, std::move(plan.redo), std::move(plan.undo));
    }
    fx->project->undoStack()->clear();
    return fx;
}

inline QString package(ProjectFixture &fx, const QString &coder, const QString &path)
{
    const study::PackageResult r = study::writeCoderPackage(fx.project->reader(), coder, path);
    if (!r.error.isEmpty())
        qWarning("%s", qPrintable(r.error));
    return r.error.isEmpty() ? path : QString();
}

inline std::unique_ptr<Project> openAs(const QString &path, const QString &coder)
{
    auto p = Project::open(path);
    if (p)
        p->setCoderName(coder);
    return p;
}

} // namespace newscoder::test
