// File ▸ Export ▸ Dataset… and Codebook Document… in the window: where the
// actions sit, when they are enabled, the dialog pre-filled from the window,
// and the codebook document written as HTML, Markdown and PDF off the UI
// thread (a wrong suffix or a cancelled file choice writes nothing).
#include "articles/DocumentListDock.h"
#include "common/Prompt.h"
#include "export/DatasetExportDialog.h"
#include "export/DatasetFilterPanel.h"
#include "export/ExportMenus.h"
#include "project/Project.h"
#include "shell/CoderFilterMenu.h"
#include "shell/MainWindow.h"
#include "shell/ProjectSession.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QListWidget>
#include <QMenu>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;
using namespace Qt::StringLiterals;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestExportMenus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("NewscoderTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_exportmenus"));
    }

    void actionsInTheExportMenu()
    {
        QTemporaryDir dir;
        MainWindow window;
        window.setInteractive(false);
        auto *file = window.findChild<QMenu *>(QStringLiteral("menuFile"));
        QVERIFY(file);
        auto *exportMenu = file->findChild<QMenu *>(QStringLiteral("menuExport"), Qt::FindDirectChildrenOnly);
        QVERIFY(exportMenu);
        auto *dataset = window.findChild<QAction *>(QStringLiteral("actionExportDataset"));
        auto *codebook = window.findChild<QAction *>(QStringLiteral("actionExportCodebookDocument"));
        QVERIFY(dataset && codebook);
        // First in File ▸ Export, before the REFI-QDA exchange.
        QCOMPARE(exportMenu->actions().value(0), dataset);
        QCOMPARE(exportMenu->actions().value(1), codebook);
        QVERIFY(exportMenu->actions().contains(window.findChild<QAction *>(QStringLiteral("actionRefiExportProject"))));
        Q_EMIT file->aboutToShow();
        QVERIFY(!dataset->isEnabled());
        QVERIFY(!codebook->isEnabled());
        QVERIFY(window.createProject(dir.filePath(QStringLiteral("menus.newscoder"))));
        Q_EMIT file->aboutToShow();
        QVERIFY(dataset->isEnabled());
        QVERIFY(codebook->isEnabled());
    }

    void datasetDialogPrefilledFromTheWindow()
    {
        QTemporaryDir dir;
        MainWindow window;
        window.setInteractive(false);
        window.ensureCoderName(u"Ana"_s);
        QVERIFY(window.createProject(dir.filePath(QStringLiteral("prefill.newscoder"))));
        Project &project = window.session()->project();
        QList<Document> docs(3);
        for (int i = 0; i < 3; ++i) {
            docs[i].title = u"Article %1"_s.arg(i);
            docs[i].text = u"Minister Ana Reyes said talks are frozen."_s;
        }
        const QList<QUuid> ids = project.importDocuments(docs);
        QCOMPARE(ids.size(), 3);
        project.setCoderName(u"Ana"_s);
        QVERIFY(project.addAnnotation(ids[0], project.codeByName(u"Quote"_s)->id, 0, 8));
        project.setCoderName(u"Ben"_s);
        QVERIFY(project.addAnnotation(ids[1], project.codeByName(u"Quote"_s)->id, 0, 8));
        project.setCoderName(u"Ana"_s);
        window.coderFilterMenu()->setFilter(CoderFilter::only(u"Ben"_s));

        auto *menus = window.findChild<ExportMenus *>();
        QVERIFY(menus);
        window.documentList()->selectDocument(ids[1]);
        DatasetExportDialog *dialog = menus->showDatasetDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->spec().filter.coders, QStringList{u"Ben"_s}); // View ▸ Show Coders: Ben
        QVERIFY(dialog->filters()->allArticlesButton()->isChecked()); // one article selected: all articles
        QCOMPARE(menus->showDatasetDialog(), dialog);                  // one dialog at a time
        QVERIFY(QTest::qWaitFor([&] { return !dialog->isPreviewing(); }, 10000));
        dialog->close(); // deletes itself
        QTRY_VERIFY(!window.findChild<DatasetExportDialog *>());
    }

    void codebookDocument()
    {
        QTemporaryDir dir;
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.createProject(dir.filePath(QStringLiteral("book.newscoder"))));
        auto *menus = window.findChild<ExportMenus *>();
        QVERIFY(menus);
        ScriptedPrompt prompt;
        auto write = [&](const QString &path) {
            QSignalSpy written(menus, &ExportMenus::codebookWritten);
            menus->writeCodebook(path);
            return written.count() > 0 || written.wait(20000);
        };
        const QString html = dir.filePath(u"codebook.html"_s);
        QVERIFY(write(html));
        QVERIFY2(menus->lastCodebookResult().ok, qPrintable(menus->lastCodebookResult().error));
        const QString page = QString::fromUtf8(readAll(html));
        for (const QString &code : {u"Quote"_s, u"Speaker"_s, u"Claim"_s, u"Bias indicator"_s})
            QVERIFY2(page.contains(code), qPrintable(code));
        QVERIFY(prompt.asked.last().text.contains(QDir::toNativeSeparators(html)));

        const QString markdown = dir.filePath(u"codebook.md"_s);
        QVERIFY(write(markdown));
        QVERIFY(QString::fromUtf8(readAll(markdown)).contains(u"Quote"_s));
        const QString pdf = dir.filePath(u"codebook.pdf"_s);
        QVERIFY(write(pdf));
        QVERIFY2(menus->lastCodebookResult().ok, qPrintable(menus->lastCodebookResult().error));
        QVERIFY(readAll(pdf).startsWith("%PDF"));

        // A suffix the writer does not know: said, nothing written.
        const QString odt = dir.filePath(u"codebook.odt"_s);
        QVERIFY(write(odt));
        QVERIFY(!menus->lastCodebookResult().ok);
        QVERIFY(!QFile::exists(odt));
        QVERIFY(prompt.asked.last().text.contains(u".html, .md or .pdf"_s));

        // The file dialog cancelled: nothing happens.
        const qsizetype asked = prompt.asked.size();
        prompt.answerFiles({});
        menus->chooseAndWriteCodebook();
        QCOMPARE(prompt.asked.size(), asked + 1);
        QCOMPARE(prompt.asked.last().kind, u"chooseFiles"_s);
        QVERIFY(!menus->isWritingCodebook());
        QVERIFY(prompt.unexpected.isEmpty());
    }
};

QTEST_MAIN(TestExportMenus)
#include "tst_exportmenus.moc"
