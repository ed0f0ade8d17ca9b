// ValueInput's rules: typed text → the values of a field of every kind, with
// every error it gives, and an unknown actor proposed (never dropped).
#include "ValueInputFixture.h"

#include "fields/ValueInput.h"

using namespace newscoder;
using namespace newscoder::test;

class TestValueInput : public QObject
{
    Q_OBJECT

    ValueInputFixture m_fx;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_fx.open()); }

    void everyKindAndError_data()
    {
        m_fx.addInputRows();
    }
    void everyKindAndError()
    {
        QFETCH(int, row);
        const TypedInput input = m_fx.inputs().at(row);
        const CodeField field = m_fx.field(input.field);
        QVERIFY(!field.id.isNull());
        ValueInput parser(*m_fx.project);
        QString error;
        const auto values = parser.parse(field, input.text, &error);
        if (!input.error.isEmpty()) {
            QVERIFY2(!values, qPrintable(m_fx.valueText(values.value_or(QList<FieldValue>{}), {}).join(u'|')));
            QVERIFY2(error.contains(input.error), qPrintable(error));
            QVERIFY(parser.newActors().isEmpty());
            return;
        }
        QVERIFY2(values, qPrintable(error));
        QCOMPARE(m_fx.valueText(*values, parser.newActors()), input.values);
        for (const FieldValue &v : *values)
            QCOMPARE(v.fieldId, field.id);
        QStringList proposed;
        for (const Actor &a : parser.newActors()) {
            QVERIFY(!a.id.isNull());
            QVERIFY(!m_fx.project->actor(a.id));
            proposed.append(a.name);
        }
        QCOMPARE(proposed, input.newActors);
    }

    // One ValueInput over several texts proposes an unknown name once; the
    // registry is not written.
    void unknownActorProposedOnceAcrossFields()
    {
        const int steps = m_fx.project->undoStack()->count();
        ValueInput parser(*m_fx.project);
        QString error;
        const auto speaker = parser.parse(m_fx.field("Speaker"), QStringLiteral("Lena Holm"), &error);
        const auto sources = parser.parse(m_fx.field("Sources"), QStringLiteral("LENA HOLM, Ana Reyes"), &error);
        QVERIFY(speaker && sources);
        QCOMPARE(parser.newActors().size(), 1);
        QCOMPARE(speaker->first().actorId, parser.newActors().first().id);
        QCOMPARE(sources->first().actorId, parser.newActors().first().id);
        QCOMPARE(m_fx.project->actors().size(), 2);
        QCOMPARE(m_fx.project->undoStack()->count(), steps); // parsing writes nothing
    }

    // What a choice field takes, as the errors list it.
    void allowedValues()
    {
        QCOMPARE(ValueInput::allowedValues(m_fx.field("Type")),
                 QStringLiteral("one of: direct = Direct quote, partial = Partial, indirect"));
        QCOMPARE(ValueInput::allowedValues(m_fx.field("Count")), QString());
    }
};

QTEST_GUILESS_MAIN(TestValueInput)
#include "tst_valueinput.moc"
