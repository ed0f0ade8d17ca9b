// The actor and outlet registry models and the "missing required values"
// count of the article list, on a real project, each model watched by
// QAbstractItemModelTester: edits go through Project (undoable) and the
// models follow undo/redo.
#include "../CoreTestSupport.h"
#include "models/ActorListModel.h"
#include "models/DocumentListModel.h"
#include "models/ModelRoles.h"
#include "models/OutletListModel.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;
using namespace newscoder::test;

class TestRegistryModels : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProjectFixture> m_fx;

    Project &project() { return *m_fx->project; }
    QUndoStack &undo() { return *m_fx->project->undoStack(); }

    static void watch(QAbstractItemModel *model)
    {
        new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest, model);
    }

    CodeField fieldOf(const char *code, const char *name)
    {
        const auto c = project().codeByName(QString::fromLatin1(code));
        const CodeField *f = c ? c->fieldByName(QString::fromLatin1(name)) : nullptr;
        return f ? *f : CodeField{};
    }

    QUuid addActor(const QString &name, const QStringList &aliases = {})
    {
        Actor a;
        a.name = name;
        a.aliases = aliases;
        return project().addActor(a).value_or(QUuid());
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(openFixture(m_dir, m_fx));
    }

    void cleanup() { closeFixture(m_dir, m_fx); }

    // ------------------------------------------------------------- actors

    void actorRowsCountsAndEditing()
    {
        ActorListModel model(project());
        watch(&model);
        QCOMPARE(model.rowCount(), 0);
        const QUuid peskov = addActor(QStringLiteral("Dmitry Peskov"), {QStringLiteral("Peskov")});
        const QUuid reyes = addActor(QStringLiteral("Ana Reyes"));
        QVERIFY(!peskov.isNull() && !reyes.isNull());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(ActorListModel::ColumnCount));
        const int row = model.rowOf(peskov);
        QVERIFY(row >= 0);
        QCOMPARE(model.index(row, ActorListModel::NameColumn).data().toString(), QStringLiteral("Dmitry Peskov"));
        QCOMPARE(model.index(row, ActorListModel::AliasesColumn).data().toString(), QStringLiteral("Peskov"));
        QCOMPARE(model.index(row, ActorListModel::LinksColumn).data().toInt(), 0);
        QCOMPARE(model.index(row, ActorListModel::NameColumn).data(IdRole).toUuid(), peskov);
        QVERIFY(!(model.flags(model.index(row, ActorListModel::LinksColumn)) & Qt::ItemIsEditable));

        // A link from an annotation and one from an article variable.
        const auto speaker = project().addAnnotation(m_fx->plainDoc, m_fx->codeId(QStringLiteral("Speaker")), 0, 8);
        QVERIFY(speaker);
        const CodeField actorField = fieldOf("Speaker", "Actor");
        QVERIFY(project().setAnnotationValues(*speaker, actorField.id, {FieldValue{actorField.id, {}, {}, peskov}}));
        const CodeField mainActor = fieldOf("Article", "Main actor");
        QVERIFY(project().setDocumentValues(m_fx->plainDoc, mainActor.id, {FieldValue{mainActor.id, {}, {}, peskov}}));
        QCOMPARE(model.index(model.rowOf(peskov), ActorListModel::LinksColumn).data().toInt(), 2);
        QCOMPARE(model.linkCount(reyes), 0);

        // Editing cells: one undo step each.
        const int before = undo().count();
        QVERIFY(model.setData(model.index(model.rowOf(peskov), ActorListModel::RoleColumn),
                              QStringLiteral(" Kremlin spokesman ")));
        QVERIFY(model.setData(model.index(model.rowOf(peskov), ActorListModel::AliasesColumn),
                              QStringLiteral("Peskov; Kremlin spokesman Peskov;  ; peskov")));
        QCOMPARE(undo().count(), before + 2);
        QCOMPARE(project().actor(peskov)->role, QStringLiteral("Kremlin spokesman"));
        QCOMPARE(project().actor(peskov)->aliases,
                 (QStringList{QStringLiteral("Peskov"), QStringLiteral("Kremlin spokesman Peskov")}));
        QVERIFY(!model.setData(model.index(model.rowOf(peskov), ActorListModel::NameColumn), QStringLiteral("  ")));
        QCOMPARE(project().actor(peskov)->name, QStringLiteral("Dmitry Peskov"));
        undo().undo();
        QCOMPARE(model.index(model.rowOf(peskov), ActorListModel::AliasesColumn).data().toString(),
                 QStringLiteral("Peskov"));
        undo().undo();
        QCOMPARE(model.index(model.rowOf(peskov), ActorListModel::RoleColumn).data().toString(), QString());
        undo().redo();
        QCOMPARE(model.index(model.rowOf(peskov), ActorListModel::RoleColumn).data().toString(),
                 QStringLiteral("Kremlin spokesman"));

        // Renaming re-sorts (the registry is ordered by name); the model follows.
        QVERIFY(model.setData(model.index(model.rowOf(reyes), ActorListModel::NameColumn), QStringLiteral("Zoe Reyes")));
        QCOMPARE(model.index(model.rowOf(reyes), ActorListModel::NameColumn).data().toString(),
                 QStringLiteral("Zoe Reyes"));

        // Merging moves the links; removing takes them along; both undoable.
        QVERIFY(project().mergeActors(reyes, peskov));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.linkCount(reyes), 2);
        undo().undo();
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.linkCount(peskov), 2);
        QCOMPARE(model.linkCount(reyes), 0);
        QVERIFY(project().removeActor(peskov));
        QCOMPARE(model.rowCount(), 1);
        undo().undo();
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(model.rowOf(peskov), ActorListModel::LinksColumn).data().toInt(), 2);
    }

    // ------------------------------------------------------------ outlets

    void outletColumnsValuesAndEditing()
    {
        OutletListModel model(project());
        watch(&model);
        // The fixture's articles created an outlet from their URL on import.
        QCOMPARE(model.rowCount(), 1);
        const CodeField ownership = fieldOf("Outlet", "Ownership");
        const CodeField lean = fieldOf("Outlet", "Political lean");
        QVERIFY(!ownership.id.isNull() && !lean.id.isNull());
        QCOMPARE(model.columnCount(), OutletListModel::FirstFieldColumn + 3);
        const int ownershipColumn = model.columnOf(ownership.id);
        QCOMPARE(model.headerData(ownershipColumn, Qt::Horizontal).toString(), QStringLiteral("Ownership"));
        QCOMPARE(model.index(0, OutletListModel::ArticlesColumn).data().toInt(), 2);
        const QUuid gazette = model.index(0, 0).data(IdRole).toUuid();

        const int before = undo().count();
        QVERIFY(model.setData(model.index(0, ownershipColumn), QStringLiteral("private")));
        QCOMPARE(undo().count(), before + 1);
        const FieldOption privateOption = *std::find_if(ownership.options.cbegin(), ownership.options.cend(),
                                                        [](const FieldOption &o) { return o.value == u"private"; });
        QCOMPARE(model.index(0, ownershipColumn).data().toString(), privateOption.label);
        QCOMPARE(model.index(0, ownershipColumn).data(Qt::EditRole).toString(), QStringLiteral("private"));
        QCOMPARE(project().outletVariables(gazette).value(0).values.value(0).text, QStringLiteral("private"));
        // Invalid values are refused and change nothing.
        QVERIFY(!model.setData(model.index(0, model.columnOf(lean.id)), QStringLiteral("9")));
        QCOMPARE(undo().count(), before + 1);
        // Name, domains, country.
        QVERIFY(model.setData(model.index(0, OutletListModel::DomainsColumn),
                              QStringLiteral("harbourgazette.example, HG.example")));
        QCOMPARE(project().outlet(gazette)->domains,
                 (QStringList{QStringLiteral("harbourgazette.example"), QStringLiteral("hg.example")}));
        QVERIFY(model.setData(model.index(0, OutletListModel::CountryColumn), QStringLiteral("NZ")));
        QCOMPARE(model.index(0, OutletListModel::CountryColumn).data().toString(), QStringLiteral("NZ"));

        undo().undo();
        undo().undo();
        undo().undo();
        QCOMPARE(model.index(0, ownershipColumn).data().toString(), QString());
        QCOMPARE(model.index(0, OutletListModel::DomainsColumn).data().toString(),
                 QStringLiteral("harbourgazette.example"));

        // Article counts follow assignment; new outlets appear.
        Outlet other;
        other.name = QStringLiteral("Tram Times");
        const auto otherId = project().addOutlet(other);
        QVERIFY(otherId);
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(project().assignOutlet({m_fx->plainDoc}, *otherId));
        QCOMPARE(model.articleCount(*otherId), 1);
        QCOMPARE(model.articleCount(gazette), 1);
        undo().undo();
        QCOMPARE(model.articleCount(*otherId), 0);
        QVERIFY(project().removeOutlet(*otherId));
        QCOMPARE(model.rowCount(), 1);
    }

    // ----------------------------------------------- missing required values

    void missingRequiredValues()
    {
        DocumentListModel model(project());
        watch(&model);
        const QModelIndex cell = model.indexOf(m_fx->plainDoc, DocumentListModel::MissingColumn);
        // Slant and Tone (required article variables) are missing everywhere.
        QCOMPARE(model.missingCount(m_fx->plainDoc), 2);
        QCOMPARE(cell.data().toInt(), 2);
        QCOMPARE(cell.data(Qt::ToolTipRole).toString(), QStringLiteral("2 required values missing"));
        QVERIFY(!(model.flags(cell) & Qt::ItemIsEditable));

        // A quote of this coder adds its two required fields (Type, Speaker).
        const auto quote = project().addAnnotation(m_fx->plainDoc, m_fx->codeId(QStringLiteral("Quote")), 25, 53);
        QVERIFY(quote);
        QCOMPARE(model.missingCount(m_fx->plainDoc), 4);
        const CodeField type = fieldOf("Quote", "Type");
        QVERIFY(project().setAnnotationValue(*quote, type.id, QStringLiteral("direct")));
        QCOMPARE(model.missingCount(m_fx->plainDoc), 3);
        const CodeField slant = fieldOf("Article", "Slant");
        const CodeField tone = fieldOf("Article", "Tone");
        QVERIFY(project().setDocumentValues(m_fx->plainDoc, slant.id, {FieldValue{slant.id, QStringLiteral("0"), {}, {}}}));
        QCOMPARE(model.missingCount(m_fx->plainDoc), 2);
        QCOMPARE(model.missingCount(m_fx->nonBmpDoc), 2);
        undo().undo();
        QCOMPARE(model.missingCount(m_fx->plainDoc), 3);
        undo().redo();
        QVERIFY(project().setDocumentValues(m_fx->plainDoc, tone.id, {FieldValue{tone.id, QStringLiteral("1"), {}, {}}}));
        const auto speaker = project().addAnnotation(m_fx->plainDoc, m_fx->codeId(QStringLiteral("Speaker")), 0, 18);
        QVERIFY(speaker);
        QCOMPARE(model.missingCount(m_fx->plainDoc), 2); // the quote's Speaker, the speaker's Actor
        QVERIFY(project().addAnnotationLink(*quote, *speaker));
        QCOMPARE(model.missingCount(m_fx->plainDoc), 1);
        QVERIFY(project().removeAnnotations({*speaker})); // its link goes with it
        QCOMPARE(model.missingCount(m_fx->plainDoc), 1);
        QVERIFY(project().removeAnnotations({*quote}));
        QCOMPARE(model.missingCount(m_fx->plainDoc), 0);
        QCOMPARE(model.indexOf(m_fx->plainDoc, DocumentListModel::MissingColumn).data().toString(), QString());

        // Another coder sees their own counts; annotations of others do not count.
        project().setCoderName(QStringLiteral("Blake Other"));
        QCOMPARE(model.missingCount(m_fx->plainDoc), 2);
        project().setCoderName(QStringLiteral("Alex Example"));
        QCOMPARE(model.missingCount(m_fx->plainDoc), 0);
    }

    void missingOutletVariableIsInherited()
    {
        // Make an outlet variable required: a value of the outlet satisfies it.
        auto outletCode = project().codeByName(QStringLiteral("Outlet"));
        QVERIFY(outletCode);
        outletCode->fields[0].required = true; // Ownership
        QVERIFY(project().updateCode(*outletCode));
        const CodeField ownership = outletCode->fields[0];
        DocumentListModel model(project());
        watch(&model);
        QCOMPARE(model.missingCount(m_fx->plainDoc), 3);
        const QUuid gazette = project().reader().documentSummary(m_fx->plainDoc)->outletId;
        QVERIFY(!gazette.isNull());
        QVERIFY(project().setOutletValues(gazette, ownership.id,
                                          {FieldValue{ownership.id, QStringLiteral("state"), {}, {}}}));
        QCOMPARE(model.missingCount(m_fx->plainDoc), 2);
        QCOMPARE(model.missingCount(m_fx->nonBmpDoc), 2);
        QVERIFY(project().assignOutlet({m_fx->plainDoc}, {}));
        QCOMPARE(model.missingCount(m_fx->plainDoc), 3);
        undo().undo();
        QCOMPARE(model.missingCount(m_fx->plainDoc), 2);
    }

    void missingCountsQueryLimitsToDocuments()
    {
        const auto coder = project().reader().coderByName(QStringLiteral("Alex Example"));
        const QUuid coderId = coder ? coder->id : QUuid();
        const QHash<QUuid, int> all = project().reader().missingRequiredCounts(coderId);
        QCOMPARE(all.size(), 2);
        const QHash<QUuid, int> one = project().reader().missingRequiredCounts(coderId, {m_fx->nonBmpDoc});
        QCOMPARE(one.size(), 1);
        QCOMPARE(one.value(m_fx->nonBmpDoc), 2);
    }
};

QTEST_GUILESS_MAIN(TestRegistryModels)
#include "tst_registrymodels.moc"
