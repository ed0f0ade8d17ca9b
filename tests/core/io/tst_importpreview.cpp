// previewImport (io/ImportPreview.h): what an import would bring in, nothing
// written — per file the format, encoding, article count, copies and, for
// tables, columns, first rows and mapping; per-file encoding and column
// choices; unsupported files listed; cancel stops it.
#include "io/ImportPreview.h"
#include "io/CodebookJson.h"
#include "project/Project.h"
#include "storage/ProjectStore.h"

#include <QDir>
#include <QFile>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;

namespace {

// Fictional texts written for this test.
const QString Ferry = QStringLiteral(
    "Ferry to run twice an hour\n\nThe ferry between Harstad Falls and Ostrel Island will run twice an hour in the "
    "summer season, the operator Brindle Lines said on Thursday. A second vessel joins the route in May. Fares stay "
    "the same for islanders, while day visitors will pay two crowns more.");
const QString Bridge = QStringLiteral("Новый мост\n\nГородской совет утвердил строительство нового моста через реку.");
const QByteArray Table = "headline,story,site\n"
                         "Choir wins,A youth choir from Pellham Ridge won the festival.,Valley Post\n"
                         "Pier repaired,The council repaired the old pier on Ostrel Island.,Harbour Times\n"
                         "Empty row,,Valley Post\n";

bool write(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

const FilePreview *fileNamed(const ImportPreview &p, const QString &name)
{
    for (const FilePreview &f : p.files) {
        if (QFileInfo(f.path).fileName() == name)
            return &f;
    }
    return nullptr;
}

} // namespace

class TestImportPreview : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_folder;

private Q_SLOTS:
    void initTestCase()
    {
        m_folder = m_dir.filePath(QStringLiteral("in"));
        QVERIFY(QDir().mkpath(m_folder));
        QVERIFY(write(m_folder + QStringLiteral("/ferry.txt"), Ferry.toUtf8()));
        QVERIFY(write(m_folder + QStringLiteral("/ferry-again.txt"), Ferry.toUtf8()));
        QVERIFY(write(m_folder + QStringLiteral("/bridge.txt"), QStringEncoder("KOI8-R").encode(Bridge)));
        QVERIFY(write(m_folder + QStringLiteral("/scraped.csv"), Table));
        QVERIFY(write(m_folder + QStringLiteral("/photo.jpg"), "\xff\xd8\xff"));
    }

    void filesArticlesAndCopies()
    {
        QTemporaryDir dir;
        auto project = Project::create(dir.filePath(QStringLiteral("p.newscoder")), defaultNewsCodebook());
        const ImportPreview p = previewImport({m_folder}, {}, &project->reader());
        QVERIFY(!p.cancelled);
        QCOMPARE(p.files.size(), 4);
        QCOMPARE(p.unsupported.size(), 1);
        QVERIFY(p.unsupported.first().first.endsWith(QStringLiteral("photo.jpg")));
        QCOMPARE(p.documents.size(), 5); // one each, two table rows; the empty row is a note
        QCOMPARE(p.fileOfDocument.size(), 5);

        const FilePreview *bridge = fileNamed(p, QStringLiteral("bridge.txt"));
        QVERIFY(bridge);
        QCOMPARE(bridge->format, QStringLiteral("text"));
        QCOMPARE(bridge->encoding, QStringLiteral("KOI8-R"));
        QCOMPARE(bridge->encodingSource, QStringLiteral("detected"));
        QCOMPARE(bridge->articles, 1);
        QVERIFY(!bridge->isTable);

        // The second ferry file is a copy of the first (in this import).
        QCOMPARE(p.duplicates.matches.size(), 1);
        QCOMPARE(fileNamed(p, QStringLiteral("ferry.txt"))->duplicates + fileNamed(p, QStringLiteral("ferry-again.txt"))->duplicates, 1);
        QCOMPARE(p.duplicates.matches.first().similarity, 1.0);

        const FilePreview *table = fileNamed(p, QStringLiteral("scraped.csv"));
        QVERIFY(table);
        QVERIFY(table->isTable);
        QCOMPARE(table->format, QStringLiteral("csv"));
        QCOMPARE(table->articles, 2);
        QCOMPARE(table->columns, (QStringList{QStringLiteral("headline"), QStringLiteral("story"), QStringLiteral("site")}));
        QCOMPARE(table->sampleRows.size(), 3);
        QCOMPARE(table->mapping.column(QStringLiteral("text")), 1);
        QCOMPARE(table->mapping.column(QStringLiteral("title")), 0);
        QCOMPARE(table->notes.size(), 1);
        QVERIFY2(table->notes.first().startsWith(QStringLiteral("row 4")), qPrintable(table->notes.first()));
        // Nothing was written.
        QCOMPARE(project->reader().documentSummaries().size(), 0);
    }

    void copiesOfProjectArticles()
    {
        QTemporaryDir dir;
        auto project = Project::create(dir.filePath(QStringLiteral("p.newscoder")), defaultNewsCodebook());
        Document d;
        d.title = QStringLiteral("Ferry");
        d.text = Ferry;
        const QUuid id = project->importDocuments({d}).value(0);
        const ImportPreview p = previewImport({m_folder + QStringLiteral("/ferry.txt")}, {}, &project->reader());
        QCOMPARE(p.duplicates.matches.size(), 1);
        QCOMPARE(p.duplicates.matches.first().original.id, id);
        QCOMPARE(p.files.first().duplicates, 1);
        // Without a project: no copy.
        QCOMPARE(previewImport({m_folder + QStringLiteral("/ferry.txt")}, {}, nullptr).duplicates.matches.size(), 0);
    }

    void choicesPerFile()
    {
        const QString bridge = QFileInfo(m_folder + QStringLiteral("/bridge.txt")).absoluteFilePath();
        const QString table = QFileInfo(m_folder + QStringLiteral("/scraped.csv")).absoluteFilePath();
        QHash<QString, FileImportChoice> choices;
        choices[bridge].encoding = QStringLiteral("windows-1251");
        choices[table].columnMap = {{QStringLiteral("title"), QStringLiteral("site")}};
        const ImportPreview p = previewImport({bridge, table}, choices, nullptr);
        QCOMPARE(p.files.size(), 2);
        const FilePreview *b = fileNamed(p, QStringLiteral("bridge.txt"));
        QCOMPARE(b->encoding, QStringLiteral("windows-1251"));
        QCOMPARE(b->encodingSource, QStringLiteral("given"));
        QVERIFY(!p.documents[p.fileOfDocument.indexOf(int(b - p.files.constData()))].text.contains(
            QStringLiteral("Городской")));
        const FilePreview *t = fileNamed(p, QStringLiteral("scraped.csv"));
        QCOMPARE(t->mapping.column(QStringLiteral("title")), 2);
        QCOMPARE(p.documents[p.fileOfDocument.indexOf(int(t - p.files.constData()))].title,
                 QStringLiteral("Valley Post"));
        // A column that is not there: the file cannot be read, and says why.
        choices[table].columnMap = {{QStringLiteral("text"), QStringLiteral("body")}};
        const ImportPreview bad = previewImport({table}, choices, nullptr);
        QCOMPARE(bad.documents.size(), 0);
        QVERIFY(!bad.files.first().error.isEmpty());
        QVERIFY(!bad.files.first().mapping.error.isEmpty());
    }

    void cancelStops()
    {
        std::atomic_bool cancel{true};
        const ImportPreview p = previewImport({m_folder}, {}, nullptr, {}, {}, &cancel);
        QVERIFY(p.cancelled);
        QVERIFY(p.documents.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestImportPreview)
#include "tst_importpreview.moc"
