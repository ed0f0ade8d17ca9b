// The article variables panel (offscreen): editing a value sets it through
// Project (undoable), inherited outlet values show muted with their outlet,
// editing one rates the outlet, Override sets this article's own value and
// Reset goes back to the inherited value.
#include "articles/DocumentListDock.h"
#include "fields/ArticleVariablesPanel.h"
#include "io/CodebookJson.h"
#include "models/DocumentListModel.h"
#include "project/Project.h"
#include "registry/ActorsDock.h"

#include <QApplication>
#include <QCheckBox>
#include <QTableView>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace newscoder;

class TestVariablesPanel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
    QUuid m_doc;
    QUuid m_outlet;

    CodeField field(const char *code, const char *name) const
    {
        return *m_project->codeByName(QString::fromLatin1(code))->fieldByName(QString::fromLatin1(name));
    }

    VariableValue variable(const char *name) const
    {
        const auto coder = m_project->reader().coderByName(m_project->coderName());
        for (const VariableValue &v : m_project->documentVariables(m_doc, coder ? coder->id : QUuid())) {
            if (v.field.name == QString::fromLatin1(name))
                return v;
        }
        return {};
    }

    template<typename T>
    T *editor(ArticleVariablesPanel &panel, const char *prefix, const char *name)
    {
        return panel.findChild<T *>(QString::fromLatin1(prefix) + u':' + QString::fromLatin1(name));
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(QUuid::createUuid().toString(QUuid::Id128) + QStringLiteral(".newscoder"));
        m_project = Project::create(path, defaultNewsCodebook());
        Document d;
        d.title = QStringLiteral("Harbour talks stall");
        d.outlet = QStringLiteral("Harbour Gazette");
        d.url = QStringLiteral("https://www.harbourgazette.example/talks");
        d.text = QStringLiteral("The port authority said talks are frozen.");
        m_doc = m_project->importDocuments({d}).value(0);
        QVERIFY(!m_doc.isNull());
        m_outlet = m_project->reader().documentSummary(m_doc)->outletId;
        QVERIFY(!m_outlet.isNull());
        m_project->setCoderName(QStringLiteral("Alex Example"));
    }

    void cleanup() { m_project.reset(); }

    void editingSetsValuesThroughProject()
    {
        ArticleVariablesPanel panel;
        panel.setProject(m_project.get());
        panel.setDocument(m_doc);
        panel.show();
        auto *slant = editor<QComboBox>(panel, "variable", "Slant");
        QVERIFY(slant);
        QCOMPARE(slant->currentData().toString(), QString());
        const int before = m_project->undoStack()->count();
        slant->setCurrentIndex(slant->findData(QStringLiteral("-2")));
        QCOMPARE(variable("Slant").values.value(0).text, QStringLiteral("-2"));
        QCOMPARE(m_project->undoStack()->count(), before + 1);
        // The rebuilt editor shows the stored value; undo clears it again.
        slant = editor<QComboBox>(panel, "variable", "Slant");
        QCOMPARE(slant->currentData().toString(), QStringLiteral("-2"));
        m_project->undoStack()->undo();
        QVERIFY(variable("Slant").values.isEmpty());
        QCOMPARE(editor<QComboBox>(panel, "variable", "Slant")->currentData().toString(), QString());

        // Text: committed when editing finishes.
        auto *topic = editor<QLineEdit>(panel, "variable", "Topic");
        QVERIFY(topic);
        topic->setFocus();
        QTest::keyClicks(topic, QStringLiteral("Port strike"));
        QTest::keyClick(topic, Qt::Key_Return);
        QCOMPARE(variable("Topic").values.value(0).text, QStringLiteral("Port strike"));

        // Actors from the registry.
        Actor reyes;
        reyes.name = QStringLiteral("Ana Reyes");
        const auto reyesId = m_project->addActor(reyes);
        QVERIFY(reyesId);
        auto *mainActor = editor<QComboBox>(panel, "variable", "Main actor");
        QVERIFY(mainActor);
        mainActor->setCurrentIndex(mainActor->findData(*reyesId));
        QCOMPARE(variable("Main actor").values.value(0).actorId, *reyesId);
    }

    void inheritedOverrideAndReset()
    {
        const CodeField ownership = field("Outlet", "Ownership");
        QVERIFY(m_project->setOutletValues(m_outlet, ownership.id,
                                           {FieldValue{ownership.id, QStringLiteral("private"), {}, {}}}));
        ArticleVariablesPanel panel;
        panel.setProject(m_project.get());
        panel.setDocument(m_doc);
        panel.show();

        auto *combo = editor<QComboBox>(panel, "variable", "Ownership");
        QVERIFY(combo);
        QCOMPARE(combo->currentData().toString(), QStringLiteral("private"));
        QVERIFY(combo->font().italic());
        auto *note = editor<QLabel>(panel, "inherited", "Ownership");
        QVERIFY(note);
        QCOMPARE(note->text(), QStringLiteral("inherited from Harbour Gazette"));
        QVERIFY(!editor<QToolButton>(panel, "reset", "Ownership")); // nothing to reset
        // Not inherited: article variables and unset outlet variables.
        QVERIFY(!editor<QComboBox>(panel, "variable", "Slant")->font().italic());
        QVERIFY(!editor<QLabel>(panel, "inherited", "Reliability"));

        // Two distinct actions. Changing the inherited value rates the outlet (all its articles)…
        QVERIFY(editor<QToolButton>(panel, "override", "Ownership"));
        combo->setCurrentIndex(combo->findData(QStringLiteral("state")));
        QCOMPARE(m_project->outletVariables(m_outlet).value(0).values.value(0).text, QStringLiteral("state"));
        QCOMPARE(variable("Ownership").inherited, true);
        QCOMPARE(editor<QLabel>(panel, "inherited", "Ownership")->text(),
                 QStringLiteral("inherited from Harbour Gazette"));
        m_project->undoStack()->undo();
        QCOMPARE(m_project->outletVariables(m_outlet).value(0).values.value(0).text, QStringLiteral("private"));
        // An unset outlet variable is rated on the outlet too, not silently overridden.
        auto *reliability = editor<QComboBox>(panel, "variable", "Reliability");
        QVERIFY(reliability);
        QVERIFY(reliability->count() > 1);
        reliability->setCurrentIndex(1);
        QCOMPARE(variable("Reliability").inherited, true);
        m_project->undoStack()->undo();

        // …and Override gives this article its own value.
        editor<QToolButton>(panel, "override", "Ownership")->click();
        combo = editor<QComboBox>(panel, "variable", "Ownership");
        QVERIFY(!combo->font().italic());
        QVERIFY(editor<QLabel>(panel, "override-note", "Ownership"));
        combo->setCurrentIndex(combo->findData(QStringLiteral("state")));
        QCOMPARE(variable("Ownership").inherited, false);
        QCOMPARE(variable("Ownership").values.value(0).text, QStringLiteral("state"));
        QCOMPARE(m_project->outletVariables(m_outlet).value(0).values.value(0).text, QStringLiteral("private"));
        combo = editor<QComboBox>(panel, "variable", "Ownership");
        QVERIFY(!combo->font().italic());
        QVERIFY(!editor<QLabel>(panel, "inherited", "Ownership"));
        QVERIFY(!editor<QToolButton>(panel, "override", "Ownership"));

        // Reset: back to the inherited value (the override is cleared).
        auto *reset = editor<QToolButton>(panel, "reset", "Ownership");
        QVERIFY(reset);
        reset->click();
        QCOMPARE(variable("Ownership").inherited, true);
        QCOMPARE(variable("Ownership").values.value(0).text, QStringLiteral("private"));
        QVERIFY(editor<QComboBox>(panel, "variable", "Ownership")->font().italic());
        QVERIFY(editor<QLabel>(panel, "inherited", "Ownership"));
        // Both steps undo.
        m_project->undoStack()->undo();
        QCOMPARE(variable("Ownership").values.value(0).text, QStringLiteral("state"));
        QCOMPARE(editor<QComboBox>(panel, "variable", "Ownership")->currentData().toString(), QStringLiteral("state"));

        // A change of the outlet's value shows at once while inherited.
        m_project->undoStack()->undo();
        QVERIFY(m_project->setOutletValues(m_outlet, ownership.id,
                                           {FieldValue{ownership.id, QStringLiteral("public-service"), {}, {}}}));
        QCOMPARE(editor<QComboBox>(panel, "variable", "Ownership")->currentData().toString(),
                 QStringLiteral("public-service"));
    }

    void outletSelectorAssigns()
    {
        ArticleVariablesPanel panel;
        panel.setProject(m_project.get());
        panel.setDocument(m_doc);
        Outlet other;
        other.name = QStringLiteral("Tram Times");
        const auto otherId = m_project->addOutlet(other);
        QVERIFY(otherId);
        auto *selector = panel.findChild<QComboBox *>(QStringLiteral("articleOutlet"));
        QVERIFY(selector);
        QCOMPARE(selector->currentData().toUuid(), m_outlet);
        selector->setCurrentIndex(selector->findData(*otherId));
        QCOMPARE(m_project->reader().documentSummary(m_doc)->outletId, *otherId);
        m_project->undoStack()->undo();
        QCOMPARE(selector->currentData().toUuid(), m_outlet);
        selector->setCurrentIndex(selector->findData(QUuid()));
        QVERIFY(m_project->reader().documentSummary(m_doc)->outletId.isNull());
    }

    // The article list's "Incomplete only" toggle follows the values as they are given.
    void incompleteOnlyFilter()
    {
        Document second;
        second.title = QStringLiteral("Tram vote");
        second.text = QStringLiteral("The council voted.");
        QVERIFY(!m_project->importDocuments({second}).isEmpty());
        DocumentListModel model(*m_project);
        DocumentListDock dock;
        dock.setModel(&model);
        QCOMPARE(dock.view()->model()->rowCount(), 2);
        dock.incompleteOnly()->setChecked(true);
        QCOMPARE(dock.view()->model()->rowCount(), 2); // Slant and Tone missing everywhere
        const QModelIndex missing = model.indexOf(m_doc, DocumentListModel::MissingColumn);
        QCOMPARE(missing.data(Qt::ToolTipRole).toString(), QStringLiteral("2 required values missing"));
        for (const char *name : {"Slant", "Tone"}) {
            const CodeField f = field("Article", name);
            QVERIFY(m_project->setDocumentValues(m_doc, f.id, {FieldValue{f.id, QStringLiteral("0"), {}, {}}}));
        }
        QCOMPARE(dock.view()->model()->rowCount(), 1);
        m_project->undoStack()->undo();
        QCOMPARE(dock.view()->model()->rowCount(), 2);
        dock.incompleteOnly()->setChecked(false);
        QCOMPARE(dock.view()->model()->rowCount(), 2);
    }

    void actorsDockListsAndEnablesMerge()
    {
        Actor a, b;
        a.name = QStringLiteral("Dmitry Peskov");
        b.name = QStringLiteral("Peskov");
        QVERIFY(m_project->addActor(a));
        QVERIFY(m_project->addActor(b));
        ActorsDock dock;
        dock.setProject(m_project.get());
        QCOMPARE(dock.view()->model()->rowCount(), 2);
        auto *merge = dock.findChild<QToolButton *>(QStringLiteral("mergeActors"));
        QVERIFY(merge);
        QVERIFY(!merge->isEnabled());
        dock.view()->selectAll();
        QVERIFY(merge->isEnabled());
        QCOMPARE(dock.selectedActors().size(), 2);
        dock.setProject(nullptr);
        QVERIFY(!dock.view()->model());
    }
};

QTEST_MAIN(TestVariablesPanel)
#include "tst_variablespanel.moc"
