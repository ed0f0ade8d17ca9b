// The read-only face of a project (storage/ProjectReader.h): what the
// window, the CLI and the exporters read through, and the reader a worker
// thread opens for itself from a ReaderSource.
#include "../CoreTestSupport.h"

#include "project/Project.h"
#include "storage/ProjectReader.h"

#include <QSet>
#include <QTest>

#include <functional>
#include <thread>

using namespace newscoder;
using namespace newscoder::test;

namespace {

// Runs `work` with a reader of `source` opened on a thread of its own.
QString onWorker(const ReaderSource &source, const std::function<void(const ProjectReader &)> &work)
{
    QString error;
    std::thread worker([&] {
        try {
            const std::unique_ptr<ProjectReader> own = source.open();
            work(*own);
        } catch (const StoreError &e) {
            error = e.message();
        }
    });
    worker.join();
    return error;
}

} // namespace

class TestProjectReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(openFixture(m_dir, m_fx)); }
    void cleanup() { closeFixture(m_dir, m_fx); }

    // What the project committed is what a worker's own reader sees.
    void workerReadsWhatWasCommitted()
    {
        Project &p = *m_fx->project;
        const auto id = p.addAnnotation(m_fx->plainDoc, m_fx->codeId(QStringLiteral("Quote")), 24, 54);
        QVERIFY(id);
        QVERIFY(p.setDocumentMemo(m_fx->plainDoc, QStringLiteral("check the byline")));
        const ReaderSource source = p.reader().readerSource();
        QVERIFY(!source.isNull());
        QCOMPARE(source.location(), p.path());

        int annotations = -1;
        QList<DocumentSummary> documents;
        std::optional<Annotation> annotation;
        QList<MemoRecord> memos;
        const QString error = onWorker(source, [&](const ProjectReader &r) {
            annotations = r.annotationCount();
            documents = r.documentSummaries();
            annotation = r.annotation(*id);
            memos = r.memos();
        });
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(annotations, 1);
        QCOMPARE(documents.size(), p.reader().documentSummaries().size());
        QVERIFY(annotation);
        QCOMPARE(annotation->start, 24);
        QCOMPARE(annotation->end, 54);
        QCOMPARE(memos.size(), 1);
        QCOMPARE(memos.first().memo, QStringLiteral("check the byline"));
    }

    // A worker's reader is read-only and does not hold the project's lock:
    // the window goes on writing while it reads, and sees the new rows later.
    void workerReaderIsReadOnlyAndSeesLaterCommits()
    {
        Project &p = *m_fx->project;
        const ReaderSource source = p.reader().readerSource();
        bool readOnly = false;
        int before = -1;
        QString error = onWorker(source, [&](const ProjectReader &r) {
            readOnly = r.isReadOnly();
            before = r.annotationCount();
        });
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(readOnly);
        QCOMPARE(before, 0);
        QVERIFY(p.addAnnotation(m_fx->nonBmpDoc, m_fx->codeId(QStringLiteral("Quote")), 10, 12));
        int after = -1;
        error = onWorker(source, [&](const ProjectReader &r) { after = r.annotationCount(); });
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(after, 1);
    }

    // A source whose file has gone fails with a message, not a crash.
    void missingFileFailsWithAMessage()
    {
        const ReaderSource gone(m_dir->filePath(QStringLiteral("gone.newscoder")));
        const QString error = onWorker(gone, [](const ProjectReader &) {});
        QVERIFY2(error.contains(QStringLiteral("does not exist")), qPrintable(error));
        QVERIFY(ReaderSource().isNull());
    }

    // Another project file opened for reading only (a package to merge) gets
    // every check: a file that is no project is refused.
    void openProjectReaderChecksTheFile()
    {
        const QString path = m_dir->filePath(QStringLiteral("not-a-project.newscoder"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("plain text, not SQLite");
        file.close();
        try {
            openProjectReader(path);
            QFAIL("a file that is no project must be refused");
        } catch (const StoreError &e) {
            QCOMPARE(e.kind(), StoreError::Kind::NotAProject);
        }
        const auto other = openProjectReader(m_fx->path);
        QVERIFY(other->isReadOnly());
        QCOMPARE(other->documentCount(), 2);
    }

    // The annotations of many articles in one call: every one of them,
    // across the query's chunks of ids, by article and position, and none
    // of an article not asked for.
    void annotationsOfDocumentsReadsAcrossChunks()
    {
        QList<Document> documents;
        for (int i = 0; i < 450; ++i)
            documents << makeDocument(QStringLiteral("Notice %1").arg(i), QStringLiteral("A notice about the harbour."));
        const QList<QUuid> ids = m_fx->project->importDocuments(documents);
        QCOMPARE(ids.size(), 450);
        const QUuid claim = m_fx->codeId(QStringLiteral("Claim"));
        for (const QUuid &id : ids) {
            QVERIFY(m_fx->project->addAnnotation(id, claim, 9, 15));
            QVERIFY(m_fx->project->addAnnotation(id, claim, 2, 8));
        }
        QVERIFY(m_fx->project->addAnnotation(m_fx->plainDoc, claim, 0, 4)); // not asked for
        QList<QUuid> asked = ids;
        asked.removeAt(7);
        const QList<Annotation> read = m_fx->project->reader().annotationsOfDocuments(asked);
        QCOMPARE(read.size(), 2 * asked.size());
        QSet<QUuid> seen;
        for (qsizetype i = 0; i < read.size(); ++i) {
            QVERIFY(asked.contains(read[i].documentId));
            seen.insert(read[i].documentId);
            if (i > 0 && read[i - 1].documentId == read[i].documentId)
                QVERIFY(read[i - 1].start < read[i].start);
        }
        QCOMPARE(seen.size(), asked.size());
        QVERIFY(m_fx->project->reader().annotationsOfDocuments({}).isEmpty());
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProjectFixture> m_fx;
};

QTEST_GUILESS_MAIN(TestProjectReader)
#include "tst_projectreader.moc"
