// Coder packages and merging by ids: what a package holds (read from the
// SQLite file itself), three-way merging (added, updated, removed,
// unchanged), idempotence, order independence over random coder edits, each
// conflict kind, and the merge as one undoable step restoring the whole file.
#include "StudyTestSupport.h"

#include "study/CoderPackage.h"
#include "study/MergePlan.h"
#include "text/AnchorShift.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace newscoder;
using namespace newscoder::test;

namespace {

// Runs `sql` on the file with a connection of its own; the first column of the first row.
QVariant fileValue(const QString &path, const QString &sql)
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

// Plans merging `source` into the project and commits it with the whole-file
// undo/redo round trip. Returns the report.
study::MergeReport merge(Project &project, const QString &source, study::MergeOptions options = {},
                         bool expectChange = true)
{
    auto store = ProjectStore::open(source, ProjectAccess::ReadOnly);
    const study::MergeUnits units = study::readMergeUnits(project.reader());
    study::MergePlan plan = study::planMerge(project.reader(), units, *store, options);
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

QStringList conflictKinds(const study::MergeReport &report)
{
    QStringList kinds;
    for (const study::MergeConflict &c : report.conflicts)
        kinds << c.kind;
    kinds.sort();
    return kinds;
}

// The data tables of a project, for comparing two merged masters
// (merge bases are bookkeeping of each master's own history).
QString dataDiff(const QString &a, const QString &b)
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

} // namespace

class TestMerge : public QObject
{
    Q_OBJECT

    // A master with coders Ana and Ben, both articles assigned to both.
    std::unique_ptr<ProjectFixture> master(QTemporaryDir &dir)
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

    static QString package(ProjectFixture &fx, const QString &coder, const QString &path)
    {
        const study::PackageResult r = study::writeCoderPackage(fx.project->reader(), coder, path);
        if (!r.error.isEmpty())
            qWarning("%s", qPrintable(r.error));
        return r.error.isEmpty() ? path : QString();
    }

    static std::unique_ptr<Project> openAs(const QString &path, const QString &coder)
    {
        auto p = Project::open(path);
        if (p)
            p->setCoderName(coder);
        return p;
    }

private Q_SLOTS:
    void packageHoldsOnlyTheCodersRows()
    {
        QTemporaryDir dir;
        auto fx = master(dir);
        fx->project->setCoderName(QStringLiteral("Ana"));
        QVERIFY(fx->project->addAnnotation(fx->plainDoc, fx->codeId(QStringLiteral("Quote")), 0, 7));
        fx->project->setCoderName(QStringLiteral("Ben"));
        QVERIFY(fx->project->addAnnotation(fx->plainDoc, fx->codeId(QStringLiteral("Claim")), 2, 9));
        const Code article = *fx->project->codeByName(QStringLiteral("Article"));
        QVERIFY(fx->project->setDocumentValues(fx->plainDoc, article.fieldByName(QStringLiteral("Topic"))->id,
                                               {FieldValue{article.fieldByName(QStringLiteral("Topic"))->id,
                                                           QStringLiteral("harbour"), {}, {}}}));
        // Ana's package is for the plain article only.
        study::StudyPlan unassign = study::planAssignment(fx->project->reader(), QStringLiteral("Carl"), {fx->plainDoc},
                                                          QDateTime::currentDateTimeUtc());
        QVERIFY(fx->project->commitStudyChange(unassign.text, std::move(unassign.redo), std::move(unassign.undo)));
        const QString path = package(*fx, QStringLiteral("Carl"), dir.filePath(QStringLiteral("carl.newscoder")));
        QVERIFY(!path.isEmpty());
        QCOMPARE(fileValue(path, QStringLiteral("SELECT COUNT(*) FROM documents")).toInt(), 1);
        QCOMPARE(fileValue(path, QStringLiteral("SELECT COUNT(*) FROM annotations")).toInt(), 0);
        QCOMPARE(fileValue(path, QStringLiteral("SELECT COUNT(*) FROM document_values")).toInt(), 0);
        QCOMPARE(fileValue(path, QStringLiteral("SELECT name FROM coders")).toString(), QStringLiteral("Carl"));
        QCOMPARE(fileValue(path, QStringLiteral("SELECT COUNT(*) FROM coders")).toInt(), 1);
        QCOMPARE(fileValue(path, QStringLiteral("SELECT COUNT(*) FROM assignments")).toInt(), 1);

        const QString anaPath = package(*fx, QStringLiteral("Ana"), dir.filePath(QStringLiteral("ana.newscoder")));
        QVERIFY(!anaPath.isEmpty());
        QCOMPARE(fileValue(anaPath, QStringLiteral("SELECT COUNT(*) FROM documents")).toInt(), 2);
        QCOMPARE(fileValue(anaPath, QStringLiteral("SELECT COUNT(*) FROM annotations a JOIN coders c ON a.coder_id = "
                                                   "c.id WHERE c.name = 'Ana'"))
                     .toInt(),
                 1);
        QCOMPARE(fileValue(anaPath, QStringLiteral("SELECT COUNT(*) FROM annotations")).toInt(), 1);
        QCOMPARE(fileValue(anaPath, QStringLiteral("SELECT COUNT(*) FROM document_values")).toInt(), 0);
        QCOMPARE(fileValue(anaPath, QStringLiteral("SELECT COUNT(*) FROM decisions")).toInt(), 0);
        QCOMPARE(fileValue(anaPath, QStringLiteral("SELECT COUNT(*) FROM codes")).toInt(),
                 fileValue(fx->path, QStringLiteral("SELECT COUNT(*) FROM codes")).toInt());
        QVERIFY(fileValue(anaPath, QStringLiteral("SELECT COUNT(*) FROM merge_bases")).toInt() >= 3);
        QCOMPARE(fileValue(anaPath, QStringLiteral("SELECT value FROM meta WHERE name = 'project_id'")).toString(),
                 fileValue(fx->path, QStringLiteral("SELECT value FROM meta WHERE name = 'project_id'")).toString());
        QVERIFY(!fileValue(anaPath, QStringLiteral("SELECT value FROM meta WHERE name = 'setting.package_id'"))
                     .toString()
                     .isEmpty());
        // Nothing is left next to it but the package.
        const QStringList files = QDir(dir.path()).entryList({QStringLiteral(".newscoder-package-*")},
                                                             QDir::Files | QDir::Hidden);
        QVERIFY2(files.isEmpty(), qPrintable(files.join(u", ")));
        // A coder without articles gets no package.
        QVERIFY(!study::writeCoderPackage(fx->project->reader(), QStringLiteral("Nobody"),
                                          dir.filePath(QStringLiteral("x.newscoder")))
                     .error.isEmpty());
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("x.newscoder"))));
    }

    void mergeAddsUpdatesRemovesAndIsIdempotent()
    {
        QTemporaryDir dir;
        auto fx = master(dir);
        fx->project->setCoderName(QStringLiteral("Ana"));
        const QUuid kept = *fx->project->addAnnotation(fx->plainDoc, fx->codeId(QStringLiteral("Quote")), 0, 7);
        const QUuid gone = *fx->project->addAnnotation(fx->plainDoc, fx->codeId(QStringLiteral("Claim")), 8, 12);
        const QString path = package(*fx, QStringLiteral("Ana"), dir.filePath(QStringLiteral("ana.newscoder")));
        QVERIFY(!path.isEmpty());
        {
            auto ana = openAs(path, QStringLiteral("Ana"));
            QVERIFY(ana);
            QVERIFY(ana->setAnnotationMemo(kept, QStringLiteral("checked twice")));
            QVERIFY(ana->removeAnnotations({gone}));
            const QUuid speaker = *ana->addAnnotation(fx->plainDoc, fx->codeId(QStringLiteral("Speaker")), 13, 20);
            const QUuid quote = *ana->addAnnotation(fx->plainDoc, fx->codeId(QStringLiteral("Quote")), 21, 30);
            QVERIFY(ana->addAnnotationLink(quote, speaker));
            const Code article = *ana->codeByName(QStringLiteral("Article"));
            const QUuid topic = article.fieldByName(QStringLiteral("Topic"))->id;
            QVERIFY(ana->setDocumentValues(fx->plainDoc, topic, {FieldValue{topic, QStringLiteral("ports"), {}, {}}}));
        }
        const study::MergeReport first = merge(*fx->project, path);
        QVERIFY2(first.conflicts.isEmpty(), qPrintable(first.conflicts.value(0).detail));
        QCOMPARE(first.added.annotations, 2);
        QCOMPARE(first.updated.annotations, 1);
        QCOMPARE(first.removed.annotations, 1);
        QCOMPARE(first.added.variables, 1);
        const auto store = reader(fx->path);
        QCOMPARE(store->annotation(kept)->memo, QStringLiteral("checked twice"));
        QVERIFY(!store->annotation(gone));
        QCOMPARE(store->annotationCount(), 3);
        // The same file again: nothing to do, everything unchanged.
        const study::MergeReport again = merge(*fx->project, path, {}, false);
        QCOMPARE(again.added.annotations + again.updated.annotations + again.removed.annotations, 0);
        QCOMPARE(again.unchanged.annotations, 3);
        QVERIFY(again.conflicts.isEmpty());
        // A master edit since, then the package again: the master's edit stands.
        QVERIFY(fx->project->setAnnotationMemo(kept, QStringLiteral("lead's note")));
        merge(*fx->project, path, {}, false);
        QCOMPARE(reader(fx->path)->annotation(kept)->memo, QStringLiteral("lead's note"));
    }

    void conflictsAreListedUntilResolved()
    {
        QTemporaryDir dir;
        auto fx = master(dir);
        fx->project->setCoderName(QStringLiteral("Ana"));
        const QUuid a = *fx->project->addAnnotation(fx->plainDoc, fx->codeId(QStringLiteral("Quote")), 0, 7);
        const QString path = package(*fx, QStringLiteral("Ana"), dir.filePath(QStringLiteral("ana.newscoder")));
        {
            auto ana = openAs(path, QStringLiteral("Ana"));
            QVERIFY(ana->setAnnotationMemo(a, QStringLiteral("coder")));
        }
        QVERIFY(fx->project->setAnnotationMemo(a, QStringLiteral("lead")));
        // The first merge changes no annotation but records the package's base.
        const study::MergeReport report = merge(*fx->project, path);
        QCOMPARE(report.updated.annotations, 0);
        QCOMPARE(conflictKinds(report), QStringList{QStringLiteral("changed-in-both")});
        QCOMPARE(reader(fx->path)->annotation(a)->memo, QStringLiteral("lead"));
        // Still listed the next time; taken when asked for.
        QCOMPARE(conflictKinds(merge(*fx->project, path, {}, false)), QStringList{QStringLiteral("changed-in-both")});
        study::MergeOptions prefer;
        prefer.preferSource = true;
        merge(*fx->project, path, prefer);
        QCOMPARE(reader(fx->path)->annotation(a)->memo, QStringLiteral("coder"));
        QVERIFY(merge(*fx->project, path, {}, false).conflicts.isEmpty());
    }

    void newCodesAreConflictsAnEditedTextIsTaken()
    {
        QTemporaryDir dir;
        auto fx = master(dir);
        const QString path = package(*fx, QStringLiteral("Ana"), dir.filePath(QStringLiteral("ana.newscoder")));
        {
            auto ana = openAs(path, QStringLiteral("Ana"));
            QVERIFY(ana->editDocumentText(fx->plainDoc, {TextEdit{0, 0, QStringLiteral("UPDATE: ")}}));
            QVERIFY(ana->addAnnotation(fx->plainDoc, fx->codeId(QStringLiteral("Quote")), 0, 6));
            Code frame;
            frame.name = QStringLiteral("Frame");
            frame.color = QColor(QStringLiteral("#336699"));
            const QUuid frameId = *ana->addCode(frame);
            QVERIFY(ana->addAnnotation(fx->nonBmpDoc, frameId, 0, 4));
            QVERIFY(ana->addAnnotation(fx->nonBmpDoc, fx->codeId(QStringLiteral("Claim")), 0, 4));
        }
        const study::MergeReport report = merge(*fx->project, path);
        QCOMPARE(conflictKinds(report), (QStringList{QStringLiteral("code-missing"), QStringLiteral("codebook-differs")}));
        QCOMPARE(report.updated.documents, 1);
        QCOMPARE(report.added.annotations, 2); // the quote on the edited text and the claim
        QCOMPARE(reader(fx->path)->annotationCount(), 2);
        QCOMPARE(reader(fx->path)->documentText(fx->plainDoc), QStringLiteral("UPDATE: ") + PlainText);
    }

    // A text edited in one package: taken, and the other coder's annotations
    // move with it — on the same characters whichever package is merged first.
    void editedTextMovesTheOtherCodersAnnotations()
    {
        QTemporaryDir dir;
        auto fx = master(dir);
        fx->project->setCoderName(QStringLiteral("Ben"));
        const QUuid minister = *fx->project->addAnnotation(fx->plainDoc, fx->codeId(QStringLiteral("Quote")), 0, 8);
        const QUuid reyes = *fx->project->addAnnotation(fx->plainDoc, fx->codeId(QStringLiteral("Claim")), 13, 18);
        const QString anaPath = package(*fx, QStringLiteral("Ana"), dir.filePath(QStringLiteral("ana.newscoder")));
        const QString benPath = package(*fx, QStringLiteral("Ben"), dir.filePath(QStringLiteral("ben.newscoder")));
        const QString edited = QStringLiteral("Senator") + PlainText.mid(8);
        {
            auto ana = openAs(anaPath, QStringLiteral("Ana"));
            QVERIFY(ana->editDocumentText(fx->plainDoc, {TextEdit{0, 8, QStringLiteral("Senator")}}));
            QCOMPARE(ana->reader().documentText(fx->plainDoc), edited);
            QVERIFY(ana->addAnnotation(fx->plainDoc, fx->codeId(QStringLiteral("Quote")), 0, 7)); // "Senator"
        }
        QUuid speaker;
        {
            auto ben = openAs(benPath, QStringLiteral("Ben"));
            QVERIFY(ben->setAnnotationMemo(reyes, QStringLiteral("the senator")));
            speaker = *ben->addAnnotation(fx->plainDoc, fx->codeId(QStringLiteral("Speaker")), 9, 18); // "Ana Reyes"
        }
        QStringList masters;
        for (const QStringList &order : {QStringList{anaPath, benPath}, QStringList{benPath, anaPath}}) {
            const QString copy = dir.filePath(QStringLiteral("master-%1.newscoder").arg(masters.size()));
            fx->project->saveCopy(copy);
            auto m = Project::open(copy);
            QVERIFY(m);
            for (const QString &source : order) {
                const study::MergeReport report = merge(*m, source);
                QVERIFY2(report.conflicts.isEmpty(), qPrintable(report.conflicts.value(0).detail));
                QCOMPARE(report.updated.documents, source == anaPath ? 1 : 0);
            }
            for (const QString &source : order)
                merge(*m, source, {}, false); // again: nothing
            const auto store = reader(copy);
            QCOMPARE(store->documentText(fx->plainDoc), edited);
            const auto textOf = [&](const QUuid &id) {
                const Annotation a = *store->annotation(id);
                return edited.mid(a.start, a.end - a.start);
            };
            QCOMPARE(textOf(reyes), QStringLiteral("Reyes"));
            QCOMPARE(store->annotation(reyes)->memo, QStringLiteral("the senator"));
            QCOMPARE(textOf(speaker), QStringLiteral("Ana Reyes"));
            QCOMPARE(textOf(minister), QStringLiteral("Senator")); // its word replaced: on the new word
            QCOMPARE(store->annotation(minister)->status, AnnotationStatus::Coded);
            masters << copy;
        }
        QCOMPARE(dataDiff(masters[0], masters[1]), QString());
    }

    // Both edited the text: the master's stands and the source's changed
    // annotations on it are listed, until the source's is asked for.
    void textEditedOnBothSidesIsAConflict()
    {
        QTemporaryDir dir;
        auto fx = master(dir);
        fx->project->setCoderName(QStringLiteral("Ben"));
        const QUuid port = *fx->project->addAnnotation(fx->plainDoc, fx->codeId(QStringLiteral("Claim")), 55, 77);
        const QString path = package(*fx, QStringLiteral("Ana"), dir.filePath(QStringLiteral("ana.newscoder")));
        {
            auto ana = openAs(path, QStringLiteral("Ana"));
            QVERIFY(ana->editDocumentText(fx->plainDoc, {TextEdit{0, 0, QStringLiteral("UPDATE: ")}}));
            QVERIFY(ana->addAnnotation(fx->plainDoc, fx->codeId(QStringLiteral("Quote")), 0, 6));
        }
        QVERIFY(fx->project->editDocumentText(fx->plainDoc, {TextEdit{int(PlainText.size()), 0, QStringLiteral(" (AP)")}}));
        const QString masterText = PlainText + QStringLiteral(" (AP)");
        const study::MergeReport report = merge(*fx->project, path);
        QCOMPARE(conflictKinds(report), (QStringList{QStringLiteral("text-differs"), QStringLiteral("text-differs")}));
        QCOMPARE(reader(fx->path)->documentText(fx->plainDoc), masterText);
        QCOMPARE(reader(fx->path)->annotationCount(), 1);
        QCOMPARE(conflictKinds(merge(*fx->project, path, {}, false)).size(), 2); // still listed
        study::MergeOptions prefer;
        prefer.preferSource = true;
        const study::MergeReport taken = merge(*fx->project, path, prefer);
        QCOMPARE(taken.updated.documents, 1);
        QCOMPARE(taken.added.annotations, 1);
        const auto store = reader(fx->path);
        const QString text = store->documentText(fx->plainDoc);
        QCOMPARE(text, QStringLiteral("UPDATE: ") + PlainText);
        const Annotation moved = *store->annotation(port);
        QCOMPARE(text.mid(moved.start, moved.end - moved.start), PlainText.mid(55, 22));
        QVERIFY(merge(*fx->project, path, {}, false).conflicts.isEmpty());
    }

    // Articles a package brought in are added with their text, metadata,
    // outlet (the master's of that name, else the package's), variables and
    // annotations; an article the master removed since packaging is not.
    void articlesTheMasterLacksAreAdded()
    {
        QTemporaryDir dir;
        auto fx = master(dir);
        Outlet gazette;
        gazette.name = QStringLiteral("Harbour Gazette");
        const QUuid masterGazette = *fx->project->addOutlet(gazette);
        const qsizetype outlets = fx->project->outlets().size();
        const QString path = package(*fx, QStringLiteral("Ana"), dir.filePath(QStringLiteral("ana.newscoder")));
        QUuid withOutlet, withNewOutlet, againId;
        {
            auto ana = openAs(path, QStringLiteral("Ana"));
            Document a, b;
            a.title = QStringLiteral("Night ferry cancelled");
            a.text = QStringLiteral("The night ferry to Elm Island was cancelled, the operator said.");
            a.metadata = {{QStringLiteral("byline"), QStringLiteral("Staff")}};
            b.title = QStringLiteral("Quay repairs begin");
            b.text = QStringLiteral("Repairs to the east quay began on Tuesday.");
            const QList<QUuid> ids = ana->importDocuments({a, b});
            QCOMPARE(ids.size(), 2);
            withOutlet = ids[0];
            withNewOutlet = ids[1];
            // In the package the outlet is registered again (another id, the same name), and a new one.
            Outlet again;
            again.name = QStringLiteral("harbour  gazette");
            Outlet bay;
            bay.name = QStringLiteral("Bay Courier");
            againId = *ana->addOutlet(again);
            QVERIFY(ana->assignOutlet({withOutlet}, againId));
            QVERIFY(ana->assignOutlet({withNewOutlet}, *ana->addOutlet(bay)));
            QVERIFY(ana->addAnnotation(withOutlet, fx->codeId(QStringLiteral("Quote")), 4, 15));
            const Code article = *ana->codeByName(QStringLiteral("Article"));
            const QUuid topic = article.fieldByName(QStringLiteral("Topic"))->id;
            QVERIFY(ana->setDocumentValues(withNewOutlet, topic, {FieldValue{topic, QStringLiteral("ports"), {}, {}}}));
        }
        // The lead removed an article of the package meanwhile.
        QVERIFY(fx->project->removeDocuments({fx->nonBmpDoc}));
        const study::MergeReport report = merge(*fx->project, path);
        QCOMPARE(report.added.documents, 2);
        QCOMPARE(report.added.annotations, 1);
        QCOMPARE(report.added.variables, 1);
        QCOMPARE(conflictKinds(report), (QStringList{QStringLiteral("article-missing"), QStringLiteral("outlet-duplicate")}));
        const auto missing = std::find_if(report.conflicts.cbegin(), report.conflicts.cend(), [](const study::MergeConflict &c) {
            return c.kind == QLatin1String("article-missing");
        });
        QCOMPARE(missing->documentId, fx->nonBmpDoc);
        const QUuid gazetteId = std::min(masterGazette, againId); // of one outlet twice the earlier id stays
        {
            const auto store = reader(fx->path);
            const auto source = reader(path);
            QVERIFY(!store->document(fx->nonBmpDoc));
            const Document added = *store->document(withOutlet);
            QCOMPARE(added.text, source->document(withOutlet)->text);
            QCOMPARE(added.title, QStringLiteral("Night ferry cancelled"));
            QCOMPARE(added.metadata, (QList<MetadataEntry>{{QStringLiteral("byline"), QStringLiteral("Staff")}}));
            QCOMPARE(added.outletId, gazetteId);
            QCOMPARE(store->outlet(gazetteId)->name, gazetteId == masterGazette ? QStringLiteral("Harbour Gazette")
                                                                               : QStringLiteral("harbour  gazette"));
            const QUuid bay = store->document(withNewOutlet)->outletId;
            QCOMPARE(bay, source->document(withNewOutlet)->outletId);
            QCOMPARE(store->outlet(bay)->name, QStringLiteral("Bay Courier"));
            QCOMPARE(store->outlets().size(), outlets + 1); // the Bay Courier; one Gazette, not two
            QCOMPARE(store->annotationsForDocument(withOutlet).size(), 1);
        }
        // Again: nothing, and the removed article stays out.
        const study::MergeReport again = merge(*fx->project, path, {}, false);
        QCOMPARE(again.added.documents, 0);
        QCOMPARE(conflictKinds(again), QStringList{QStringLiteral("article-missing")}); // its articles are in: no outlet to map
    }

    void oneActorWhateverTheOrder()
    {
        QTemporaryDir dir;
        auto fx = master(dir);
        const QString anaPath = package(*fx, QStringLiteral("Ana"), dir.filePath(QStringLiteral("ana.newscoder")));
        const QString benPath = package(*fx, QStringLiteral("Ben"), dir.filePath(QStringLiteral("ben.newscoder")));
        QList<QUuid> actorIds;
        for (const auto &[path, coder, alias] : {std::tuple{anaPath, QStringLiteral("Ana"), QStringLiteral("J. Roe")},
                                                 std::tuple{benPath, QStringLiteral("Ben"), QStringLiteral("Roe")}}) {
            auto p = openAs(path, coder);
            Actor roe;
            roe.name = coder == QLatin1String("Ana") ? QStringLiteral("Jane Roe") : QStringLiteral("jane  roe");
            roe.aliases = {alias};
            const QUuid id = *p->addActor(roe);
            actorIds << id;
            const QUuid speaker = *p->addAnnotation(fx->plainDoc, fx->codeId(QStringLiteral("Speaker")), 0, 5);
            const Code code = *p->codeByName(QStringLiteral("Speaker"));
            const QUuid field = code.fieldByName(QStringLiteral("Actor"))->id;
            QVERIFY(p->setAnnotationValues(speaker, field, {FieldValue{field, {}, {}, id}}));
        }
        const QUuid earliest = std::min(actorIds[0], actorIds[1]);
        QStringList masters;
        for (const QStringList &order : {QStringList{anaPath, benPath}, QStringList{benPath, anaPath}}) {
            const QString copy = dir.filePath(QStringLiteral("master-%1.newscoder").arg(masters.size()));
            fx->project->saveCopy(copy);
            auto m = Project::open(copy);
            QVERIFY(m);
            for (const QString &source : order)
                merge(*m, source);
            // Again, in the other order: nothing to do, whichever actor id was the earlier one.
            for (qsizetype i = order.size() - 1; i >= 0; --i) {
                auto again = ProjectStore::open(order[i], ProjectAccess::ReadOnly);
                const study::MergePlan plan =
                    study::planMerge(m->reader(), study::readMergeUnits(m->reader()), *again);
                QVERIFY2(plan.plan.redo.isEmpty(), qPrintable(order[i]));
            }
            masters << copy;
        }
        QCOMPARE(dataDiff(masters[0], masters[1]), QString());
        const auto store = reader(masters[0]);
        QCOMPARE(store->actors().size(), 1);
        QCOMPARE(store->actors().first().id, earliest);
        QCOMPARE(store->valuesTouchingActors({earliest}).size(), 2);
    }

    // The same outlet registered in two packages (and in neither the master):
    // merged in either order, one outlet with the earlier id, both articles
    // of it, and the ratings the lead gave it in between kept.
    void oneOutletWhateverTheOrder()
    {
        QTemporaryDir dir;
        auto fx = master(dir);
        const QString anaPath = package(*fx, QStringLiteral("Ana"), dir.filePath(QStringLiteral("ana.newscoder")));
        const QString benPath = package(*fx, QStringLiteral("Ben"), dir.filePath(QStringLiteral("ben.newscoder")));
        QList<QUuid> outletIds, articles;
        for (const auto &[path, coder, domain] :
             {std::tuple{anaPath, QStringLiteral("Ana"), QStringLiteral("bugle.example")},
              std::tuple{benPath, QStringLiteral("Ben"), QStringLiteral("dailybugle.example")}}) {
            auto p = openAs(path, coder);
            Document d;
            d.title = QStringLiteral("Tram fares rise (%1)").arg(coder);
            d.text = QStringLiteral("Tram fares rise in March, the city said. Reported by %1.").arg(coder);
            const QList<QUuid> ids = p->importDocuments({d});
            QCOMPARE(ids.size(), 1);
            Outlet bugle;
            bugle.name = coder == QLatin1String("Ana") ? QStringLiteral("Daily Bugle") : QStringLiteral("daily bugle");
            bugle.domains = {domain};
            if (coder == QLatin1String("Ben"))
                bugle.country = QStringLiteral("NZ");
            const QUuid id = *p->addOutlet(bugle);
            QVERIFY(p->assignOutlet(ids, id));
            outletIds << id;
            articles << ids.first();
        }
        const QUuid earliest = std::min(outletIds[0], outletIds[1]);
        QStringList masters;
        for (const QStringList &order : {QStringList{anaPath, benPath}, QStringList{benPath, anaPath}}) {
            const QString copy = dir.filePath(QStringLiteral("master-%1.newscoder").arg(masters.size()));
            fx->project->saveCopy(copy);
            auto m = Project::open(copy);
            QVERIFY(m);
            merge(*m, order[0]);
            // The lead rates the outlet before the second package comes in: the rating stays with the outlet.
            const QUuid first = m->reader().document(order[0] == anaPath ? articles[0] : articles[1])->outletId;
            QVERIFY(!first.isNull());
            const Code outletCode = *m->codeByName(QStringLiteral("Outlet"));
            const QUuid ownership = outletCode.fieldByName(QStringLiteral("Ownership"))->id;
            QVERIFY(m->setOutletValues(first, ownership, {FieldValue{ownership, QStringLiteral("private"), {}, {}}}));
            const study::MergeReport second = merge(*m, order[1]);
            QCOMPARE(conflictKinds(second), QStringList{QStringLiteral("outlet-duplicate")});
            for (const QString &source : order)
                merge(*m, source, {}, false); // again: nothing
            const auto store = reader(copy);
            QCOMPARE(store->outlets().size(), fx->project->outlets().size() + 1);
            const std::optional<Outlet> bugle = store->outlet(earliest);
            QVERIFY(bugle);
            QCOMPARE(bugle->domains.size(), 2); // both packages' domains
            QCOMPARE(bugle->country, QStringLiteral("NZ"));
            for (const QUuid &article : articles)
                QCOMPARE(store->document(article)->outletId, earliest);
            QCOMPARE(store->outletValues(earliest).size(), 1);
            QCOMPARE(store->outletValues(earliest).first().text, QStringLiteral("private"));
            masters << copy;
        }
        // The domains are listed in the kept outlet's order, then the other's: the same either way.
        QCOMPARE(dataDiff(masters[0], masters[1]), QString());
    }

    // Random coder edits on two packages, merged in both orders and twice:
    // the same master every time.
    void mergeIsOrderIndependentAndIdempotent_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed = 1; seed <= 10; ++seed)
            QTest::addRow("seed %u", seed) << seed;
    }

    void mergeIsOrderIndependentAndIdempotent()
    {
        QFETCH(quint32, seed);
        QTemporaryDir dir;
        auto fx = master(dir);
        QRandomGenerator random(seed);
        // Some coding in the master before packaging, by both coders.
        for (const QString &coder : {QStringLiteral("Ana"), QStringLiteral("Ben")}) {
            fx->project->setCoderName(coder);
            for (int i = 0; i < 4; ++i) {
                const int start = random.bounded(20);
                QVERIFY(fx->project->addAnnotation(fx->plainDoc, fx->codeId(QStringLiteral("Claim")), start,
                                                   start + 1 + random.bounded(8)));
            }
        }
        const QList<QString> paths = {package(*fx, QStringLiteral("Ana"), dir.filePath(QStringLiteral("ana.newscoder"))),
                                      package(*fx, QStringLiteral("Ben"), dir.filePath(QStringLiteral("ben.newscoder")))};
        const QStringList codes = {QStringLiteral("Quote"), QStringLiteral("Speaker"), QStringLiteral("Claim")};
        for (const QString &path : paths) {
            const QString coder = path.contains(QStringLiteral("ana")) ? QStringLiteral("Ana") : QStringLiteral("Ben");
            auto p = openAs(path, coder);
            QUuid bugle; // registered in this package on its first new article: the other package does the same
            for (int step = 0; step < 12; ++step) {
                QList<QUuid> mine;
                for (const Annotation &a : allAnnotations(p->reader()))
                    mine << a.id;
                const int what = random.bounded(6);
                if (what == 5 && coder == QLatin1String("Ana")) {
                    QVERIFY(p->editDocumentText(fx->plainDoc, {TextEdit{0, 0, QStringLiteral("Update %1: ").arg(step)}}));
                } else if (what == 4) {
                    // A new article, coded at once (its id is the package's own: no clash).
                    Document d;
                    d.title = QStringLiteral("Brief %1").arg(step);
                    d.text = QStringLiteral("A short notice about the harbour, number %1.").arg(random.bounded(100));
                    const QList<QUuid> ids = p->importDocuments({d});
                    QCOMPARE(ids.size(), 1);
                    QVERIFY(p->addAnnotation(ids.first(), fx->codeId(QStringLiteral("Claim")), 2, 7 + random.bounded(5)));
                    if (random.bounded(2)) {
                        if (bugle.isNull()) {
                            Outlet o;
                            o.name = QStringLiteral("Harbour Bugle");
                            o.domains = {coder.toLower() + QStringLiteral(".bugle.example")};
                            bugle = *p->addOutlet(o);
                        }
                        QVERIFY(p->assignOutlet(ids, bugle));
                    }
                } else if (what == 0 && !mine.isEmpty()) {
                    QVERIFY(p->removeAnnotations({mine[random.bounded(int(mine.size()))]}));
                } else if (what == 1 && !mine.isEmpty()) {
                    QVERIFY(p->setAnnotationMemo(mine[random.bounded(int(mine.size()))],
                                                 QStringLiteral("memo %1").arg(random.bounded(1000))));
                } else {
                    // Spans in "Fans sang " of the non-BMP article: none splits its surrogate pair.
                    const QUuid doc = random.bounded(2) ? fx->plainDoc : fx->nonBmpDoc;
                    const int start = random.bounded(4);
                    QVERIFY(p->addAnnotation(doc, fx->codeId(codes[random.bounded(int(codes.size()))]), start,
                                             start + 1 + random.bounded(5)));
                }
            }
        }
        QStringList masters;
        for (const QList<QString> &order : {paths, QList<QString>{paths[1], paths[0]}}) {
            const QString copy = dir.filePath(QStringLiteral("master-%1.newscoder").arg(masters.size()));
            fx->project->saveCopy(copy);
            auto m = Project::open(copy);
            QVERIFY(m);
            for (const QString &source : order) {
                const study::MergeReport report = merge(*m, source);
                for (const study::MergeConflict &c : report.conflicts) // one outlet twice is resolved by its rule
                    QCOMPARE(c.kind, QStringLiteral("outlet-duplicate"));
            }
            for (const QString &source : order)
                merge(*m, source, {}, false); // again: nothing
            // Every article new in a package is in the master once.
            QCOMPARE(reader(copy)->documentCount(),
                     2 + (reader(paths[0])->documentCount() - 2) + (reader(paths[1])->documentCount() - 2));
            masters << copy;
        }
        QCOMPARE(dataDiff(masters[0], masters[1]), QString());
        QVERIFY(reader(masters[0])->outlets().size() <= fx->project->outlets().size() + 1); // one Harbour Bugle at most
        // Each coder's annotations in the merged master are the package's, on the same characters.
        const auto merged = reader(masters[0]);
        for (const QString &path : paths) {
            const auto source = reader(path);
            for (const Annotation &a : allAnnotations(*source)) {
                const auto there = merged->annotation(a.id);
                QVERIFY(there);
                QCOMPARE(there->memo, a.memo);
                QCOMPARE(merged->documentText(a.documentId).mid(there->start, there->end - there->start),
                         source->documentText(a.documentId).mid(a.start, a.end - a.start));
            }
        }
    }

    // Planning from the files (as the window's worker does) reports progress
    // up to its total, and a cancel at any report plans nothing.
    void planFromFilesReportsProgressAndCancels()
    {
        QTemporaryDir dir;
        auto fx = master(dir);
        fx->project->setCoderName(QStringLiteral("Ben"));
        for (int i = 0; i < 700; ++i)
            QVERIFY(fx->project->addAnnotation(fx->plainDoc, fx->codeId(QStringLiteral("Claim")), i % 20, i % 20 + 3));
        const QString path = package(*fx, QStringLiteral("Ana"), dir.filePath(QStringLiteral("ana.newscoder")));
        {
            auto ana = openAs(path, QStringLiteral("Ana"));
            for (int i = 0; i < 600; ++i)
                QVERIFY(ana->addAnnotation(fx->nonBmpDoc, fx->codeId(QStringLiteral("Quote")), i % 4, i % 4 + 2));
        }
        QList<QPair<qint64, qint64>> reports;
        const study::MergePlan plan = study::planMergeFile(fx->path, path, {}, [&](qint64 done, qint64 total) {
            reports.append({done, total});
            return true;
        });
        QVERIFY2(plan.plan.error.isEmpty(), qPrintable(plan.plan.error));
        QVERIFY(!plan.cancelled);
        QCOMPARE(plan.report.added.annotations, 600);
        QVERIFY(reports.size() >= 3);
        // 700 master annotations read, 600 source ones read and compared.
        QCOMPARE(reports.last().second, qint64(700 + 2 * 600));
        for (qsizetype i = 1; i < reports.size(); ++i) {
            QVERIFY(reports[i].first >= reports[i - 1].first);
            QVERIFY(reports[i].first <= reports[i].second);
        }
        QVERIFY(reports.last().first >= 700 + 600);
        // Cancelled at the first report, at one in the middle and at the last: nothing planned.
        for (const qsizetype at : {qsizetype(0), reports.size() / 2, reports.size() - 1}) {
            qsizetype seen = 0;
            const study::MergePlan cancelled =
                study::planMergeFile(fx->path, path, {}, [&](qint64, qint64) { return seen++ < at; });
            QVERIFY2(cancelled.cancelled, qPrintable(QString::number(at)));
            QVERIFY(cancelled.plan.redo.isEmpty());
            QVERIFY(cancelled.plan.error.isEmpty());
        }
        QCOMPARE(reader(fx->path)->annotationCount(), 700);
        // An unreadable source is an error naming it.
        QFile junk(dir.filePath(QStringLiteral("junk.newscoder")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not a project");
        junk.close();
        QVERIFY(study::planMergeFile(fx->path, junk.fileName()).plan.error.contains(QStringLiteral("junk.newscoder")));
    }

    void anotherStudyIsRefused()
    {
        QTemporaryDir dir;
        auto fx = master(dir);
        Code only;
        only.id = QUuid::createUuid();
        only.name = QStringLiteral("Only");
        only.color = QColor(QStringLiteral("#112233"));
        const QString otherPath = dir.filePath(QStringLiteral("other.newscoder"));
        { auto other = Project::create(otherPath, {only}); }
        auto other = ProjectStore::open(otherPath, ProjectAccess::ReadOnly);
        const study::MergePlan plan =
            study::planMerge(fx->project->reader(), study::readMergeUnits(fx->project->reader()), *other);
        QVERIFY(plan.plan.error.contains(QStringLiteral("not of the same study")));
        QVERIFY(plan.plan.redo.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMerge)
#include "tst_merge.moc"
