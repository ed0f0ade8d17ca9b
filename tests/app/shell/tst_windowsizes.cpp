// The coding window at the sizes researchers use (1280×800, 1560×960,
// 1920×1080; issue 17): readable article titles, the coded text as the widest
// annotation column, side panels without horizontal scrolling and search
// lists tall enough to work in. Set NEWSCODER_TEST_GRAB_DIR to also save a
// picture of each size there (for looking at, not for asserting).
#include "articles/ArticleListColumns.h"
#include "articles/DocumentListDock.h"
#include "coding/AnnotationPane.h"
#include "coding/CodingWorkspace.h"
#include "fields/ArticleVariablesPanel.h"
#include "io/ArticleImport.h"
#include "io/CodebookJson.h"
#include "models/AnnotationTableModel.h"
#include "models/DocumentListModel.h"
#include "search/SearchDock.h"
#include "shell/MainWindow.h"
#include "shell/ProjectSession.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QHeaderView>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include "TestPaths.h"

using namespace newscoder;

namespace {

const QString Sampled = QStringLiteral("Port authority suspends");

// The fictional sample articles of resources/samples with some coding on one of them.
QString createSampleProject(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("sizes.newscoder"));
    auto project = Project::create(path, defaultNewsCodebook());
    project->setCoderName(QStringLiteral("Sample Coder"));
    const ImportReport report = readArticles({QStringLiteral(NEWSCODER_SOURCE_DIR "/resources/samples")});
    const QList<QUuid> ids = project->importDocuments(report.documents);
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (!report.documents[i].title.startsWith(Sampled))
            continue;
        const QString text = report.documents[i].text;
        const QUuid quote = project->codeByName(QStringLiteral("Quote"))->id;
        const QUuid speaker = project->codeByName(QStringLiteral("Speaker"))->id;
        QList<QUuid> quotes;
        for (const QString &words :
             {QStringLiteral("No vessel leaves this harbour unless we are certain it is safe"),
              QStringLiteral("People rely on that boat to reach the hospital after dark")}) {
            const int at = int(text.indexOf(words));
            if (const auto id = project->addAnnotation(ids[i], quote, at, at + int(words.size()),
                                                       QStringLiteral("partial quote")))
                quotes.append(*id);
        }
        const QString who = QStringLiteral("authority spokesperson Léa Brannigan");
        const int at = int(text.indexOf(who));
        const auto speakerId = project->addAnnotation(ids[i], speaker, at, at + int(who.size()));
        // The first quote names its speaker: the form shows the link with the speaker's words.
        const auto quoteCode = project->codeByName(QStringLiteral("Quote"));
        for (const CodeField &field : quoteCode->fields) {
            if (field.name == QStringLiteral("Speaker") && speakerId && !quotes.isEmpty())
                project->setAnnotationValues(quotes.first(), field.id,
                                             {FieldValue{field.id, {}, *speakerId, {}}});
        }
    }
    return path;
}

int visibleWidth(const QTableView *table, int column)
{
    return table->isColumnHidden(column) ? 0 : table->horizontalHeader()->sectionSize(column);
}

// Whole rows a list shows without scrolling.
int rowsShown(const QTreeWidget *list)
{
    const int row = list->fontMetrics().height() + 6;
    return list->viewport()->height() / row;
}

void checkAnnotationColumns(MainWindow &window)
{
    // The annotation list: the coded text is the widest column.
    const QTableView *annotations = window.workspace()->annotationPane()->annotationTable();
    const int text = visibleWidth(annotations, AnnotationTableModel::TextColumn);
    for (const int column : {AnnotationTableModel::CodeColumn, AnnotationTableModel::CoderColumn,
                             AnnotationTableModel::MemoColumn})
        QVERIFY2(text > visibleWidth(annotations, column),
                 qPrintable(QStringLiteral("text %1, column %2: %3")
                                .arg(text)
                                .arg(column)
                                .arg(visibleWidth(annotations, column))));
    QVERIFY2(text * 100 >= annotations->viewport()->width() * 40,
             qPrintable(QStringLiteral("text %1 of %2").arg(text).arg(annotations->viewport()->width())));
}

void grab(MainWindow &window, QSize size, const char *what)
{
    const QString grabs = qEnvironmentVariable("NEWSCODER_TEST_GRAB_DIR");
    if (!grabs.isEmpty())
        window.grab().save(QDir(grabs).filePath(
            QStringLiteral("%1-%2x%3.png").arg(QLatin1String(what)).arg(size.width()).arg(size.height())));
}

} // namespace

class TestWindowSizes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("NewscoderTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_windowsizes"));
    }

    void init()
    {
        QSettings().clear(); // the default layout
        QSettings().setValue(QStringLiteral("coder/name"), QStringLiteral("Sample Coder"));
    }

    void readableAtEachSize_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1280x800") << QSize(1280, 800);
        QTest::newRow("1560x960") << QSize(1560, 960);
        QTest::newRow("1920x1080") << QSize(1920, 1080);
    }

    void readableAtEachSize()
    {
        QFETCH(QSize, size);
        QTemporaryDir dir;
        const QString path = createSampleProject(dir);
        MainWindow window;
        window.setInteractive(false);
        window.resize(size);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(path));
        const DocumentListModel &documents = window.session()->documents;
        for (int row = 0; row < documents.rowCount(); ++row) {
            if (documents.index(row, DocumentListModel::TitleColumn).data().toString().startsWith(Sampled))
                window.documentList()->selectDocument(documents.documentId(row));
        }
        window.workspace()->annotationPane()->annotationTable()->selectRow(0);
        QTest::qWait(50);
        QApplication::processEvents();
        QCOMPARE(window.size(), size);
        QVERIFY(window.session()->annotations.rowCount() >= 3);

        // The article list: titles readable, every column in sight.
        const QTableView *articles = window.documentList()->view();
        const int listWidth = articles->viewport()->width();
        const int title = visibleWidth(articles, DocumentListModel::TitleColumn);
        QVERIFY2(title * 100 >= listWidth * ArticleListColumns::TitleSharePercent,
                 qPrintable(QStringLiteral("title %1 of %2 px").arg(title).arg(listWidth)));
        int columns = 0;
        for (int column = 0; column < DocumentListModel::ColumnCount; ++column) {
            columns += visibleWidth(articles, column);
            QVERIFY(visibleWidth(articles, column) <= title);
        }
        QVERIFY2(columns <= listWidth,
                 qPrintable(QStringLiteral("columns %1 > list %2").arg(columns).arg(listWidth)));
        QVERIFY(!articles->horizontalScrollBar()->isVisible());
        for (const int column : {DocumentListModel::DateColumn, DocumentListModel::AnnotationsColumn,
                                 DocumentListModel::MissingColumn})
            QVERIFY2(!articles->isColumnHidden(column), qPrintable(QString::number(column)));
        if (listWidth >= 520) // room for the outlet too
            QVERIFY(!articles->isColumnHidden(DocumentListModel::OutletColumn));

        checkAnnotationColumns(window);
        if (QTest::currentTestFailed())
            return;
        grab(window, size, "coding");

        // Side panels fit their width: nothing to scroll sideways to.
        for (QWidget *panel : {static_cast<QWidget *>(window.variables()),
                               static_cast<QWidget *>(window.workspace()->annotationPane())}) {
            for (const QScrollArea *scroll : panel->findChildren<QScrollArea *>())
                QVERIFY2(!scroll->horizontalScrollBar()->isVisible(), qPrintable(panel->objectName()));
        }

        // The search panel: its hit and suggestion lists show a useful number of rows.
        window.searchDock()->toggleViewAction()->trigger();
        QTest::qWait(50);
        QApplication::processEvents();
        QVERIFY(window.searchDock()->isVisible());
        const auto *hits = window.searchDock()->findChild<QTreeWidget *>(QStringLiteral("searchHits"));
        const auto *suggestions =
            window.searchDock()->findChild<QTreeWidget *>(QStringLiteral("suggestionList"));
        QVERIFY(hits && suggestions);
        // In front of its tab, not behind the article variables.
        QVERIFY(!hits->visibleRegion().isEmpty() && !suggestions->visibleRegion().isEmpty());
        QVERIFY(window.variables()->visibleRegion().isEmpty());
        const int wanted = size.height() >= 960 ? 8 : 5;
        QVERIFY2(rowsShown(hits) >= wanted, qPrintable(QStringLiteral("hits: %1 rows").arg(rowsShown(hits))));
        QVERIFY2(rowsShown(suggestions) >= wanted,
                 qPrintable(QStringLiteral("suggestions: %1 rows").arg(rowsShown(suggestions))));
        for (const QScrollArea *scroll : window.searchDock()->findChildren<QScrollArea *>())
            QVERIFY(!scroll->horizontalScrollBar()->isVisible());

        // Showing the search panel leaves the annotation list readable.
        checkAnnotationColumns(window);
        if (QTest::currentTestFailed())
            return;
        grab(window, size, "search");
    }

    // A wide article list shows the outlet; narrowed, the outlet steps aside for the title and comes back.
    void outletStepsAsideAndComesBack()
    {
        QTemporaryDir dir;
        const QString path = createSampleProject(dir);
        MainWindow window;
        window.setInteractive(false);
        window.resize(1920, 1080);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(path));
        QTest::qWait(100); // the first layout of the opened project settles
        const QTableView *articles = window.documentList()->view();
        const auto outletShownAt = [&](int dockWidth) {
            window.resizeDocks({window.documentList()}, {dockWidth}, Qt::Horizontal);
            QTest::qWait(20);
            QApplication::processEvents();
            const int title = visibleWidth(articles, DocumentListModel::TitleColumn);
            return title * 100 >= articles->viewport()->width() * ArticleListColumns::TitleSharePercent &&
                   !articles->isColumnHidden(DocumentListModel::OutletColumn);
        };
        QVERIFY(outletShownAt(700));
        QVERIFY(visibleWidth(articles, DocumentListModel::OutletColumn) >=
                ArticleListColumns::MinOutletWidth);
        QVERIFY(!outletShownAt(340));
        QVERIFY(articles->isColumnHidden(DocumentListModel::OutletColumn));
        // What the narrow list leaves out, each row's tooltip says: the full title and the outlet.
        bool found = false;
        for (int row = 0; row < articles->model()->rowCount(); ++row) {
            const QModelIndex title = articles->model()->index(row, DocumentListModel::TitleColumn);
            if (!title.data().toString().startsWith(Sampled))
                continue;
            found = true;
            const QString tip = title.data(Qt::ToolTipRole).toString();
            QVERIFY2(tip.contains(QStringLiteral("Port authority suspends overnight Skerrin ferry after hull inspection"))
                         && tip.contains(QStringLiteral("harbourgazette.example"))
                         && tip.contains(QStringLiteral("3 annotations")),
                     qPrintable(tip));
        }
        QVERIFY(found);
        QVERIFY(visibleWidth(articles, DocumentListModel::TitleColumn) * 100 >=
                articles->viewport()->width() * ArticleListColumns::TitleSharePercent);
        QVERIFY(outletShownAt(700));
    }
};

QTEST_MAIN(TestWindowSizes)
#include "tst_windowsizes.moc"
