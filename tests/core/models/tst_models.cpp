// The item models on a real project, each watched by QAbstractItemModelTester:
// they follow undo/redo, and their setData() pushes undoable commands.
#include "../CoreTestSupport.h"
#include "models/AnnotationTableModel.h"
#include "models/CodebookTreeModel.h"
#include "models/DocumentDetailsModel.h"
#include "models/DocumentListModel.h"
#include "models/ModelRoles.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;
using namespace newscoder::test;

class TestModels : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProjectFixture> m_fx;

    Project &project() { return *m_fx->project; }
    QUndoStack &undo() { return *m_fx->project->undoStack(); }
    QUuid code(const char *name) const { return m_fx->codeId(QString::fromLatin1(name)); }

    static void watch(QAbstractItemModel *model)
    {
        new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest, model);
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(openFixture(m_dir, m_fx));
    }

    void cleanup() { closeFixture(m_dir, m_fx); }

    // ------------------------------------------------------------ documents

    void documentListRowsAndColumns()
    {
        DocumentListModel model(project());
        watch(&model);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(DocumentListModel::ColumnCount));
        const QModelIndex title = model.indexOf(m_fx->plainDoc);
        QVERIFY(title.isValid());
        QCOMPARE(title.data().toString(), QStringLiteral("Harbour talks stall"));
        QCOMPARE(title.siblingAtColumn(DocumentListModel::OutletColumn).data().toString(),
                 QStringLiteral("harbourgazette.example"));
        QCOMPARE(title.siblingAtColumn(DocumentListModel::DateColumn).data().toString(), QStringLiteral("2024-03-14"));
        QCOMPARE(title.siblingAtColumn(DocumentListModel::AnnotationsColumn).data().toInt(), 0);
        QCOMPARE(title.data(IdRole).toUuid(), m_fx->plainDoc);
        QCOMPARE(model.documentId(title.row()), m_fx->plainDoc);
        QCOMPARE(model.summary(m_fx->nonBmpDoc)->length, int(NonBmpText.size()));
        QVERIFY(model.flags(title) & Qt::ItemIsEditable);
        QVERIFY(!(model.flags(title.siblingAtColumn(DocumentListModel::AnnotationsColumn)) & Qt::ItemIsEditable));
        QCOMPARE(model.headerData(DocumentListModel::TitleColumn, Qt::Horizontal).toString(), QStringLiteral("Title"));
    }

    void documentListCountsFollowAnnotations()
    {
        DocumentListModel model(project());
        watch(&model);
        const QModelIndex count = model.indexOf(m_fx->plainDoc, DocumentListModel::AnnotationsColumn);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(project().addAnnotation(m_fx->plainDoc, code("Quote"), 26, 53));
        QVERIFY(project().addAnnotation(m_fx->plainDoc, code("Speaker"), 0, 18));
        QCOMPARE(count.data().toInt(), 2);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.last().at(0).toModelIndex(), count);
        undo().undo();
        QCOMPARE(count.data().toInt(), 1);
        undo().undo();
        QCOMPARE(count.data().toInt(), 0);
        undo().redo();
        QCOMPARE(count.data().toInt(), 1);
        // The model agrees with the file.
        QCOMPARE(reader(m_fx->path)->documentSummary(m_fx->plainDoc)->annotationCount, 1);
        QCOMPARE(model.indexOf(m_fx->nonBmpDoc, DocumentListModel::AnnotationsColumn).data().toInt(), 0);
    }

    void documentListSetDataIsUndoable_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("shown");
        QTest::newRow("title") << int(DocumentListModel::TitleColumn) << QVariant(QStringLiteral("  New title "))
                               << QStringLiteral("New title");
        QTest::newRow("outlet") << int(DocumentListModel::OutletColumn) << QVariant(QStringLiteral("x.example"))
                                << QStringLiteral("x.example");
        QTest::newRow("date text") << int(DocumentListModel::DateColumn) << QVariant(QStringLiteral("2022-02-24"))
                                   << QStringLiteral("2022-02-24");
        QTest::newRow("QDate") << int(DocumentListModel::DateColumn) << QVariant(QDate(2021, 1, 2))
                               << QStringLiteral("2021-01-02");
        QTest::newRow("no date") << int(DocumentListModel::DateColumn) << QVariant(QString()) << QString();
    }

    // Without scraped outlet text the list names the registry outlet, and follows its renaming.
    void documentListShowsTheRegistryOutlet()
    {
        DocumentListModel model(project());
        Document details = *project().reader().document(m_fx->plainDoc);
        details.outlet.clear();
        QVERIFY(project().updateDocumentDetails(details));
        const auto outletId = project().reader().documentSummary(m_fx->plainDoc)->outletId;
        QVERIFY(!outletId.isNull());
        const auto shown = [&] { return model.indexOf(m_fx->plainDoc, DocumentListModel::OutletColumn).data().toString(); };
        QCOMPARE(shown(), project().outlet(outletId)->name);
        Outlet renamed = *project().outlet(outletId);
        renamed.name = QStringLiteral("Harbour Gazette");
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(project().updateOutlet(renamed));
        QVERIFY(!changed.isEmpty());
        QCOMPARE(shown(), QStringLiteral("Harbour Gazette"));
        QVERIFY(project().assignOutlet({m_fx->plainDoc}, {}));
        QCOMPARE(shown(), QString());
    }

    void documentListSetDataIsUndoable()
    {
        QFETCH(int, column);
        QFETCH(QVariant, value);
        QFETCH(QString, shown);
        DocumentListModel model(project());
        watch(&model);
        const QModelIndex cell = model.indexOf(m_fx->plainDoc, column);
        const QString original = cell.data().toString();
        QVERIFY(model.setData(cell, value));
        QCOMPARE(undo().count(), 1);
        QCOMPARE(model.indexOf(m_fx->plainDoc, column).data().toString(), shown);
        const Document stored = *reader(m_fx->path)->document(m_fx->plainDoc);
        const QString inFile = column == DocumentListModel::TitleColumn    ? stored.title
                               : column == DocumentListModel::OutletColumn ? stored.outlet
                                                                           : stored.date.toString(Qt::ISODate);
        QCOMPARE(inFile, shown);
        undo().undo();
        QCOMPARE(model.indexOf(m_fx->plainDoc, column).data().toString(), original);
        undo().redo();
        QCOMPARE(model.indexOf(m_fx->plainDoc, column).data().toString(), shown);
    }

    void documentListRefusesBadEdits()
    {
        DocumentListModel model(project());
        watch(&model);
        const QModelIndex title = model.indexOf(m_fx->plainDoc);
        QVERIFY(!model.setData(title, QStringLiteral("   ")));
        QVERIFY(!model.setData(title.siblingAtColumn(DocumentListModel::DateColumn), QStringLiteral("31.02.2024")));
        QVERIFY(!model.setData(title.siblingAtColumn(DocumentListModel::AnnotationsColumn), 7));
        QVERIFY(!model.setData(title, QStringLiteral("x"), Qt::DisplayRole + 1000));
        QCOMPARE(undo().count(), 0);
        QCOMPARE(reader(m_fx->path)->document(m_fx->plainDoc)->title, QStringLiteral("Harbour talks stall"));
    }

    void documentListRowsFollowImportUndoRedo()
    {
        DocumentListModel model(project());
        watch(&model);
        QSignalSpy rowsInserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy rowsRemoved(&model, &QAbstractItemModel::rowsRemoved);
        const QList<QUuid> ids = project().importDocuments(
            {makeDocument(QStringLiteral("Third"), QStringLiteral("three")),
             makeDocument(QStringLiteral("Fourth"), QStringLiteral("four"))});
        QCOMPARE(ids.size(), 2);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(rowsInserted.count(), 1);
        QCOMPARE(model.indexOf(ids[1]).data().toString(), QStringLiteral("Fourth"));
        undo().undo();
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(!model.indexOf(ids[0]).isValid());
        QCOMPARE(rowsRemoved.count(), 2);
        QCOMPARE(model.indexOf(m_fx->nonBmpDoc).data().toString(), QStringLiteral("Festival in the square"));
        undo().redo();
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.indexOf(ids[0]).data().toString(), QStringLiteral("Third"));
        QVERIFY(project().removeDocuments({m_fx->plainDoc}));
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(!model.indexOf(m_fx->plainDoc).isValid());
        QCOMPARE(model.indexOf(ids[1]).data(IdRole).toUuid(), ids[1]);
    }

    // Removing many rows at once takes the model's reset path.
    void documentListManyRemovals()
    {
        DocumentListModel model(project());
        watch(&model);
        QList<Document> docs;
        for (int i = 0; i < 60; ++i)
            docs << makeDocument(QStringLiteral("Bulk %1").arg(i), QStringLiteral("text %1").arg(i));
        const QList<QUuid> ids = project().importDocuments(docs);
        QCOMPARE(ids.size(), 60);
        QCOMPARE(model.rowCount(), 62);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        undo().undo();
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.indexOf(m_fx->plainDoc).isValid());
        QCOMPARE(model.indexOf(m_fx->plainDoc).data(IdRole).toUuid(), m_fx->plainDoc);
        QVERIFY(!model.indexOf(ids[30]).isValid());
        undo().redo();
        QCOMPARE(model.rowCount(), 62);
        QCOMPARE(model.indexOf(ids[59]).data().toString(), QStringLiteral("Bulk 59"));
        QCOMPARE(model.rowCount(), reader(m_fx->path)->documentCount());
    }

    // ---------------------------------------------------------- annotations

    void annotationTableOrderedByStart()
    {
        AnnotationTableModel model(project());
        watch(&model);
        model.setDocument(m_fx->plainDoc);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.text(), PlainText);
        const auto late = project().addAnnotation(m_fx->plainDoc, code("Claim"), 55, 77);
        const auto early = project().addAnnotation(m_fx->plainDoc, code("Speaker"), 0, 18);
        const auto middle = project().addAnnotation(m_fx->plainDoc, code("Quote"), 26, 53, QStringLiteral("m"));
        QVERIFY(project().addAnnotation(m_fx->nonBmpDoc, code("Quote"), 10, 12)); // another document
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, 0).data(IdRole).toUuid(), *early);
        QCOMPARE(model.index(1, 0).data(IdRole).toUuid(), *middle);
        QCOMPARE(model.index(2, 0).data(IdRole).toUuid(), *late);
        QCOMPARE(model.index(1, AnnotationTableModel::TextColumn).data().toString(),
                 QStringLiteral("Talks are frozen until May."));
        QCOMPARE(model.index(1, AnnotationTableModel::CodeColumn).data().toString(), QStringLiteral("Quote"));
        QCOMPARE(model.index(1, AnnotationTableModel::CoderColumn).data().toString(), QStringLiteral("Alex Example"));
        QCOMPARE(model.index(1, AnnotationTableModel::MemoColumn).data().toString(), QStringLiteral("m"));
        QCOMPARE(model.index(1, 0).data(StartRole).toInt(), 26);
        QCOMPARE(model.index(1, 0).data(EndRole).toInt(), 53);
        undo().undo(); // the other document's annotation: no change here
        undo().undo(); // middle
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(*middle), -1);
        undo().redo();
        QCOMPARE(model.rowOf(*middle), 1);

        // A model opened later reads the same order from the file.
        AnnotationTableModel fresh(project());
        fresh.setDocument(m_fx->plainDoc);
        QCOMPARE(fresh.rowOf(*early), 0);
        QCOMPARE(fresh.rowOf(*late), 2);
    }

    void annotationTableEditsAreUndoable()
    {
        AnnotationTableModel model(project());
        watch(&model);
        model.setDocument(m_fx->nonBmpDoc);
        const auto id = project().addAnnotation(m_fx->nonBmpDoc, code("Quote"), 10, 12);
        QVERIFY(id);
        undo().clear();
        const int row = model.rowOf(*id);
        QCOMPARE(model.index(row, AnnotationTableModel::TextColumn).data().toString(), QStringLiteral("\U0001D11E"));
        QVERIFY(model.flags(model.index(row, AnnotationTableModel::MemoColumn)) & Qt::ItemIsEditable);
        QVERIFY(!(model.flags(model.index(row, AnnotationTableModel::TextColumn)) & Qt::ItemIsEditable));

        QVERIFY(model.setData(model.index(row, AnnotationTableModel::MemoColumn), QStringLiteral("clef \U0001F3B5")));
        QCOMPARE(undo().count(), 1);
        QCOMPARE(model.index(row, AnnotationTableModel::MemoColumn).data().toString(), QStringLiteral("clef \U0001F3B5"));
        QCOMPARE(reader(m_fx->path)->annotation(*id)->memo, QStringLiteral("clef \U0001F3B5"));

        QVERIFY(model.setData(model.index(row, AnnotationTableModel::CodeColumn), QStringLiteral("claim"))); // by name
        QCOMPARE(model.index(row, AnnotationTableModel::CodeColumn).data().toString(), QStringLiteral("Claim"));
        QVERIFY(model.setData(model.index(row, AnnotationTableModel::CodeColumn), code("Speaker"))); // by id
        QCOMPARE(model.index(row, AnnotationTableModel::CodeColumn).data(CodeIdRole).toUuid(), code("Speaker"));
        QCOMPARE(reader(m_fx->path)->annotation(*id)->codeId, code("Speaker"));
        QVERIFY(!model.setData(model.index(row, AnnotationTableModel::CodeColumn), QStringLiteral("No such code")));
        QVERIFY(!model.setData(model.index(row, AnnotationTableModel::TextColumn), QStringLiteral("rewrite")));
        QCOMPARE(undo().count(), 3);

        undo().undo();
        QCOMPARE(model.index(row, AnnotationTableModel::CodeColumn).data().toString(), QStringLiteral("Claim"));
        undo().undo();
        undo().undo();
        QCOMPARE(model.index(row, AnnotationTableModel::CodeColumn).data().toString(), QStringLiteral("Quote"));
        QCOMPARE(model.index(row, AnnotationTableModel::MemoColumn).data().toString(), QString());
        QCOMPARE(reader(m_fx->path)->annotation(*id)->memo, QString());
        QCOMPARE(reader(m_fx->path)->annotation(*id)->codeId, code("Quote"));
    }

    void annotationTableForgetsARemovedDocument()
    {
        AnnotationTableModel model(project());
        watch(&model);
        model.setDocument(m_fx->plainDoc);
        QVERIFY(project().addAnnotation(m_fx->plainDoc, code("Quote"), 26, 53));
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(project().removeDocuments({m_fx->plainDoc}));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.documentId().isNull());
    }

    // ------------------------------------------------------------- codebook

    // Removing a code with annotations touches every model; undo restores them all.
    void modelsFollowCodeRemoval()
    {
        DocumentListModel documents(project());
        AnnotationTableModel annotations(project());
        CodebookTreeModel codebook(project());
        for (QAbstractItemModel *m : std::initializer_list<QAbstractItemModel *>{&documents, &annotations, &codebook})
            watch(m);
        annotations.setDocument(m_fx->plainDoc);
        QVERIFY(project().addAnnotation(m_fx->plainDoc, code("Quote"), 26, 53));
        QVERIFY(project().addAnnotation(m_fx->plainDoc, code("Speaker"), 0, 18));
        QVERIFY(project().addAnnotation(m_fx->nonBmpDoc, code("Quote"), 10, 12));
        const auto countOf = [&](const QUuid &doc) {
            return documents.indexOf(doc, DocumentListModel::AnnotationsColumn).data().toInt();
        };
        QCOMPARE(countOf(m_fx->plainDoc), 2);
        QCOMPARE(annotations.rowCount(), 2);

        const QUuid quote = code("Quote");
        QVERIFY(project().removeCode(quote));
        QCOMPARE(codebook.rowCount(), 5);
        QVERIFY(!codebook.indexOf(quote).isValid());
        QCOMPARE(countOf(m_fx->plainDoc), 1);
        QCOMPARE(countOf(m_fx->nonBmpDoc), 0);
        QCOMPARE(annotations.rowCount(), 1);
        QCOMPARE(annotations.index(0, AnnotationTableModel::CodeColumn).data().toString(), QStringLiteral("Speaker"));

        undo().undo();
        QCOMPARE(codebook.rowCount(), 6);
        QCOMPARE(codebook.indexOf(quote, CodebookTreeModel::CountColumn).data().toInt(), 2);
        QCOMPARE(countOf(m_fx->plainDoc), 2);
        QCOMPARE(countOf(m_fx->nonBmpDoc), 1);
        QCOMPARE(annotations.rowCount(), 2);
        QCOMPARE(annotations.index(1, AnnotationTableModel::CodeColumn).data().toString(), QStringLiteral("Quote"));

        undo().redo();
        QCOMPARE(codebook.rowCount(), 5);
        QCOMPARE(countOf(m_fx->plainDoc), 1);
        // The models agree with the file.
        auto store = reader(m_fx->path);
        QCOMPARE(store->documentSummary(m_fx->plainDoc)->annotationCount, countOf(m_fx->plainDoc));
        QCOMPARE(int(store->codes().size()), codebook.rowCount());
    }

    // -------------------------------------------------------------- details

    void detailsRows()
    {
        DocumentDetailsModel model(project());
        watch(&model);
        QCOMPARE(model.rowCount(), 0);
        model.setDocument(m_fx->plainDoc);
        QCOMPARE(model.rowCount(), int(DocumentDetailsModel::FixedRowCount) + 1); // one metadata entry
        const auto value = [&](int row) { return model.index(row, DocumentDetailsModel::ValueColumn).data().toString(); };
        QCOMPARE(value(DocumentDetailsModel::TitleRow), QStringLiteral("Harbour talks stall"));
        QCOMPARE(value(DocumentDetailsModel::DateRow), QStringLiteral("2024-03-14"));
        QCOMPARE(value(DocumentDetailsModel::AuthorRow), QStringLiteral("Ana Writer"));
        QVERIFY(value(DocumentDetailsModel::LengthRow).contains(QString::number(PlainText.size())));
        QCOMPARE(model.index(DocumentDetailsModel::FixedRowCount, 0).data().toString(), QStringLiteral("byline"));
        QCOMPARE(value(DocumentDetailsModel::FixedRowCount), QStringLiteral("By Ana Writer"));
        QVERIFY(!(model.flags(model.index(DocumentDetailsModel::LengthRow, 1)) & Qt::ItemIsEditable));
        QVERIFY(!(model.flags(model.index(DocumentDetailsModel::TitleRow, 0)) & Qt::ItemIsEditable));
        QVERIFY(model.flags(model.index(DocumentDetailsModel::TitleRow, 1)) & Qt::ItemIsEditable);
    }

    void detailsEditsAreUndoable_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<QString>("value");
        QTest::newRow("title") << int(DocumentDetailsModel::TitleRow) << QStringLiteral("Talks resume");
        QTest::newRow("date") << int(DocumentDetailsModel::DateRow) << QStringLiteral("2024-04-01");
        QTest::newRow("clear date") << int(DocumentDetailsModel::DateRow) << QString();
        QTest::newRow("url") << int(DocumentDetailsModel::UrlRow) << QStringLiteral("https://x.example/y");
        QTest::newRow("metadata") << int(DocumentDetailsModel::FixedRowCount) << QStringLiteral("By Kim \U0001F58A");
        QTest::newRow("memo") << int(DocumentDetailsModel::MemoRow) << QStringLiteral("Compare with the TASS wire.");
    }

    void detailsEditsAreUndoable()
    {
        QFETCH(int, row);
        QFETCH(QString, value);
        DocumentDetailsModel model(project());
        watch(&model);
        model.setDocument(m_fx->plainDoc);
        const QModelIndex cell = model.index(row, DocumentDetailsModel::ValueColumn);
        const QString original = cell.data().toString();
        QVERIFY(model.setData(cell, value));
        QCOMPARE(undo().count(), 1);
        QCOMPARE(model.index(row, DocumentDetailsModel::ValueColumn).data().toString(), value);
        const Document stored = *reader(m_fx->path)->document(m_fx->plainDoc);
        const QString inFile = row == DocumentDetailsModel::TitleRow  ? stored.title
                               : row == DocumentDetailsModel::DateRow ? stored.date.toString(Qt::ISODate)
                               : row == DocumentDetailsModel::UrlRow  ? stored.url
                               : row == DocumentDetailsModel::MemoRow ? stored.memo
                                                                      : stored.metadata.value(0).second;
        QCOMPARE(inFile, value);
        undo().undo();
        QCOMPARE(model.index(row, DocumentDetailsModel::ValueColumn).data().toString(), original);
        undo().redo();
        QCOMPARE(model.index(row, DocumentDetailsModel::ValueColumn).data().toString(), value);
    }

    void detailsRefuseInvalidValues()
    {
        DocumentDetailsModel model(project());
        watch(&model);
        model.setDocument(m_fx->plainDoc);
        const QByteArray before = fileHash(m_fx->path);
        QVERIFY(!model.setData(model.index(DocumentDetailsModel::DateRow, 1), QStringLiteral("2024-13-45")));
        QVERIFY(!model.setData(model.index(DocumentDetailsModel::DateRow, 1), QStringLiteral("yesterday")));
        QVERIFY(!model.setData(model.index(DocumentDetailsModel::TitleRow, 1), QStringLiteral("  ")));
        QVERIFY(!model.setData(model.index(DocumentDetailsModel::LengthRow, 1), QStringLiteral("5")));
        QVERIFY(!model.setData(model.index(DocumentDetailsModel::TitleRow, 0), QStringLiteral("Name")));
        QCOMPARE(undo().count(), 0);
        QCOMPARE(model.index(DocumentDetailsModel::DateRow, 1).data().toString(), QStringLiteral("2024-03-14"));
        QCOMPARE(fileHash(m_fx->path), before);
    }
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"
