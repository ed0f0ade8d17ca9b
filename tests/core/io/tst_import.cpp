// Reading article files for import: the shipped samples, the test articles,
// folders with files that cannot be articles (reported, never dropped),
// cancelling, and the real corpus when it is available.
#include "../CoreTestSupport.h"
#include "io/ArticleImport.h"

#include <QTemporaryDir>
#include <QTest>
#include "TestPaths.h"

using namespace newscoder;
using namespace newscoder::test;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QString articlesDir()
{
    return QStringLiteral(NEWSCODER_TEST_DATA_DIR "/articles");
}

QString corpusDir()
{
    const QString shared = qEnvironmentVariableIsSet("NEWSCODER_SHARED_DIR")
                               ? qEnvironmentVariable("NEWSCODER_SHARED_DIR")
                               : QStringLiteral(NEWSCODER_DEFAULT_SHARED_DIR);
    return shared + QStringLiteral("/corpus");
}

QStringList filesIn(const QString &folder)
{
    QStringList files;
    for (const QFileInfo &fi : QDir(folder).entryInfoList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name))
        files << fi.absoluteFilePath();
    return files;
}

QString reasonFor(const ImportReport &report, const QString &fileName)
{
    for (const auto &[path, reason] : report.skipped) {
        if (QFileInfo(path).fileName() == fileName)
            return reason;
    }
    return {};
}

} // namespace

class TestImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shippedSamples()
    {
        const QString samples = QStringLiteral(NEWSCODER_SOURCE_DIR "/resources/samples");
        const QStringList files = filesIn(samples);
        QVERIFY2(files.size() >= 3, qPrintable(QStringLiteral("resources/samples must ship sample articles: %1 found")
                                                   .arg(files.size())));
        const ImportReport report = readArticles({samples});
        QVERIFY(!report.cancelled);
        QCOMPARE(report.documents.size() + report.skipped.size(), files.size());
        QVERIFY2(report.skipped.isEmpty(), qPrintable(report.skipped.value(0).first + u": " + report.skipped.value(0).second));
        for (const Document &d : report.documents) {
            QVERIFY2(!d.title.trimmed().isEmpty(), qPrintable(d.importSource));
            QVERIFY(!d.text.trimmed().isEmpty());
        }
    }

    // The import report names a damaged UTF-8 file with its lines.
    void damagedUtf8IsReported()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile file(dir.filePath(QStringLiteral("damaged.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Harbour talks stall in K\xC3\xB6ln\n\nThe minister \x93said\x94 nothing.\n");
        file.close();
        const ImportReport report = readArticles({dir.path()});
        QCOMPARE(report.documents.size(), 1);
        QCOMPARE(report.documents.first().text,
                 QStringLiteral("Harbour talks stall in K\u00F6ln\n\nThe minister \uFFFDsaid\uFFFD nothing.\n"));
        const QPair<QString, QString> expected{
            QDir(dir.path()).filePath(QStringLiteral("damaged.txt")),
            QStringLiteral("The file has 2 invalid UTF-8 sequences (line 3); they were replaced with \uFFFD.")};
        QVERIFY2(report.warnings.contains(expected), qPrintable(report.warnings.value(0).second));
    }

    void testArticles()
    {
        QStringList progress;
        const ImportReport report = readArticles({articlesDir()}, [&](int done, int total) {
            progress << QStringLiteral("%1/%2").arg(done).arg(total);
        });
        QVERIFY(!report.cancelled);
        QVERIFY2(report.skipped.isEmpty(), qPrintable(report.skipped.value(0).second));
        QCOMPARE(report.documents.size(), 3);
        QCOMPARE(progress, (QStringList{QStringLiteral("0/3"), QStringLiteral("1/3"), QStringLiteral("2/3"),
                                        QStringLiteral("3/3")}));
        for (const Document &d : report.documents) {
            QVERIFY2(!d.title.trimmed().isEmpty(), qPrintable(d.importSource));
            QVERIFY(d.importSource.startsWith(articlesDir()));
            QVERIFY(d.id.isNull()); // ids are the project's business
        }
        // The non-BMP article is read as UTF-8, exactly.
        const auto festival = std::find_if(report.documents.cbegin(), report.documents.cend(), [](const Document &d) {
            return d.importSource.endsWith(QStringLiteral("festival-nonbmp.txt"));
        });
        QVERIFY(festival != report.documents.cend());
        QFile raw(festival->importSource);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        QCOMPARE(festival->text, QString::fromUtf8(raw.readAll()));
        QVERIFY(festival->text.contains(QStringLiteral("\U0001D11E")));
    }

    void badFilesAreReportedWithReasons()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile::copy(articlesDir() + QStringLiteral("/harbour-talks.txt"), dir.filePath(QStringLiteral("good.txt")));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("binary.txt")), QByteArray("PK\x03\x04\x00\x00\x14\x00garbage", 16)));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("empty.txt")), QByteArray()));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("blank.md")), QByteArray(" \n\t\n  ")));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("report.pdf")), QByteArray("%PDF-1.7")));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("second")), QByteArray("Second Story Without Extension\n\nText.\n")));

        const ImportReport report = readArticles({dir.path()});
        QVERIFY(!report.cancelled);
        QCOMPARE(report.documents.size(), 2);
        QStringList imported;
        for (const Document &d : report.documents)
            imported << QFileInfo(d.importSource).fileName();
        imported.sort();
        QCOMPARE(imported, (QStringList{QStringLiteral("good.txt"), QStringLiteral("second")}));
        QCOMPARE(report.skipped.size(), 4);
        for (const char *name : {"binary.txt", "empty.txt", "blank.md", "report.pdf"})
            QVERIFY2(!reasonFor(report, QString::fromLatin1(name)).isEmpty(), name);
        QVERIFY2(reasonFor(report, QStringLiteral("binary.txt")).contains(QStringLiteral("not a text file")),
                 qPrintable(reasonFor(report, QStringLiteral("binary.txt"))));
        QVERIFY(reasonFor(report, QStringLiteral("empty.txt")).contains(QStringLiteral("empty")));
        QVERIFY2(reasonFor(report, QStringLiteral("report.pdf")).contains(QStringLiteral("PDF")),
                 qPrintable(reasonFor(report, QStringLiteral("report.pdf"))));
    }

    void missingPathIsReported()
    {
        const QString missing = QStringLiteral("/nonexistent/newscoder/article.txt");
        const ImportReport report = readArticles({missing, articlesDir() + QStringLiteral("/harbour-talks.txt")});
        QCOMPARE(report.documents.size(), 1);
        QCOMPARE(report.skipped.size(), 1);
        QCOMPARE(report.skipped.first().first, missing);
        QVERIFY(!report.skipped.first().second.isEmpty());
    }

    void cancelBeforeStart()
    {
        std::atomic_bool cancel = true;
        int calls = 0;
        int lastDone = -1;
        const ImportReport report = readArticles(
            {articlesDir()},
            [&](int done, int) {
                ++calls;
                lastDone = done;
            },
            &cancel);
        QVERIFY(report.cancelled);
        QVERIFY(report.documents.isEmpty());
        QVERIFY(report.warnings.isEmpty());
        QCOMPARE(lastDone, 0); // no file was read
        QCOMPARE(calls, 1);
    }

    void cancelDuringImport()
    {
        std::atomic_bool cancel = false;
        const ImportReport report = readArticles(
            {articlesDir()},
            [&](int done, int) {
                if (done == 1)
                    cancel = true;
            },
            &cancel);
        QVERIFY(report.cancelled);
        QCOMPARE(report.documents.size(), 1); // stops after the current file
    }

    void importedArticlesAreStoredExactly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("import.newscoder"));
        const ImportReport report = readArticles({articlesDir()});
        QCOMPARE(report.documents.size(), 3);
        QList<QUuid> ids;
        {
            auto project = Project::create(path, defaultNewsCodebook());
            ids = project->importDocuments(report.documents);
            QCOMPARE(ids.size(), 3);
            QCOMPARE(project->undoStack()->count(), 1); // one step for the whole import
        }
        auto store = reader(path);
        QCOMPARE(store->documentCount(), 3);
        for (int i = 0; i < 3; ++i) {
            Document expected = report.documents[i];
            expected.id = ids[i];
            expected.outletId = store->document(ids[i])->outletId; // assigned by the import (tst_registrycommands)
            const QString diff = documentDiff(*store->document(ids[i]), expected);
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
        }
    }

    void realCorpus()
    {
        const QString corpus = corpusDir();
        const QStringList files = filesIn(corpus);
        if (files.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no corpus at %1 (set NEWSCODER_SHARED_DIR)").arg(corpus)));
        const ImportReport report = readArticles({corpus});
        QVERIFY2(report.skipped.isEmpty(), qPrintable(report.skipped.value(0).first + u": " + report.skipped.value(0).second));
        QCOMPARE(report.documents.size(), 5);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("corpus.newscoder"));
        {
            auto project = Project::create(path, defaultNewsCodebook());
            QCOMPARE(project->importDocuments(report.documents).size(), 5);
        }
        auto store = reader(path);
        QCOMPARE(store->documentCount(), 5);
        QCOMPARE(queryValue(path, QStringLiteral("SELECT COUNT(*) FROM documents")).toInt(), 5);
        for (const DocumentSummary &s : store->documentSummaries())
            QCOMPARE(store->documentText(s.id).size(), qsizetype(s.length));
    }
};

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
