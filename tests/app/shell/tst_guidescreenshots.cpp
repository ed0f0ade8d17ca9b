// The user guide's pictures, made by driving the real windows on the sample
// project (offscreen): the coding window, the code editor, the actors,
// search with suggestions, a second coder in Review Coders and the
// Reliability window. Each state is checked; with NEWSCODER_SCREENSHOT_DIR
// set (`packaging/dev screenshots` sets it to docs/images) each is saved.
#include "../WindowTestSupport.h"

#include "articles/DocumentListDock.h"
#include "codebook/CodeEditorDialog.h"
#include "codebook/CodebookDock.h"
#include "coding/AnnotationPane.h"
#include "coding/CodingWorkspace.h"
#include "models/DocumentListModel.h"
#include "registry/ActorsDock.h"
#include "reliability/ReliabilityDialog.h"
#include "review/ReviewDock.h"
#include "search/SearchDock.h"
#include "shell/AppData.h"
#include "shell/MainWindow.h"
#include "shell/ProjectSession.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace newscoder;

namespace {

const QSize WindowSize(1280, 800);

// Saves `widget` as docs/images/NAME when asked to; checks the picture either way.
void picture(QWidget *widget, const char *name)
{
    QApplication::processEvents();
    const QPixmap pixmap = widget->grab();
    QVERIFY(!pixmap.isNull());
    QVERIFY(pixmap.width() >= 300);
    if (const QString folder = qEnvironmentVariable("NEWSCODER_SCREENSHOT_DIR"); !folder.isEmpty())
        QVERIFY(pixmap.save(QDir(folder).filePath(QString::fromLatin1(name))));
}

QUuid documentTitled(const MainWindow &window, const QString &start)
{
    const DocumentListModel &documents = window.session()->documents;
    for (int row = 0; row < documents.rowCount(); ++row)
        if (documents.index(row, DocumentListModel::TitleColumn).data().toString().startsWith(start))
            return documents.documentId(row);
    return {};
}

} // namespace

class GuideScreenshots : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    QUuid m_ferry; // "Port authority suspends …", the coded article

    Project &project() { return m_window->session()->project(); }
    QUuid code(const char *name) { return project().codeByName(QString::fromLatin1(name))->id; }

private Q_SLOTS:
    void initTestCase()
    {
        test::useTestSettings("tst_guidescreenshots");
        QSettings().clear(); // the standard layout
        QSettings().setValue(QStringLiteral("coder/name"), QStringLiteral("Sample Coder"));
        QVERIFY2(!shell::sampleTemplate().isEmpty(), "the build makes share/newscoder/sample.newscoder");
        const QString path = m_dir.filePath(QStringLiteral("sample.newscoder"));
        QVERIFY(QFile::copy(shell::sampleTemplate(), path));
        m_window = std::make_unique<MainWindow>();
        QVERIFY(test::openAndShow(*m_window, path, WindowSize));
        m_ferry = documentTitled(*m_window, QStringLiteral("Port authority suspends"));
        QVERIFY(!m_ferry.isNull());
    }

    void cleanupTestCase() { m_window.reset(); }

    void codingWindow()
    {
        m_window->documentList()->selectDocument(m_ferry);
        QCOMPARE(m_window->workspace()->currentDocument(), m_ferry);
        QTableView *annotations = m_window->workspace()->annotationPane()->annotationTable();
        QVERIFY(annotations->model()->rowCount() >= 6);
        // The first quote selected: its fields (type, speaker link) show in the form.
        int quote = -1;
        for (int row = 0; row < annotations->model()->rowCount() && quote < 0; ++row)
            for (int column = 0; column < annotations->model()->columnCount(); ++column)
                if (annotations->model()->index(row, column).data().toString() == QLatin1String("Quote"))
                    quote = row;
        QVERIFY(quote >= 0);
        annotations->selectRow(quote);
        QTest::qWait(50);
        picture(m_window.get(), "coding-window.png");
    }

    void codeEditor()
    {
        CodeEditorDialog dialog(project(), code("Quote"), m_window.get());
        dialog.resize(760, 640);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        picture(&dialog, "code-editor.png");
    }

    void actors()
    {
        m_window->actors()->raise();
        QTest::qWait(20);
        QVERIFY(m_window->actors()->view()->model()->rowCount() >= 2);
        picture(m_window.get(), "actors.png");
        m_window->codebook()->raise();
    }

    void searchAndSuggestions()
    {
        SearchDock *search = m_window->searchDock();
        search->toggleViewAction()->trigger();
        QVERIFY(search->isVisible());
        search->setScope(SearchDock::Corpus);
        search->patternEdit()->setText(QStringLiteral("said"));
        search->wholeWordBox()->setChecked(true);
        QSignalSpy found(search, &SearchDock::searchFinished);
        search->find();
        QVERIFY(found.wait(20000));
        QVERIFY(search->hitList()->topLevelItemCount() >= 4);
        QSignalSpy coded(search, &SearchDock::codingFinished);
        search->codeHitsAs(code("Quote"), true);
        QVERIFY(coded.wait(20000));
        QVERIFY(coded.first().first().toInt() >= 4);
        QTest::qWait(50);
        picture(m_window.get(), "search.png");
        search->acceptAllSuggestions(false); // rejected again: the next pictures show coding only
        search->toggleViewAction()->trigger();
    }

    void secondCoderInReview()
    {
        // Ben codes the same article: the same quotes, one speaker with other boundaries, a claim left out.
        project().setCoderName(QStringLiteral("Ben"));
        const QList<Annotation> sample = project().reader().annotationsForDocument(m_ferry);
        for (const Annotation &a : sample) {
            if (project().coderNameFor(a.coderId) != QLatin1String("Sample Coder"))
                continue;
            const QString codeName = project().code(a.codeId)->name;
            if (codeName == QLatin1String("Claim"))
                continue;
            // Ben's speakers leave out the first word ("spokesperson Léa Brannigan"): a boundary difference.
            const QString text = project().reader().documentText(m_ferry);
            const int space = int(text.indexOf(u' ', a.start));
            const bool shorter = codeName == QLatin1String("Speaker") && space >= a.start && space + 1 < a.end;
            const int start = shorter ? space + 1 : a.start;
            QVERIFY(project().addAnnotation(m_ferry, a.codeId, start, a.end));
        }
        project().setCoderName(QStringLiteral("Sample Coder"));
        auto *toggle = m_window->findChild<QAction *>(QStringLiteral("actionReviewCoders"));
        QVERIFY(toggle);
        toggle->trigger();
        ReviewDock *dock = m_window->reviewDock();
        QVERIFY(dock->isVisible());
        dock->coderA()->setCurrentText(QStringLiteral("Sample Coder"));
        dock->coderB()->setCurrentText(QStringLiteral("Ben"));
        QSignalSpy loaded(dock, &ReviewDock::loaded);
        dock->refresh();
        QVERIFY(loaded.wait(20000) || !loaded.isEmpty());
        QTRY_VERIFY(!dock->isLoading());
        QVERIFY(dock->itemsView()->topLevelItemCount() >= 2);
        dock->itemsView()->setCurrentItem(dock->itemsView()->topLevelItem(0));
        QTest::qWait(50);
        picture(m_window.get(), "review-coders.png");
        toggle->trigger();
    }

    void reliability()
    {
        auto *action = m_window->findChild<QAction *>(QStringLiteral("actionReliability"));
        QVERIFY(action);
        action->trigger();
        auto *dialog = m_window->findChild<ReliabilityDialog *>();
        QVERIFY(dialog);
        dialog->resize(1180, 760);
        QSignalSpy computed(dialog, &ReliabilityDialog::computed);
        dialog->compute();
        QVERIFY(computed.wait(60000) || !computed.isEmpty());
        QVERIFY(dialog->table()->model()->rowCount() >= 1);
        QTest::qWait(100);
        picture(dialog, "reliability.png");
        dialog->close();
    }
};

QTEST_MAIN(GuideScreenshots)
#include "tst_guidescreenshots.moc"
