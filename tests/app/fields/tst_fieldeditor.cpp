// The field-editor factory (offscreen): for every field kind and each place an
// editor stands (annotation form, variables panel, outlet dialog), the widget
// it builds, that values shown are read back the same, that showing values
// emits nothing and that each user edit emits `edited` once.
#include "fields/FieldEditor.h"
#include "fields/FieldEditorFactory.h"
#include "io/CodebookJson.h"
#include "project/Project.h"

#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace newscoder;

namespace {

CodeField fieldOf(FieldKind kind)
{
    CodeField f;
    f.id = QUuid::createUuid();
    f.name = fieldKindName(kind);
    f.kind = kind;
    if (kind == FieldKind::SingleChoice || kind == FieldKind::MultipleChoice)
        f.options = {{QStringLiteral("conflict"), QStringLiteral("Conflict")},
                     {QStringLiteral("economy"), QString()},
                     {QStringLiteral("safety"), QStringLiteral("Safety")}};
    if (kind == FieldKind::Ordinal)
        f.options = {{QStringLiteral("1"), QStringLiteral("low")}, {QStringLiteral("2"), QString()},
                     {QStringLiteral("3"), QStringLiteral("high")}};
    if (kind == FieldKind::AnnotationLink)
        f.multiple = true;
    return f;
}

FieldValue textValue(const CodeField &f, const QString &text)
{
    return FieldValue{f.id, text, {}, {}};
}

const QList<FieldKind> AllKinds{FieldKind::Text,   FieldKind::SingleChoice, FieldKind::MultipleChoice,
                                FieldKind::Ordinal, FieldKind::Number,       FieldKind::Boolean,
                                FieldKind::Date,    FieldKind::AnnotationLink, FieldKind::ActorLink};

} // namespace

class TestFieldEditor : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
    QUuid m_brannigan, m_reedy;
    std::unique_ptr<QWidget> m_host;

    FieldEditor *build(FieldKind kind, FieldEditorStyle style, bool readOnly = false)
    {
        FieldEditor *editor = FieldEditorFactory::build(fieldOf(kind), style, *m_project, m_host.get(), readOnly);
        editor->setLinkEntry([](const QUuid &target, QWidget *parent) {
            return new QLabel(target.toString(QUuid::WithoutBraces), parent);
        });
        return editor;
    }

    // A stored value of every kind (two for the kinds that take several).
    QList<FieldValue> sample(const CodeField &f) const
    {
        switch (f.kind) {
        case FieldKind::Text:
            return {textValue(f, QStringLiteral("checked twice"))};
        case FieldKind::SingleChoice:
            return {textValue(f, QStringLiteral("economy"))};
        case FieldKind::MultipleChoice:
            return {textValue(f, QStringLiteral("conflict")), textValue(f, QStringLiteral("safety"))};
        case FieldKind::Ordinal:
            return {textValue(f, QStringLiteral("3"))};
        case FieldKind::Number:
            return {textValue(f, QStringLiteral("12.5"))};
        case FieldKind::Boolean:
            return {textValue(f, QStringLiteral("false"))};
        case FieldKind::Date:
            return {textValue(f, QStringLiteral("2025-03-14"))};
        case FieldKind::AnnotationLink:
            return {FieldValue{f.id, {}, QUuid::createUuid(), {}}, FieldValue{f.id, {}, QUuid::createUuid(), {}}};
        case FieldKind::ActorLink:
            return {FieldValue{f.id, {}, {}, m_reedy}};
        }
        return {};
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_project = Project::create(m_dir.filePath(QUuid::createUuid().toString(QUuid::Id128) + QStringLiteral(".newscoder")),
                                    defaultNewsCodebook());
        Actor a;
        a.name = QStringLiteral("Tomasz Reedy");
        a.role = QStringLiteral("union leader");
        m_reedy = *m_project->addActor(a);
        a.name = QStringLiteral("Léa Brannigan");
        a.role = QStringLiteral("spokesperson");
        m_brannigan = *m_project->addActor(a);
        m_host = std::make_unique<QWidget>();
        m_host->show();
    }

    void cleanup()
    {
        m_host.reset();
        m_project.reset();
    }

    // The widgets each place always had.
    void formBuildsTheFullEditors()
    {
        const auto input = [this](FieldKind kind) { return build(kind, FieldEditorStyle::Form)->input(); };
        QVERIFY(qobject_cast<QLineEdit *>(input(FieldKind::Text)));
        QVERIFY(qobject_cast<QLineEdit *>(input(FieldKind::Number)));
        QVERIFY(qobject_cast<QLineEdit *>(input(FieldKind::Number))->validator());
        QVERIFY(qobject_cast<QComboBox *>(input(FieldKind::SingleChoice)));
        QVERIFY(qobject_cast<QComboBox *>(input(FieldKind::Ordinal)));
        auto *yesNo = qobject_cast<QComboBox *>(input(FieldKind::Boolean));
        QVERIFY(yesNo);
        QCOMPARE(yesNo->count(), 3);
        QCOMPARE(yesNo->itemText(0), QStringLiteral("—"));
        QCOMPARE(yesNo->itemData(1).toString(), QStringLiteral("true"));
        QVERIFY(qobject_cast<QListWidget *>(input(FieldKind::MultipleChoice)));
        QVERIFY(qobject_cast<QDateEdit *>(input(FieldKind::Date)));

        FieldEditor *links = build(FieldKind::AnnotationLink, FieldEditorStyle::Form);
        QCOMPARE(links->input(), links->widget());
        QCOMPARE(links->widget()->objectName(), QStringLiteral("links_annotation-link"));
        QVERIFY(links->widget()->findChild<QToolButton *>(QStringLiteral("linkButton")));

        FieldEditor *actor = build(FieldKind::ActorLink, FieldEditorStyle::Form);
        auto *combo = qobject_cast<QComboBox *>(actor->input());
        QVERIFY(combo);
        QCOMPARE(combo->objectName(), QStringLiteral("actorCombo"));
        QCOMPARE(combo->count(), 3); // "—", then the actors by name
        QCOMPARE(combo->itemText(1), QStringLiteral("Léa Brannigan"));
        QCOMPARE(combo->itemData(1, Qt::ToolTipRole).toString(), QStringLiteral("spokesperson"));
        QCOMPARE(actor->fromTextButton()->objectName(), QStringLiteral("actorFromText"));
        QCOMPARE(actor->fromTextButton()->text(), QStringLiteral("New from Text"));
    }

    void panelAndDialogBuildTheirCompactEditors()
    {
        const auto panel = [this](FieldKind kind) { return build(kind, FieldEditorStyle::Panel); };
        for (const FieldKind kind : {FieldKind::Text, FieldKind::Number, FieldKind::Date, FieldKind::MultipleChoice})
            QVERIFY(panel(kind)->takesText());
        QCOMPARE(qobject_cast<QLineEdit *>(panel(FieldKind::Date)->input())->placeholderText(),
                 QStringLiteral("yyyy-mm-dd"));
        QCOMPARE(qobject_cast<QLineEdit *>(panel(FieldKind::MultipleChoice)->input())->placeholderText(),
                 QStringLiteral("conflict, economy, safety"));
        for (const FieldKind kind : {FieldKind::SingleChoice, FieldKind::Ordinal, FieldKind::Boolean}) {
            auto *combo = qobject_cast<QComboBox *>(panel(kind)->input());
            QVERIFY(combo);
            QCOMPARE(combo->itemText(0), QString());
            QCOMPARE(combo->minimumContentsLength(), 4);
        }
        auto *actors = qobject_cast<QComboBox *>(panel(FieldKind::ActorLink)->input());
        QVERIFY(actors);
        QCOMPARE(actors->count(), 3);
        QCOMPARE(actors->itemData(1).toUuid(), m_project->actors().first().id); // the registry's order
        QVERIFY(qobject_cast<QLabel *>(panel(FieldKind::AnnotationLink)->input()));

        const auto dialog = [this](FieldKind kind) { return build(kind, FieldEditorStyle::Dialog); };
        for (const FieldKind kind : AllKinds) {
            const bool combo = kind == FieldKind::SingleChoice || kind == FieldKind::Ordinal;
            QCOMPARE(qobject_cast<QComboBox *>(dialog(kind)->input()) != nullptr, combo);
            QCOMPARE(dialog(kind)->takesText(), !combo);
        }
    }

    void readOnlyFormEditorsTakeNoInput()
    {
        for (const FieldKind kind : AllKinds) {
            FieldEditor *editor = build(kind, FieldEditorStyle::Form, true);
            if (auto *line = qobject_cast<QLineEdit *>(editor->input()))
                QVERIFY(line->isReadOnly());
            else if (kind == FieldKind::AnnotationLink)
                QVERIFY(!editor->widget()->findChild<QToolButton *>(QStringLiteral("linkButton"))->isEnabled());
            else
                QVERIFY2(!editor->widget()->isEnabled(), qPrintable(fieldKindName(kind)));
        }
    }

    // Build, show a value, read back the same value: every kind, every place.
    void valuesShownAreReadBack_data()
    {
        QTest::addColumn<int>("style");
        QTest::newRow("form") << int(FieldEditorStyle::Form);
        QTest::newRow("panel") << int(FieldEditorStyle::Panel);
        QTest::newRow("dialog") << int(FieldEditorStyle::Dialog);
    }

    void valuesShownAreReadBack()
    {
        QFETCH(int, style);
        for (const FieldKind kind : AllKinds) {
            const QByteArray what = fieldKindName(kind).toUtf8();
            FieldEditor *editor = build(kind, FieldEditorStyle(style));
            const QList<FieldValue> values = sample(editor->field());
            editor->setValues(values);
            // A line holds text for the caller's parser: what it shows is the values' text.
            QCOMPARE(editor->text(), editor->textOf(values));
            const auto read = editor->values();
            if (editor->takesText() && kind != FieldKind::Text) {
                QVERIFY2(!read, what.constData());
            } else {
                QVERIFY2(read, what.constData());
                QCOMPARE(*read, values);
            }
            editor->setValues({});
            QCOMPARE(editor->text(), QString());
            QCOMPARE(editor->values().value_or(QList<FieldValue>{}), QList<FieldValue>{});
        }
    }

    void linesShowTheirValuesAsText()
    {
        FieldEditor *multiple = build(FieldKind::MultipleChoice, FieldEditorStyle::Panel);
        multiple->setValues(sample(multiple->field()));
        QCOMPARE(multiple->text(), QStringLiteral("conflict, safety"));

        FieldEditor *actor = build(FieldKind::ActorLink, FieldEditorStyle::Dialog);
        actor->setValues({FieldValue{actor->field().id, {}, {}, m_brannigan}});
        QCOMPARE(qobject_cast<QLineEdit *>(actor->input())->text(), QStringLiteral("Léa Brannigan"));

        FieldEditor *links = build(FieldKind::AnnotationLink, FieldEditorStyle::Panel);
        links->setValues(sample(links->field()));
        QCOMPARE(qobject_cast<QLabel *>(links->input())->text(), QStringLiteral("2 link(s)"));

        FieldEditor *formLinks = build(FieldKind::AnnotationLink, FieldEditorStyle::Form);
        const QList<FieldValue> targets = sample(formLinks->field());
        formLinks->setValues(targets);
        const QList<QLabel *> entries = formLinks->widget()->findChildren<QLabel *>();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.first()->text(), targets.first().annotationId.toString(QUuid::WithoutBraces));
        QCOMPARE(formLinks->widget()->findChild<QToolButton *>(QStringLiteral("linkButton"))->text(),
                 QStringLiteral("Link to…")); // several allowed: the button keeps adding

        CodeField one = fieldOf(FieldKind::AnnotationLink);
        one.multiple = false;
        FieldEditor *single = FieldEditorFactory::build(one, FieldEditorStyle::Form, *m_project, m_host.get());
        single->setLinkEntry([](const QUuid &, QWidget *parent) { return new QLabel(parent); });
        single->setValues({sample(one).first()});
        QCOMPARE(single->widget()->findChild<QToolButton *>(QStringLiteral("linkButton"))->text(),
                 QStringLiteral("Change…"));
    }

    // Showing values is not an edit; each edit the user makes is one `edited`.
    void showingEmitsNothing()
    {
        for (const FieldEditorStyle style : {FieldEditorStyle::Form, FieldEditorStyle::Panel, FieldEditorStyle::Dialog}) {
            for (const FieldKind kind : AllKinds) {
                FieldEditor *editor = build(kind, style);
                QSignalSpy edited(editor, &FieldEditor::edited);
                editor->setValues(sample(editor->field()));
                editor->setValues({});
                QVERIFY2(edited.isEmpty(), qPrintable(fieldKindName(kind)));
            }
        }
    }

    void eachUserEditEmitsOnce()
    {
        FieldEditor *choice = build(FieldKind::SingleChoice, FieldEditorStyle::Form);
        QSignalSpy choiceEdited(choice, &FieldEditor::edited);
        auto *combo = qobject_cast<QComboBox *>(choice->input());
        combo->setCurrentIndex(combo->findData(QStringLiteral("safety")));
        QCOMPARE(choiceEdited.size(), 1);
        QCOMPARE(choice->values()->value(0).text, QStringLiteral("safety"));

        FieldEditor *multiple = build(FieldKind::MultipleChoice, FieldEditorStyle::Form);
        QSignalSpy multipleEdited(multiple, &FieldEditor::edited);
        qobject_cast<QListWidget *>(multiple->input())->item(1)->setCheckState(Qt::Checked);
        QCOMPARE(multipleEdited.size(), 1);
        QCOMPARE(multiple->values()->value(0).text, QStringLiteral("economy"));

        FieldEditor *date = build(FieldKind::Date, FieldEditorStyle::Form);
        date->setValues(sample(date->field()));
        QSignalSpy dateEdited(date, &FieldEditor::edited);
        qobject_cast<QDateEdit *>(date->input())->setDate(QDate(2025, 3, 15));
        QCOMPARE(dateEdited.size(), 1);
        QCOMPARE(date->text(), QStringLiteral("2025-03-15"));
        date->widget()->findChild<QToolButton *>()->click(); // ✕ clears the date
        QCOMPARE(dateEdited.size(), 2);
        QCOMPARE(*date->values(), QList<FieldValue>{});

        FieldEditor *actor = build(FieldKind::ActorLink, FieldEditorStyle::Panel);
        QSignalSpy actorEdited(actor, &FieldEditor::edited);
        auto *actors = qobject_cast<QComboBox *>(actor->input());
        actors->setCurrentIndex(actors->findData(m_brannigan));
        QCOMPARE(actorEdited.size(), 1);
        QCOMPARE(actor->values()->value(0).actorId, m_brannigan);
    }

    void formLinesReportEachKeystrokePanelLinesWhenFinished()
    {
        FieldEditor *form = build(FieldKind::Text, FieldEditorStyle::Form);
        QSignalSpy formEdited(form, &FieldEditor::edited);
        QTest::keyClicks(form->input(), QStringLiteral("ab"));
        QCOMPARE(formEdited.size(), 2);
        QCOMPARE(form->text(), QStringLiteral("ab"));

        FieldEditor *panel = build(FieldKind::Date, FieldEditorStyle::Panel);
        panel->setValues(sample(panel->field()));
        QSignalSpy panelEdited(panel, &FieldEditor::edited);
        QTest::keyClick(panel->input(), Qt::Key_Return); // finished without a change: nothing
        QCOMPARE(panelEdited.size(), 0);
        auto *line = qobject_cast<QLineEdit *>(panel->input());
        line->selectAll();
        QTest::keyClicks(line, QStringLiteral("2025-03-16"));
        QCOMPARE(panelEdited.size(), 0);
        QTest::keyClick(line, Qt::Key_Return);
        QCOMPARE(panelEdited.size(), 1);
        QCOMPARE(panel->text(), QStringLiteral("2025-03-16"));
        QTest::keyClick(line, Qt::Key_Return);
        QCOMPARE(panelEdited.size(), 1);
    }

    void formLinkAndActorButtonsAskTheirCaller()
    {
        qRegisterMetaType<QMenu *>();
        FieldEditor *links = build(FieldKind::AnnotationLink, FieldEditorStyle::Form);
        QSignalSpy menuRequested(links, &FieldEditor::linkMenuRequested);
        QMenu *menu = links->widget()->findChild<QToolButton *>(QStringLiteral("linkButton"))->menu();
        Q_EMIT menu->aboutToShow();
        QCOMPARE(menuRequested.size(), 1);
        QCOMPARE(menuRequested.first().first().value<QMenu *>(), menu);

        FieldEditor *actor = build(FieldKind::ActorLink, FieldEditorStyle::Form);
        QSignalSpy fromText(actor, &FieldEditor::actorFromTextRequested);
        QSignalSpy edited(actor, &FieldEditor::edited);
        actor->fromTextButton()->click();
        QCOMPARE(fromText.size(), 1);
        QCOMPARE(edited.size(), 0);
    }

    // The form's actor combo follows the registry when it shows values again.
    void formActorsFollowTheRegistry()
    {
        FieldEditor *actor = build(FieldKind::ActorLink, FieldEditorStyle::Form);
        const QList<FieldValue> reedy{FieldValue{actor->field().id, {}, {}, m_reedy}};
        actor->setValues(reedy);
        Actor a;
        a.name = QStringLiteral("Maren Oyelaran");
        QVERIFY(m_project->addActor(a));
        QSignalSpy edited(actor, &FieldEditor::edited);
        actor->setValues(reedy);
        QCOMPARE(qobject_cast<QComboBox *>(actor->input())->count(), 4);
        QCOMPARE(*actor->values(), reedy);
        QVERIFY(edited.isEmpty());
    }
};

QTEST_MAIN(TestFieldEditor)
#include "tst_fieldeditor.moc"
