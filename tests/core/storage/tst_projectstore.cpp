// The project store: create/open/reopen, pragmas, keys, CRUD of every table,
// exact text with UTF-16 offsets, transactions, locking and Save a Copy.
#include "../CoreTestSupport.h"
#include "storage/Schema.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;
using namespace newscoder::test;

class TestProjectStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString newPath(const QString &name) const { return m_dir.filePath(name); }

    static Code makeCode(const QString &name, int position, const QUuid &parent = {})
    {
        Code c;
        c.id = QUuid::createUuid();
        c.parentId = parent;
        c.name = name;
        c.color = QColor(QStringLiteral("#336699"));
        c.description = name + QStringLiteral(" description");
        c.shortcut = QString::number(position + 1);
        c.position = position;
        return c;
    }

    static Annotation makeAnnotation(const QUuid &doc, const QUuid &code, const QUuid &coder, int start, int end)
    {
        Annotation a;
        a.id = QUuid::createUuid();
        a.documentId = doc;
        a.codeId = code;
        a.coderId = coder;
        a.start = start;
        a.end = end;
        a.memo = QStringLiteral("memo \U0001F4DD");
        a.created = QDateTime::currentDateTimeUtc();
        a.modified = a.created.addMSecs(1234);
        return a;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void createMakesAnEmptyCurrentProject()
    {
        const QString path = newPath(QStringLiteral("new.newscoder"));
        auto store = ProjectStore::create(path);
        QVERIFY(QFileInfo::exists(path));
        QCOMPARE(store->path(), QFileInfo(path).absoluteFilePath());
        QVERIFY(!store->isReadOnly());
        QCOMPARE(store->schemaVersion(), schema::currentVersion());
        QVERIFY(!store->projectId().isNull());
        QCOMPARE(store->documentCount(), 0);
        QCOMPARE(store->annotationCount(), 0);
        QVERIFY(store->codes().isEmpty());
        QVERIFY(store->coders().isEmpty());
        const QStringList tables = store->database().tables();
        for (const QString &t : schema::requiredTables())
            QVERIFY2(tables.contains(t), qPrintable(t));
        // The list the store checks on open is the list a new project has: no table
        // of the schema is missing from it, none is there that the schema lacks.
        QStringList userTables = tables.filter(QRegularExpression(QStringLiteral("^(?!sqlite_)")));
        QStringList required = schema::requiredTables();
        userTables.sort();
        required.sort();
        QCOMPARE(userTables, required);
        // No temporary build file is left next to it.
        const QStringList leftovers = folderEntries(m_dir.path()).filter(QStringLiteral(".newscoder-new-"));
        QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(u", ")));
    }

    void createRefusesAnExistingPath()
    {
        const QString path = newPath(QStringLiteral("existing.txt"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("my precious notes\n");
        }
        const QByteArray before = fileHash(path);
        try {
            ProjectStore::create(path);
            QFAIL("create() on an existing file must throw");
        } catch (const StoreError &e) {
            QCOMPARE(e.kind(), StoreError::Kind::Exists);
            QVERIFY(!e.message().isEmpty());
        }
        QCOMPARE(fileHash(path), before);

        // Also an existing project.
        const QString project = newPath(QStringLiteral("existing.newscoder"));
        ProjectStore::create(project).reset();
        const QByteArray projectBefore = fileHash(project);
        QVERIFY_THROWS_EXCEPTION(StoreError, ProjectStore::create(project));
        QCOMPARE(fileHash(project), projectBefore);
    }

    void createInAMissingFolderFails()
    {
        try {
            ProjectStore::create(newPath(QStringLiteral("no/such/folder/p.newscoder")));
            QFAIL("must throw");
        } catch (const StoreError &e) {
            QCOMPARE(e.kind(), StoreError::Kind::Io);
        }
    }

    void pragmasAndKeys()
    {
        auto store = ProjectStore::create(newPath(QStringLiteral("pragmas.newscoder")));
        QSqlQuery q(store->database());
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        q.finish();
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        q.finish();
        QVERIFY(q.exec(QStringLiteral("PRAGMA synchronous")) && q.next());
        QCOMPARE(q.value(0).toInt(), 2); // FULL
        q.finish();

        // Foreign keys are enforced, not only declared.
        const Annotation orphan = makeAnnotation(QUuid::createUuid(), QUuid::createUuid(), QUuid::createUuid(), 0, 1);
        QVERIFY_THROWS_EXCEPTION(StoreError, store->insertAnnotation(orphan));
        QCOMPARE(store->annotationCount(), 0);
    }

    void keysAreUuidText()
    {
        auto store = ProjectStore::create(newPath(QStringLiteral("uuid.newscoder")));
        Document d = makeDocument(QStringLiteral("Keyed"), PlainText);
        d.id = QUuid::createUuid();
        const Code c = makeCode(QStringLiteral("Quote"), 0);
        store->insertDocument(d);
        store->insertCode(c);
        const QUuid coder = store->ensureCoder(QStringLiteral("Alex"));
        QVERIFY(!coder.isNull());
        QCOMPARE(coder.version(), QUuid::Random);
        store->insertAnnotation(makeAnnotation(d.id, c.id, coder, 0, 8));
        for (const char *table : {"documents", "codes", "coders", "annotations"}) {
            QSqlQuery q(store->database());
            QVERIFY(q.exec(QStringLiteral("SELECT id, typeof(id) FROM %1").arg(QLatin1String(table))));
            QVERIFY(q.next());
            QCOMPARE(q.value(1).toString(), QStringLiteral("text"));
            const QString id = q.value(0).toString();
            QCOMPARE(id.size(), 36); // no braces
            QVERIFY2(!QUuid::fromString(id).isNull(), qPrintable(id));
        }
        QSqlQuery q(store->database());
        QVERIFY(q.exec(QStringLiteral("SELECT id FROM documents")) && q.next());
        QCOMPARE(q.value(0).toString(), d.id.toString(QUuid::WithoutBraces));
        QCOMPARE(idFromString(idString(d.id)), d.id);
    }

    void reopenKeepsEverything()
    {
        const QString path = newPath(QStringLiteral("reopen.newscoder"));
        Document d = makeDocument(QStringLiteral("Reopened"), NonBmpText,
                                  {{QStringLiteral("keywords"), QStringLiteral("port, strike")}});
        d.id = QUuid::createUuid();
        QUuid projectId;
        Annotation a;
        {
            auto store = ProjectStore::create(path);
            projectId = store->projectId();
            const Code c = makeCode(QStringLiteral("Quote"), 0);
            WriteTransaction tx(*store);
            store->insertDocument(d);
            store->insertCode(c);
            a = makeAnnotation(d.id, c.id, store->ensureCoder(QStringLiteral("Alex")), 10, 12);
            store->insertAnnotation(a);
            tx.commit();
        }
        QVERIFY(!QFileInfo::exists(path + QStringLiteral(".lock")));
        auto store = ProjectStore::open(path);
        QCOMPARE(store->projectId(), projectId);
        QCOMPARE(store->schemaVersion(), schema::currentVersion());
        const auto back = store->document(d.id);
        QVERIFY(back);
        const QString diff = documentDiff(*back, d);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        const auto annotation = store->annotation(a.id);
        QVERIFY(annotation);
        const QString adiff = annotationDiff(*annotation, a);
        QVERIFY2(adiff.isEmpty(), qPrintable(adiff));
    }

    void textIsStoredExactlyWithUtf16Offsets_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("needle");
        QTest::newRow("clef and flag") << NonBmpText << QStringLiteral("\U0001F1FA\U0001F1E6");
        QTest::newRow("math letters") << QStringLiteral("x \U0001D538\U0001D553\U0001D554 y") << QStringLiteral("\U0001D553");
        QTest::newRow("crlf, tabs, trailing spaces") << QStringLiteral("a\r\nb\tc  \r\n\n  ")
                                                     << QStringLiteral("\tc");
        QTest::newRow("combining and rtl") << QStringLiteral("Cafe\u0301 \u05E9\u05DC\u05D5\u05DD end")
                                           << QStringLiteral("\u05E9\u05DC\u05D5\u05DD");
    }

    void textIsStoredExactlyWithUtf16Offsets()
    {
        QFETCH(QString, text);
        QFETCH(QString, needle);
        const QString path = newPath(QStringLiteral("text-%1.newscoder").arg(QUuid::createUuid().toString(QUuid::Id128)));
        Document d = makeDocument(QStringLiteral("Exact"), text);
        d.id = QUuid::createUuid();
        const int start = int(text.indexOf(needle));
        QVERIFY(start >= 0);
        const int end = start + int(needle.size());
        Annotation a;
        {
            auto store = ProjectStore::create(path);
            const Code c = makeCode(QStringLiteral("Quote"), 0);
            store->insertDocument(d);
            store->insertCode(c);
            a = makeAnnotation(d.id, c.id, store->ensureCoder(QStringLiteral("Alex")), start, end);
            store->insertAnnotation(a);
        }
        auto store = reader(path);
        const QString stored = store->documentText(d.id);
        QCOMPARE(stored.size(), text.size());
        QVERIFY(stored == text);
        QCOMPARE(stored.toUtf8(), text.toUtf8());
        QCOMPARE(store->documentSummary(d.id)->length, int(text.size())); // UTF-16 units, not code points
        QCOMPARE(queryValue(path, QStringLiteral("SELECT body_length FROM documents")).toInt(), int(text.size()));
        const auto back = store->annotation(a.id);
        QVERIFY(back);
        QCOMPARE(stored.mid(back->start, back->end - back->start), needle);
    }

    void documentCrudAndMetadataOrder()
    {
        auto store = ProjectStore::create(newPath(QStringLiteral("docs.newscoder")));
        const QList<MetadataEntry> metadata = {{QStringLiteral("zeta"), QStringLiteral("1")},
                                               {QStringLiteral("alpha"), QStringLiteral("2")},
                                               {QStringLiteral("mu"), QStringLiteral("3")},
                                               {QStringLiteral("alpha"), QStringLiteral("again")}};
        Document d = makeDocument(QStringLiteral("B title"), PlainText, metadata);
        d.id = QUuid::createUuid();
        Document undated = makeDocument(QStringLiteral("A title"), NonBmpText);
        undated.id = QUuid::createUuid();
        undated.date = QDate();
        store->insertDocument(d);
        store->insertDocument(undated);
        QCOMPARE(store->documentCount(), 2);
        QCOMPARE(store->document(d.id)->metadata, metadata); // insertion order, duplicates kept
        QVERIFY(!store->document(undated.id)->date.isValid());
        QVERIFY(queryValue(store->path(), QStringLiteral("SELECT published FROM documents WHERE title = 'A title'"))
                    .isNull());

        const auto summary = store->documentSummary(d.id);
        QVERIFY(summary);
        QCOMPARE(summary->title, d.title);
        QCOMPARE(summary->outlet, d.outlet);
        QCOMPARE(summary->date, d.date);
        QCOMPARE(summary->url, d.url);
        QCOMPARE(summary->length, int(PlainText.size()));
        QCOMPARE(summary->annotationCount, 0);
        QCOMPARE(store->documentSummaries().size(), 2);

        const QList<MetadataEntry> reordered = {metadata[2], metadata[0]};
        store->replaceDocumentMetadata(d.id, reordered);
        QCOMPARE(store->document(d.id)->metadata, reordered);

        Document header = *store->document(d.id);
        header.title = QStringLiteral("New title");
        header.outlet = QStringLiteral("other.example");
        header.date = QDate(2020, 1, 2);
        header.url = QStringLiteral("https://other.example/x");
        header.author = QStringLiteral("Kim");
        header.text = QStringLiteral("ignored by updateDocumentHeader");
        store->updateDocumentHeader(header);
        const auto updated = store->document(d.id);
        QCOMPARE(updated->title, header.title);
        QCOMPARE(updated->outlet, header.outlet);
        QCOMPARE(updated->date, header.date);
        QCOMPARE(updated->url, header.url);
        QCOMPARE(updated->author, header.author);
        QCOMPARE(updated->text, PlainText);

        Document ghost = header;
        ghost.id = QUuid::createUuid();
        QVERIFY_THROWS_EXCEPTION(StoreError, store->updateDocumentHeader(ghost));
        Document noId = d;
        noId.id = QUuid();
        QVERIFY_THROWS_EXCEPTION(StoreError, store->insertDocument(noId));

        // Deleting a document cascades to its annotations and metadata.
        const Code c = makeCode(QStringLiteral("Quote"), 0);
        store->insertCode(c);
        const QUuid coder = store->ensureCoder(QStringLiteral("Alex"));
        store->insertAnnotation(makeAnnotation(d.id, c.id, coder, 0, 5));
        store->insertAnnotation(makeAnnotation(undated.id, c.id, coder, 0, 4));
        QCOMPARE(store->documentSummary(d.id)->annotationCount, 1);
        store->deleteDocument(d.id);
        QVERIFY(!store->document(d.id));
        QCOMPARE(store->documentCount(), 1);
        QCOMPARE(store->annotationCount(), 1);
        QVERIFY(store->annotationsForDocument(d.id).isEmpty());
        QCOMPARE(queryValue(store->path(), QStringLiteral("SELECT COUNT(*) FROM document_metadata")).toInt(), 0);
    }

    void codeCrud()
    {
        auto store = ProjectStore::create(newPath(QStringLiteral("codes.newscoder")));
        const Code quote = makeCode(QStringLiteral("Quote"), 1);
        const Code speaker = makeCode(QStringLiteral("Speaker"), 0);
        const Code child = makeCode(QStringLiteral("Direct"), 0, quote.id);
        const Code grandchild = makeCode(QStringLiteral("Partial"), 0, child.id);
        for (const Code &c : {quote, speaker, child, grandchild})
            store->insertCode(c);
        const QList<Code> all = store->codes();
        QCOMPARE(all.size(), 4);
        // Depth-first tree order: parents before children, siblings by position.
        QStringList order;
        for (const Code &c : all)
            order << c.name;
        QCOMPARE(order, (QStringList{QStringLiteral("Speaker"), QStringLiteral("Quote"), QStringLiteral("Direct"),
                                     QStringLiteral("Partial")}));
        for (const Code &c : {quote, speaker, child, grandchild}) {
            const auto back = store->code(c.id);
            QVERIFY(back);
            const QString diff = codeDiff(*back, c);
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
        }
        QCOMPARE(store->codeByName(QStringLiteral("Direct"))->id, child.id);
        QVERIFY(!store->codeByName(QStringLiteral("Nope")));
        QVERIFY(queryValue(store->path(), QStringLiteral("SELECT parent_id FROM codes WHERE name = 'Quote'")).isNull());

        Code renamed = speaker;
        renamed.name = QStringLiteral("Source");
        renamed.color = QColor(Qt::red);
        renamed.shortcut = QStringLiteral("Ctrl+S");
        renamed.parentId = quote.id;
        store->updateCode(renamed);
        QVERIFY(codeDiff(*store->code(speaker.id), renamed).isEmpty());
        Code ghost = renamed;
        ghost.id = QUuid::createUuid();
        QVERIFY_THROWS_EXCEPTION(StoreError, store->updateCode(ghost));

        // Deleting a code takes its sub-codes and all their annotations.
        Document d = makeDocument(QStringLiteral("Doc"), PlainText);
        d.id = QUuid::createUuid();
        store->insertDocument(d);
        const QUuid coder = store->ensureCoder(QStringLiteral("Alex"));
        store->insertAnnotation(makeAnnotation(d.id, quote.id, coder, 0, 3));
        store->insertAnnotation(makeAnnotation(d.id, grandchild.id, coder, 3, 6));
        const Annotation kept = makeAnnotation(d.id, speaker.id, coder, 6, 9);
        store->insertAnnotation(kept);
        QCOMPARE(store->annotationCountsByCode().value(quote.id), 1);
        QCOMPARE(store->annotationsForCode(grandchild.id).size(), 1);
        store->deleteCode(quote.id);
        QVERIFY(!store->code(quote.id));
        QVERIFY(!store->code(child.id));
        QVERIFY(!store->code(grandchild.id));
        // "Source" was re-parented under Quote above: it goes too.
        QVERIFY(!store->code(speaker.id));
        QCOMPARE(store->codes().size(), 0);
        QCOMPARE(store->annotationCount(), 0);
    }

    void coders()
    {
        auto store = ProjectStore::create(newPath(QStringLiteral("coders.newscoder")));
        const QUuid kim = store->ensureCoder(QStringLiteral("  Kim  "));
        const QUuid alex = store->ensureCoder(QStringLiteral("Alex"));
        QCOMPARE(store->ensureCoder(QStringLiteral("Kim")), kim); // trimmed, not duplicated
        QVERIFY(kim != alex);
        const QList<Coder> list = store->coders();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0].name, QStringLiteral("Alex")); // ordered by name
        QCOMPARE(list[1].name, QStringLiteral("Kim"));
        QCOMPARE(store->coderByName(QStringLiteral("Kim"))->id, kim);
        QVERIFY(!store->coderByName(QStringLiteral("Nobody")));
        try {
            store->ensureCoder(QStringLiteral("   "));
            QFAIL("an empty coder name must be refused");
        } catch (const StoreError &e) {
            QCOMPARE(e.kind(), StoreError::Kind::Invalid);
        }
        QCOMPARE(store->coders().size(), 2);
    }

    void annotationCrud()
    {
        auto store = ProjectStore::create(newPath(QStringLiteral("annotations.newscoder")));
        Document d1 = makeDocument(QStringLiteral("One"), PlainText);
        d1.id = QUuid::createUuid();
        Document d2 = makeDocument(QStringLiteral("Two"), NonBmpText);
        d2.id = QUuid::createUuid();
        store->insertDocument(d1);
        store->insertDocument(d2);
        const Code c1 = makeCode(QStringLiteral("Quote"), 0);
        const Code c2 = makeCode(QStringLiteral("Claim"), 1);
        store->insertCode(c1);
        store->insertCode(c2);
        const QUuid coder = store->ensureCoder(QStringLiteral("Alex"));
        const Annotation late = makeAnnotation(d1.id, c1.id, coder, 26, 53);
        const Annotation early = makeAnnotation(d1.id, c2.id, coder, 0, 18);
        const Annotation other = makeAnnotation(d2.id, c1.id, coder, 10, 12);
        for (const Annotation &a : {late, early, other})
            store->insertAnnotation(a);
        QCOMPARE(store->annotationCount(), 3);
        const QList<Annotation> inDoc1 = store->annotationsForDocument(d1.id);
        QCOMPARE(inDoc1.size(), 2);
        QCOMPARE(inDoc1[0].id, early.id); // ordered by start
        QCOMPARE(inDoc1[1].id, late.id);
        QVERIFY(annotationDiff(inDoc1[1], late).isEmpty());
        QCOMPARE(store->annotationsForCode(c1.id).size(), 2);
        QCOMPARE(store->annotationCountsByCode().value(c2.id), 1);
        QCOMPARE(store->documentSummary(d1.id)->annotationCount, 2);
        QVERIFY(annotationListDiff(allAnnotations(*store), {late, early, other}).isEmpty());

        int visited = 0;
        store->forEachAnnotation([&](const Annotation &) { return ++visited < 2; });
        QCOMPARE(visited, 2); // stops when asked

        Annotation changed = late;
        changed.codeId = c2.id;
        changed.start = 27;
        changed.end = 52;
        changed.memo = QStringLiteral("edited");
        changed.modified = late.modified.addSecs(60);
        store->updateAnnotation(changed);
        const QString diff = annotationDiff(*store->annotation(late.id), changed);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));

        Annotation ghost = changed;
        ghost.id = QUuid::createUuid();
        QVERIFY_THROWS_EXCEPTION(StoreError, store->updateAnnotation(ghost));
        Annotation empty = makeAnnotation(d1.id, c1.id, coder, 5, 5);
        QVERIFY_THROWS_EXCEPTION(StoreError, store->insertAnnotation(empty)); // end > start, nothing written
        QCOMPARE(store->annotationCount(), 3);

        store->deleteAnnotation(early.id);
        QVERIFY(!store->annotation(early.id));
        QCOMPARE(store->annotationCount(), 2);
    }

    void transactions()
    {
        auto store = ProjectStore::create(newPath(QStringLiteral("tx.newscoder")));
        Document d = makeDocument(QStringLiteral("Rolled back"), PlainText);
        d.id = QUuid::createUuid();
        {
            WriteTransaction tx(*store);
            store->insertDocument(d);
        } // no commit
        QCOMPARE(store->documentCount(), 0);

        // A failed inner transaction spoils the outer one.
        {
            WriteTransaction outer(*store);
            store->insertDocument(d);
            {
                WriteTransaction inner(*store);
            }
            QVERIFY_THROWS_EXCEPTION(StoreError, outer.commit());
        }
        QCOMPARE(store->documentCount(), 0);

        {
            WriteTransaction outer(*store);
            {
                WriteTransaction inner(*store);
                store->insertDocument(d);
                inner.commit();
            }
            outer.commit();
        }
        QCOMPARE(reader(store->path())->documentCount(), 1);
        QVERIFY_THROWS_EXCEPTION(StoreError, store->commit()); // no transaction open
    }

    void readOnlyStoreRefusesWrites()
    {
        const QString path = newPath(QStringLiteral("ro.newscoder"));
        ProjectStore::create(path).reset();
        const QByteArray before = fileHash(path);
        {
            auto store = reader(path);
            QVERIFY(store->isReadOnly());
            try {
                store->begin();
                QFAIL("begin() on a read-only store must throw");
            } catch (const StoreError &e) {
                QCOMPARE(e.kind(), StoreError::Kind::Invalid);
            }
            Document d = makeDocument(QStringLiteral("x"), PlainText);
            d.id = QUuid::createUuid();
            QVERIFY_THROWS_EXCEPTION(StoreError, store->insertDocument(d));
        }
        QCOMPARE(fileHash(path), before);
    }

    void secondWriterIsLockedOut()
    {
        const QString path = newPath(QStringLiteral("locked.newscoder"));
        auto first = ProjectStore::create(path);
        QVERIFY(QFileInfo::exists(path + QStringLiteral(".lock")));
        try {
            ProjectStore::open(path, ProjectAccess::ReadWrite);
            QFAIL("a second writer must be refused");
        } catch (const StoreError &e) {
            QCOMPARE(e.kind(), StoreError::Kind::Locked);
            QVERIFY(e.message().contains(QStringLiteral("read-only")));
        }
        // Readers are welcome while it is locked, and see committed writes.
        Document d = makeDocument(QStringLiteral("Seen"), PlainText);
        d.id = QUuid::createUuid();
        first->insertDocument(d);
        {
            auto ro = reader(path);
            QCOMPARE(ro->documentCount(), 1);
        }
        // The refused attempt did not steal the lock.
        QVERIFY_THROWS_EXCEPTION(StoreError, ProjectStore::open(path));
        first.reset();
        QVERIFY(!QFileInfo::exists(path + QStringLiteral(".lock")));
        auto second = ProjectStore::open(path);
        QCOMPARE(second->documentCount(), 1);
    }

    void saveCopyMakesAnIdenticalProject()
    {
        const QString path = newPath(QStringLiteral("original.newscoder"));
        const QString copyPath = newPath(QStringLiteral("copy.newscoder"));
        auto store = ProjectStore::create(path);
        Document d = makeDocument(QStringLiteral("Copied"), NonBmpText, {{QStringLiteral("k"), QStringLiteral("v")}});
        d.id = QUuid::createUuid();
        const Code parent = makeCode(QStringLiteral("Quote"), 0);
        const Code child = makeCode(QStringLiteral("Direct"), 0, parent.id);
        store->insertDocument(d);
        store->insertCode(parent);
        store->insertCode(child);
        const Annotation a = makeAnnotation(d.id, child.id, store->ensureCoder(QStringLiteral("Alex")), 23, 27);
        store->insertAnnotation(a);

        { // an existing target is replaced
            QFile f(copyPath);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("old");
        }
        store->saveCopy(copyPath);
        try {
            store->saveCopy(path);
            QFAIL("a copy onto the open project must be refused");
        } catch (const StoreError &e) {
            QCOMPARE(e.kind(), StoreError::Kind::Invalid);
        }

        auto copy = ProjectStore::open(copyPath); // writable: a project of its own
        QCOMPARE(copy->schemaVersion(), store->schemaVersion());
        QCOMPARE(copy->projectId(), store->projectId());
        QVERIFY(documentDiff(*copy->document(d.id), *store->document(d.id)).isEmpty());
        QVERIFY(codeListDiff(copy->codes(), store->codes()).isEmpty());
        QVERIFY(annotationListDiff(allAnnotations(*copy), allAnnotations(*store)).isEmpty());
        QCOMPARE(copy->coders().size(), 1);
        QCOMPARE(copy->coders().first().name, QStringLiteral("Alex"));
        QCOMPARE(copy->documentText(d.id), NonBmpText);
        const QStringList leftovers = folderEntries(m_dir.path()).filter(QStringLiteral(".newscoder-copy-"));
        QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(u", ")));
    }
};

QTEST_GUILESS_MAIN(TestProjectStore)
#include "tst_projectstore.moc"
