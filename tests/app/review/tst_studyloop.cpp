// The several-coder study in the window, end to end (issue 11, "done when"):
// the lead draws a double-coded reliability sample (seed 7) and writes a
// coder package per coder (File ▸ Export Coder Package…); each coder opens
// their package in a window of their own and codes it by selecting text and
// applying codes — Ana and Ben differently (Ben's span ends one word short
// and he marks a second sentence); the lead merges both (File ▸ Merge Coder
// Files…) and again (nothing changes: no undo step, all unchanged), reviews
// side by side (Analysis ▸ Review Coders, F9 to each disagreement),
// adjudicates every item in the dock and exports the consensus from
// File ▸ Export ▸ Dataset…, read back by Python's csv module.
// Run on the fictional samples (resources/samples; NEWSCODER_SCREENSHOT_DIR
// saves the README's pictures) and on the five real articles of
// ../shared/corpus (skipped when absent, a failure under CI=true).
#include "../../core/export/ExternalReader.h"
#include "articles/DocumentListDock.h"
#include "coding/ArticleView.h"
#include "coding/CodingWorkspace.h"
#include "common/Prompt.h"
#include "export/DatasetExportDialog.h"
#include "export/DatasetFilterPanel.h"
#include "io/ArticleImport.h"
#include "io/CodebookJson.h"
#include "models/DocumentListModel.h"
#include "review/CoderFileActions.h"
#include "review/ReviewDock.h"
#include "shell/MainWindow.h"
#include "shell/ProjectSession.h"
#include "storage/ProjectStore.h"
#include "study/Assignments.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QLineEdit>
#include <QDialog>
#include <QDir>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QTreeWidget>
#include <QUndoStack>
#include "TestPaths.h"

using namespace newscoder;
using namespace newscoder::test;

namespace {

QString sharedCorpus()
{
    const QString shared = qEnvironmentVariableIsSet("NEWSCODER_SHARED_DIR")
                               ? qEnvironmentVariable("NEWSCODER_SHARED_DIR")
                               : QStringLiteral(NEWSCODER_DEFAULT_SHARED_DIR);
    return shared + QStringLiteral("/corpus");
}

// The first two sentences of an article's body, from its paragraphs of at
// least 80 characters without a web address (past the title, the byline,
// the dateline and the scraper's header line): [start, end) of each, ending at its full stop or its
// paragraph's end. Fewer than two when the body has fewer.
QList<QPair<int, int>> firstSentences(const QString &text, const QList<scraped::ResidueSpan> &leftovers)
{
    QList<QPair<int, int>> sentences;
    int at = 0;
    while (at < text.size() && sentences.size() < 2) {
        int paragraphEnd = int(text.indexOf(u'\n', at));
        if (paragraphEnd < 0)
            paragraphEnd = int(text.size());
        if (paragraphEnd - at >= 80 && !QStringView(text).sliced(at, paragraphEnd - at).contains(u"://")
            && !scraped::insideResidue(leftovers, at, paragraphEnd)) {
            int start = at;
            while (start < paragraphEnd && text[start].isSpace())
                ++start;
            while (start < paragraphEnd && sentences.size() < 2) {
                const int stop = int(text.indexOf(QStringLiteral(". "), start));
                const int end = stop >= 0 && stop < paragraphEnd ? stop + 1 : paragraphEnd;
                if (end - start >= 20) // a sentence, not an initial or an abbreviation
                    sentences.append({start, end});
                start = end + 1;
            }
        }
        at = paragraphEnd + 1;
    }
    return sentences;
}

void selectText(ArticleView *view, int start, int end)
{
    QTextCursor cursor(view->document());
    cursor.setPosition(start);
    cursor.setPosition(end, QTextCursor::KeepAnchor);
    view->setTextCursor(cursor);
}

void saveShot(QWidget *widget, const QString &name)
{
    if (const QString folder = qEnvironmentVariable("NEWSCODER_SCREENSHOT_DIR"); !folder.isEmpty())
        QVERIFY(widget->grab().save(folder + u'/' + name));
}

std::unique_ptr<MainWindow> openWindow(const QString &path, const QString &coder)
{
    auto window = std::make_unique<MainWindow>();
    window->setInteractive(false);
    if (!window->openProject(path))
        return nullptr;
    window->ensureCoderName(coder);
    window->resize(1280, 800);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    window->activateWindow();
    return window;
}

} // namespace

class TestStudyLoop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("NewscoderTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_studyloop"));
    }

    void wholeStudyInTheWindow_data()
    {
        QTest::addColumn<QString>("corpus");
        QTest::addColumn<bool>("pictures");
        QTest::newRow("fictional samples") << QStringLiteral(NEWSCODER_SOURCE_DIR "/resources/samples") << true;
        QTest::newRow("real corpus") << sharedCorpus() << false;
    }

    void wholeStudyInTheWindow()
    {
        QFETCH(QString, corpus);
        QFETCH(bool, pictures);
        if (QDir(corpus).entryList({QStringLiteral("*.txt")}, QDir::Files).size() < 5) {
            if (runningInCi())
                QFAIL("no corpus under NEWSCODER_SHARED_DIR with CI=true");
            QSKIP("real corpus not available (set NEWSCODER_SHARED_DIR)");
        }
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ScriptedPrompt prompt; // no dialog waits for an answer

        // The lead's master: the articles, a lead, a 2-article sample double-coded by Ana and Ben (seed 7).
        const QString master = dir.filePath(QStringLiteral("study.newscoder"));
        {
            auto project = Project::create(master, defaultNewsCodebook());
            QVERIFY(project);
            const ImportReport read = readArticles({corpus});
            QVERIFY2(read.skipped.isEmpty(), qPrintable(read.skipped.value(0).second));
            QVERIFY(project->importDocuments(read.documents).size() >= 5);
            study::StudyPlan lead = study::planCoder(project->reader(), QStringLiteral("Lena"), CoderRole::Lead, {});
            QVERIFY(project->commitStudyChange(lead.text, lead.redo, lead.undo));
            study::SampleRequest sample;
            sample.size = 2;
            sample.coders = {QStringLiteral("Ana"), QStringLiteral("Ben")};
            sample.seed = 7;
            study::StudyPlan draw =
                study::planReliabilitySample(project->reader(), sample, QDateTime::currentDateTimeUtc());
            QVERIFY2(draw.error.isEmpty(), qPrintable(draw.error));
            QVERIFY(project->commitStudyChange(draw.text, draw.redo, draw.undo));
        }
        auto lead = openWindow(master, QStringLiteral("Lena"));
        QVERIFY(lead);
        auto *files = lead->findChild<CoderFileActions *>();
        QVERIFY(files);

        // A package per coder; each coder codes theirs in a window of their own.
        QHash<QUuid, QString> anaSpan; // article → the text Ana coded (what the consensus should take)
        QStringList packages;
        for (const QString &coder : {QStringLiteral("Ana"), QStringLiteral("Ben")}) {
            const bool ben = coder == QLatin1String("Ben");
            const QString package = dir.filePath(coder.toLower() + QStringLiteral(".newscoder"));
            QCOMPARE(files->exportPackage(coder, package), QString());
            packages << package;
            auto window = openWindow(package, coder);
            QVERIFY(window);
            Project &project = window->session()->project();
            const QUuid claim = project.codeByName(QStringLiteral("Claim"))->id;
            const QUuid bias = project.codeByName(QStringLiteral("Bias indicator"))->id;
            const DocumentListModel &documents = window->session()->documents;
            QVERIFY(documents.rowCount() >= 3 && documents.rowCount() <= 4); // 2 shared + 3 split between two
            for (int row = 0; row < documents.rowCount(); ++row) {
                const QUuid id = documents.documentId(row);
                window->documentList()->selectDocument(id);
                QTRY_COMPARE(window->workspace()->currentDocument(), id);
                ArticleView *view = window->workspace()->articleView();
                const QString text = project.reader().documentText(id); // as stored (the view shows no-break spaces as spaces)
                QCOMPARE(view->toPlainText().size(), text.size());
                const QList<QPair<int, int>> sentences = firstSentences(text, view->residue()); // not the site's tagline
                QVERIFY2(sentences.size() == 2, qPrintable(text.left(300)));
                auto [start, end] = sentences[0];
                if (ben)
                    end = int(text.lastIndexOf(u' ', end - 1)); // one word short
                selectText(view, start, end);
                QVERIFY(!window->workspace()->applyCode(claim).isNull());
                if (ben) {
                    selectText(view, sentences[1].first, sentences[1].second);
                    QVERIFY(!window->workspace()->applyCode(bias).isNull());
                } else {
                    anaSpan.insert(id, text.mid(start, end - start));
                }
            }
            if (pictures && ben)
                saveShot(window.get(), QStringLiteral("study-coder-package.png"));
        }

        // The lead merges both; again, and nothing changes.
        Project &project = lead->session()->project();
        QString error;
        const QList<study::MergeReport> merged = files->mergeFiles(packages, &error);
        QCOMPARE(error, QString());
        QCOMPARE(merged.size(), 2);
        const int anaCoded = merged[0].added.annotations;
        QVERIFY(anaCoded >= 3);
        QCOMPARE(merged[1].added.annotations % 2, 0); // a claim and a bias indicator per article
        QCOMPARE(project.reader().annotationCount(), anaCoded + merged[1].added.annotations);
        if (pictures) {
            QDialog *report = files->showReports(merged, {});
            QVERIFY(QTest::qWaitForWindowExposed(report)); // (README: merge-report.png, from tst_coderfiles)
            report->close();
        }
        const int steps = project.undoStack()->count();
        const int annotations = project.reader().annotationCount();
        const QList<study::MergeReport> again = files->mergeFiles({packages[1], packages[0]}, &error);
        QCOMPARE(error, QString());
        QCOMPARE(again.size(), 2);
        for (const study::MergeReport &r : again) {
            QCOMPARE(r.added.annotations + r.updated.annotations + r.removed.annotations, 0);
            QVERIFY(r.unchanged.annotations > 0);
        }
        QCOMPARE(project.undoStack()->count(), steps);
        QCOMPARE(project.reader().annotationCount(), annotations);

        // Review side by side: in each shared article, a boundary difference and Ben's extra span.
        auto *toggle = lead->findChild<QAction *>(QStringLiteral("actionReviewCoders"));
        QVERIFY(toggle && toggle->isEnabled());
        toggle->trigger();
        ReviewDock *dock = lead->reviewDock();
        QVERIFY(dock->isVisible());
        QSignalSpy loaded(dock, &ReviewDock::loaded);
        QVERIFY(loaded.wait(20000) || !dock->isLoading());
        QTRY_VERIFY(!dock->isLoading());
        QCOMPARE(dock->coderA()->currentText(), QStringLiteral("Ana"));
        QCOMPARE(dock->coderB()->currentText(), QStringLiteral("Ben"));
        int boundary = 0, onlyOne = 0;
        for (const review::ReviewItem &item : dock->items()) {
            boundary += item.kind == review::ItemKind::Boundary;
            onlyOne += item.kind == review::ItemKind::OnlyOne;
        }
        QCOMPARE(boundary, 2);
        QCOMPARE(onlyOne, 2);
        QCOMPARE(dock->itemsView()->topLevelItemCount(), 4); // the open disagreements
        lead->raise();
        lead->activateWindow(); // F9 is a window shortcut: the lead's window must be the active one
        QVERIFY(QTest::qWaitForWindowActive(lead.get()));
        QTest::keyClick(lead.get(), Qt::Key_F9);
        const review::ReviewItem *first = dock->selectedItem();
        QVERIFY(first);
        QCOMPARE(lead->workspace()->currentDocument(), first->documentId);
        QVERIFY(lead->workspace()->articleView()->textCursor().hasSelection());
        if (pictures)
            saveShot(lead.get(), QStringLiteral("study-review.png"));

        // Adjudicate: Ana's boundaries stand, Ben's extra sentences are rejected.
        while (dock->itemsView()->topLevelItemCount() > 0) {
            dock->itemsView()->setCurrentItem(dock->itemsView()->topLevelItem(0));
            const review::ReviewItem *item = dock->selectedItem();
            QVERIFY(item);
            const bool extra = item->kind == review::ItemKind::OnlyOne;
            dock->memoEdit()->setText(extra ? QStringLiteral("not a bias cue") : QStringLiteral("whole sentence"));
            const int before = dock->itemsView()->topLevelItemCount();
            loaded.clear();
            QVERIFY(dock->decide(extra ? QStringLiteral("reject") : QStringLiteral("accept:Ana")));
            QVERIFY(loaded.wait(20000));
            QTRY_VERIFY(!dock->isLoading());
            QCOMPARE(dock->itemsView()->topLevelItemCount(), before - 1);
        }
        QCOMPARE(project.reader().decisions().size(), 4);
        if (pictures) {
            dock->openOnly()->setChecked(false); // the decided items, with their decisions
            saveShot(lead.get(), QStringLiteral("study-adjudicated.png"));
        }

        // File ▸ Export ▸ Dataset…: the consensus segments as CSV, read back by Python.
        REQUIRE_PYTHON_MODULE("csv");
        const QString csvPath = dir.filePath(QStringLiteral("consensus.csv"));
        DatasetExportDialog exportDialog(project, ExportContext{});
        exportDialog.setTable(dataset::TableKind::Segments);
        exportDialog.setFormat(exporting::Format::Csv);
        exportDialog.filters()->tickCoders({QStringLiteral("Consensus")});
        exportDialog.setTarget(csvPath);
        QSignalSpy finished(&exportDialog, &DatasetExportDialog::exportFinished);
        exportDialog.startExport();
        QVERIFY(finished.count() > 0 || finished.wait(20000));
        QVERIFY2(exportDialog.lastResult().ok, qPrintable(exportDialog.lastResult().error));
        const QJsonDocument rows = runPythonJson(
            QStringLiteral("import csv, json, sys\n"
                           "rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))\n"
                           "print(json.dumps([[r['article_id'], r['code'], r['coder'], r['text']] for r in rows]))\n"),
            {csvPath}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(rows.array().size(), 2); // one claim in each of the two shared articles
        for (const QJsonValue &row : rows.array()) {
            QCOMPARE(row[1].toString(), QStringLiteral("Claim"));
            QCOMPARE(row[2].toString(), QStringLiteral("Consensus"));
            const QUuid id = QUuid::fromString(row[0].toString());
            QVERIFY2(anaSpan.contains(id), qPrintable(row[0].toString()));
            QCOMPARE(row[3].toString(), anaSpan.value(id));
        }
    }
};

QTEST_MAIN(TestStudyLoop)
#include "tst_studyloop.moc"
