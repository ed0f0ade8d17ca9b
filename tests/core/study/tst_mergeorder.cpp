// Merging is order independent: one actor and one outlet whatever order two
// packages that registered the same new one arrive in, and random coder
// edits on two packages merged in both orders and twice give the same master.
#include "MergeTestSupport.h"

#include "text/AnchorShift.h"

#include <QRandomGenerator>

using namespace newscoder;
using namespace newscoder::test;

class TestMergeOrder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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
            auto m = masterCopy(*fx->project, copy);
            QVERIFY(m);
            for (const QString &source : order)
                merge(*m, source);
            // Again, in the other order: nothing to do, whichever actor id was the earlier one.
            for (qsizetype i = order.size() - 1; i >= 0; --i) {
                auto again = ProjectStore::open(order[i], ProjectAccess::ReadOnly);
                const study::MergePlan plan =
                    study::planMerge(m->reader(), *again);
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
            auto m = masterCopy(*fx->project, copy);
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
    // the same master every time — and the same again when the planner
    // holds one article at a time (batch borders between every article).
    void mergeIsOrderIndependentAndIdempotent_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<qsizetype>("perBatch");
        for (quint32 seed = 1; seed <= 10; ++seed)
            QTest::addRow("seed %u", seed) << seed << study::MergeBatchArticles;
        for (quint32 seed = 11; seed <= 14; ++seed)
            QTest::addRow("seed %u, one article per batch", seed) << seed << qsizetype(1);
    }

    void mergeIsOrderIndependentAndIdempotent()
    {
        QFETCH(quint32, seed);
        QFETCH(qsizetype, perBatch);
        study::MergeOptions options;
        options.articlesPerBatch = perBatch;
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
            auto m = masterCopy(*fx->project, copy);
            QVERIFY(m);
            for (const QString &source : order) {
                const study::MergeReport report = merge(*m, source, options);
                for (const study::MergeConflict &c : report.conflicts) // one outlet twice is resolved by its rule
                    QCOMPARE(c.kind, QStringLiteral("outlet-duplicate"));
            }
            for (const QString &source : order)
                merge(*m, source, options, false); // again: nothing
            // Every article new in a package is in the master once.
            QCOMPARE(reader(copy)->documentCount(),
                     2 + (reader(paths[0])->documentCount() - 2) + (reader(paths[1])->documentCount() - 2));
            masters << copy;
        }
        QCOMPARE(dataDiff(masters[0], masters[1]), QString());
        {
            // The other batch size gives the same master.
            const QString copy = dir.filePath(QStringLiteral("master-other-batches.newscoder"));
            auto m = masterCopy(*fx->project, copy);
            QVERIFY(m);
            study::MergeOptions other;
            other.articlesPerBatch = perBatch == 1 ? study::MergeBatchArticles : 1;
            for (const QString &source : paths)
                merge(*m, source, other);
            for (const QString &source : paths)
                merge(*m, source, options, false); // and the batch size it was merged with finds nothing to do
            QCOMPARE(dataDiff(masters[0], copy), QString());
        }
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
};

QTEST_GUILESS_MAIN(TestMergeOrder)
#include "tst_mergeorder.moc"
