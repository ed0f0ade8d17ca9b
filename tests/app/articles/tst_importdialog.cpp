// The import dialog, offscreen: before anything is written it lists the files
// with format, encoding, article count and duplicates; a legacy-encoded file
// can be read again with another encoding; a table shows its column mapping
// and preview and a changed column reads again; the duplicate choice skips
// or links a copy of a project article; Import is one undoable step; Cancel
// while the files are being read (off the UI thread) writes nothing.
// NEWSCODER_SCREENSHOT_DIR saves the dialog as import-dialog.png.
#include "../../core/dedup/DedupSamples.h"
#include "articles/ImportDialog.h"
#include "io/CodebookJson.h"
#include "project/Project.h"
#include "storage/ProjectStore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStringEncoder>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTreeWidget>
#include <QUndoStack>

#include <atomic>

using namespace newscoder;
using namespace newscoder::test::dedup;

namespace {

// Fictional Russian news text, for the legacy encoding.
const QString RussianArticle = QStringLiteral(
    "Новый мост через реку\n\nГородской совет утвердил строительство нового моста через реку Вельку. "
    "Работы начнутся весной и продлятся два года, сообщила мэр Анна Ступина.");

// A fictional scraper table whose text column has an unusual name.
const QByteArray Table = "headline,story,published,site\n"
                         "Ferry to run twice an hour,\"The ferry to Ostrel Island will run twice an hour in "
                         "summer, the operator said.\",2026-03-04,Harbour Times\n"
                         "Youth choir wins festival,\"A youth choir from Pellham Ridge won the northern music "
                         "festival on Saturday.\",2026-03-05,Valley Post\n";

bool write(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QTreeWidgetItem *row(QTreeWidget *files, const QString &name)
{
    for (int i = 0; i < files->topLevelItemCount(); ++i) {
        if (files->topLevelItem(i)->text(0) == name)
            return files->topLevelItem(i);
    }
    return nullptr;
}

} // namespace

class TestImportDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Project> m_project;
    QUuid m_wire;
    QString m_folder;

    QString file(const QString &name) const { return m_folder + u'/' + name; }
    int articleCount() const { return int(m_project->reader().documentSummaries().size()); }

    static bool waitAnalysed(ImportDialog &dialog)
    {
        QSignalSpy done(&dialog, &ImportDialog::analysed);
        return !dialog.isAnalysing() || done.wait(20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("NewscoderTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_importdialog"));
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_project = Project::create(m_dir->filePath(QStringLiteral("p.newscoder")), defaultNewsCodebook());
        Document wire;
        wire.title = QStringLiteral("Harstad water board raises charges");
        wire.outlet = QStringLiteral("Northline Wire");
        wire.text = wireStory();
        m_wire = m_project->importDocuments({wire}).value(0);
        QVERIFY(!m_wire.isNull());
        m_folder = m_dir->filePath(QStringLiteral("incoming"));
        QVERIFY(QDir().mkpath(m_folder));
        QVERIFY(write(file(QStringLiteral("copy.txt")),
                      (QStringLiteral("Harstad Falls water to cost more\n\n") + lightEdit()).toUtf8()));
        QVERIFY(write(file(QStringLiteral("library.txt")),
                      (QStringLiteral("Library hours extended\n\n") + unrelated()).toUtf8()));
        QVERIFY(write(file(QStringLiteral("bridge.txt")), QStringEncoder("windows-1251").encode(RussianArticle)));
        QVERIFY(write(file(QStringLiteral("scraped.csv")), Table));
        QVERIFY(write(file(QStringLiteral("notes.xyz")), "not an article"));
    }

    void cleanup()
    {
        ImportDialog::setWorkerHook({});
        m_project.reset();
        m_dir.reset();
    }

    void listsTheFilesBeforeWriting()
    {
        ImportDialog dialog(*m_project, {m_folder});
        dialog.resize(1100, 720);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(waitAnalysed(dialog));
        QCOMPARE(articleCount(), 1); // nothing written yet
        QTreeWidget *files = dialog.fileList();
        QCOMPARE(files->topLevelItemCount(), 5);
        QTreeWidgetItem *copy = row(files, QStringLiteral("copy.txt"));
        QVERIFY(copy);
        QCOMPARE(copy->text(1), QStringLiteral("text"));
        QCOMPARE(copy->text(2), QStringLiteral("UTF-8"));
        QCOMPARE(copy->text(3), QStringLiteral("1"));
        QCOMPARE(copy->text(4), QStringLiteral("1")); // a copy of the project's wire story
        QCOMPARE(row(files, QStringLiteral("library.txt"))->text(4), QString());
        QCOMPARE(row(files, QStringLiteral("scraped.csv"))->text(1), QStringLiteral("csv"));
        QCOMPARE(row(files, QStringLiteral("scraped.csv"))->text(3), QStringLiteral("2"));
        QCOMPARE(row(files, QStringLiteral("bridge.txt"))->text(2), QStringLiteral("windows-1251"));
        QTreeWidgetItem *odd = row(files, QStringLiteral("notes.xyz"));
        QVERIFY(odd);
        QVERIFY(!odd->text(5).isEmpty()); // why it is not read
        QVERIFY2(dialog.summaryLabel()->text().contains(QStringLiteral("among these files): 1.")),
                 qPrintable(dialog.summaryLabel()->text()));
        QVERIFY(dialog.importButton()->isEnabled());

        // The table: its mapping (story found through --map-like choice) and preview.
        files->setCurrentItem(row(files, QStringLiteral("scraped.csv")));
        QVERIFY(dialog.tableGroup()->isVisible());
        QCOMPARE(dialog.mappingBox(QStringLiteral("title"))->currentText(), QStringLiteral("headline"));
        QCOMPARE(dialog.mappingBox(QStringLiteral("outlet"))->currentText(), QStringLiteral("site"));
        QCOMPARE(dialog.mappingBox(QStringLiteral("text"))->currentText(), QStringLiteral("story"));
        QCOMPARE(dialog.tablePreview()->rowCount(), 2);
        QCOMPARE(dialog.tablePreview()->item(0, 0)->text().left(9), QStringLiteral("The ferry"));
        if (const QString folder = qEnvironmentVariable("NEWSCODER_SCREENSHOT_DIR"); !folder.isEmpty())
            QVERIFY(dialog.grab().save(folder + QStringLiteral("/import-dialog.png")));

        // Map the title to the site column instead: read again, the preview follows.
        QComboBox *title = dialog.mappingBox(QStringLiteral("title"));
        title->setCurrentIndex(title->findText(QStringLiteral("site")));
        Q_EMIT title->activated(title->currentIndex());
        QVERIFY(dialog.isAnalysing());
        QVERIFY(waitAnalysed(dialog));
        QCOMPARE(dialog.fileList()->currentItem()->text(0), QStringLiteral("scraped.csv"));
        QCOMPARE(dialog.tablePreview()->item(0, 1)->text(), QStringLiteral("Harbour Times"));
        QCOMPARE(articleCount(), 1);
    }

    void encodingCanBeChosen()
    {
        ImportDialog dialog(*m_project, {file(QStringLiteral("bridge.txt"))});
        dialog.show();
        QVERIFY(waitAnalysed(dialog));
        QCOMPARE(dialog.preview().documents.size(), 1);
        QVERIFY(dialog.preview().documents[0].text.contains(QStringLiteral("Городской совет")));
        // Read as KOI8-R instead: other letters, marked as chosen.
        QComboBox *encoding = dialog.encodingBox();
        encoding->setCurrentIndex(encoding->findData(QStringLiteral("KOI8-R")));
        Q_EMIT encoding->activated(encoding->currentIndex());
        QVERIFY(waitAnalysed(dialog));
        QCOMPARE(dialog.fileList()->topLevelItem(0)->text(2), QStringLiteral("KOI8-R (chosen)"));
        QVERIFY(!dialog.preview().documents[0].text.contains(QStringLiteral("Городской совет")));
        QCOMPARE(encoding->currentData().toString(), QStringLiteral("KOI8-R"));
    }

    void skipLeavesTheCopyOut()
    {
        ImportDialog dialog(*m_project, {file(QStringLiteral("copy.txt")), file(QStringLiteral("library.txt"))});
        dialog.show();
        QVERIFY(waitAnalysed(dialog));
        const int undo = m_project->undoStack()->count();
        dialog.duplicateBox()->setCurrentIndex(dialog.duplicateBox()->findData(int(dedup::DuplicateChoice::Skip)));
        QSignalSpy imported(&dialog, &ImportDialog::imported);
        QTest::mouseClick(dialog.importButton(), Qt::LeftButton);
        QCOMPARE(imported.size(), 1);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.importedIds().size(), 1);
        QCOMPARE(articleCount(), 2);
        QCOMPARE(m_project->reader().document(dialog.importedIds()[0])->title, QStringLiteral("Library hours extended"));
        QCOMPARE(m_project->undoStack()->count(), undo + 1);
    }

    void linkRecordsTheCopy()
    {
        ImportDialog dialog(*m_project, {file(QStringLiteral("copy.txt"))});
        dialog.show();
        QVERIFY(waitAnalysed(dialog));
        dialog.duplicateBox()->setCurrentIndex(dialog.duplicateBox()->findData(int(dedup::DuplicateChoice::Link)));
        QTest::mouseClick(dialog.importButton(), Qt::LeftButton);
        QCOMPARE(dialog.importedIds().size(), 1);
        const std::optional<Document> copy = m_project->reader().document(dialog.importedIds()[0]);
        QVERIFY(copy);
        QCOMPARE(copy->metadata.value(0).first, QString(dedup::CopyOfKey));
        QCOMPARE(copy->metadata.value(0).second, m_wire.toString(QUuid::WithoutBraces));
        // One undo takes the whole import back.
        m_project->undoStack()->undo();
        QCOMPARE(articleCount(), 1);
    }

    // Cancel while the worker reads: the dialog closes at once and nothing is written.
    void cancelWritesNothing()
    {
        std::atomic_bool release{false};
        QThread *worker = nullptr;
        ImportDialog::setWorkerHook([&] {
            worker = QThread::currentThread();
            while (!release.load())
                QThread::msleep(5);
        });
        {
            ImportDialog dialog(*m_project, {m_folder});
            dialog.show();
            QVERIFY(dialog.isAnalysing());
            QVERIFY(!dialog.importButton()->isEnabled());
            QTRY_VERIFY(worker != nullptr);
            QVERIFY(worker != QThread::currentThread());
            auto *box = dialog.findChild<QDialogButtonBox *>();
            QTest::mouseClick(box->button(QDialogButtonBox::Cancel), Qt::LeftButton);
            QCOMPARE(dialog.result(), int(QDialog::Rejected));
            QVERIFY(!dialog.isAnalysing());
            release = true;
            QTest::qWait(200); // the worker finishes; its result goes nowhere
        }
        QCOMPARE(articleCount(), 1);
        QCOMPARE(m_project->undoStack()->count(), 1);
    }
};

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
