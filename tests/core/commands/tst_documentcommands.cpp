// Document commands through Project's public mutators: import, remove (with
// the annotations restored on undo) and detail edits, each checked in the
// file, undone and redone, with their signals.
#include "../CoreTestSupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;
using namespace newscoder::test;

class TestDocumentCommands : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProjectFixture> m_fx;

    Project &project() { return *m_fx->project; }
    int storedDocuments() const { return reader(m_fx->path)->documentCount(); }
    std::optional<Document> stored(const QUuid &id) const { return reader(m_fx->path)->document(id); }

private Q_SLOTS:
    void init()
    {
        QVERIFY(openFixture(m_dir, m_fx));
        QCOMPARE(storedDocuments(), 2);
    }

    void cleanup() { closeFixture(m_dir, m_fx); }

    void importUndoRedo()
    {
        QList<Document> docs = {
            makeDocument(QStringLiteral("Council votes"), QStringLiteral("The council voted 31 to 12."),
                         {{QStringLiteral("keywords"), QStringLiteral("tram")},
                          {QStringLiteral("byline"), QStringLiteral("By Kim")}}),
            makeDocument(QStringLiteral("Stars \U0001F31F over the bay"), NonBmpText + NonBmpText),
            makeDocument(QStringLiteral("Undated"), QStringLiteral("No date here.")),
        };
        docs[2].date = QDate();
        const QUuid preset = QUuid::createUuid();
        docs[1].id = preset; // a given id is kept
        QSignalSpy inserted(&project(), &Project::documentsInserted);
        QSignalSpy removed(&project(), &Project::documentsRemoved);

        const QList<QUuid> ids = project().importDocuments(docs, QStringLiteral("Import 3 test articles"));
        QCOMPARE(ids.size(), 3);
        QCOMPARE(ids[1], preset);
        QVERIFY(!ids[0].isNull() && !ids[2].isNull());
        QCOMPARE(project().undoStack()->count(), 1);
        QCOMPARE(project().undoStack()->text(0), QStringLiteral("Import 3 test articles"));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().first().value<QList<QUuid>>(), ids);
        QCOMPARE(storedDocuments(), 5);
        for (int i = 0; i < 3; ++i) {
            Document expected = docs[i];
            expected.id = ids[i];
            expected.outletId = stored(ids[i])->outletId; // assigned by the import (tst_registrycommands)
            QVERIFY(!expected.outletId.isNull());
            const QString diff = documentDiff(*stored(ids[i]), expected);
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
        }

        project().undoStack()->undo();
        QCOMPARE(storedDocuments(), 2);
        for (const QUuid &id : ids)
            QVERIFY(!stored(id));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.first().first().value<QList<QUuid>>(), ids);
        QCOMPARE(queryValue(m_fx->path, QStringLiteral("SELECT COUNT(*) FROM document_metadata")).toInt(), 1);

        project().undoStack()->redo();
        QCOMPARE(storedDocuments(), 5);
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(stored(ids[0])->metadata, docs[0].metadata);
        QCOMPARE(stored(ids[1])->text, NonBmpText + NonBmpText);

        // Nothing to import: no step, no signal.
        QVERIFY(project().importDocuments({}).isEmpty());
        QCOMPARE(project().undoStack()->count(), 1);
        QCOMPARE(inserted.count(), 2);
    }

    void failedImportLeavesNoStep()
    {
        // The same id twice cannot be stored: the whole import fails atomically.
        Document a = makeDocument(QStringLiteral("First"), QStringLiteral("one"));
        a.id = QUuid::createUuid();
        Document b = makeDocument(QStringLiteral("Second"), QStringLiteral("two"));
        b.id = a.id;
        QSignalSpy errors(&project(), &Project::errorOccurred);
        QSignalSpy inserted(&project(), &Project::documentsInserted);
        QVERIFY(project().importDocuments({a, b}).isEmpty());
        QCOMPARE(errors.count(), 1);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(project().undoStack()->count(), 0);
        QCOMPARE(storedDocuments(), 2);
    }

    void removeRestoresAnnotationsOnUndo_data()
    {
        QTest::addColumn<bool>("both");
        QTest::newRow("one document") << false;
        QTest::newRow("both documents") << true;
    }

    void removeRestoresAnnotationsOnUndo()
    {
        QFETCH(bool, both);
        const QUuid quote = m_fx->codeId(QStringLiteral("Quote"));
        QVERIFY(project().addAnnotation(m_fx->plainDoc, quote, 0, 18, QStringLiteral("speaker")));
        QVERIFY(project().addAnnotation(m_fx->plainDoc, quote, 26, 53));
        QVERIFY(project().addAnnotation(m_fx->nonBmpDoc, quote, 10, 12));
        const QList<Annotation> annotationsBefore = allAnnotations(*reader(m_fx->path));
        const Document plainBefore = *stored(m_fx->plainDoc);
        const Document nonBmpBefore = *stored(m_fx->nonBmpDoc);
        project().undoStack()->clear();
        QSignalSpy removed(&project(), &Project::documentsRemoved);
        QSignalSpy inserted(&project(), &Project::documentsInserted);

        QList<QUuid> doomed = {m_fx->plainDoc};
        if (both)
            doomed << m_fx->nonBmpDoc;
        QVERIFY(project().removeDocuments(doomed));
        QCOMPARE(project().undoStack()->count(), 1);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.first().first().value<QList<QUuid>>(), doomed);
        {
            auto store = reader(m_fx->path);
            QCOMPARE(store->documentCount(), both ? 0 : 1);
            QCOMPARE(store->annotationCount(), both ? 0 : 1); // cascaded with their document
            QVERIFY(!store->document(m_fx->plainDoc));
            QCOMPARE(queryValue(m_fx->path, QStringLiteral("SELECT COUNT(*) FROM document_metadata")).toInt(), 0);
        }

        project().undoStack()->undo();
        QCOMPARE(inserted.count(), 1);
        {
            auto store = reader(m_fx->path);
            QCOMPARE(store->documentCount(), 2);
            const QString adiff = annotationListDiff(allAnnotations(*store), annotationsBefore);
            QVERIFY2(adiff.isEmpty(), qPrintable(adiff));
            QVERIFY(documentDiff(*store->document(m_fx->plainDoc), plainBefore).isEmpty());
            QVERIFY(documentDiff(*store->document(m_fx->nonBmpDoc), nonBmpBefore).isEmpty());
            QCOMPARE(store->documentSummary(m_fx->plainDoc)->annotationCount, 2);
        }

        project().undoStack()->redo();
        QCOMPARE(storedDocuments(), both ? 0 : 1);
        QCOMPARE(reader(m_fx->path)->annotationCount(), both ? 0 : 1);
        QCOMPARE(removed.count(), 2);

        // Unknown ids: nothing to do, no step.
        QVERIFY(project().removeDocuments({QUuid::createUuid()}));
        QCOMPARE(project().undoStack()->count(), 1);
    }

    void detailsUndoRedo_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("title") << QStringLiteral("title") << QStringLiteral("Talks stall again \U0001F6A2");
        QTest::newRow("outlet") << QStringLiteral("outlet") << QStringLiteral("other.example");
        QTest::newRow("date") << QStringLiteral("date") << QStringLiteral("2023-12-31");
        QTest::newRow("no date") << QStringLiteral("date") << QString();
        QTest::newRow("url") << QStringLiteral("url") << QStringLiteral("https://other.example/a");
        QTest::newRow("author") << QStringLiteral("author") << QStringLiteral("Kim Beispiel");
        QTest::newRow("metadata") << QStringLiteral("metadata") << QStringLiteral("z=1;a=2");
        QTest::newRow("no metadata") << QStringLiteral("metadata") << QString();
    }

    void detailsUndoRedo()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        const Document before = *stored(m_fx->plainDoc);
        Document updated = before;
        if (field == u"title")
            updated.title = value;
        else if (field == u"outlet")
            updated.outlet = value;
        else if (field == u"date")
            updated.date = QDate::fromString(value, Qt::ISODate);
        else if (field == u"url")
            updated.url = value;
        else if (field == u"author")
            updated.author = value;
        else if (field == u"metadata") {
            updated.metadata.clear();
            for (const QString &pair : value.split(u';', Qt::SkipEmptyParts))
                updated.metadata.append({pair.section(u'=', 0, 0), pair.section(u'=', 1)});
        }
        updated.text = QStringLiteral("the text is not a detail");
        updated.importSource = QStringLiteral("nor is this");
        QSignalSpy changed(&project(), &Project::documentChanged);

        QVERIFY(project().updateDocumentDetails(updated));
        QCOMPARE(project().undoStack()->count(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().first().toUuid(), m_fx->plainDoc);
        Document expected = updated;
        expected.text = before.text;
        expected.importSource = before.importSource;
        QString diff = documentDiff(*stored(m_fx->plainDoc), expected);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));

        project().undoStack()->undo();
        diff = documentDiff(*stored(m_fx->plainDoc), before);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(changed.count(), 2);

        project().undoStack()->redo();
        diff = documentDiff(*stored(m_fx->plainDoc), expected);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(changed.count(), 3);
    }

    void unchangedDetailsAreNoStep()
    {
        Document same = *stored(m_fx->plainDoc);
        same.text = QStringLiteral("different text does not count");
        QSignalSpy changed(&project(), &Project::documentChanged);
        QVERIFY(project().updateDocumentDetails(same));
        QCOMPARE(project().undoStack()->count(), 0);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(stored(m_fx->plainDoc)->text, PlainText);
    }

    void detailsOfAMissingDocumentFail()
    {
        Document ghost = makeDocument(QStringLiteral("Ghost"), QStringLiteral("boo"));
        ghost.id = QUuid::createUuid();
        QSignalSpy errors(&project(), &Project::errorOccurred);
        QVERIFY(!project().updateDocumentDetails(ghost));
        QCOMPARE(errors.count(), 1);
        QCOMPARE(project().undoStack()->count(), 0);
        QCOMPARE(storedDocuments(), 2);
    }

    void changesSurviveReopening()
    {
        const QList<QUuid> ids = project().importDocuments({makeDocument(QStringLiteral("Kept"), NonBmpText)});
        QCOMPARE(ids.size(), 1);
        QVERIFY(project().removeDocuments({m_fx->plainDoc}));
        const QString path = m_fx->path;
        m_fx->project.reset();
        auto reopened = Project::open(path);
        QCOMPARE(reopened->reader().documentCount(), 2);
        QVERIFY(reopened->reader().document(ids.first()));
        QVERIFY(!reopened->reader().document(m_fx->plainDoc));
        QCOMPARE(reopened->undoStack()->count(), 0); // undo history is per session
    }
};

QTEST_GUILESS_MAIN(TestDocumentCommands)
#include "tst_documentcommands.moc"
