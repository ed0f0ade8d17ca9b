// The one option-label format: how a choice or scale point reads as a label
// (cells, CLI, exports' value labels), as a list entry (combos, checkable
// lists) and with its value (hints of what may be typed, tooltips).
#include "model/OptionLabel.h"

#include <QTest>

using namespace newscoder;
using namespace Qt::StringLiterals;

class TestOptionLabel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void styles_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("label");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("asLabel");
        QTest::addColumn<QString>("asListEntry");
        QTest::addColumn<QString>("withValue");
        const int choice = int(FieldKind::SingleChoice), scale = int(FieldKind::Ordinal),
                  several = int(FieldKind::MultipleChoice);
        QTest::newRow("choice") << u"direct"_s << u"Direct quote"_s << choice << u"Direct quote"_s
                                << u"Direct quote"_s << u"direct = Direct quote"_s;
        QTest::newRow("no label") << u"indirect"_s << QString() << choice << u"indirect"_s << u"indirect"_s
                                  << u"indirect"_s;
        QTest::newRow("label is the value") << u"yes"_s << u"yes"_s << several << u"yes"_s << u"yes"_s << u"yes"_s;
        QTest::newRow("multiple choice") << u"port"_s << u"Harbour"_s << several << u"Harbour"_s << u"Harbour"_s
                                         << u"port = Harbour"_s;
        // A scale point's label that does not say the value gets it in front.
        QTest::newRow("scale point") << u"2"_s << u"against the target"_s << scale << u"against the target"_s
                                     << u"2  against the target"_s << u"2 = against the target"_s;
        QTest::newRow("scale label says the value") << u"-1"_s << u"−1 slightly against"_s << scale
                                                    << u"−1 slightly against"_s << u"−1 slightly against"_s
                                                    << u"-1 = −1 slightly against"_s;
        QTest::newRow("scale label with plus") << u"3"_s << u"+3"_s << scale << u"+3"_s << u"+3"_s << u"3 = +3"_s;
        QTest::newRow("scale point without label") << u"0"_s << QString() << scale << u"0"_s << u"0"_s << u"0"_s;
    }
    void styles()
    {
        QFETCH(QString, value);
        QFETCH(QString, label);
        QFETCH(int, kind);
        const FieldOption option{value, label};
        const auto k = FieldKind(kind);
        QTEST(optionLabel(option, OptionLabelStyle::Label, k), "asLabel");
        QTEST(optionLabel(option, OptionLabelStyle::ListEntry, k), "asListEntry");
        QTEST(optionLabel(option, OptionLabelStyle::ValueAndLabel, k), "withValue");
        QTEST(optionLabel(option), "asLabel"); // the default style
    }

    // A stored value: its option's label, the value itself when no option has it.
    void storedValue()
    {
        CodeField field;
        field.kind = FieldKind::Ordinal;
        field.options = {{u"1"_s, u"for"_s}, {u"2"_s, u"2 strongly for"_s}};
        QCOMPARE(optionLabel(field, u"1"_s), u"for"_s);
        QCOMPARE(optionLabel(field, u"1"_s, OptionLabelStyle::ListEntry), u"1  for"_s);
        QCOMPARE(optionLabel(field, u"2"_s, OptionLabelStyle::ListEntry), u"2 strongly for"_s);
        QCOMPARE(optionLabel(field, u"9"_s), u"9"_s);
        QCOMPARE(field.labelFor(u"1"_s), u"for"_s); // CodeField::labelFor is the Label style
    }
};

QTEST_GUILESS_MAIN(TestOptionLabel)
#include "tst_optionlabel.moc"
