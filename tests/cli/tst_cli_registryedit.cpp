// newscoder-cli actor-merge, outlet-add and outlet-assign: the registry edits
// of the Actors and Outlets docks, headless. Each changes what it says and
// nothing on bad input (exit 2, message on stderr).
#include "CliTestSupport.h"
#include "io/CodebookJson.h"
#include "project/Project.h"

#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;
using namespace newscoder::test;

class TestCliRegistryEdit : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    QUuid m_doc1, m_doc2, m_speakerA, m_speakerB;

private Q_SLOTS:
    void init()
    {
        m_path = m_dir.filePath(QStringLiteral("edit-%1.newscoder").arg(QUuid::createUuid().toString(QUuid::Id128)));
        auto project = Project::create(m_path, defaultNewsCodebook());
        Document a, b;
        a.title = QStringLiteral("One");
        a.text = QStringLiteral("Kremlin spokesman Dmitry Peskov said ties were poor.");
        b.title = QStringLiteral("Two");
        b.text = QStringLiteral("Peskov told reporters nothing.");
        const QList<QUuid> ids = project->importDocuments({a, b});
        m_doc1 = ids[0];
        m_doc2 = ids[1];
        project->setCoderName(QStringLiteral("Ana"));
        const auto peskov = project->addActor({{}, QStringLiteral("Dmitry Peskov"), {}, {}, {}, {}, {}, {}});
        const auto dup = project->addActor({{}, QStringLiteral("Peskov D."), {QStringLiteral("Peskov")}, {}, {}, {}, {}, {}});
        const Code speaker = *project->codeByName(QStringLiteral("Speaker"));
        const QUuid actorField = speaker.fieldByName(QStringLiteral("Actor"))->id;
        m_speakerA = *project->addAnnotation(m_doc1, speaker.id, 0, 31);
        m_speakerB = *project->addAnnotation(m_doc2, speaker.id, 0, 6);
        QVERIFY(project->setAnnotationValues(m_speakerA, actorField, {{actorField, {}, {}, *peskov}}));
        QVERIFY(project->setAnnotationValues(m_speakerB, actorField, {{actorField, {}, {}, *dup}}));
    }

    void actorMergeKeepsLinks()
    {
        const CliRun r = runCli({QStringLiteral("actor-merge"), m_path, QStringLiteral("Dmitry Peskov"),
                                 QStringLiteral("Peskov D.")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        auto project = Project::open(m_path, ProjectAccess::ReadOnly);
        QCOMPARE(project->actors().size(), 1);
        const Actor kept = project->actors().first();
        QCOMPARE(kept.name, QStringLiteral("Dmitry Peskov"));
        QVERIFY(kept.aliases.contains(QStringLiteral("Peskov D.")));
        QVERIFY(kept.aliases.contains(QStringLiteral("Peskov")));
        QCOMPARE(project->annotationValues(m_speakerB).value(0).actorId, kept.id);
        QCOMPARE(project->reader().valueCountsByActor().value(kept.id), 2);
    }

    void actorMergeRefusals_data()
    {
        QTest::addColumn<QString>("kept");
        QTest::addColumn<QString>("absorbed");
        QTest::newRow("unknown") << QStringLiteral("Nobody") << QStringLiteral("Peskov D.");
        QTest::newRow("same actor") << QStringLiteral("Peskov") << QStringLiteral("Peskov D.");
    }

    void actorMergeRefusals()
    {
        QFETCH(QString, kept);
        QFETCH(QString, absorbed);
        const CliRun r = runCli({QStringLiteral("actor-merge"), m_path, kept, absorbed});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.err.isEmpty());
        QCOMPARE(Project::open(m_path, ProjectAccess::ReadOnly)->actors().size(), 2);
    }

    void outletAddAndAssign()
    {
        CliRun r = runCli({QStringLiteral("outlet-add"), m_path, QStringLiteral("Kremlin Wire"), QStringLiteral("--domain"),
                           QStringLiteral("kremlinwire.example"), QStringLiteral("--country"), QStringLiteral("RU")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        const QUuid outletId = QUuid::fromString(QString::fromUtf8(r.out.trimmed()));
        QVERIFY(!outletId.isNull());
        r = runCli({QStringLiteral("outlet-assign"), m_path, QStringLiteral("--outlet"), QStringLiteral("Kremlin Wire"),
                    QStringLiteral("--document"), idString(m_doc1), QStringLiteral("--document"), idString(m_doc2)});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        {
            auto project = Project::open(m_path, ProjectAccess::ReadOnly);
            const Outlet o = *project->outlet(outletId);
            QCOMPARE(o.domains, QStringList{QStringLiteral("kremlinwire.example")});
            QCOMPARE(o.country, QStringLiteral("RU"));
            QCOMPARE(project->reader().documentSummary(m_doc1)->outletId, outletId);
            QCOMPARE(project->reader().documentSummary(m_doc2)->outletId, outletId);
        }
        r = runCli({QStringLiteral("outlet-assign"), m_path, QStringLiteral("--none"), QStringLiteral("--document"),
                    idString(m_doc2)});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        auto project = Project::open(m_path, ProjectAccess::ReadOnly);
        QVERIFY(project->reader().documentSummary(m_doc2)->outletId.isNull());
        QCOMPARE(project->reader().documentSummary(m_doc1)->outletId, outletId);
    }

    void outletRefusals_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("empty name") << QStringList{QStringLiteral("outlet-add"), QStringLiteral("{p}"), QStringLiteral(" ")};
        QTest::newRow("url as domain") << QStringList{QStringLiteral("outlet-add"), QStringLiteral("{p}"),
                                                      QStringLiteral("X"), QStringLiteral("--domain"),
                                                      QStringLiteral("https://x.example/")};
        QTest::newRow("unknown outlet") << QStringList{QStringLiteral("outlet-assign"), QStringLiteral("{p}"),
                                                       QStringLiteral("--outlet"), QStringLiteral("Nope"),
                                                       QStringLiteral("--document"), QStringLiteral("{d}")};
        QTest::newRow("unknown article") << QStringList{QStringLiteral("outlet-assign"), QStringLiteral("{p}"),
                                                        QStringLiteral("--none"), QStringLiteral("--document"),
                                                        QStringLiteral("ffffffff")};
        QTest::newRow("outlet and none") << QStringList{QStringLiteral("outlet-assign"), QStringLiteral("{p}"),
                                                        QStringLiteral("--none"), QStringLiteral("--outlet"),
                                                        QStringLiteral("X"), QStringLiteral("--document"),
                                                        QStringLiteral("{d}")};
    }

    void outletRefusals()
    {
        QFETCH(QStringList, args);
        args.replaceInStrings(QStringLiteral("{p}"), m_path);
        args.replaceInStrings(QStringLiteral("{d}"), idString(m_doc1));
        const CliRun r = runCli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.err.isEmpty());
        auto project = Project::open(m_path, ProjectAccess::ReadOnly);
        QVERIFY(project->outlets().isEmpty());
        QVERIFY(project->reader().documentSummary(m_doc1)->outletId.isNull());
    }
};

QTEST_GUILESS_MAIN(TestCliRegistryEdit)
#include "tst_cli_registryedit.moc"
