// Migrations: a file of every earlier schema version (tests/data/schema-vN.sql)
// opens, is upgraded in place with a backup of the original, and keeps its
// data. A file from a newer version is refused without being touched.
#include "../CoreTestSupport.h"
#include "../HelperProcess.h"
#include "../ProjectSnapshot.h"
#include "storage/FaultInjection.h"
#include "storage/Schema.h"

#include <QDir>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <thread>
#include "TestPaths.h"

using namespace newscoder;
using namespace newscoder::test;

namespace {

QString fixturePath(int version)
{
    return QStringLiteral(NEWSCODER_TEST_DATA_DIR "/schema-v%1.sql").arg(version);
}

// Statements of a fixture script: "--" comment lines are skipped, a statement
// ends with a line ending in ';' (string literals may span lines).
QStringList fixtureStatements(int version)
{
    QFile file(fixturePath(version));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList statements;
    QString current;
    for (const QString &line : QString::fromUtf8(file.readAll()).split(u'\n')) {
        if (current.isEmpty() && (line.trimmed().isEmpty() || line.startsWith(QStringLiteral("--"))))
            continue;
        current += current.isEmpty() ? line : QStringLiteral("\n") + line;
        if (line.trimmed().endsWith(u';')) {
            current = current.trimmed();
            current.chop(1);
            statements << current;
            current.clear();
        }
    }
    return statements;
}

// Builds an SQLite file of an old version from its fixture, with a plain
// QtSql connection (as that old Newscoder would have left it).
bool buildFromFixture(int version, const QString &path, QString *error)
{
    const QStringList statements = fixtureStatements(version);
    if (statements.isEmpty()) {
        *error = QStringLiteral("no statements in ") + fixturePath(version);
        return false;
    }
    return withRawDatabase(path, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        for (const QString &s : statements) {
            if (!q.exec(s)) {
                *error = s.left(60) + QStringLiteral(": ") + q.lastError().text();
                return false;
            }
        }
        return true;
    });
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Every fixture keeps describing what its version really was: its schema
    // statements (CREATE and ALTER) are exactly those of versions 1 to N.
    void fixtureMatchesItsSchemaVersion_data()
    {
        QTest::addColumn<int>("version");
        for (int v = 1; v < schema::currentVersion(); ++v)
            QTest::addRow("v%d", v) << v;
    }

    void fixtureMatchesItsSchemaVersion()
    {
        QFETCH(int, version);
        const auto schemaOnly = [](const QStringList &statements) {
            QStringList kept;
            for (const QString &s : statements) {
                if (s.startsWith(QStringLiteral("CREATE")) || s.startsWith(QStringLiteral("ALTER")))
                    kept << s;
            }
            return kept;
        };
        QStringList expected;
        for (int v = 1; v <= version; ++v)
            expected += schemaOnly(schema::migrationStatements(v));
        QCOMPARE(schemaOnly(fixtureStatements(version)), expected);
    }

    // Version 4: annotations a version 3 text edit flagged (status review)
    // gain the reason "text-deleted" (the edit itself was not recorded then);
    // the others have no reason. The data and statuses are kept.
    void version3ReviewFlagsGainAReason()
    {
        const QString path = m_dir.filePath(QStringLiteral("data-v3.newscoder"));
        QString error;
        QVERIFY2(buildFromFixture(3, path, &error), qPrintable(error));
        {
            auto migrated = ProjectStore::open(path);
            QCOMPARE(migrated->schemaVersion(), schema::currentVersion());
        }
        auto store = reader(path);
        const auto id = [](int n) { return QUuid::fromString(QStringLiteral("a0000000-0000-4000-8000-00000000000%1").arg(n)); };
        const auto coded = store->annotation(id(1));
        const auto review = store->annotation(id(2));
        const auto suggested = store->annotation(id(3));
        QVERIFY(coded && review && suggested);
        QCOMPARE(coded->status, AnnotationStatus::Coded);
        QCOMPARE(coded->reviewReason, QString());
        QVERIFY(!coded->needsReview());
        QCOMPARE(review->status, AnnotationStatus::Review);
        QCOMPARE(review->reviewReason, QStringLiteral("text-deleted"));
        QCOMPARE(review->reviewEdit, QString());
        QCOMPARE(review->memo, QStringLiteral("quote lost in an edit"));
        QCOMPARE(suggested->status, AnnotationStatus::Suggested);
        QVERIFY(!suggested->needsReview());
        const QList<Annotation> flagged = store->flaggedAnnotations();
        QCOMPARE(flagged.size(), 1);
        QCOMPARE(flagged.first().id, id(2));
        // The backup is the untouched version 3 file.
        QCOMPARE(queryValue(path + QStringLiteral(".v3.bak"), QStringLiteral("SELECT COUNT(*) FROM pragma_table_info("
                                                                              "'annotations') WHERE name = 'review_reason'"))
                     .toInt(),
                 0);
    }

    // Version 5: offsets move to annotation_anchors and the annotations table
    // is rebuilt. Every annotation keeps its offsets, status, reason, edit and
    // memo; field values and links to other annotations survive the rebuild
    // (no cascade fired); deleting an annotation still removes its anchor.
    void version4AnnotationsKeepAnchorsValuesAndLinks()
    {
        const QString path = m_dir.filePath(QStringLiteral("data-v4.newscoder"));
        QString error;
        QVERIFY2(buildFromFixture(4, path, &error), qPrintable(error));
        {
            auto migrated = ProjectStore::open(path);
            QCOMPARE(migrated->schemaVersion(), schema::currentVersion());
        }
        const auto id = [](int n) { return QUuid::fromString(QStringLiteral("a0000000-0000-4000-8000-00000000000%1").arg(n)); };
        const QUuid speakerField = QUuid::fromString(u"f1e1d000-0000-4000-8000-000000000001");
        const QUuid toneField = QUuid::fromString(u"f1e1d000-0000-4000-8000-000000000002");
        {
            auto store = reader(path);
            const QString body = store->documentText(QUuid::fromString(u"d0c00000-0000-4000-8000-000000000001"));
            const auto speaker = store->annotation(id(1));
            const auto quote = store->annotation(id(2));
            const auto flagged = store->annotation(id(3));
            QVERIFY(speaker && quote && flagged);
            QCOMPARE(body.mid(speaker->start, speaker->length()), QStringLiteral("Ana Reyes"));
            QCOMPARE(body.mid(quote->start, quote->length()), QStringLiteral("\"Talks are frozen until May.\""));
            QCOMPARE(quote->memo, QStringLiteral("the minister's words"));
            QCOMPARE(flagged->start, 55);
            QCOMPARE(flagged->end, 56);
            QCOMPARE(flagged->status, AnnotationStatus::Review);
            QCOMPARE(flagged->reviewReason, QStringLiteral("text-deleted"));
            QVERIFY(flagged->reviewEdit.contains(QStringLiteral("\"removed\":\"The port\"")));
            const QList<FieldValue> values = store->annotationValues(id(2));
            QCOMPARE(values.size(), 2);
            const auto link = std::find_if(values.cbegin(), values.cend(),
                                           [&](const FieldValue &v) { return v.fieldId == speakerField; });
            const auto tone = std::find_if(values.cbegin(), values.cend(),
                                           [&](const FieldValue &v) { return v.fieldId == toneField; });
            QVERIFY(link != values.cend() && tone != values.cend());
            QCOMPARE(link->annotationId, id(1));
            QCOMPARE(tone->text, QStringLiteral("firm"));
            QCOMPARE(store->annotationsForDocument(speaker->documentId).size(), 3);
        }
        QCOMPARE(queryValue(path, QStringLiteral("SELECT COUNT(*) FROM annotation_anchors")).toInt(), 3);
        QCOMPARE(queryValue(path, QStringLiteral("SELECT COUNT(*) FROM pragma_table_info('annotations')"
                                                 " WHERE name = 'start_offset'"))
                     .toInt(),
                 0);
        {
            auto store = ProjectStore::open(path);
            WriteTransaction tx(*store);
            store->deleteAnnotation(id(1)); // the link to it goes too (cascade)
            tx.commit();
            QCOMPARE(store->annotationValues(id(2)).size(), 1);
        }
        QCOMPARE(queryValue(path, QStringLiteral("SELECT COUNT(*) FROM annotation_anchors")).toInt(), 2);
        // The backup is the untouched version 4 file (offsets in the row).
        QCOMPARE(queryValue(path + QStringLiteral(".v4.bak"), QStringLiteral("SELECT start_offset FROM annotations"
                                                                              " WHERE id = 'a0000000-0000-4000-8000-000000000002'"))
                     .toInt(),
                 25);
    }

    // A process killed (SIGKILL) in the middle of the upgrade — every statement
    // run, the transaction not committed — leaves the old file exactly as it
    // was; the next opening upgrades it completely.
    void migrationKilledLeavesTheOldFileWhole()
    {
        const QString path = m_dir.filePath(QStringLiteral("killed-v4.newscoder"));
        QString error;
        QVERIFY2(buildFromFixture(4, path, &error), qPrintable(error));
        const ProjectSnapshot before = ProjectSnapshot::take(path);
        QVERIFY2(before.error().isEmpty(), qPrintable(before.error()));
        const HelperRun run = runHelper(QStringLiteral(DURABILITY_HELPER), {QStringLiteral("--open"), path},
                                        QStringLiteral("migrate-in-transaction"));
        QVERIFY2(run.killed(), qPrintable(run.describe()));
        QCOMPARE(queryValue(path, QStringLiteral("SELECT value FROM meta WHERE name = 'schema_version'")).toString(),
                 QStringLiteral("4"));
        const ProjectSnapshot after = ProjectSnapshot::take(path);
        QVERIFY2(after == before, qPrintable(ProjectSnapshot::diff(before, after)));
        {
            auto store = ProjectStore::open(path);
            QCOMPARE(store->schemaVersion(), schema::currentVersion());
            QCOMPARE(store->annotationCount(), 3);
        }
        QCOMPARE(queryValue(path, QStringLiteral("SELECT COUNT(*) FROM annotation_anchors")).toInt(), 3);
    }

    // A version 2 project keeps its metadata and gains the rich coding model
    // with neutral defaults: span codes, coded annotations, no outlet.
    void version2DataSurvivesWithDefaults()
    {
        const QString path = m_dir.filePath(QStringLiteral("data-v2.newscoder"));
        QString error;
        QVERIFY2(buildFromFixture(2, path, &error), qPrintable(error));
        {
            auto migrated = ProjectStore::open(path);
            QCOMPARE(migrated->schemaVersion(), schema::currentVersion());
        }
        auto store = reader(path);
        const QUuid harbour = QUuid::fromString(u"d0c00000-0000-4000-8000-000000000001");
        const auto d1 = store->document(harbour);
        QVERIFY(d1);
        const QList<MetadataEntry> metadata{{QStringLiteral("keywords"), QStringLiteral("port, talks")},
                                            {QStringLiteral("byline"), QStringLiteral("By Ana Writer")}};
        QCOMPARE(d1->metadata, metadata);
        QVERIFY(d1->outletId.isNull());
        QVERIFY(d1->memo.isEmpty());
        QCOMPARE(store->codes().size(), 3);
        for (const Code &c : store->codes()) {
            QCOMPARE(c.unit, CodeUnit::Span);
            QVERIFY(c.fields.isEmpty());
        }
        QCOMPARE(store->annotationCount(), 3);
        store->forEachAnnotation([](const Annotation &a) {
            [&] { QCOMPARE(a.status, AnnotationStatus::Coded); }();
            return true;
        });
        QVERIFY(store->actors().isEmpty());
        QVERIFY(store->outlets().isEmpty());
        QVERIFY(store->annotationValues(QUuid::fromString(u"a0000000-0000-4000-8000-000000000001")).isEmpty());
        // The backup is the untouched version 2 file.
        QCOMPARE(queryValue(path + QStringLiteral(".v2.bak"),
                            QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'actors'"))
                     .toInt(),
                 0);
    }

    void everyEarlierVersionMigrates_data()
    {
        QTest::addColumn<int>("version");
        QVERIFY(schema::currentVersion() >= 2);
        for (int v = 1; v < schema::currentVersion(); ++v)
            QTest::addRow("v%d", v) << v;
    }

    void everyEarlierVersionMigrates()
    {
        QFETCH(int, version);
        QVERIFY2(QFileInfo::exists(fixturePath(version)),
                 qPrintable(QStringLiteral("no fixture for schema version %1: add %2").arg(version).arg(fixturePath(version))));
        const QString path = m_dir.filePath(QStringLiteral("old-v%1.newscoder").arg(version));
        QString error;
        QVERIFY2(buildFromFixture(version, path, &error), qPrintable(error));
        QCOMPARE(queryValue(path, QStringLiteral("SELECT value FROM meta WHERE name = 'schema_version'")).toString(),
                 QString::number(version));
        const QByteArray original = fileHash(path);

        // Read-only opening reads an upgraded temporary copy: the file is
        // never written, nothing appears next to it (no backup, no lock).
        // (Before, it was refused: an old file could not be looked at read-only.)
        const QStringList folderBefore = QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden);
        {
            std::unique_ptr<ProjectStore> readOnly;
            try {
                readOnly = reader(path);
            } catch (const StoreError &e) {
                QFAIL(qPrintable(QStringLiteral("an old file opens read-only: ") + e.message()));
            }
            QVERIFY(readOnly->isReadOnly());
            QCOMPARE(readOnly->path(), path);
            QCOMPARE(readOnly->schemaVersion(), schema::currentVersion());
            QCOMPARE(readOnly->documentSummaries().size(),
                     queryValue(path, QStringLiteral("SELECT COUNT(*) FROM documents")).toInt());
            try {
                WriteTransaction tx(*readOnly);
                QFAIL("a read-only store must refuse writing");
            } catch (const StoreError &) {
            }
            QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden), folderBefore);
            // A worker's own reader reads the same upgraded copy, on its thread.
            const ReaderSource source = readOnly->readerSource();
            int workerDocuments = -1;
            int workerVersion = -1;
            QString workerError;
            std::thread worker([&] {
                try {
                    const auto own = source.open();
                    workerDocuments = int(own->documentSummaries().size());
                    workerVersion = own->schemaVersion();
                } catch (const StoreError &e) {
                    workerError = e.message();
                }
            });
            worker.join();
            QVERIFY2(workerError.isEmpty(), qPrintable(workerError));
            QCOMPARE(workerVersion, schema::currentVersion());
            QCOMPARE(workerDocuments, int(readOnly->documentSummaries().size()));
        }
        QCOMPARE(fileHash(path), original);
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden), folderBefore);

        const QString backup = path + QStringLiteral(".v%1.bak").arg(version);
        {
            auto store = ProjectStore::open(path);
            QCOMPARE(store->schemaVersion(), schema::currentVersion());
            for (const QString &table : schema::requiredTables())
                QVERIFY2(store->database().tables().contains(table), qPrintable(table));
        }
        // The backup is the untouched old project.
        QVERIFY(QFileInfo::exists(backup));
        QCOMPARE(queryValue(backup, QStringLiteral("SELECT value FROM meta WHERE name = 'schema_version'")).toString(),
                 QString::number(version));
        QCOMPARE(queryValue(backup, QStringLiteral("SELECT COUNT(*) FROM documents")).toInt(),
                 queryValue(path, QStringLiteral("SELECT COUNT(*) FROM documents")).toInt());
        // The upgrade was committed to the file (a fresh reader agrees).
        QCOMPARE(reader(path)->schemaVersion(), schema::currentVersion());
    }

    // Version 6: the coders of a version 5 file become plain coders without a
    // colour; the study tables start empty; annotations and values are kept.
    void version5CodersBecomeCodersOfAStudy()
    {
        const QString path = m_dir.filePath(QStringLiteral("study-v5.newscoder"));
        QString error;
        QVERIFY2(buildFromFixture(5, path, &error), qPrintable(error));
        const int annotations = queryValue(path, QStringLiteral("SELECT COUNT(*) FROM annotations")).toInt();
        const int values = queryValue(path, QStringLiteral("SELECT COUNT(*) FROM annotation_values")).toInt();
        QVERIFY(annotations > 0 && values > 0);
        {
            auto store = ProjectStore::open(path);
            const QList<Coder> coders = store->coders();
            QCOMPARE(coders.size(), 1);
            QCOMPARE(coders[0].name, QStringLiteral("Alex Example"));
            QCOMPARE(coders[0].role, CoderRole::Coder);
            QCOMPARE(coders[0].colour, QString());
            QVERIFY(store->assignments().isEmpty());
            QVERIFY(store->decisions().isEmpty());
            QVERIFY(store->reliabilitySamples().isEmpty());
            QCOMPARE(store->annotationCount(), annotations);
        }
        QCOMPARE(queryValue(path, QStringLiteral("SELECT COUNT(*) FROM annotation_values")).toInt(), values);
    }

    // Version 7: a version 6 study keeps its roles, sample, assignments and
    // decisions; merge bases start empty.
    void version6StudyKeepsItsRecordsAndGainsMergeBases()
    {
        const QString path = m_dir.filePath(QStringLiteral("study-v6.newscoder"));
        QString error;
        QVERIFY2(buildFromFixture(6, path, &error), qPrintable(error));
        const int annotations = queryValue(path, QStringLiteral("SELECT COUNT(*) FROM annotations")).toInt();
        QVERIFY(annotations > 0);
        {
            auto store = ProjectStore::open(path);
            QCOMPARE(store->schemaVersion(), 7);
            const auto lead = store->coderByName(QStringLiteral("Lee Lead"));
            QVERIFY(lead.has_value());
            QCOMPARE(lead->role, CoderRole::Lead);
            QCOMPARE(store->coderByName(QStringLiteral("Alex Example"))->colour, QStringLiteral("#1f77b4"));
            QCOMPARE(store->reliabilitySamples().size(), 1);
            QCOMPARE(store->reliabilitySamples()[0].seed, quint64(7));
            const QList<Assignment> assigned = store->assignments();
            QCOMPARE(assigned.size(), 1);
            QVERIFY(assigned[0].done.isValid());
            QCOMPARE(store->decisions().size(), 1);
            QCOMPARE(store->decisions()[0].memo, QStringLiteral("not a quote"));
            QCOMPARE(store->annotationCount(), annotations);
        }
        QCOMPARE(queryValue(path, QStringLiteral("SELECT COUNT(*) FROM merge_bases")).toInt(), 0);
    }

    // A migration whose Nth statement fails (every N in turn) is rolled back
    // whole: the file keeps its old version and data, the backup stays, and
    // the next opening upgrades it.
    void failedMigrationRollsBack()
    {
        const QString built = m_dir.filePath(QStringLiteral("fault-v1-source.newscoder"));
        QString error;
        QVERIFY2(buildFromFixture(1, built, &error), qPrintable(error));
        const ProjectSnapshot original = ProjectSnapshot::take(built);
        QVERIFY(original.error().isEmpty());
        int failures = 0;
        for (int n = 1;; ++n) {
            const QString path = m_dir.filePath(QStringLiteral("fault-v1-%1.newscoder").arg(n));
            QVERIFY(QFile::copy(built, path));
            storage_fault::failNthWrite(n);
            bool failed = false;
            try {
                ProjectStore::open(path);
            } catch (const StoreError &e) {
                failed = true;
                QCOMPARE(e.kind(), StoreError::Kind::Io);
                QVERIFY2(e.message().contains(QStringLiteral("disk I/O error")), qPrintable(e.message()));
            }
            const bool fired = storage_fault::fired();
            storage_fault::disarm();
            QCOMPARE(failed, fired);
            if (!fired)
                break; // every statement of the migration has failed once
            ++failures;
            QVERIFY_SNAPSHOT(original, ProjectSnapshot::take(path), "after a failed migration");
            const QString backup = path + QStringLiteral(".v1.bak");
            QVERIFY(QFileInfo::exists(backup));
            QVERIFY_SNAPSHOT(original, ProjectSnapshot::take(backup), "the backup");
            auto store = ProjectStore::open(path); // a later opening upgrades it
            QCOMPARE(store->schemaVersion(), schema::currentVersion());
            QCOMPARE(store->documentCount(), 2);
            QVERIFY(n < 500);
        }
        // All statements of every migration after version 1 plus the version update and the commit.
        int statements = 0;
        for (int version = 2; version <= schema::currentVersion(); ++version)
            statements += int(schema::migrationStatements(version).size());
        QCOMPARE(failures, statements + 2);
    }

    // What the v1 fixture holds survives the upgrade to the current version.
    void version1DataSurvives()
    {
        const QString path = m_dir.filePath(QStringLiteral("data-v1.newscoder"));
        QString error;
        QVERIFY2(buildFromFixture(1, path, &error), qPrintable(error));
        {
            auto migrated = ProjectStore::open(path);
            QCOMPARE(migrated->schemaVersion(), schema::currentVersion());
        }
        auto store = reader(path);
        QCOMPARE(store->projectId(), QUuid::fromString(u"5b0f5c1e-3c1a-4d55-9a39-0d6f0e6a8a11"));
        QCOMPARE(store->documentCount(), 2);
        QCOMPARE(store->annotationCount(), 3);
        QCOMPARE(store->codes().size(), 3);
        QCOMPARE(store->coders().size(), 2);

        const QUuid harbour = QUuid::fromString(u"d0c00000-0000-4000-8000-000000000001");
        const QUuid festival = QUuid::fromString(u"d0c00000-0000-4000-8000-000000000002");
        const auto d1 = store->document(harbour);
        QVERIFY(d1);
        QCOMPARE(d1->title, QStringLiteral("Harbour talks stall"));
        QCOMPARE(d1->outlet, QStringLiteral("harbourgazette.example"));
        QCOMPARE(d1->date, QDate(2024, 3, 14));
        QCOMPARE(d1->author, QStringLiteral("Ana Writer"));
        QCOMPARE(d1->text, PlainText);
        QVERIFY(d1->metadata.isEmpty()); // v1 had no metadata; the new table starts empty
        const auto d2 = store->document(festival);
        QVERIFY(d2);
        QCOMPARE(d2->text, NonBmpText);
        QVERIFY(!d2->date.isValid());
        QCOMPARE(store->documentSummary(festival)->length, int(NonBmpText.size()));

        const auto child = store->codeByName(QStringLiteral("Direct quote"));
        QVERIFY(child);
        QCOMPARE(child->parentId, store->codeByName(QStringLiteral("Quote"))->id);
        QCOMPARE(store->codeByName(QStringLiteral("Quote"))->shortcut, QStringLiteral("1"));
        QCOMPARE(store->codeByName(QStringLiteral("Quote"))->color, QColor(QStringLiteral("#e6a23c")));

        const auto clef = store->annotation(QUuid::fromString(u"a0000000-0000-4000-8000-000000000003"));
        QVERIFY(clef);
        QCOMPARE(d2->text.mid(clef->start, clef->end - clef->start), QStringLiteral("\U0001D11E"));
        QCOMPARE(clef->memo, QStringLiteral("a clef \U0001D11E"));
        QCOMPARE(clef->created, QDateTime(QDate(2024, 5, 2), QTime(10, 2), QTimeZone::UTC));
        const auto quote = store->annotation(QUuid::fromString(u"a0000000-0000-4000-8000-000000000002"));
        QVERIFY(quote);
        QCOMPARE(d1->text.mid(quote->start, quote->end - quote->start), QStringLiteral("Talks are frozen until May."));
        QCOMPARE(store->coderByName(QStringLiteral("Kim Beispiel"))->id, quote->coderId);
        QCOMPARE(quote->modified, QDateTime(QDate(2024, 5, 2), QTime(10, 5), QTimeZone::UTC));

        // The new indexes of version 2 exist.
        for (const char *index : {"annotations_by_code", "annotations_by_coder", "documents_by_outlet"}) {
            QCOMPARE(queryValue(path, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND "
                                                     "name = '%1'")
                                          .arg(QLatin1String(index)))
                         .toInt(),
                     1);
        }
        // The backup still is version 1, without the new table.
        const QString backup = path + QStringLiteral(".v1.bak");
        QCOMPARE(queryValue(backup, QStringLiteral("SELECT value FROM meta WHERE name = 'schema_version'")).toString(),
                 QStringLiteral("1"));
        QCOMPARE(queryValue(backup, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = "
                                                   "'document_metadata'"))
                     .toInt(),
                 0);
        QCOMPARE(queryValue(backup, QStringLiteral("SELECT COUNT(*) FROM annotations")).toInt(), 3);
    }

    void migratedProjectIsFullyUsable()
    {
        const QString path = m_dir.filePath(QStringLiteral("usable-v1.newscoder"));
        QString error;
        QVERIFY2(buildFromFixture(1, path, &error), qPrintable(error));
        const QUuid harbour = QUuid::fromString(u"d0c00000-0000-4000-8000-000000000001");
        {
            auto project = Project::open(path);
            Document d = *project->reader().document(harbour);
            d.metadata = {{QStringLiteral("keywords"), QStringLiteral("port")}};
            QVERIFY(project->updateDocumentDetails(d));
            project->setCoderName(QStringLiteral("Alex Example"));
            QVERIFY(project->addAnnotation(harbour, project->codeByName(QStringLiteral("Quote"))->id, 55, 77));
        }
        const QByteArray backupHash = fileHash(path + QStringLiteral(".v1.bak"));
        // Reopening does not migrate again nor touch the backup.
        {
            auto store = ProjectStore::open(path);
            QCOMPARE(store->document(harbour)->metadata.size(), 1);
            QCOMPARE(store->annotationCount(), 4);
            QCOMPARE(store->coders().size(), 2); // "Alex Example" existed in v1
        }
        QCOMPARE(fileHash(path + QStringLiteral(".v1.bak")), backupHash);
        QVERIFY(!QFileInfo::exists(path + QStringLiteral(".v2.bak")));
    }

    void newerVersionIsRefusedUntouched_data()
    {
        QTest::addColumn<bool>("readOnly");
        QTest::newRow("read-write") << false;
        QTest::newRow("read-only") << true;
    }

    void newerVersionIsRefusedUntouched()
    {
        QFETCH(bool, readOnly);
        const QString path = m_dir.filePath(QStringLiteral("future-%1.newscoder").arg(readOnly ? u"ro" : u"rw"));
        {
            auto project = Project::create(path, defaultNewsCodebook());
            project->importDocuments({makeDocument(QStringLiteral("From the future"), NonBmpText)});
        }
        QVERIFY(execRaw(path, {QStringLiteral("UPDATE meta SET value = '99' WHERE name = 'schema_version'")}));
        const QStringList entriesBefore = folderEntries(m_dir.path());
        const QByteArray before = fileHash(path);
        const QDateTime modifiedBefore = QFileInfo(path).lastModified();
        try {
            ProjectStore::open(path, readOnly ? ProjectAccess::ReadOnly : ProjectAccess::ReadWrite);
            QFAIL("a file from a newer Newscoder must be refused");
        } catch (const StoreError &e) {
            QCOMPARE(e.kind(), StoreError::Kind::NewerVersion);
            QVERIFY2(e.message().contains(QStringLiteral("newer")), qPrintable(e.message()));
            QVERIFY2(e.message().contains(QStringLiteral("99")), qPrintable(e.message()));
        }
        QCOMPARE(fileHash(path), before);
        QCOMPARE(QFileInfo(path).lastModified(), modifiedBefore);
        // No backup, lock or journal left behind.
        const QStringList leftovers = newLeftovers(m_dir.path(), entriesBefore, path, readOnly);
        QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(u", ")));
        QCOMPARE(queryValue(path, QStringLiteral("SELECT value FROM meta WHERE name = 'schema_version'")).toString(),
                 QStringLiteral("99"));
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
