// The outlet registry dock (offscreen): add and edit through its dialog
// (name required, domains, country, outlet variables typed by ValueInput's
// rules, an unknown actor offered to be added) as one undo step,
// delete after a confirmation, filter, and nothing editable when read-only.
#include "common/Prompt.h"
#include "io/CodebookJson.h"
#include "models/OutletListModel.h"
#include "project/Project.h"
#include "registry/OutletsDock.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <functional>

using namespace newscoder;

namespace {

// Runs `act` on the modal dialog once it is open (inside its exec()).
void whenDialogOpens(std::function<void(QDialog &)> act, int attempts = 200)
{
    QTimer::singleShot(10, [act = std::move(act), attempts]() mutable {
        if (auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget()))
            act(*dialog);
        else if (attempts > 0)
            whenDialogOpens(std::move(act), attempts - 1);
    });
}

void clickOk(QDialog &dialog)
{
    dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
}

} // namespace

class TestOutletsDock : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Project> m_project;
    std::unique_ptr<OutletsDock> m_dock;

    QToolButton *button(const char *name) const
    {
        return m_dock->findChild<QToolButton *>(QString::fromLatin1(name));
    }
    void selectOutlet(const QString &name)
    {
        QAbstractItemModel *model = m_dock->view()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, OutletListModel::NameColumn).data().toString() == name) {
                m_dock->view()->selectRow(row);
                return;
            }
        }
        QFAIL(qPrintable(QStringLiteral("no outlet row %1").arg(name)));
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_project = Project::create(m_dir->filePath(QStringLiteral("outlets.newscoder")), defaultNewsCodebook());
        m_dock = std::make_unique<OutletsDock>();
        m_dock->setProject(m_project.get());
    }
    void cleanup()
    {
        m_dock.reset();
        m_project.reset();
        m_dir.reset();
    }

    // Add: a nameless outlet is refused with a message (the dialog stays), then
    // name, domains, country and a variable are applied as one undo step.
    void addThroughTheDialog()
    {
        QVERIFY(button("addOutlet")->isEnabled());
        QVERIFY(!button("deleteOutlet")->isEnabled()); // nothing selected
        ScriptedPrompt prompt;
        bool filled = false;
        whenDialogOpens([&](QDialog &dialog) {
            clickOk(dialog); // no name yet: refused, still open
            QVERIFY(dialog.isVisible());
            const QList<QLineEdit *> lines = dialog.findChildren<QLineEdit *>();
            const QList<QPlainTextEdit *> texts = dialog.findChildren<QPlainTextEdit *>();
            lines[0]->setText(QStringLiteral("  Harbour Gazette "));
            texts[0]->setPlainText(QStringLiteral("harbourgazette.example\nhg.example"));
            lines[1]->setText(QStringLiteral("NZ"));
            auto *ownership = dialog.findChildren<QComboBox *>().value(0);
            QVERIFY(ownership && ownership->count() > 1);
            ownership->setCurrentIndex(1);
            filled = true;
            clickOk(dialog);
        });
        button("addOutlet")->click();
        QVERIFY(filled);
        QCOMPARE(prompt.asked.size(), 1);
        QCOMPARE(prompt.asked[0].kind, QStringLiteral("inform"));
        QCOMPARE(prompt.asked[0].text, QStringLiteral("An outlet needs a name."));

        QCOMPARE(m_project->outlets().size(), 1);
        const Outlet outlet = m_project->outlets().first();
        QCOMPARE(outlet.name, QStringLiteral("Harbour Gazette"));
        QCOMPARE(outlet.domains, (QStringList{QStringLiteral("harbourgazette.example"), QStringLiteral("hg.example")}));
        QCOMPARE(outlet.country, QStringLiteral("NZ"));
        QVERIFY(m_project->outletForUrl(QStringLiteral("https://www.hg.example/a/1")));
        int valued = 0;
        for (const VariableValue &v : m_project->outletVariables(outlet.id))
            valued += v.values.isEmpty() ? 0 : 1;
        QCOMPARE(valued, 1);
        QCOMPARE(m_project->undoStack()->count(), 1); // one step
        m_project->undoStack()->undo();
        QVERIFY(m_project->outlets().isEmpty());
        QCOMPARE(m_dock->view()->model()->rowCount(), 0);
    }

    // Edit changes the selected outlet; Cancel changes nothing.
    void editAndCancel()
    {
        Outlet o;
        o.name = QStringLiteral("Tram Times");
        o.country = QStringLiteral("DE");
        const QUuid id = *m_project->addOutlet(o);
        selectOutlet(QStringLiteral("Tram Times"));
        QCOMPARE(m_dock->currentOutlet(), id);
        QVERIFY(button("editOutlet")->isEnabled());

        whenDialogOpens([](QDialog &dialog) {
            dialog.findChildren<QLineEdit *>()[1]->setText(QStringLiteral("AT"));
            dialog.reject();
        });
        button("editOutlet")->click();
        QCOMPARE(m_project->outlet(id)->country, QStringLiteral("DE"));

        whenDialogOpens([](QDialog &dialog) {
            QCOMPARE(dialog.findChildren<QLineEdit *>()[0]->text(), QStringLiteral("Tram Times"));
            dialog.findChildren<QLineEdit *>()[1]->setText(QStringLiteral("AT"));
            clickOk(dialog);
        });
        button("editOutlet")->click();
        QCOMPARE(m_project->outlet(id)->country, QStringLiteral("AT"));
    }

    // Variables typed into the dialog follow ValueInput's rules: a text that
    // is no value is refused with a message and the dialog stays; an actor
    // name the registry does not have is never dropped: the dialog offers to
    // add it (No keeps the dialog open), and Yes adds and links it in the
    // dialog's one undo step.
    void typedVariablesAreReadOrRefused()
    {
        Code details;
        details.name = QStringLiteral("Outlet details");
        details.unit = CodeUnit::Outlet;
        for (const auto &[name, kind] : {std::pair{"Owner", FieldKind::ActorLink}, {"Founded", FieldKind::Number}}) {
            CodeField f;
            f.id = QUuid::createUuid();
            f.name = QString::fromLatin1(name);
            f.kind = kind;
            f.position = int(details.fields.size());
            details.fields.append(f);
        }
        QVERIFY(m_project->addCode(details));
        Outlet o;
        o.name = QStringLiteral("Tram Times");
        const QUuid id = *m_project->addOutlet(o);
        const int steps = m_project->undoStack()->count();
        selectOutlet(QStringLiteral("Tram Times"));

        ScriptedPrompt prompt;
        prompt.confirmWith(false).confirmWith(true);
        bool done = false;
        whenDialogOpens([&](QDialog &dialog) {
            const QList<QLineEdit *> lines = dialog.findChildren<QLineEdit *>();
            QCOMPARE(lines.size(), 4); // name, country, Owner, Founded
            lines[2]->setText(QStringLiteral("Lena Holm"));
            lines[3]->setText(QStringLiteral("nineteen-ten"));
            clickOk(dialog); // not a number: refused
            QVERIFY(dialog.isVisible());
            lines[3]->setText(QStringLiteral("1910"));
            clickOk(dialog); // Lena Holm is offered; No
            QVERIFY(dialog.isVisible());
            clickOk(dialog); // offered again; Yes
            done = true;
        });
        button("editOutlet")->click();
        QVERIFY(done);
        QCOMPARE(prompt.asked.size(), 3);
        QCOMPARE(prompt.asked[0].kind, QStringLiteral("inform"));
        QCOMPARE(prompt.asked[0].text, QStringLiteral("“nineteen-ten” is not a number (field “Founded”)."));
        QCOMPARE(prompt.asked[1].kind, QStringLiteral("confirm"));
        QCOMPARE(prompt.asked[1].text,
                 QStringLiteral("No actor in the registry is named “Lena Holm”. Add it to the registry?"));
        QCOMPARE(prompt.asked[2].kind, QStringLiteral("confirm"));
        QVERIFY(prompt.unexpected.isEmpty());

        QCOMPARE(m_project->actors().size(), 1);
        const Actor lena = m_project->actors().first();
        QCOMPARE(lena.name, QStringLiteral("Lena Holm"));
        QStringList stored;
        for (const VariableValue &v : m_project->outletVariables(id)) {
            for (const FieldValue &value : v.values)
                stored.append(v.field.name + u'=' + (value.actorId.isNull() ? value.text : m_project->actor(value.actorId)->name));
        }
        stored.sort();
        QCOMPARE(stored, (QStringList{QStringLiteral("Founded=1910"), QStringLiteral("Owner=Lena Holm")}));
        QCOMPARE(m_project->undoStack()->count(), steps + 1); // one step
        m_project->undoStack()->undo();
        QVERIFY(m_project->actors().isEmpty());
        for (const VariableValue &v : m_project->outletVariables(id))
            QVERIFY2(v.values.isEmpty(), qPrintable(v.field.name));
    }

    // Delete asks first (saying how many articles lose their outlet); undo restores.
    void deleteAsksFirst()
    {
        Outlet o;
        o.name = QStringLiteral("Tram Times");
        o.domains = {QStringLiteral("tram.example")};
        const QUuid id = *m_project->addOutlet(o);
        Document d;
        d.title = QStringLiteral("Tram");
        d.text = QStringLiteral("The tram is late.");
        d.url = QStringLiteral("https://tram.example/1");
        m_project->importDocuments({d});
        selectOutlet(QStringLiteral("Tram Times"));
        ScriptedPrompt prompt;
        prompt.confirmWith(false);
        button("deleteOutlet")->click();
        QVERIFY(m_project->outlet(id));
        QCOMPARE(prompt.asked.size(), 1);
        QVERIFY2(prompt.asked[0].text.contains(QStringLiteral("1 article(s)")), qPrintable(prompt.asked[0].text));

        selectOutlet(QStringLiteral("Tram Times"));
        prompt.confirmWith(true);
        button("deleteOutlet")->click();
        QVERIFY(!m_project->outlet(id));
        QCOMPARE(m_project->reader().documentCount(), 1); // the article stays
        m_project->undoStack()->undo();
        QVERIFY(m_project->outlet(id));
        QVERIFY(prompt.unexpected.isEmpty());
    }

    // The filter narrows the table; a read-only project disables every button.
    void filterAndReadOnly()
    {
        for (const char *name : {"Tram Times", "Harbour Gazette", "Port News"}) {
            Outlet o;
            o.name = QString::fromLatin1(name);
            m_project->addOutlet(o);
        }
        QCOMPARE(m_dock->view()->model()->rowCount(), 3);
        m_dock->findChild<QLineEdit *>(QStringLiteral("outletFilter"))->setText(QStringLiteral("port"));
        QCOMPARE(m_dock->view()->model()->rowCount(), 1);
        QCOMPARE(m_dock->view()->model()->index(0, OutletListModel::NameColumn).data().toString(),
                 QStringLiteral("Port News"));

        const QString path = m_project->path();
        m_dock->setProject(nullptr);
        m_project.reset();
        m_project = Project::open(path, ProjectAccess::ReadOnly);
        m_dock->setProject(m_project.get());
        m_dock->findChild<QLineEdit *>(QStringLiteral("outletFilter"))->clear();
        QCOMPARE(m_dock->view()->model()->rowCount(), 3);
        m_dock->view()->selectRow(0);
        QVERIFY(!m_dock->currentOutlet().isNull());
        for (const char *name : {"addOutlet", "editOutlet", "deleteOutlet"})
            QVERIFY2(!button(name)->isEnabled(), name);
    }
};

QTEST_MAIN(TestOutletsDock)
#include "tst_outletsdock.moc"
