// The actor and outlet registries: add, edit, merge and remove are single
// undoable steps that reach the file; merging keeps every link; aliases
// resolve mentions; imports link articles to outlets by URL domain.
#include "../CoreTestSupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;
using namespace newscoder::test;

class TestRegistryCommands : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProjectFixture> m_fx;

    Project &project() { return *m_fx->project; }
    QUuid fieldOf(const char *codeName, const char *fieldName) const
    {
        return m_fx->project->codeByName(QString::fromLatin1(codeName))
            ->fieldByName(QString::fromLatin1(fieldName))
            ->id;
    }
    static Actor person(const QString &name, const QStringList &aliases = {})
    {
        Actor a;
        a.name = name;
        a.aliases = aliases;
        return a;
    }
    QUuid speakerWithActor(int start, int end, const QUuid &actorId)
    {
        const auto id = project().addAnnotation(m_fx->plainDoc, project().codeByName(QStringLiteral("Speaker"))->id,
                                                start, end);
        const QUuid field = fieldOf("Speaker", "Actor");
        if (!id || !project().setAnnotationValues(*id, field, {{field, {}, {}, actorId}}))
            return {};
        return *id;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(openFixture(m_dir, m_fx));
    }

    void cleanup() { closeFixture(m_dir, m_fx); }

    void addEditRemoveActorUndoRedo()
    {
        QSignalSpy changed(&project(), &Project::actorsChanged);
        Actor peskov = person(QStringLiteral("Dmitry Peskov"), {QStringLiteral("Peskov")});
        peskov.role = QStringLiteral("Kremlin spokesman");
        peskov.custom = {{QStringLiteral("wikidata"), QStringLiteral("Q0000")}};
        const auto id = project().addActor(peskov);
        QVERIFY(id);
        peskov.id = *id;
        QCOMPARE(reader(m_fx->path)->actor(*id), std::optional<Actor>(peskov));
        QCOMPARE(changed.count(), 1);

        Actor edited = peskov;
        edited.affiliation = QStringLiteral("Russian presidency");
        QVERIFY(project().updateActor(edited));
        QCOMPARE(reader(m_fx->path)->actor(*id)->affiliation, QStringLiteral("Russian presidency"));
        project().undoStack()->undo();
        QCOMPARE(reader(m_fx->path)->actor(*id), std::optional<Actor>(peskov));
        project().undoStack()->undo();
        QVERIFY(!reader(m_fx->path)->actor(*id));
        QVERIFY(project().actors().isEmpty());
        project().undoStack()->redo();
        QCOMPARE(project().actor(*id), std::optional<Actor>(peskov));

        QVERIFY(!project().addActor(person(QStringLiteral("  "))));
    }

    void removingAnActorTakesItsLinksAndUndoRestoresThem()
    {
        const auto id = project().addActor(person(QStringLiteral("Ana Reyes")));
        const QUuid speaker = speakerWithActor(0, 18, *id);
        QVERIFY(!speaker.isNull());
        QCOMPARE(reader(m_fx->path)->valueCountsByActor().value(*id), 1);
        QVERIFY(project().removeActor(*id));
        {
            auto store = reader(m_fx->path);
            QVERIFY(!store->actor(*id));
            QVERIFY(store->valuesTouchingActors({*id}).isEmpty());
            QVERIFY(store->annotation(speaker)); // the annotation stays
        }
        project().undoStack()->undo();
        QCOMPARE(reader(m_fx->path)->valueCountsByActor().value(*id), 1);
        QCOMPARE(reader(m_fx->path)->annotationValues(speaker).value(0).actorId, *id);
    }

    // Merging moves every link to the kept actor and makes the other's names aliases.
    void mergeKeepsAllLinks()
    {
        const auto peskov = project().addActor(person(QStringLiteral("Dmitry Peskov")));
        const auto dup = project().addActor(person(QStringLiteral("Peskov"), {QStringLiteral("Kremlin spokesman")}));
        const QUuid s1 = speakerWithActor(0, 8, *peskov);
        const QUuid s2 = speakerWithActor(9, 18, *dup);
        const QUuid mainActor = fieldOf("Article", "Main actor");
        QVERIFY(project().setDocumentValues(m_fx->plainDoc, mainActor, {{mainActor, {}, {}, *dup}}));
        const auto before = reader(m_fx->path)->valuesTouchingActors({*peskov, *dup});
        QCOMPARE(before.size(), 3);

        QVERIFY(project().mergeActors(*peskov, *dup));
        {
            auto store = reader(m_fx->path);
            QVERIFY(!store->actor(*dup));
            const Actor kept = *store->actor(*peskov);
            QCOMPARE(kept.aliases, (QStringList{QStringLiteral("Peskov"), QStringLiteral("Kremlin spokesman")}));
            QCOMPARE(store->valueCountsByActor().value(*peskov), 3);
            QCOMPARE(store->annotationValues(s2).value(0).actorId, *peskov);
            QCOMPARE(store->annotationValues(s1).value(0).actorId, *peskov);
        }
        project().undoStack()->undo();
        {
            auto store = reader(m_fx->path);
            QVERIFY(store->actor(*dup));
            QVERIFY(store->actor(*peskov)->aliases.isEmpty());
            QCOMPARE(store->valuesTouchingActors({*peskov, *dup}), before);
        }
        project().undoStack()->redo();
        QCOMPARE(reader(m_fx->path)->valueCountsByActor().value(*peskov), 3);
        QVERIFY(!project().mergeActors(*peskov, *peskov));
    }

    void aliasesResolveMentions_data()
    {
        QTest::addColumn<QString>("mention");
        QTest::addColumn<QString>("expected");
        QTest::newRow("alias") << "Peskov" << "Dmitry Peskov";
        QTest::newRow("name") << "Dmitry Peskov" << "Dmitry Peskov";
        QTest::newRow("title and name") << "Kremlin spokesman Dmitry Peskov" << "Dmitry Peskov";
        QTest::newRow("case and punctuation") << "PESKOV," << "Dmitry Peskov";
        QTest::newRow("possessive") << "Peskov's" << "Dmitry Peskov";
        QTest::newRow("longest wins") << "Foreign Minister Sergei Lavrov" << "Sergei Lavrov";
        QTest::newRow("no partial words") << "Peskova" << "";
        QTest::newRow("unknown") << "Ana Reyes" << "";
    }

    void aliasesResolveMentions()
    {
        QFETCH(QString, mention);
        QFETCH(QString, expected);
        QVERIFY(project().addActor(person(QStringLiteral("Dmitry Peskov"), {QStringLiteral("Peskov")})));
        QVERIFY(project().addActor(person(QStringLiteral("Sergei Lavrov"), {QStringLiteral("Lavrov"), QStringLiteral("Minister")})));
        const auto found = project().resolveActor(mention);
        QCOMPARE(found ? found->name : QString(), expected);
    }

    // Import links articles to outlets by URL domain and creates missing ones, in the same undo step.
    void importAssignsOutletsByDomain()
    {
        const auto summary = project().reader().documentSummary(m_fx->plainDoc);
        QVERIFY(!summary->outletId.isNull());
        const Outlet harbour = *project().outlet(summary->outletId);
        QCOMPARE(harbour.domains, QStringList{QStringLiteral("harbourgazette.example")});
        QCOMPARE(project().outlets().size(), 1); // both fixture articles share it
        QCOMPARE(reader(m_fx->path)->documentCountsByOutlet().value(harbour.id), 2);

        Document other = makeDocument(QStringLiteral("Ferry"), QStringLiteral("Text."));
        other.url = QStringLiteral("https://www.news.example.org/a/1");
        other.outlet = QStringLiteral("News Example");
        Document sub = makeDocument(QStringLiteral("Ferry 2"), QStringLiteral("Text 2."));
        sub.url = QStringLiteral("https://m.harbourgazette.example/x");
        const QList<QUuid> ids = project().importDocuments({other, sub});
        QCOMPARE(ids.size(), 2);
        QCOMPARE(project().outlets().size(), 2);
        const auto created = project().outletByName(QStringLiteral("News Example"));
        QVERIFY(created);
        QCOMPARE(created->domains, QStringList{QStringLiteral("news.example.org")});
        QCOMPARE(project().reader().documentSummary(ids[0])->outletId, created->id);
        QCOMPARE(project().reader().documentSummary(ids[1])->outletId, harbour.id); // sub-domain
        QCOMPARE(project().outletForUrl(QStringLiteral("http://news.example.org/")), created);

        project().undoStack()->undo(); // one step takes articles and the new outlet away
        QCOMPARE(project().outlets().size(), 1);
        QVERIFY(!reader(m_fx->path)->outlet(created->id));
        project().undoStack()->redo();
        QCOMPARE(reader(m_fx->path)->outlet(created->id), created);
    }

    void outletEditAssignRemoveUndo()
    {
        const auto outletId = project().reader().documentSummary(m_fx->plainDoc)->outletId;
        const QUuid ownership = fieldOf("Outlet", "Ownership");
        QVERIFY(project().setOutletValues(outletId, ownership, {{ownership, QStringLiteral("private"), {}, {}}}));
        Outlet edited = *project().outlet(outletId);
        edited.name = QStringLiteral("Harbour Gazette");
        edited.country = QStringLiteral("Skerrin");
        QVERIFY(project().updateOutlet(edited));
        QCOMPARE(reader(m_fx->path)->outlet(outletId)->name, QStringLiteral("Harbour Gazette"));

        const auto other = project().addOutlet({{}, QStringLiteral("Island Post"), {QStringLiteral("islandpost.example")}, {}, {}});
        QVERIFY(other);
        QVERIFY(!project().addOutlet({{}, QStringLiteral("island post"), {}, {}, {}})); // names are unique
        QVERIFY(project().assignOutlet({m_fx->nonBmpDoc}, *other));
        QCOMPARE(reader(m_fx->path)->documentSummary(m_fx->nonBmpDoc)->outletId, *other);
        project().undoStack()->undo();
        QCOMPARE(reader(m_fx->path)->documentSummary(m_fx->nonBmpDoc)->outletId, outletId);

        QVERIFY(project().removeOutlet(outletId));
        {
            auto store = reader(m_fx->path);
            QVERIFY(!store->outlet(outletId));
            QVERIFY(store->documentSummary(m_fx->plainDoc)->outletId.isNull());
            QCOMPARE(store->document(m_fx->plainDoc)->outlet, QStringLiteral("harbourgazette.example")); // text kept
            QVERIFY(store->valuesOfOutlets({outletId}).isEmpty());
        }
        project().undoStack()->undo();
        {
            auto store = reader(m_fx->path);
            QCOMPARE(store->outlet(outletId)->name, QStringLiteral("Harbour Gazette"));
            QCOMPARE(store->documentSummary(m_fx->plainDoc)->outletId, outletId);
            QCOMPARE(store->documentSummary(m_fx->nonBmpDoc)->outletId, outletId);
            QCOMPARE(store->outletValues(outletId).value(0).text, QStringLiteral("private"));
        }
    }
};

QTEST_GUILESS_MAIN(TestRegistryCommands)
#include "tst_registrycommands.moc"
