// CodebookTreeModel: structure checked by QAbstractItemModelTester while the
// codebook changes; renaming, recolouring and re-keying through setData are
// undoable steps; dropping code ids reorders and re-parents via moveCode.
#include "../CoreTestSupport.h"

#include "models/CodebookTreeModel.h"
#include "models/ModelRoles.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;
using namespace newscoder::test;

class TestCodebookTreeModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProjectFixture> m_fx;
    std::unique_ptr<CodebookTreeModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    Project &project() { return *m_fx->project; }
    QUuid code(const char *name) const { return m_fx->codeId(QString::fromUtf8(name)); }
    CodebookTreeModel &model() { return *m_model; }

    QStringList topLevelNames()
    {
        QStringList names;
        for (int row = 0; row < model().rowCount(); ++row)
            names << model().index(row, 0).data().toString();
        return names;
    }

    QUuid addCode(const QString &name, const QUuid &parent = {})
    {
        Code c;
        c.name = name;
        c.parentId = parent;
        const auto id = project().addCode(c);
        return id ? *id : QUuid();
    }

    std::unique_ptr<QMimeData> drag(const QUuid &id)
    {
        return std::unique_ptr<QMimeData>(model().mimeData({model().indexOf(id)}));
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(openFixture(m_dir, m_fx));
        m_model = std::make_unique<CodebookTreeModel>(project());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
        m_fx.reset();
        m_dir.reset();
    }

    void showsTheTree()
    {
        const QUuid direct = addCode(QStringLiteral("Direct"), code("Quote"));
        addCode(QStringLiteral("Verbatim"), direct);
        QCOMPARE(model().columnCount(), int(CodebookTreeModel::ColumnCount));
        QCOMPARE(topLevelNames(), (QStringList{QStringLiteral("Quote"), QStringLiteral("Speaker"),
                                               QStringLiteral("Claim"), QStringLiteral("Bias indicator"),
                                               QStringLiteral("Article"), QStringLiteral("Outlet")}));
        const QModelIndex quote = model().indexOf(code("Quote"));
        QCOMPARE(model().rowCount(quote), 1);
        const QModelIndex directIndex = model().index(0, 0, quote);
        QCOMPARE(directIndex.data().toString(), QStringLiteral("Direct"));
        QCOMPARE(directIndex.parent(), quote);
        QCOMPARE(model().rowCount(directIndex), 1);
        QCOMPARE(model().index(0, 0, directIndex).data(IdRole).toUuid(), model().codeId(model().index(0, 0, directIndex)));
        QCOMPARE(model().indexOf(code("Quote"), CodebookTreeModel::KeyColumn).data().toString(), QStringLiteral("1"));
        QCOMPARE(model().indexOf(code("Article"), CodebookTreeModel::UnitColumn).data().toString(),
                 QStringLiteral("article"));
        QCOMPARE(quote.data(Qt::DecorationRole).value<QColor>(), project().code(code("Quote"))->color);
    }

    void countsFollowAnnotations()
    {
        const QModelIndex count = model().indexOf(code("Claim"), CodebookTreeModel::CountColumn);
        QCOMPARE(count.data().toInt(), 0);
        const auto a = project().addAnnotation(m_fx->plainDoc, code("Claim"), 0, 8);
        QVERIFY(a);
        QCOMPARE(model().indexOf(code("Claim"), CodebookTreeModel::CountColumn).data().toInt(), 1);
        QVERIFY(project().setAnnotationCode(*a, code("Quote")));
        QCOMPARE(model().indexOf(code("Claim"), CodebookTreeModel::CountColumn).data().toInt(), 0);
        QCOMPARE(model().indexOf(code("Quote"), CodebookTreeModel::CountColumn).data().toInt(), 1);
        project().undoStack()->undo();
        project().undoStack()->undo();
        QCOMPARE(model().indexOf(code("Quote"), CodebookTreeModel::CountColumn).data().toInt(), 0);
        const QUuid sub = addCode(QStringLiteral("Direct"), code("Quote"));
        QVERIFY(project().addAnnotation(m_fx->plainDoc, sub, 0, 8));
        QCOMPARE(model().annotationCountWithSubcodes(code("Quote")), 1);
    }

    void renameIsUndoable()
    {
        const QUuid quote = code("Quote");
        QVERIFY(model().setData(model().indexOf(quote), QStringLiteral("  Citation ")));
        QCOMPARE(project().undoStack()->count(), 1);
        QCOMPARE(reader(m_fx->path)->code(quote)->name, QStringLiteral("Citation"));
        QCOMPARE(model().indexOf(quote).data().toString(), QStringLiteral("Citation"));
        project().undoStack()->undo();
        QCOMPARE(reader(m_fx->path)->code(quote)->name, QStringLiteral("Quote"));
        QCOMPARE(model().indexOf(quote).data().toString(), QStringLiteral("Quote"));
        // The same name again is no step; an empty name and a taken key are refused.
        QVERIFY(model().setData(model().indexOf(quote), QStringLiteral("Quote")));
        QCOMPARE(project().undoStack()->count(), 1);
        QCOMPARE(project().undoStack()->index(), 0);
        QVERIFY(!model().setData(model().indexOf(quote), QStringLiteral(" ")));
        QVERIFY(!model().setData(model().indexOf(quote, CodebookTreeModel::KeyColumn), QStringLiteral("2")));
        QVERIFY(!model().setData(model().indexOf(quote, CodebookTreeModel::CountColumn), 3));
    }

    void recolourAndKey()
    {
        const QUuid claim = code("Claim");
        QVERIFY(model().setData(model().indexOf(claim), QColor(0x11, 0x22, 0x33), Qt::DecorationRole));
        QCOMPARE(reader(m_fx->path)->code(claim)->color, QColor(0x11, 0x22, 0x33));
        QVERIFY(model().setData(model().indexOf(claim, CodebookTreeModel::KeyColumn), QStringLiteral("ctrl+k")));
        QCOMPARE(reader(m_fx->path)->code(claim)->shortcut, QStringLiteral("Ctrl+K"));
        QCOMPARE(project().undoStack()->count(), 2);
        project().undoStack()->undo();
        project().undoStack()->undo();
        const auto restored = reader(m_fx->path)->code(claim);
        QCOMPARE(restored->shortcut, QStringLiteral("3"));
        QCOMPARE(restored->color, project().code(claim)->color);
        QVERIFY(restored->color != QColor(0x11, 0x22, 0x33));
    }

    void dropReorders()
    {
        const auto mime = drag(code("Claim"));
        QVERIFY(mime);
        QVERIFY(mime->hasFormat(CodebookTreeModel::CodeIdsMimeType));
        // Drop between Quote and Speaker (row 1 of the top level).
        QVERIFY(model().canDropMimeData(mime.get(), Qt::MoveAction, 1, 0, {}));
        QVERIFY(model().dropMimeData(mime.get(), Qt::MoveAction, 1, 0, {}));
        QCOMPARE(topLevelNames().mid(0, 3),
                 (QStringList{QStringLiteral("Quote"), QStringLiteral("Claim"), QStringLiteral("Speaker")}));
        QCOMPARE(project().undoStack()->count(), 1);
        // Downwards: Quote dropped before Article (row 4) lands right above it.
        const auto quote = drag(code("Quote"));
        QVERIFY(model().dropMimeData(quote.get(), Qt::MoveAction, 4, 0, {}));
        QCOMPARE(topLevelNames(), (QStringList{QStringLiteral("Claim"), QStringLiteral("Speaker"),
                                               QStringLiteral("Bias indicator"), QStringLiteral("Quote"),
                                               QStringLiteral("Article"), QStringLiteral("Outlet")}));
        project().undoStack()->undo();
        project().undoStack()->undo();
        QCOMPARE(topLevelNames().mid(0, 3),
                 (QStringList{QStringLiteral("Quote"), QStringLiteral("Speaker"), QStringLiteral("Claim")}));
        QStringList stored;
        for (const Code &c : reader(m_fx->path)->codes())
            stored << c.name;
        QCOMPARE(stored, topLevelNames());
    }

    void dropReparents()
    {
        const QUuid speaker = code("Speaker");
        const auto mime = drag(speaker);
        const QModelIndex quote = model().indexOf(code("Quote"));
        QVERIFY(model().dropMimeData(mime.get(), Qt::MoveAction, -1, -1, quote)); // onto Quote
        QCOMPARE(reader(m_fx->path)->code(speaker)->parentId, code("Quote"));
        QCOMPARE(model().rowCount(model().indexOf(code("Quote"))), 1);
        QCOMPARE(model().indexOf(speaker).parent(), model().indexOf(code("Quote")));
        // Not into itself or below itself.
        const auto quoteMime = drag(code("Quote"));
        QVERIFY(!model().canDropMimeData(quoteMime.get(), Qt::MoveAction, -1, -1, model().indexOf(speaker)));
        QVERIFY(!model().dropMimeData(quoteMime.get(), Qt::MoveAction, -1, -1, model().indexOf(code("Quote"))));
        // Foreign data is refused.
        QMimeData foreign;
        foreign.setData(CodebookTreeModel::CodeIdsMimeType, QByteArray("not-an-id"));
        QVERIFY(!model().canDropMimeData(&foreign, Qt::MoveAction, 0, 0, {}));
        project().undoStack()->undo();
        QVERIFY(reader(m_fx->path)->code(speaker)->parentId.isNull());
        QVERIFY(!model().indexOf(speaker).parent().isValid());
    }

    void followsMergeAndRemove()
    {
        const QUuid speaker = code("Speaker");
        const QUuid sub = addCode(QStringLiteral("Direct"), speaker);
        QVERIFY(model().indexOf(speaker).isValid());
        QVERIFY(project().mergeCodes(code("Quote"), speaker));
        QVERIFY(!model().indexOf(speaker).isValid());
        QCOMPARE(model().indexOf(sub).parent(), model().indexOf(code("Quote")));
        QVERIFY(project().removeCode(code("Quote")));
        QVERIFY(!model().indexOf(sub).isValid());
        QCOMPARE(model().rowCount(), 4);
    }
};

QTEST_GUILESS_MAIN(TestCodebookTreeModel)
#include "tst_codebooktreemodel.moc"
