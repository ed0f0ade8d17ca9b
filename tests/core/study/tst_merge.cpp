// Coder packages and merging by ids: what a package holds (read from the
// SQLite file itself), three-way merging (added, updated, removed,
// unchanged), idempotence, each conflict kind, planning from files with
// progress and cancel, and the merge as one undoable step restoring the whole
// file. Order independence: tst_mergeorder.
#include "MergeTestSupport.h"

#include "text/AnchorShift.h"

#include <QRandomGenerator>

using namespace newscoder;
using namespace newscoder::test;

class TestMerge : public QObject
{
    Q_OBJECT

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
            auto m = masterCopy(*fx->project, copy);
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
            study::planMerge(fx->project->reader(), *other);
        QVERIFY(plan.plan.error.contains(QStringLiteral("not of the same study")));
        QVERIFY(plan.plan.redo.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMerge)
#include "tst_merge.moc"
