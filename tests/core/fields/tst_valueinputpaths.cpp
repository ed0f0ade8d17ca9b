// The window and the CLI read typed values alike (issue 9: the outlet dialog
// cleared an actor name it did not know, the CLI created the actor): the one
// input table through ValueInput (the outlet dialog), Project::parseValues
// (table cells, the variables panel) and the CLI's prepareFieldValues
// (--field of annotate and set-variable) gives the same values and the same
// errors; an unknown actor is proposed by the first, refused with a message by
// the second (nothing adds it there) and becomes a new actor in the CLI.
#include "ValueInputFixture.h"

#include "cli/FieldValueOptions.h"
#include "fields/ValueInput.h"

#include <QSignalSpy>

using namespace newscoder;
using namespace newscoder::test;

class TestValueInputPaths : public QObject
{
    Q_OBJECT

    ValueInputFixture m_fx;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_fx.open()); }

    void appAndCliAgree_data()
    {
        m_fx.addInputRows();
    }
    void appAndCliAgree()
    {
        QFETCH(int, row);
        const TypedInput input = m_fx.inputs().at(row);
        const CodeField field = m_fx.field(input.field);
        Project &project = *m_fx.project;

        // The outlet dialog's path.
        ValueInput dialog(project);
        QString dialogError;
        const auto dialogValues = dialog.parse(field, input.text, &dialogError);

        // Table cells and the variables panel.
        QSignalSpy reported(&project, &Project::errorOccurred);
        const auto cellValues = project.parseValues(field, input.text);

        // The CLI.
        QString cliError;
        const auto prepared = cli::prepareFieldValues(project, {*project.codeByName(QStringLiteral("Quote"))},
                                                      {QString::fromLatin1(input.field) + u'=' + input.text},
                                                      &cliError);

        if (!input.error.isEmpty()) {
            QVERIFY(!dialogValues && !cellValues && !prepared);
            QVERIFY2(dialogError.contains(input.error), qPrintable(dialogError));
            QCOMPARE(project.lastError(), dialogError);
            QCOMPARE(reported.size(), 1); // the window shows it
            QCOMPARE(cliError, field.name + QStringLiteral(": ") + dialogError);
            return;
        }
        QVERIFY2(dialogValues, qPrintable(dialogError));
        QVERIFY2(prepared, qPrintable(cliError));
        QCOMPARE(m_fx.valueText(*dialogValues, dialog.newActors()), input.values);
        QCOMPARE(prepared->assignments.size(), 1);
        QCOMPARE(prepared->assignments.first().field.id, field.id);
        QCOMPARE(m_fx.valueText(prepared->assignments.first().values, prepared->newActors), input.values);
        QStringList cliNewActors, dialogNewActors;
        for (const Actor &a : prepared->newActors)
            cliNewActors.append(a.name);
        for (const Actor &a : dialog.newActors())
            dialogNewActors.append(a.name);
        QCOMPARE(cliNewActors, input.newActors);
        QCOMPARE(dialogNewActors, input.newActors);
        if (input.newActors.isEmpty()) {
            QVERIFY2(cellValues, qPrintable(project.lastError()));
            QCOMPARE(*cellValues, *dialogValues);
            QCOMPARE(prepared->assignments.first().values, *dialogValues);
            QCOMPARE(reported.size(), 0);
        } else {
            // Never cleared silently: refused, with the name.
            QVERIFY(!cellValues);
            QCOMPARE(project.lastError(),
                     QStringLiteral("No actor in the registry is named “%1”.").arg(input.newActors.first()));
            QCOMPARE(reported.size(), 1);
        }
        QCOMPARE(project.actors().size(), 2); // reading writes no actor
    }

    // The CLI adds the proposed actors (its documented rule) and links them.
    void cliCreatesUnknownActors()
    {
        Project &project = *m_fx.project;
        QString error;
        const auto prepared = cli::prepareFieldValues(project, {*project.codeByName(QStringLiteral("Quote"))},
                                                      {QStringLiteral("Speaker=Lena Holm")}, &error);
        QVERIFY2(prepared, qPrintable(error));
        QVERIFY(cli::createPreparedActors(project, *prepared));
        const auto created = project.actor(prepared->assignments.first().values.first().actorId);
        QVERIFY(created);
        QCOMPARE(created->name, QStringLiteral("Lena Holm"));
        QVERIFY(project.undoStack()->canUndo());
        project.undoStack()->undo();
        QCOMPARE(project.actors().size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestValueInputPaths)
#include "tst_valueinputpaths.moc"
